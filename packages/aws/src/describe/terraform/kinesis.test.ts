import { expect, it } from 'vitest';
import { describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

it.each<[string, Record<string, unknown>, unknown]>([
  ['encryption_type NONE (default)', { encryption_type: 'NONE', kms_key_id: null }, 'none'],
  [
    'KMS with the AWS managed key',
    { encryption_type: 'KMS', kms_key_id: 'alias/aws/kinesis' },
    'provider-key',
  ],
  ['KMS with a customer key', { encryption_type: 'KMS', kms_key_id: 'alias/orders-stream' }, 'customer-key'],
])('%s', (_, properties, expected) => {
  const described = resourceOf(
    describeAll(raw('aws_kinesis_stream.s', { name: 'orders', shard_count: 1, ...properties })),
    'aws_kinesis_stream.s',
  );
  expect(described).toMatchObject({ kind: 'stream', storesData: true });
  expect(factValue(described.facts.encryptionAtRest)).toBe(expected);
});
