import type { RawResource } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, flowTargets, raw, resourceOf } from './__fixtures__/raw.js';

const S = 'azurerm_mssql_server.s';
const server = (properties: Record<string, unknown> = {}) =>
  raw(S, {
    name: 'orders-sql',
    location: 'westeurope',
    version: '12.0',
    minimum_tls_version: '1.2',
    public_network_access_enabled: true,
    id: AFTER_APPLY,
    ...properties,
  });
const rule = (name: string, start: unknown, end: unknown) =>
  raw(
    `azurerm_mssql_firewall_rule.${name}`,
    { name, server_id: AFTER_APPLY, start_ip_address: start, end_ip_address: end },
    { server_id: [`${S}.id`, S] },
  );

describe('azurerm_mssql_server', () => {
  it.each<[string, RawResource[], string, unknown]>([
    ['TLS floor 1.2', [server()], 'encryptionInTransit', { enforced: true, minTlsVersion: '1.2' }],
    [
      'TLS floor Disabled accepts 1.0',
      [server({ minimum_tls_version: 'Disabled' })],
      'encryptionInTransit',
      { enforced: true, minTlsVersion: '1.0' },
    ],
    [
      'TLS floor not set (configuration): the provider default 1.2',
      [server({ minimum_tls_version: undefined })],
      'encryptionInTransit',
      { enforced: true, minTlsVersion: '1.2' },
    ],
    ['TDE with a service-managed key', [server()], 'encryptionAtRest', 'provider-key'],
    [
      'TDE with a Key Vault key',
      [
        server(),
        raw(
          'azurerm_mssql_server_transparent_data_encryption.t',
          { server_id: AFTER_APPLY, key_vault_key_id: AFTER_APPLY },
          { server_id: [S], key_vault_key_id: ['azurerm_key_vault_key.k'] },
        ),
      ],
      'encryptionAtRest',
      'customer-key',
    ],
    [
      'public access off',
      [server({ public_network_access_enabled: false }), rule('all', '0.0.0.0', '255.255.255.255')],
      'networkExposure',
      false,
    ],
    ['no firewall rules', [server()], 'networkExposure', false],
    [
      '0.0.0.0–255.255.255.255',
      [server(), rule('all', '0.0.0.0', '255.255.255.255')],
      'networkExposure',
      true,
    ],
    [
      'Allow Azure services 0.0.0.0–0.0.0.0',
      [server(), rule('azure', '0.0.0.0', '0.0.0.0')],
      'networkExposure',
      true,
    ],
    [
      'one office address',
      [server(), rule('office', '203.0.113.7', '203.0.113.7')],
      'networkExposure',
      false,
    ],
    [
      'range known after apply',
      [server(), rule('later', AFTER_APPLY, AFTER_APPLY)],
      'networkExposure',
      'unknown: the address range of firewall rule azurerm_mssql_firewall_rule.later is known only after apply',
    ],
    ['no auditing', [server()], 'accessLogging', false],
    [
      'extended auditing policy',
      [
        server(),
        raw(
          'azurerm_mssql_server_extended_auditing_policy.a',
          { server_id: AFTER_APPLY, enabled: true, storage_endpoint: AFTER_APPLY },
          { server_id: [S] },
        ),
      ],
      'accessLogging',
      true,
    ],
  ])('%s', (_name, resources, fact, expected) => {
    const facts = resourceOf(describeAll(...resources), S).facts as Record<
      string,
      Parameters<typeof factValue>[0]
    >;
    expect(factValue(facts[fact])).toEqual(expected);
  });

  it('the retired azurerm_sql_server without a TLS floor states none (its default is not documented)', () => {
    const old = raw('azurerm_sql_server.old', { name: 'old', location: 'westeurope', version: '12.0' });
    expect(factValue(resourceOf(describeAll(old), old.address).facts.encryptionInTransit)).toEqual({
      enforced: true,
    });
  });
});

describe('azurerm_mssql_database', () => {
  const D = 'azurerm_mssql_database.d';
  const database = (properties: Record<string, unknown> = {}, references: Record<string, string[]> = {}) =>
    raw(
      D,
      {
        name: 'orders',
        server_id: AFTER_APPLY,
        transparent_data_encryption_enabled: true,
        storage_account_type: 'Geo',
        id: AFTER_APPLY,
        ...properties,
      },
      { server_id: [`${S}.id`, S], ...references },
    );

  it.each<[string, RawResource[], unknown[]]>([
    [
      'takes the server region and facts; geo backups',
      [server(), database()],
      ['westeurope', 'provider-key', false, ['backup-copy @northeurope']],
    ],
    [
      'local backups',
      [server(), database({ storage_account_type: 'Local' })],
      ['westeurope', 'provider-key', false, []],
    ],
    [
      'TDE off',
      [server(), database({ transparent_data_encryption_enabled: false, storage_account_type: 'Zone' })],
      ['westeurope', 'none', false, []],
    ],
    [
      'geo-secondary of another database',
      [
        server(),
        raw('azurerm_mssql_database.primary', {
          name: 'p',
          server_id: 'x',
          storage_account_type: 'Local',
          id: AFTER_APPLY,
        }),
        database(
          {
            create_mode: 'Secondary',
            creation_source_database_id: AFTER_APPLY,
            storage_account_type: 'Local',
          },
          {
            creation_source_database_id: [
              'azurerm_mssql_database.primary.id',
              'azurerm_mssql_database.primary',
            ],
          },
        ),
      ],
      ['westeurope', 'provider-key', false, ['replica azurerm_mssql_database.primary']],
    ],
    [
      'server not in the input',
      [database({ storage_account_type: 'Local' }, { server_id: [] })],
      [
        'unknown: azurerm_mssql_database has no location of its own and its parent is not in the input',
        'unknown: encryption at rest is decided by the server, which is not in the input',
        'unknown: network exposure is decided by the server, which is not in the input',
        [],
      ],
    ],
  ])('%s', (_name, resources, expected) => {
    const db = resourceOf(describeAll(...resources), D);
    expect([
      factValue(db.region),
      factValue(db.facts.encryptionAtRest),
      factValue(db.facts.networkExposure),
      flowTargets(db),
    ]).toEqual(expected);
  });
});

describe('failover groups', () => {
  it('replicate to the partner server', () => {
    const partner = raw('azurerm_mssql_server.p', {
      name: 'orders-sql-dr',
      location: 'northeurope',
      id: AFTER_APPLY,
    });
    const group = raw(
      'azurerm_mssql_failover_group.g',
      {
        name: 'g',
        server_id: AFTER_APPLY,
        partner_server: [{ id: AFTER_APPLY, location: AFTER_APPLY, role: AFTER_APPLY }],
        databases: AFTER_APPLY,
      },
      { server_id: [`${S}.id`, S], partner_server: ['azurerm_mssql_server.p.id', 'azurerm_mssql_server.p'] },
    );
    const described = resourceOf(describeAll(server(), partner, group), group.address);
    expect([described.configures, flowTargets(described)]).toEqual([S, ['replica azurerm_mssql_server.p']]);
  });
});
