import type { RawResource } from '@eugate/core';
import { expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

const topic = (properties: Record<string, unknown>, references: Record<string, string[]> = {}) =>
  raw(
    'aws_sns_topic.t',
    { name: 'orders', kms_master_key_id: null, policy: AFTER_APPLY, arn: AFTER_APPLY, ...properties },
    { references },
  );

it.each<[string, RawResource[], Record<string, unknown>]>([
  ['no key: not encrypted at rest', [topic({})], { encryptionAtRest: 'none', publicAccess: false }],
  ['AWS managed key', [topic({ kms_master_key_id: 'alias/aws/sns' })], { encryptionAtRest: 'provider-key' }],
  [
    'key resource',
    [
      raw('aws_kms_key.k', {}),
      topic({ kms_master_key_id: AFTER_APPLY }, { kms_master_key_id: ['aws_kms_key.k.id', 'aws_kms_key.k'] }),
    ],
    { encryptionAtRest: 'customer-key' },
  ],
  [
    'topic policy resource open to everyone',
    [
      topic({}),
      raw(
        'aws_sns_topic_policy.p',
        {
          arn: AFTER_APPLY,
          policy: JSON.stringify({
            Statement: { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'SNS:Publish', Resource: '*' },
          }),
        },
        { references: { arn: ['aws_sns_topic.t.arn', 'aws_sns_topic.t'] } },
      ),
    ],
    { publicAccess: true, wildcardAccess: false },
  ],
])('%s', (_, resources, expected) => {
  const facts = resourceOf(describeAll(...resources), 'aws_sns_topic.t').facts;
  for (const [name, value] of Object.entries(expected))
    expect(factValue(facts[name as keyof typeof facts])).toEqual(value);
});
