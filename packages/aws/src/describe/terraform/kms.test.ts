import type { RawResource } from '@eugate/core';
import { expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

/** `aws_kms_key` as in the regula bucket_sse plan. */
const key = (properties: Record<string, unknown>) =>
  raw('aws_kms_key.k', {
    customer_master_key_spec: 'SYMMETRIC_DEFAULT',
    enable_key_rotation: false,
    is_enabled: true,
    key_usage: 'ENCRYPT_DECRYPT',
    multi_region: false,
    arn: AFTER_APPLY,
    key_id: AFTER_APPLY,
    policy: AFTER_APPLY,
    ...properties,
  });

it.each<[string, RawResource[], unknown, string[]]>([
  ['rotation off (regula plan)', [key({})], false, []],
  ['rotation on', [key({ enable_key_rotation: true })], true, []],
  ['rotation unset', [key({ enable_key_rotation: null })], false, []],
  [
    'aliases identify the key',
    [
      key({ key_id: '1234abcd' }),
      raw(
        'aws_kms_alias.a',
        { name: 'alias/orders', target_key_id: AFTER_APPLY },
        { references: { target_key_id: ['aws_kms_key.k.key_id', 'aws_kms_key.k'] } },
      ),
    ],
    false,
    ['1234abcd', 'alias/orders'],
  ],
])('%s', (_, resources, rotation, identifiers) => {
  const result = describeAll(...resources);
  const described = resourceOf(result, 'aws_kms_key.k');
  expect(described).toMatchObject({ kind: 'encryption-key', storesData: false });
  expect(factValue(described.facts.keyRotation)).toBe(rotation);
  expect(described.identifiers).toEqual(identifiers.sort());
});

it('a key policy granting everyone is public access', () => {
  const policy = JSON.stringify({
    Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*' }],
  });
  expect(factValue(resourceOf(describeAll(key({ policy })), 'aws_kms_key.k').facts.publicAccess)).toBe(true);
});
