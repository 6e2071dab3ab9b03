import type { Scan } from '@eugate/core';
import { evidence, knownFact, type RawResource } from '@eugate/core';
import { encryptionByKey } from './encryption.js';
import { buildResource, describeConfiguration, type TypeDescriber } from './resource-base.js';
import { policyPublicAccess, policyWildcardAccess, type ReadPolicy, readPolicy } from './resource-policy.js';

const TOPIC = 'aws_sns_topic';
const TOPIC_POLICY = 'aws_sns_topic_policy';
const TOPIC_NAMES = ['arn', 'id'];

function policies(topic: RawResource, scan: Scan): ReadPolicy[] {
  return [
    readPolicy(topic, 'policy'),
    ...scan
      .companionsOf(topic, TOPIC_POLICY, 'arn', TOPIC_NAMES)
      .map((policy) => readPolicy(policy, 'policy', policy.address)),
  ];
}

const describeTopic: TypeDescriber = {
  type: TOPIC,
  describe(topic, scan) {
    const read = policies(topic, scan);
    return buildResource(topic, {
      kind: 'topic',
      storesData: true,
      identifierPaths: ['name', 'arn', 'id'],
      facts: {
        encryptionAtRest: encryptionByKey(topic, scan, 'kms_master_key_id', () =>
          knownFact(
            'none',
            evidence('kms_master_key_id', '(not set) — SNS topics are not encrypted at rest without a key'),
          ),
        ),
        publicAccess: policyPublicAccess(read),
        wildcardAccess: policyWildcardAccess(read, ['sns']),
      },
    });
  },
};

export const snsDescribers: readonly TypeDescriber[] = [
  describeTopic,
  {
    type: TOPIC_POLICY,
    describe: (raw, scan) => describeConfiguration(raw, scan.targetOf(raw, 'arn', [TOPIC], TOPIC_NAMES)),
  },
];
