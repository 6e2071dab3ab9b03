import type { RawResource } from '@eugate/core';
import { expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

const fileSystem = (properties: Record<string, unknown>, references: Record<string, string[]> = {}) =>
  raw(
    'aws_efs_file_system.fs',
    {
      creation_token: 'orders',
      encrypted: AFTER_APPLY,
      kms_key_id: AFTER_APPLY,
      id: AFTER_APPLY,
      ...properties,
    },
    { references },
  );

it.each<[string, RawResource[], unknown, unknown[]]>([
  ['encrypted unset: unencrypted', [fileSystem({})], 'none', []],
  ['encrypted = false', [fileSystem({ encrypted: false })], 'none', []],
  ['encrypted without a key: aws/elasticfilesystem', [fileSystem({ encrypted: true })], 'provider-key', []],
  [
    'encrypted with a key resource',
    [
      raw('aws_kms_key.k', {}),
      fileSystem({ encrypted: true }, { kms_key_id: ['aws_kms_key.k.arn', 'aws_kms_key.k'] }),
    ],
    'customer-key',
    [],
  ],
  [
    'replicated to another region',
    [
      fileSystem({ encrypted: true }),
      raw(
        'aws_efs_replication_configuration.r',
        {
          source_file_system_id: AFTER_APPLY,
          destination: [{ region: 'us-west-2', file_system_id: AFTER_APPLY }],
        },
        { references: { source_file_system_id: ['aws_efs_file_system.fs.id', 'aws_efs_file_system.fs'] } },
      ),
    ],
    'provider-key',
    [
      {
        kind: 'replica',
        from: { self: true },
        to: {
          region: {
            known: true,
            value: 'us-west-2',
            evidence: [
              {
                path: 'destination[0].region',
                value: 'us-west-2',
                from: 'aws_efs_replication_configuration.r',
              },
            ],
          },
        },
      },
    ],
  ],
])('%s', (_, resources, encryption, flows) => {
  const described = resourceOf(describeAll(...resources), 'aws_efs_file_system.fs');
  expect(described).toMatchObject({ kind: 'file-storage', storesData: true });
  expect(factValue(described.facts.encryptionAtRest)).toBe(encryption);
  expect(described.flows.map(({ kind, from, to }) => ({ kind, from, to }))).toEqual(flows);
});
