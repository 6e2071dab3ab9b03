import { expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

/** The checkov deleted-resources plan's secret: `replica` and `policy` computed when unset. */
const secret = (properties: Record<string, unknown>) =>
  raw('aws_secretsmanager_secret.s', {
    description: null,
    force_overwrite_replica_secret: false,
    kms_key_id: null,
    name: 'test',
    recovery_window_in_days: 30,
    policy: AFTER_APPLY,
    replica: AFTER_APPLY,
    arn: AFTER_APPLY,
    ...properties,
  });

it.each<[string, Record<string, unknown>, unknown, string[]]>([
  ['defaults (checkov plan)', {}, 'provider-key', []],
  [
    'customer key, replicated to two regions',
    {
      kms_key_id: 'arn:aws:kms:eu-central-1:1:key/x',
      replica: [
        { region: 'eu-west-1', kms_key_id: null },
        { region: 'us-east-1', kms_key_id: null },
      ],
    },
    'customer-key',
    ['eu-west-1', 'us-east-1'],
  ],
])('%s', (_, properties, encryption, replicaRegions) => {
  const described = resourceOf(describeAll(secret(properties)), 'aws_secretsmanager_secret.s');
  expect(described).toMatchObject({ kind: 'secret', storesData: true });
  expect(factValue(described.facts.encryptionAtRest)).toBe(encryption);
  expect(factValue(described.facts.publicAccess)).toBe(false);
  expect(described.flows.map((f) => [f.kind, 'region' in f.to ? factValue(f.to.region) : undefined])).toEqual(
    replicaRegions.map((r) => ['replica', r]),
  );
});
