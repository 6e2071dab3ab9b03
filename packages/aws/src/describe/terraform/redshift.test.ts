import { expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

const cluster = (properties: Record<string, unknown>) =>
  raw('aws_redshift_cluster.c', {
    cluster_identifier: 'tf-redshift-cluster',
    node_type: 'dc2.large',
    kms_key_id: AFTER_APPLY,
    ...properties,
  });

it.each<[string, Record<string, unknown>, unknown, unknown]>([
  ['encrypted, private', { encrypted: true, publicly_accessible: false }, 'provider-key', false],
  ['unencrypted, public', { encrypted: false, publicly_accessible: true }, 'none', true],
  [
    'both unset: defaults changed in provider v6',
    { encrypted: null, publicly_accessible: null },
    'unknown: encrypted is not set, and its default differs between provider versions',
    'unknown: publicly_accessible is not set, and its default differs between provider versions',
  ],
])('%s', (_, properties, encryption, exposure) => {
  const described = resourceOf(describeAll(cluster(properties)), 'aws_redshift_cluster.c');
  expect(described).toMatchObject({ kind: 'data-warehouse', storesData: true });
  expect(factValue(described.facts.encryptionAtRest)).toBe(encryption);
  expect(factValue(described.facts.networkExposure)).toBe(exposure);
});
