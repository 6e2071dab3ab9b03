import type { DescribeResult, Flow, FlowEnd, RawResource, Resource, ResourceFacts } from '@eugate/core';
import { expect, it } from 'vitest';
import { ArmResourceReference } from '../arm/evaluate.js';
import { arm, describeArm } from './arm/__fixtures__/raw.js';
import { describeAll as describeAzurerm, factValue, raw as tf } from './terraform/__fixtures__/raw.js';

/**
 * The same Azure setting, written once for Terraform azurerm (`azurerm_storage_account`) and once as
 * an ARM resource (`Microsoft.Storage/storageAccounts`: ARM templates, Bicep, Pulumi azure-native),
 * must give the same facts and flows: one rule then judges both alike. Flows are compared by kind,
 * direction and the region of the other end.
 */
type Row = {
  readonly azurerm: { readonly resources: RawResource[]; readonly address: string };
  readonly arm: { readonly resources: RawResource[]; readonly address: string };
  readonly facts: Partial<Record<keyof ResourceFacts, unknown>>;
  readonly flows?: readonly string[];
};

function end(flowEnd: FlowEnd): string {
  if (flowEnd.self === true) return 'self';
  return flowEnd.region === undefined ? 'other' : flowEnd.region.known ? flowEnd.region.value : '?';
}

const flowSummary = (flow: Flow) => `${flow.kind} ${end(flow.from)} -> ${end(flow.to)}`;

function find(result: DescribeResult, address: string): Resource {
  const found = result.resources.find((r) => r.address === address);
  if (found === undefined) throw new Error(`${address} was not described`);
  return found;
}

function observed(resource: Resource, row: Row) {
  const facts = resource.facts as Record<string, Parameters<typeof factValue>[0]>;
  return {
    region: factValue(resource.region),
    facts: Object.fromEntries(Object.keys(row.facts).map((key) => [key, factValue(facts[key])])),
    flows: resource.flows.map(flowSummary).sort(),
  };
}

const KEY_ID = 'https://kv.vault.azure.net/keys/cmk/0123456789abcdef';
const WE = { location: 'westeurope' };

const tfAccount = (extra: Record<string, unknown> = {}) =>
  tf('azurerm_storage_account.a', {
    name: 'orders',
    location: 'westeurope',
    account_tier: 'Standard',
    account_replication_type: 'LRS',
    https_traffic_only_enabled: true,
    min_tls_version: 'TLS1_2',
    allow_nested_items_to_be_public: false,
    public_network_access_enabled: true,
    ...extra,
  });
const armAccount = (properties: Record<string, unknown> = {}, sku = 'Standard_LRS') =>
  arm('Microsoft.Storage/storageAccounts', 'orders', {
    ...WE,
    sku: { name: sku },
    kind: 'StorageV2',
    properties: {
      supportsHttpsTrafficOnly: true,
      minimumTlsVersion: 'TLS1_2',
      allowBlobPublicAccess: false,
      publicNetworkAccess: 'Enabled',
      ...properties,
    },
  });

const tfServer = (extra: Record<string, unknown> = {}) =>
  tf('azurerm_mssql_server.s', {
    name: 'sql1',
    id: 'sid1',
    location: 'westeurope',
    minimum_tls_version: '1.2',
    ...extra,
  });
const armServer = (properties: Record<string, unknown> = {}) =>
  arm('Microsoft.Sql/servers', 'sql1', { ...WE, properties: { minimalTlsVersion: '1.2', ...properties } });
const tfRule = (start: string, finish: string) =>
  tf('azurerm_mssql_firewall_rule.r', {
    name: 'r',
    server_id: 'sid1',
    start_ip_address: start,
    end_ip_address: finish,
  });
const armRule = (name: string, start: string, finish: string) =>
  arm('Microsoft.Sql/servers/firewallRules', `sql1/${name}`, {
    properties: { startIpAddress: start, endIpAddress: finish },
  });

