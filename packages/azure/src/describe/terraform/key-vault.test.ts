import { describe, expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

const V = 'azurerm_key_vault.v';
const vault = (properties: Record<string, unknown> = {}) =>
  raw(V, {
    name: 'orders-kv',
    location: 'westeurope',
    purge_protection_enabled: true,
    public_network_access_enabled: true,
    network_acls: [],
    id: AFTER_APPLY,
    ...properties,
  });

describe('azurerm_key_vault', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ['no network ACLs', {}, true],
    [
      'ACLs deny by default',
      { network_acls: [{ default_action: 'Deny', bypass: 'AzureServices', ip_rules: [] }] },
      false,
    ],
    ['ACLs allow by default', { network_acls: [{ default_action: 'Allow', bypass: 'AzureServices' }] }, true],
    ['public access off', { public_network_access_enabled: false }, false],
  ])('%s', (_name, properties, expected) => {
    const described = resourceOf(describeAll(vault(properties)), V);
    expect([described.kind, described.storesData, factValue(described.facts.networkExposure)]).toEqual([
      'secret',
      true,
      expected,
    ]);
  });

  it.each<[string, Record<string, unknown>, unknown]>([
    ['no rotation policy', { rotation_policy: [] }, false],
    [
      'automatic rotation',
      { rotation_policy: [{ automatic: [{ time_before_expiry: 'P30D' }], expire_after: 'P90D' }] },
      true,
    ],
  ])('key: %s', (_name, properties, expected) => {
    const key = raw(
      'azurerm_key_vault_key.k',
      { name: 'k', key_vault_id: AFTER_APPLY, key_type: 'RSA', ...properties },
      { key_vault_id: [`${V}.id`, V] },
    );
    const described = resourceOf(describeAll(vault(), key), key.address);
    expect([described.kind, factValue(described.region), factValue(described.facts.keyRotation)]).toEqual([
      'encryption-key',
      'westeurope',
      expected,
    ]);
  });
});
