import { describe, expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, flowTargets, raw, resourceOf } from './__fixtures__/raw.js';

const C = 'azurerm_cosmosdb_account.c';
const account = (properties: Record<string, unknown> = {}) =>
  raw(C, {
    name: 'orders-cosmos',
    location: 'westeurope',
    offer_type: 'Standard',
    geo_location: [{ location: 'westeurope', failover_priority: 0, zone_redundant: false }],
    public_network_access_enabled: true,
    is_virtual_network_filter_enabled: false,
    ip_range_filter: [],
    minimal_tls_version: 'Tls12',
    backup: [{ type: 'Periodic', storage_redundancy: 'Local' }],
    id: AFTER_APPLY,
    ...properties,
  });

describe('azurerm_cosmosdb_account', () => {
  it.each<[string, Record<string, unknown>, unknown[]]>([
    ['single region, open network', {}, ['provider-key', { enforced: true, minTlsVersion: '1.2' }, true, []]],
    [
      'second geo_location in eastus',
      {
        geo_location: [
          { location: 'westeurope', failover_priority: 0 },
          { location: 'East US', failover_priority: 1 },
        ],
      },
      ['provider-key', { enforced: true, minTlsVersion: '1.2' }, true, ['replica @eastus']],
    ],
    [
      'customer key, VNet filter',
      { key_vault_key_id: 'https://kv.vault.azure.net/keys/k', is_virtual_network_filter_enabled: true },
      ['customer-key', { enforced: true, minTlsVersion: '1.2' }, false, []],
    ],
    [
      'IP filter with one address (v4 list)',
      { ip_range_filter: ['203.0.113.7'] },
      ['provider-key', { enforced: true, minTlsVersion: '1.2' }, false, []],
    ],
    [
      'IP filter 0.0.0.0/0 (v3 string)',
      { ip_range_filter: '0.0.0.0/0' },
      ['provider-key', { enforced: true, minTlsVersion: '1.2' }, true, []],
    ],
    [
      'minimal TLS version "Tls" is TLS 1.0',
      { minimal_tls_version: 'Tls' },
      ['provider-key', { enforced: true, minTlsVersion: '1.0' }, true, []],
    ],
    [
      'minimal_tls_version not set (configuration): the provider default Tls12',
      { minimal_tls_version: undefined },
      ['provider-key', { enforced: true, minTlsVersion: '1.2' }, true, []],
    ],
    [
      'minimal TLS version "Tls11"',
      { minimal_tls_version: 'Tls11' },
      ['provider-key', { enforced: true, minTlsVersion: '1.1' }, true, []],
    ],
    [
      'public access off',
      { public_network_access_enabled: false },
      ['provider-key', { enforced: true, minTlsVersion: '1.2' }, false, []],
    ],
    [
      'geo-redundant periodic backup',
      { backup: [{ type: 'Periodic', storage_redundancy: 'Geo' }] },
      ['provider-key', { enforced: true, minTlsVersion: '1.2' }, true, ['backup-copy @northeurope']],
    ],
    [
      'continuous backup stays local',
      { backup: [{ type: 'Continuous' }] },
      ['provider-key', { enforced: true, minTlsVersion: '1.2' }, true, []],
    ],
  ])('%s', (_name, properties, expected) => {
    const described = resourceOf(describeAll(account(properties)), C);
    expect([
      factValue(described.facts.encryptionAtRest),
      factValue(described.facts.encryptionInTransit),
      factValue(described.facts.networkExposure),
      flowTargets(described),
    ]).toEqual(expected);
  });

  it('databases configure their account and live where it does', () => {
    const database = raw(
      'azurerm_cosmosdb_sql_database.d',
      { name: 'd', account_name: 'orders-cosmos' },
      { account_name: [C] },
    );
    const described = resourceOf(describeAll(account(), database), database.address);
    expect([described.kind, described.configures, factValue(described.region)]).toEqual([
      'configuration',
      C,
      'westeurope',
    ]);
  });
});