const rows: [string, Row][] = [
  [
    'storage account: GRS, TLS 1.2, HTTPS only, no public blobs',
    {
      azurerm: {
        resources: [tfAccount({ account_replication_type: 'GRS' })],
        address: 'azurerm_storage_account.a',
      },
      arm: { resources: [armAccount({}, 'Standard_GRS')], address: 'orders' },
      facts: {
        encryptionAtRest: 'provider-key',
        encryptionInTransit: { enforced: true, minTlsVersion: '1.2' },
        publicAccess: false,
        networkExposure: true,
        accessLogging: false,
      },
      flows: ['replica self -> northeurope'],
    },
  ],
  [
    'storage account: customer-managed key, a public container, HTTP allowed, TLS 1.0',
    {
      azurerm: {
        resources: [
          tfAccount({
            allow_nested_items_to_be_public: true,
            https_traffic_only_enabled: false,
            min_tls_version: 'TLS1_0',
            infrastructure_encryption_enabled: true,
            customer_managed_key: [{ key_vault_key_id: KEY_ID }],
          }),
          tf('azurerm_storage_container.c', {
            name: 'docs',
            storage_account_name: 'orders',
            container_access_type: 'blob',
          }),
        ],
        address: 'azurerm_storage_account.a',
      },
      arm: {
        resources: [
          armAccount({
            allowBlobPublicAccess: true,
            supportsHttpsTrafficOnly: false,
            minimumTlsVersion: 'TLS1_0',
            encryption: {
              keySource: 'Microsoft.Keyvault',
              requireInfrastructureEncryption: true,
              keyvaultproperties: { keyname: 'cmk', keyvaulturi: 'https://kv.vault.azure.net' },
            },
          }),
          arm('Microsoft.Storage/storageAccounts/blobServices/containers', 'orders/default/docs', {
            properties: { publicAccess: 'Blob' },
          }),
        ],
        address: 'orders',
      },
      facts: {
        encryptionAtRest: 'customer-key',
        encryptionInTransit: { enforced: false, minTlsVersion: '1.0' },
        publicAccess: true,
      },
      flows: [],
    },
  ],
  [
    'storage account: public network access disabled',
    {
      azurerm: {
        resources: [tfAccount({ public_network_access_enabled: false })],
        address: 'azurerm_storage_account.a',
      },
      arm: { resources: [armAccount({ publicNetworkAccess: 'Disabled' })], address: 'orders' },
      facts: { networkExposure: false },
    },
  ],
  [
    'storage account: firewall denies by default but admits 0.0.0.0/0',
    {
      azurerm: {
        resources: [tfAccount({ network_rules: [{ default_action: 'Deny', ip_rules: ['0.0.0.0/0'] }] })],
        address: 'azurerm_storage_account.a',
      },
      arm: {
        resources: [
          armAccount({
            networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '0.0.0.0/0', action: 'Allow' }] },
          }),
        ],
        address: 'orders',
      },
      facts: { networkExposure: true },
    },
  ],
  [
    'storage account: firewall denies by default and admits one office range',
    {
      azurerm: {
        resources: [tfAccount({ network_rules: [{ default_action: 'Deny', ip_rules: ['203.0.113.0/24'] }] })],
        address: 'azurerm_storage_account.a',
      },
      arm: {
        resources: [
          armAccount({ networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '203.0.113.0/24' }] } }),
        ],
        address: 'orders',
      },
      facts: { networkExposure: false },
    },
  ],
  [
    'SQL server: TLS 1.0 and the AllowAllWindowsAzureIps rule (0.0.0.0–0.0.0.0)',
    {
      azurerm: {
        resources: [tfServer({ minimum_tls_version: '1.0' }), tfRule('0.0.0.0', '0.0.0.0')],
        address: 'azurerm_mssql_server.s',
      },
      arm: {
        resources: [
          armServer({ minimalTlsVersion: '1.0' }),
          armRule('AllowAllWindowsAzureIps', '0.0.0.0', '0.0.0.0'),
        ],
        address: 'sql1',
      },
      facts: {
        encryptionAtRest: 'provider-key',
        encryptionInTransit: { enforced: true, minTlsVersion: '1.0' },
        networkExposure: true,
        accessLogging: false,
      },
      flows: [],
    },
  ],
  [
    'SQL server: a rule admitting 0.0.0.0–255.255.255.255',
    {
      azurerm: {
        resources: [tfServer(), tfRule('0.0.0.0', '255.255.255.255')],
        address: 'azurerm_mssql_server.s',
      },
      arm: { resources: [armServer(), armRule('all', '0.0.0.0', '255.255.255.255')], address: 'sql1' },
      facts: { networkExposure: true, encryptionInTransit: { enforced: true, minTlsVersion: '1.2' } },
    },
  ],
  [
    'SQL server: an office range only, public network access on',
    {
      azurerm: {
        resources: [tfServer(), tfRule('203.0.113.1', '203.0.113.254')],
        address: 'azurerm_mssql_server.s',
      },
      arm: { resources: [armServer(), armRule('office', '203.0.113.1', '203.0.113.254')], address: 'sql1' },
      facts: { networkExposure: false },
    },
  ],
  [
    'SQL server: public network access disabled',
    {
      azurerm: {
        resources: [tfServer({ public_network_access_enabled: false }), tfRule('0.0.0.0', '255.255.255.255')],
        address: 'azurerm_mssql_server.s',
      },
      arm: {
        resources: [
          armServer({ publicNetworkAccess: 'Disabled' }),
          armRule('all', '0.0.0.0', '255.255.255.255'),
        ],
        address: 'sql1',
      },
      facts: { networkExposure: false },
    },
  ],
  [
    'SQL server: auditing enabled',
    {
      azurerm: {
        resources: [
          tfServer(),
          tf('azurerm_mssql_server_extended_auditing_policy.a', { server_id: 'sid1', enabled: true }),
        ],
        address: 'azurerm_mssql_server.s',
      },
      arm: {
        resources: [
          armServer(),
          arm('Microsoft.Sql/servers/auditingSettings', 'sql1/default', { properties: { state: 'Enabled' } }),
        ],
        address: 'sql1',
      },
      facts: { accessLogging: true },
    },
  ],
  [
    'SQL database: geo-redundant backups by default (a copy in the paired region)',
    {
      azurerm: {
        resources: [tfServer(), tf('azurerm_mssql_database.d', { name: 'orders', server_id: 'sid1' })],
        address: 'azurerm_mssql_database.d',
      },
      arm: {
        resources: [armServer(), arm('Microsoft.Sql/servers/databases', 'sql1/orders', { ...WE })],
        address: 'sql1/orders',
      },
      facts: {
        encryptionAtRest: 'provider-key',
        encryptionInTransit: { enforced: true, minTlsVersion: '1.2' },
      },
      flows: ['backup-copy self -> northeurope'],
    },
  ],
  [
    'SQL database: local backups, transparent data encryption off',
    {
      azurerm: {
        resources: [
          tfServer(),
          tf('azurerm_mssql_database.d', {
            name: 'orders',
            server_id: 'sid1',
            storage_account_type: 'Local',
            transparent_data_encryption_enabled: false,
          }),
        ],
        address: 'azurerm_mssql_database.d',
      },
      arm: {
        resources: [
          armServer(),
          arm('Microsoft.Sql/servers/databases', 'sql1/orders', {
            ...WE,
            properties: { requestedBackupStorageRedundancy: 'Local' },
          }),
          arm('Microsoft.Sql/servers/databases/transparentDataEncryption', 'sql1/orders/current', {
            properties: { state: 'Disabled' },
          }),
        ],
        address: 'sql1/orders',
      },
      facts: { encryptionAtRest: 'none' },
      flows: [],
    },
  ],
  [
    'SQL failover group: a partner server in East US',
    {
      azurerm: {
        resources: [
          tfServer(),
          tf('azurerm_mssql_server.p', { name: 'sql2', id: 'sid2', location: 'eastus' }),
          tf('azurerm_mssql_failover_group.f', {
            name: 'fg',
            server_id: 'sid1',
            partner_server: [{ id: 'sid2', location: 'eastus' }],
          }),
        ],
        address: 'azurerm_mssql_failover_group.f',
      },
      arm: {
        resources: [
          armServer(),
          arm('Microsoft.Sql/servers', 'sql2', { location: 'eastus' }),
          arm('Microsoft.Sql/servers/failoverGroups', 'sql1/fg', {
            properties: {
              partnerServers: [
                { id: new ArmResourceReference('resource id', 'Microsoft.Sql/servers', 'sql2') },
              ],
            },
          }),
        ],
        address: 'sql1/fg',
      },
      facts: {},
      flows: ['replica self -> eastus'],
    },
  ],
  [
    'Cosmos DB: a second location in East US, periodic geo-redundant backups',
    {
      azurerm: {
        resources: [
          // minimal TLS version stated on both sides: an unset azurerm argument takes the provider's
          // documented default (Tls12), an unset ARM property the API's, which the template does not show.
          tf('azurerm_cosmosdb_account.c', {
            name: 'docs',
            location: 'westeurope',
            minimal_tls_version: 'Tls12',
            geo_location: [
              { location: 'westeurope', failover_priority: 0 },
              { location: 'eastus', failover_priority: 1 },
            ],
          }),
        ],
        address: 'azurerm_cosmosdb_account.c',
      },
      arm: {
        resources: [
          arm('Microsoft.DocumentDB/databaseAccounts', 'docs', {
            ...WE,
            properties: {
              minimalTlsVersion: 'Tls12',
              locations: [
                { locationName: 'West Europe', failoverPriority: 0 },
                { locationName: 'East US', failoverPriority: 1 },
              ],
            },
          }),
        ],
        address: 'docs',
      },
      facts: {
        encryptionAtRest: 'provider-key',
        encryptionInTransit: { enforced: true, minTlsVersion: '1.2' },
        networkExposure: true,
      },
      flows: ['backup-copy self -> northeurope', 'replica self -> eastus'],
    },
  ],
  [
    'Cosmos DB: customer key, TLS 1.2, public network access off',
    {
      azurerm: {
        resources: [
          tf('azurerm_cosmosdb_account.c', {
            name: 'docs',
            location: 'westeurope',
            key_vault_key_id: KEY_ID,
            minimal_tls_version: 'Tls12',
            public_network_access_enabled: false,
            backup: [{ type: 'Continuous' }],
          }),
        ],
        address: 'azurerm_cosmosdb_account.c',
      },
      arm: {
        resources: [
          arm('Microsoft.DocumentDB/databaseAccounts', 'docs', {
            ...WE,
            properties: {
              keyVaultKeyUri: KEY_ID,
              minimalTlsVersion: 'Tls12',
              publicNetworkAccess: 'Disabled',
              backupPolicy: { type: 'Continuous' },
            },
          }),
        ],
        address: 'docs',
      },
      facts: {
        encryptionAtRest: 'customer-key',
        encryptionInTransit: { enforced: true, minTlsVersion: '1.2' },
        networkExposure: false,
      },
      flows: [],
    },
  ],
  [
    'Cosmos DB: minimal TLS version "Tls" is TLS 1.0',
    {
      azurerm: {
        resources: [
          tf('azurerm_cosmosdb_account.c', {
            name: 'docs',
            location: 'westeurope',
            minimal_tls_version: 'Tls',
            public_network_access_enabled: false,
            backup: [{ type: 'Continuous' }],
          }),
        ],
        address: 'azurerm_cosmosdb_account.c',
      },
      arm: {
        resources: [
          arm('Microsoft.DocumentDB/databaseAccounts', 'docs', {
            ...WE,
            properties: {
              minimalTlsVersion: 'Tls',
              publicNetworkAccess: 'Disabled',
              backupPolicy: { type: 'Continuous' },
            },
          }),
        ],
        address: 'docs',
      },
      facts: { encryptionInTransit: { enforced: true, minTlsVersion: '1.0' }, networkExposure: false },
      flows: [],
    },
  ],
  [
    'Key Vault: network ACLs allow every network',
    {
      azurerm: {
        resources: [
          tf('azurerm_key_vault.v', {
            name: 'kv',
            location: 'westeurope',
            purge_protection_enabled: false,
            network_acls: [{ default_action: 'Allow', bypass: 'AzureServices' }],
          }),
        ],
        address: 'azurerm_key_vault.v',
      },
      arm: {
        resources: [
          arm('Microsoft.KeyVault/vaults', 'kv', {
            ...WE,
            properties: {
              enablePurgeProtection: false,
              networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' },
            },
          }),
        ],
        address: 'kv',
      },
      facts: { encryptionAtRest: 'provider-key', networkExposure: true, accessLogging: false },
    },
  ],
  [
    'Key Vault: public network access disabled',
    {
      azurerm: {
        resources: [
          tf('azurerm_key_vault.v', {
            name: 'kv',
            location: 'westeurope',
            public_network_access_enabled: false,
          }),
        ],
        address: 'azurerm_key_vault.v',
      },
      arm: {
        resources: [
          arm('Microsoft.KeyVault/vaults', 'kv', { ...WE, properties: { publicNetworkAccess: 'Disabled' } }),
        ],
        address: 'kv',
      },
      facts: { networkExposure: false },
    },
  ],
  [
    'PostgreSQL flexible server: geo-redundant backup and an open firewall rule',
    {
      azurerm: {
        resources: [
          tf('azurerm_postgresql_flexible_server.p', {
            name: 'pg',
            id: 'pgid',
            location: 'westeurope',
            geo_redundant_backup_enabled: true,
            public_network_access_enabled: true,
          }),
          tf('azurerm_postgresql_flexible_server_firewall_rule.r', {
            name: 'all',
            server_id: 'pgid',
            start_ip_address: '0.0.0.0',
            end_ip_address: '255.255.255.255',
          }),
        ],
        address: 'azurerm_postgresql_flexible_server.p',
      },
      arm: {
        resources: [
          arm('Microsoft.DBforPostgreSQL/flexibleServers', 'pg', {
            ...WE,
            properties: {
              backup: { geoRedundantBackup: 'Enabled' },
              network: { publicNetworkAccess: 'Enabled' },
            },
          }),
          arm('Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', 'pg/all', {
            properties: { startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' },
          }),
        ],
        address: 'pg',
      },
      facts: {
        encryptionAtRest: 'provider-key',
        encryptionInTransit: { enforced: true, minTlsVersion: '1.2' },
        networkExposure: true,
      },
      flows: ['backup-copy self -> northeurope'],
    },
  ],
  [
    'PostgreSQL flexible server: secure transport off, in a delegated subnet',
    {
      azurerm: {
        resources: [
          tf('azurerm_postgresql_flexible_server.p', {
            name: 'pg',
            id: 'pgid',
            location: 'westeurope',
            delegated_subnet_id: '/subscriptions/s/subnets/db',
          }),
          tf('azurerm_postgresql_flexible_server_configuration.c', {
            name: 'require_secure_transport',
            server_id: 'pgid',
            value: 'off',
          }),
        ],
        address: 'azurerm_postgresql_flexible_server.p',
      },
      arm: {
        resources: [
          arm('Microsoft.DBforPostgreSQL/flexibleServers', 'pg', {
            ...WE,
            properties: { network: { delegatedSubnetResourceId: '/subscriptions/s/subnets/db' } },
          }),
          arm('Microsoft.DBforPostgreSQL/flexibleServers/configurations', 'pg/require_secure_transport', {
            properties: { value: 'off', source: 'user-override' },
          }),
        ],
        address: 'pg',
      },
      facts: { encryptionInTransit: { enforced: false, minTlsVersion: '1.2' }, networkExposure: false },
      flows: [],
    },
  ],
  [
    'managed disk: a disk encryption set (customer key)',
    {
      azurerm: {
        resources: [
          tf('azurerm_managed_disk.d', {
            name: 'd',
            location: 'westeurope',
            disk_encryption_set_id: '/subscriptions/s/des',
          }),
        ],
        address: 'azurerm_managed_disk.d',
      },
      arm: {
        resources: [
          arm('Microsoft.Compute/disks', 'd', {
            ...WE,
            properties: {
              encryption: {
                type: 'EncryptionAtRestWithCustomerKey',
                diskEncryptionSetId: '/subscriptions/s/des',
              },
            },
          }),
        ],
        address: 'd',
      },
      facts: { encryptionAtRest: 'customer-key' },
    },
  ],
  [
    'managed disk: platform keys',
    {
      azurerm: {
        resources: [tf('azurerm_managed_disk.d', { name: 'd', location: 'westeurope' })],
        address: 'azurerm_managed_disk.d',
      },
      arm: { resources: [arm('Microsoft.Compute/disks', 'd', { ...WE, properties: {} })], address: 'd' },
      facts: { encryptionAtRest: 'provider-key' },
    },
  ],
  [
    'Front Door profile: global edge, not restricted to EU (EU-RES-004)',
    {
      azurerm: {
        resources: [
          tf('azurerm_cdn_frontdoor_profile.f', { name: 'fd', sku_name: 'Standard_AzureFrontDoor' }),
        ],
        address: 'azurerm_cdn_frontdoor_profile.f',
      },
      arm: {
        resources: [
          arm('Microsoft.Cdn/profiles', 'fd', {
            location: 'global',
            sku: { name: 'Standard_AzureFrontDoor' },
          }),
        ],
        address: 'fd',
      },
      facts: { edge: { global: true, restrictedToEu: false } },
    },
  ],
  [
    'CDN endpoint: HTTP allowed by default, caching a storage origin',
    {
      azurerm: {
        resources: [
          tf('azurerm_cdn_endpoint.e', {
            name: 'web',
            location: 'global',
            origin: [{ name: 'o', host_name: 'orders.blob.core.windows.net' }],
          }),
        ],
        address: 'azurerm_cdn_endpoint.e',
      },
      arm: {
        resources: [
          arm('Microsoft.Cdn/profiles/endpoints', 'cdn/web', {
            location: 'global',
            properties: {
              origins: [{ name: 'o', properties: { hostName: 'orders.blob.core.windows.net' } }],
            },
          }),
        ],
        address: 'cdn/web',
      },
      facts: { edge: { global: true, restrictedToEu: false }, encryptionInTransit: { enforced: false } },
      flows: ['edge-delivery other -> self'],
    },
  ],
];

it.each(rows)('%s: azurerm and ARM give the same facts', (_name, row) => {
  const fromAzurerm = observed(find(describeAzurerm(...row.azurerm.resources), row.azurerm.address), row);
  const fromArm = observed(find(describeArm(...row.arm.resources), row.arm.address), row);
  expect(fromAzurerm.facts).toEqual(row.facts);
  expect(fromArm.facts).toEqual(row.facts);
  expect(fromArm.region).toEqual(fromAzurerm.region);
  if (row.flows !== undefined) {
    expect(fromAzurerm.flows).toEqual(row.flows);
    expect(fromArm.flows).toEqual(row.flows);
  }
});
