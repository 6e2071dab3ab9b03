import { asBoolean, knownFact, type RawResource, unknownFact } from '@eugate/core';
import { encryptionByKey } from './encryption.js';
import { buildResource, configurationOf, type TypeDescriber } from './resource-base.js';
import { policyPublicAccess, policyWildcardAccess, type ReadPolicy, readPolicy } from './resource-policy.js';
import type { Scan } from './scan.js';
import { notSet, read } from './template-values.js';

const QUEUE = 'AWS::SQS::Queue';
const QUEUE_POLICY = 'AWS::SQS::QueuePolicy';

/** `AWS::SQS::QueuePolicy.Queues` lists queue URLs (what `Ref` of a queue returns). */
function policies(queue: RawResource, scan: Scan): ReadPolicy[] {
  return scan
    .companionsOf(queue, QUEUE_POLICY, 'Queues', [])
    .map((policy) => readPolicy(policy, 'PolicyDocument', policy.address));
}

const describeQueue: TypeDescriber = {
  type: QUEUE,
  describe(queue, scan) {
    const queuePolicies = policies(queue, scan);
    return buildResource(queue, {
      kind: 'queue',
      storesData: true,
      identifierPaths: ['QueueName'],
      facts: {
        encryptionAtRest: encryptionByKey(queue, scan, 'KmsMasterKeyId', (keyEvidence) => {
          // SSE-SQS (SQS-owned keys) is on for new queues unless switched off explicitly.
          const managed = asBoolean(read(queue, 'SqsManagedSseEnabled'));
          if (managed.state === 'unknown') return unknownFact(managed.reason, managed.evidence, keyEvidence);
          if (managed.state === 'set' && !managed.value)
            return knownFact('none', managed.evidence, keyEvidence);
          return knownFact(
            'provider-key',
            managed.state === 'set'
              ? managed.evidence
              : notSet('SqsManagedSseEnabled', 'SSE-SQS is on by default for new queues'),
            keyEvidence,
          );
        }),
        publicAccess: policyPublicAccess(queuePolicies),
        wildcardAccess: policyWildcardAccess(queuePolicies, ['sqs']),
      },
    });
  },
};

export const sqsDescribers: readonly TypeDescriber[] = [
  describeQueue,
  configurationOf(QUEUE_POLICY, 'Queues', [QUEUE], []),
];
