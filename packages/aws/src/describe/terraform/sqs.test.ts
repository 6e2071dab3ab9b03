import type { RawResource } from '@eugate/core';
import { expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

const queue = (properties: Record<string, unknown>) =>
  raw('aws_sqs_queue.q', {
    name: 'orders',
    kms_master_key_id: null,
    sqs_managed_sse_enabled: AFTER_APPLY,
    policy: AFTER_APPLY,
    url: AFTER_APPLY,
    id: AFTER_APPLY,
    ...properties,
  });
const everyone = JSON.stringify({
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sqs:*', Resource: '*' }],
});

it.each<[string, RawResource[], Record<string, unknown>]>([
  [
    'defaults: SSE-SQS, no policy',
    [queue({})],
    { encryptionAtRest: 'provider-key', publicAccess: false, wildcardAccess: false },
  ],
  ['SSE-SQS switched off', [queue({ sqs_managed_sse_enabled: false })], { encryptionAtRest: 'none' }],
  [
    'KMS key alias of the customer',
    [queue({ kms_master_key_id: 'alias/orders' })],
    { encryptionAtRest: 'customer-key' },
  ],
  [
    'AWS managed key alias',
    [queue({ kms_master_key_id: 'alias/aws/sqs' })],
    { encryptionAtRest: 'provider-key' },
  ],
  [
    'inline policy open to everyone',
    [queue({ policy: everyone })],
    { publicAccess: true, wildcardAccess: true },
  ],
  [
    'queue policy resource pinned to a source ARN',
    [
      queue({}),
      raw(
        'aws_sqs_queue_policy.p',
        {
          queue_url: AFTER_APPLY,
          policy: JSON.stringify({
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 'sns.amazonaws.com' },
                Action: 'sqs:SendMessage',
                Resource: '*',
              },
              {
                Effect: 'Allow',
                Principal: '*',
                Action: 'sqs:SendMessage',
                Resource: '*',
                Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:eu-central-1:1:t' } },
              },
            ],
          }),
        },
        { references: { queue_url: ['aws_sqs_queue.q.id', 'aws_sqs_queue.q'] } },
      ),
    ],
    { publicAccess: false },
  ],
])('%s', (_, resources, expected) => {
  const facts = resourceOf(describeAll(...resources), 'aws_sqs_queue.q').facts;
  for (const [name, value] of Object.entries(expected))
    expect(factValue(facts[name as keyof typeof facts])).toEqual(value);
});
