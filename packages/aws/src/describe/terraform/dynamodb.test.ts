import type { RawResource } from '@eugate/core';
import { expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

/** Shapes from the checkov / infracost plans: `server_side_encryption` is computed when unset. */
const table = (properties: Record<string, unknown>, references: Record<string, string[]> = {}) =>
  raw(
    'aws_dynamodb_table.t',
    {
      name: 'orders',
      billing_mode: 'PAY_PER_REQUEST',
      hash_key: 'id',
      replica: [],
      server_side_encryption: AFTER_APPLY,
      arn: AFTER_APPLY,
      ...properties,
    },
    { references },
  );

it.each<[string, RawResource[], string, unknown, unknown[]]>([
  ['default: AWS owned key', [table({})], 'aws_dynamodb_table.t', 'provider-key', []],
  [
    'enabled without key: AWS managed key',
    [table({ server_side_encryption: [{ enabled: true, kms_key_arn: AFTER_APPLY }] })],
    'aws_dynamodb_table.t',
    'provider-key',
    [],
  ],
  [
    'enabled with a key ARN',
    [
      table({
        server_side_encryption: [
          {
            enabled: true,
            kms_key_arn: 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          },
        ],
      }),
    ],
    'aws_dynamodb_table.t',
    'customer-key',
    [],
  ],
  [
    'global table replicas',
    [
      table({
        replica: [
          { region_name: 'eu-west-1', kms_key_arn: null },
          { region_name: 'us-east-1', kms_key_arn: null },
        ],
      }),
    ],
    'aws_dynamodb_table.t',
    'provider-key',
    [
      {
        kind: 'replica',
        from: { self: true },
        to: {
          region: {
            known: true,
            value: 'eu-west-1',
            evidence: [{ path: 'replica[0].region_name', value: 'eu-west-1' }],
          },
        },
      },
      {
        kind: 'replica',
        from: { self: true },
        to: {
          region: {
            known: true,
            value: 'us-east-1',
            evidence: [{ path: 'replica[1].region_name', value: 'us-east-1' }],
          },
        },
      },
    ],
  ],
  [
    'aws_dynamodb_table_replica: the copy, in its own provider region',
    [
      table({}),
      raw(
        'aws_dynamodb_table_replica.r',
        { global_table_arn: AFTER_APPLY, kms_key_arn: null },
        {
          region: 'us-east-1',
          references: { global_table_arn: ['aws_dynamodb_table.t.arn', 'aws_dynamodb_table.t'] },
        },
      ),
    ],
    'aws_dynamodb_table_replica.r',
    'provider-key',
    [
      {
        kind: 'replica',
        from: { address: 'aws_dynamodb_table.t' },
        to: { self: true },
        evidence: [{ path: 'global_table_arn', value: '(unknown: known after apply)' }],
      },
    ],
  ],
])('%s', (_, resources, address, encryption, flows) => {
  const described = resourceOf(describeAll(...resources), address);
  expect(described).toMatchObject({ kind: 'nosql-database', storesData: true });
  expect(factValue(described.facts.encryptionAtRest)).toBe(encryption);
  expect(described.flows).toEqual(flows.map((f) => ({ evidence: expect.anything(), ...(f as object) })));
});
