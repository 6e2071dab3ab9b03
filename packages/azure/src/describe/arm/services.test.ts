import type { RawResource } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { factValue, flowTargets } from '../terraform/__fixtures__/raw.js';
import { arm, armResource, describeArm } from './__fixtures__/raw.js';

type Row = {
  readonly resources: RawResource[];
  readonly address: string;
  readonly kind?: string;
  readonly region?: string;
  readonly facts: Record<string, unknown>;
  readonly flows?: readonly string[];
};

const COSMOS = 'Microsoft.DocumentDB/databaseAccounts';
const VAULT = 'Microsoft.KeyVault/vaults';
const PG = 'Microsoft.DBforPostgreSQL/flexibleServers';

const cosmos = (properties: Record<string, unknown>) =>
  arm(COSMOS, 'docs', { location: 'westeurope', properties });
const vault = (properties: Record<string, unknown>) =>
  arm(VAULT, 'kv', { location: 'westeurope', properties });
const pg = (properties: Record<string, unknown>) => arm(PG, 'pg', { location: 'westeurope', properties });

const rows: [string, Row][] = [
  // Cosmos DB
  [
    'Cosmos DB: a US location is a replica; periodic backups are geo-redundant',
    {
      resources: [
        cosmos({
          locations: [
            { locationName: 'West Europe', failoverPriority: 0 },
            { locationName: 'East US', failoverPriority: 1 },
          ],
        }),
      ],
      address: 'docs',
      kind: 'nosql-database',
      facts: {
        encryptionAtRest: 'provider-key',
        encryptionInTransit: { enforced: true },
        networkExposure: true,
      },
      flows: ['replica @eastus', 'backup-copy @northeurope'],
    },
  ],
  [
    'Cosmos DB: customer key, TLS 1.2, public access off, continuous backups',
    {
      resources: [
        cosmos({
          keyVaultKeyUri: 'https://kv.vault.azure.net/keys/k',
          minimalTlsVersion: 'Tls12',
          publicNetworkAccess: 'Disabled',
          backupPolicy: { type: 'Continuous' },
        }),
      ],
      address: 'docs',
      facts: {
        encryptionAtRest: 'customer-key',
        encryptionInTransit: { enforced: true, minTlsVersion: '1.2' },
        networkExposure: false,
      },
      flows: [],
    },
  ],
  [
    'Cosmos DB: an IP filter with an office range only',
    {
      resources: [
        cosmos({
          ipRules: [{ ipAddressOrRange: '203.0.113.0/24' }],
          backupPolicy: { type: 'Periodic', periodicModeProperties: { backupStorageRedundancy: 'Local' } },
        }),
      ],
      address: 'docs',
      facts: { networkExposure: false },
      flows: [],
    },
  ],
  // Key Vault
  [
    'Key Vault: network ACLs allow by default, no purge protection',
    {
      resources: [vault({ networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' } })],
      address: 'kv',
      kind: 'secret',
      facts: { encryptionAtRest: 'provider-key', networkExposure: true, accessLogging: false },
    },
  ],
  [
    'Key Vault: public network access disabled',
    {
      resources: [vault({ publicNetworkAccess: 'disabled', enablePurgeProtection: true })],
      address: 'kv',
      facts: { networkExposure: false },
    },
  ],
  [
    'Key Vault: a key with a rotation policy',
    {
      resources: [
        vault({}),
        arm(`${VAULT}/keys`, 'kv/cmk', {
          properties: {
            rotationPolicy: {
              lifetimeActions: [{ action: { type: 'rotate' }, trigger: { timeAfterCreate: 'P90D' } }],
            },
          },
        }),
      ],
      address: 'kv/cmk',
      kind: 'encryption-key',
      facts: { keyRotation: true },
    },
  ],
  // PostgreSQL flexible server
  [
    'PostgreSQL flexible: geo-redundant backup to the paired region, public access with an open rule',
    {
      resources: [
        pg({ backup: { geoRedundantBackup: 'Enabled' } }),
        arm(`${PG}/firewallRules`, 'pg/all', {
          properties: { startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' },
        }),
      ],
      address: 'pg',
      kind: 'relational-database',
      facts: {
        encryptionAtRest: 'provider-key',
        encryptionInTransit: { enforced: true, minTlsVersion: '1.2' },
        networkExposure: true,
      },
      flows: ['backup-copy @northeurope'],
    },
  ],
  [
    'PostgreSQL flexible: in a delegated subnet, secure transport off, customer key',
    {
      resources: [
        pg({
          network: { delegatedSubnetResourceId: '/subscriptions/s/…/subnets/db' },
          dataEncryption: { type: 'AzureKeyVault', primaryKeyURI: 'https://kv.vault.azure.net/keys/k/1' },
        }),
        arm(`${PG}/configurations`, 'pg/require_secure_transport', {
          properties: { value: 'OFF', source: 'user-override' },
        }),
      ],
      address: 'pg',
      facts: {
        encryptionAtRest: 'customer-key',
        encryptionInTransit: { enforced: false, minTlsVersion: '1.2' },
        networkExposure: false,
      },
      flows: [],
    },
  ],
  [
    'PostgreSQL flexible: public network access disabled',
    {
      resources: [pg({ network: { publicNetworkAccess: 'Disabled' } })],
      address: 'pg',
      facts: { networkExposure: false },
    },
  ],
  // Disks
  [
    'a disk with platform keys',
    {
      resources: [arm('Microsoft.Compute/disks', 'd', { location: 'westeurope', properties: {} })],
      address: 'd',
      kind: 'block-storage',
      facts: { encryptionAtRest: 'provider-key' },
    },
  ],
  [
    'a disk with an encryption set',
    {
      resources: [
        arm('Microsoft.Compute/disks', 'd', {
          location: 'westeurope',
          properties: {
            encryption: {
              type: 'EncryptionAtRestWithCustomerKey',
              diskEncryptionSetId: '/subscriptions/s/…/diskEncryptionSets/des',
            },
          },
        }),
      ],
      address: 'd',
      facts: { encryptionAtRest: 'customer-key' },
    },
  ],
  // Web apps
  [
    'a web app with defaults: HTTP allowed, TLS 1.2',
    {
      resources: [arm('Microsoft.Web/sites', 'app', { location: 'westeurope', properties: {} })],
      address: 'app',
      facts: { encryptionInTransit: { enforced: false, minTlsVersion: '1.2' } },
    },
  ],
  [
    'a web app with httpsOnly and TLS 1.0 in its config/web child',
    {
      resources: [
        arm('Microsoft.Web/sites', 'app', { location: 'westeurope', properties: { httpsOnly: true } }),
        arm('Microsoft.Web/sites/config', 'app/web', { properties: { minTlsVersion: '1.0' } }),
      ],
      address: 'app',
      facts: { encryptionInTransit: { enforced: true, minTlsVersion: '1.0' } },
    },
  ],
  // CDN and Front Door
  [
    'a Front Door profile is global and not restricted to EU edges',
    {
      resources: [
        arm('Microsoft.Cdn/profiles', 'fd', { location: 'global', sku: { name: 'Standard_AzureFrontDoor' } }),
      ],
      address: 'fd',
      kind: 'edge-distribution',
      region: 'global',
      facts: { edge: { global: true, restrictedToEu: false } },
    },
  ],
  [
    'a CDN endpoint caching a storage account, HTTP allowed',
    {
      resources: [
        arm('Microsoft.Cdn/profiles', 'cdn', { location: 'global', sku: { name: 'Standard_Microsoft' } }),
        arm('Microsoft.Cdn/profiles/endpoints', 'cdn/web', {
          location: 'global',
          properties: { origins: [{ name: 'o', properties: { hostName: 'orders.blob.core.windows.net' } }] },
        }),
      ],
      address: 'cdn/web',
      region: 'global',
      facts: { edge: { global: true, restrictedToEu: false }, encryptionInTransit: { enforced: false } },
      flows: ['edge-delivery orders.blob.core.windows.net'],
    },
  ],
  [
    'a Front Door origin is an edge-delivery flow into its profile',
    {
      resources: [
        arm('Microsoft.Cdn/profiles', 'fd', { location: 'global' }),
        arm('Microsoft.Cdn/profiles/originGroups/origins', 'fd/g/o', {
          properties: { hostName: 'orders.blob.core.windows.net' },
        }),
      ],
      address: 'fd/g/o',
      region: 'global',
      facts: {},
      flows: ['edge-delivery orders.blob.core.windows.net'],
    },
  ],
];

describe('ARM Cosmos DB, Key Vault, PostgreSQL, disks, web apps, CDN', () => {
  it.each(rows)('%s', (_name, row) => {
    const resource = armResource(describeArm(...row.resources), row.address);
    const facts = resource.facts as Record<string, Parameters<typeof factValue>[0]>;
    expect(Object.fromEntries(Object.keys(row.facts).map((key) => [key, factValue(facts[key])]))).toEqual(
      row.facts,
    );
    if (row.flows !== undefined) expect(flowTargets(resource)).toEqual(row.flows);
    if (row.kind !== undefined) expect(resource.kind).toBe(row.kind);
    expect(factValue(resource.region)).toBe(row.region ?? 'westeurope');
  });

  it('the Front Door origin configures its profile', () => {
    const result = describeArm(
      arm('Microsoft.Cdn/profiles', 'fd', { location: 'global' }),
      arm('Microsoft.Cdn/profiles/originGroups/origins', 'fd/g/o', { properties: { hostName: 'x' } }),
      arm('Microsoft.Cdn/profiles/afdEndpoints/routes', 'fd/e/r'),
    );
    expect(armResource(result, 'fd/g/o').configures).toBe('fd');
    expect(armResource(result, 'fd/e/r').configures).toBe('fd');
    expect(factValue(armResource(result, 'fd/e/r').region)).toBe('global');
  });
});
