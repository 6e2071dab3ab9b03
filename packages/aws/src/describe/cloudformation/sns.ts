import { knownFact, type RawResource } from '@eugate/core';
import { encryptionByKey } from './encryption.js';
import { buildResource, configurationOf, type TypeDescriber } from './resource-base.js';
import { policyPublicAccess, policyWildcardAccess, type ReadPolicy, readPolicy } from './resource-policy.js';
import type { Scan } from './scan.js';
import { notSet } from './template-values.js';

const TOPIC = 'AWS::SNS::Topic';
const TOPIC_POLICY = 'AWS::SNS::TopicPolicy';

/** `AWS::SNS::TopicPolicy.Topics` lists topic ARNs (what `Ref` of a topic returns). */
function policies(topic: RawResource, scan: Scan): ReadPolicy[] {
  return scan
    .companionsOf(topic, TOPIC_POLICY, 'Topics', [])
    .map((policy) => readPolicy(policy, 'PolicyDocument', policy.address));
}

const describeTopic: TypeDescriber = {
  type: TOPIC,
  describe(topic, scan) {
    const read = policies(topic, scan);
    return buildResource(topic, {
      kind: 'topic',
      storesData: true,
      identifierPaths: ['TopicName'],
      facts: {
        encryptionAtRest: encryptionByKey(topic, scan, 'KmsMasterKeyId', () =>
          knownFact('none', notSet('KmsMasterKeyId', 'SNS topics are not encrypted at rest without a key')),
        ),
        publicAccess: policyPublicAccess(read),
        wildcardAccess: policyWildcardAccess(read, ['sns']),
      },
    });
  },
};

export const snsDescribers: readonly TypeDescriber[] = [
  describeTopic,
  configurationOf(TOPIC_POLICY, 'Topics', [TOPIC], []),
];
