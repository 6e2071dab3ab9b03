import { expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

const group = (properties: Record<string, unknown>) =>
  raw('aws_elasticache_replication_group.r', {
    replication_group_id: 'sessions',
    engine: 'redis',
    node_type: 'cache.t4g.small',
    at_rest_encryption_enabled: AFTER_APPLY,
    transit_encryption_enabled: AFTER_APPLY,
    transit_encryption_mode: AFTER_APPLY,
    kms_key_id: null,
    ...properties,
  });

it.each<[string, Record<string, unknown>, unknown, unknown]>([
  ['redis defaults: nothing encrypted', {}, 'none', { enforced: false }],
  ['valkey defaults to encryption at rest', { engine: 'valkey' }, 'provider-key', { enforced: false }],
  [
    'both switched on, customer key',
    {
      at_rest_encryption_enabled: true,
      kms_key_id: 'arn:aws:kms:eu-central-1:1:key/x',
      transit_encryption_enabled: true,
    },
    'customer-key',
    { enforced: true },
  ],
  [
    'transit preferred still accepts plain connections',
    {
      at_rest_encryption_enabled: false,
      transit_encryption_enabled: true,
      transit_encryption_mode: 'preferred',
    },
    'none',
    { enforced: false },
  ],
])('%s', (_, properties, atRest, inTransit) => {
  const described = resourceOf(describeAll(group(properties)), 'aws_elasticache_replication_group.r');
  expect(described).toMatchObject({ kind: 'cache', storesData: true });
  expect(factValue(described.facts.encryptionAtRest)).toBe(atRest);
  expect(factValue(described.facts.encryptionInTransit)).toEqual(inTransit);
});
