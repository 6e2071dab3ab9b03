import type { RawResource } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, flowTargets, raw, resourceOf } from './__fixtures__/raw.js';

const PG = 'azurerm_postgresql_flexible_server.pg';
const flexible = (properties: Record<string, unknown> = {}, references: Record<string, string[]> = {}) =>
  raw(
    PG,
    {
      name: 'orders-pg',
      location: 'germanywestcentral',
      version: '16',
      geo_redundant_backup_enabled: false,
      public_network_access_enabled: true,
      customer_managed_key: [],
      id: AFTER_APPLY,
      ...properties,
    },
    references,
  );
const pgConfig = (name: string, value: string) =>
  raw(
    `azurerm_postgresql_flexible_server_configuration.${name}`,
    { name, value, server_id: AFTER_APPLY },
    { server_id: [PG] },
  );

describe('azurerm_postgresql_flexible_server', () => {
  it.each<[string, RawResource[], unknown[]]>([
    ['defaults', [flexible()], ['provider-key', { enforced: true, minTlsVersion: '1.2' }, false, []]],
    [
      'require_secure_transport off',
      [flexible(), pgConfig('require_secure_transport', 'OFF')],
      ['provider-key', { enforced: false, minTlsVersion: '1.2' }, false, []],
    ],
    [
      'ssl_min_protocol_version TLSv1.3',
      [flexible(), pgConfig('ssl_min_protocol_version', 'TLSv1.3')],
      ['provider-key', { enforced: true, minTlsVersion: '1.3' }, false, []],
    ],
    [
      'geo-redundant backup',
      [flexible({ geo_redundant_backup_enabled: true })],
      ['provider-key', { enforced: true, minTlsVersion: '1.2' }, false, ['backup-copy @germanynorth']],
    ],
    [
      'open firewall rule',
      [
        flexible(),
        raw(
          'azurerm_postgresql_flexible_server_firewall_rule.all',
          {
            name: 'all',
            server_id: AFTER_APPLY,
            start_ip_address: '0.0.0.0',
            end_ip_address: '255.255.255.255',
          },
          { server_id: [PG] },
        ),
      ],
      ['provider-key', { enforced: true, minTlsVersion: '1.2' }, true, []],
    ],
    [
      'VNet-integrated (delegated subnet)',
      [
        flexible(
          { delegated_subnet_id: AFTER_APPLY, public_network_access_enabled: AFTER_APPLY },
          { delegated_subnet_id: ['azurerm_subnet.s'] },
        ),
      ],
      ['provider-key', { enforced: true, minTlsVersion: '1.2' }, false, []],
    ],
    [
      'customer-managed key',
      [
        flexible(
          { customer_managed_key: [{ key_vault_key_id: AFTER_APPLY }] },
          { customer_managed_key: ['azurerm_key_vault_key.k'] },
        ),
      ],
      ['customer-key', { enforced: true, minTlsVersion: '1.2' }, false, []],
    ],
    [
      'read replica of another server',
      [
        flexible(),
        raw(
          'azurerm_postgresql_flexible_server.replica',
          {
            name: 'r',
            location: 'germanywestcentral',
            create_mode: 'Replica',
            source_server_id: AFTER_APPLY,
          },
          { source_server_id: [PG] },
        ),
      ],
      ['provider-key', { enforced: true, minTlsVersion: '1.2' }, false, []],
    ],
  ])('%s', (_name, resources, expected) => {
    const described = resourceOf(describeAll(...resources), PG);
    expect([
      factValue(described.facts.encryptionAtRest),
      factValue(described.facts.encryptionInTransit),
      factValue(described.facts.networkExposure),
      flowTargets(described),
    ]).toEqual(expected);
  });

  it('a replica names its source', () => {
    const replica = raw(
      'azurerm_postgresql_flexible_server.replica',
      { name: 'r', location: 'germanywestcentral', create_mode: 'Replica', source_server_id: AFTER_APPLY },
      { source_server_id: [`${PG}.id`, PG] },
    );
    expect(flowTargets(resourceOf(describeAll(flexible(), replica), replica.address))).toEqual([
      `read-replica ${PG}`,
    ]);
  });
});

describe('single servers (azurerm_postgresql_server, azurerm_mysql_server)', () => {
  const single = (type: string, properties: Record<string, unknown>) =>
    raw(`${type}.s`, {
      name: 's',
      location: 'northeurope',
      ssl_enforcement_enabled: true,
      ssl_minimal_tls_version_enforced: 'TLS1_2',
      public_network_access_enabled: true,
      geo_redundant_backup_enabled: false,
      ...properties,
    });
  it.each<[string, RawResource, unknown[]]>([
    [
      'postgres defaults',
      single('azurerm_postgresql_server', {}),
      [{ enforced: true, minTlsVersion: '1.2' }, false, []],
    ],
    [
      'ssl off',
      single('azurerm_postgresql_server', { ssl_enforcement_enabled: false }),
      [{ enforced: false }, false, []],
    ],
    [
      'TLS enforcement disabled',
      single('azurerm_mysql_server', { ssl_minimal_tls_version_enforced: 'TLSEnforcementDisabled' }),
      [{ enforced: true, minTlsVersion: '1.0' }, false, []],
    ],
    [
      'provider 1.x ssl_enforcement',
      single('azurerm_mysql_server', { ssl_enforcement_enabled: undefined, ssl_enforcement: 'Disabled' }),
      [{ enforced: false }, false, []],
    ],
    [
      'geo backup',
      single('azurerm_mysql_server', { geo_redundant_backup_enabled: true }),
      [{ enforced: true, minTlsVersion: '1.2' }, false, ['backup-copy @westeurope']],
    ],
  ])('%s', (_name, server, expected) => {
    const described = resourceOf(describeAll(server), server.address);
    expect([
      factValue(described.facts.encryptionInTransit),
      factValue(described.facts.networkExposure),
      flowTargets(described),
    ]).toEqual(expected);
  });
});
