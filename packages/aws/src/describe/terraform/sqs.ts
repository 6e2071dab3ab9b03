import type { Scan } from '@eugate/core';
import { asBoolean, evidence, knownFact, type RawResource, unknownFact } from '@eugate/core';
import { encryptionByKey } from './encryption.js';
import { readConfigured } from './plan-values.js';
import { buildResource, describeConfiguration, type TypeDescriber } from './resource-base.js';
import { policyPublicAccess, policyWildcardAccess, type ReadPolicy, readPolicy } from './resource-policy.js';

const QUEUE = 'aws_sqs_queue';
const QUEUE_POLICY = 'aws_sqs_queue_policy';
/** `aws_sqs_queue_policy.queue_url` holds the queue URL, which is the queue's id. */
const QUEUE_NAMES = ['id', 'url'];

function policies(queue: RawResource, scan: Scan): ReadPolicy[] {
  return [
    readPolicy(queue, 'policy'),
    ...scan
      .companionsOf(queue, QUEUE_POLICY, 'queue_url', QUEUE_NAMES)
      .map((policy) => readPolicy(policy, 'policy', policy.address)),
  ];
}

const describeQueue: TypeDescriber = {
  type: QUEUE,
  describe(queue, scan) {
    const read = policies(queue, scan);
    return buildResource(queue, {
      kind: 'queue',
      storesData: true,
      identifierPaths: ['name', 'arn', 'id', 'url'],
      facts: {
        encryptionAtRest: encryptionByKey(queue, scan, 'kms_master_key_id', (keyEvidence) => {
          // SSE-SQS (SQS-owned keys) is on for new queues unless switched off explicitly.
          const managed = asBoolean(readConfigured(queue, 'sqs_managed_sse_enabled'));
          if (managed.state === 'unknown') return unknownFact(managed.reason, managed.evidence, keyEvidence);
          if (managed.state === 'set' && !managed.value)
            return knownFact('none', managed.evidence, keyEvidence);
          return knownFact(
            'provider-key',
            managed.state === 'set'
              ? managed.evidence
              : evidence('sqs_managed_sse_enabled', '(not set) — SSE-SQS is on by default for new queues'),
            keyEvidence,
          );
        }),
        publicAccess: policyPublicAccess(read),
        wildcardAccess: policyWildcardAccess(read, ['sqs']),
      },
    });
  },
};

export const sqsDescribers: readonly TypeDescriber[] = [
  describeQueue,
  {
    type: QUEUE_POLICY,
    describe: (raw, scan) =>
      describeConfiguration(raw, scan.targetOf(raw, 'queue_url', [QUEUE], QUEUE_NAMES)),
  },
];
