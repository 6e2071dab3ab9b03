import type { RawResource } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { ArmResourceReference } from '../../arm/evaluate.js';
import { factValue, flowTargets } from '../terraform/__fixtures__/raw.js';
import { arm, armResource, describeArm } from './__fixtures__/raw.js';

const SERVER = 'Microsoft.Sql/servers';
const server = (properties: Record<string, unknown> = {}) =>
  arm(SERVER, 'sql1', { location: 'westeurope', properties });
const rule = (name: string, start: string, end: string) =>
  arm(`${SERVER}/firewallRules`, `sql1/${name}`, {
    properties: { startIpAddress: start, endIpAddress: end },
  });
const database = (properties: Record<string, unknown> = {}) =>
  arm(`${SERVER}/databases`, 'sql1/orders', { location: 'westeurope', properties });

type Row = {
  readonly resources: RawResource[];
  readonly address: string;
  readonly facts: Record<string, unknown>;
  readonly flows?: readonly string[];
};

const rows: [string, Row][] = [
  [
    'a server with every default',
    {
      resources: [server()],
      address: 'sql1',
      facts: {
        encryptionAtRest: 'provider-key',
        encryptionInTransit: { enforced: true },
        networkExposure: false,
        accessLogging: false,
      },
    },
  ],
  [
    'minimalTlsVersion 1.0 and None',
    {
      resources: [server({ minimalTlsVersion: '1.0' })],
      address: 'sql1',
      facts: { encryptionInTransit: { enforced: true, minTlsVersion: '1.0' } },
    },
  ],
  [
    'minimalTlsVersion None accepts every version',
    {
      resources: [server({ minimalTlsVersion: 'None' })],
      address: 'sql1',
      facts: { encryptionInTransit: { enforced: true, minTlsVersion: '1.0' } },
    },
  ],
  [
    'a firewall rule admitting the whole internet',
    {
      resources: [server(), rule('all', '0.0.0.0', '255.255.255.255')],
      address: 'sql1',
      facts: { networkExposure: true },
    },
  ],
  [
    'AllowAllWindowsAzureIps (0.0.0.0–0.0.0.0) admits every Azure tenant',
    {
      resources: [server(), rule('AllowAllWindowsAzureIps', '0.0.0.0', '0.0.0.0')],
      address: 'sql1',
      facts: { networkExposure: true },
    },
  ],
  [
    'an office range only',
    {
      resources: [server(), rule('office', '203.0.113.1', '203.0.113.254')],
      address: 'sql1',
      facts: { networkExposure: false },
    },
  ],
  [
    'public network access disabled wins over an open rule',
    {
      resources: [server({ publicNetworkAccess: 'Disabled' }), rule('all', '0.0.0.0', '255.255.255.255')],
      address: 'sql1',
      facts: { networkExposure: false },
    },
  ],
  [
    'auditing enabled on the server',
    {
      resources: [
        server(),
        arm(`${SERVER}/auditingSettings`, 'sql1/default', { properties: { state: 'Enabled' } }),
      ],
      address: 'sql1',
      facts: { accessLogging: true },
    },
  ],
  [
    'a customer-managed TDE protector',
    {
      resources: [
        server(),
        arm(`${SERVER}/encryptionProtector`, 'sql1/current', {
          properties: { serverKeyType: 'AzureKeyVault', serverKeyName: 'v_k_1' },
        }),
      ],
      address: 'sql1',
      facts: { encryptionAtRest: 'customer-key' },
    },
  ],
  [
    'a database: geo-redundant backups by default, facts of its server',
    {
      resources: [
        server({ minimalTlsVersion: '1.2' }),
        database(),
        rule('all', '0.0.0.0', '255.255.255.255'),
      ],
      address: 'sql1/orders',
      facts: {
        encryptionAtRest: 'provider-key',
        encryptionInTransit: { enforced: true, minTlsVersion: '1.2' },
        networkExposure: true,
        accessLogging: false,
      },
      flows: ['backup-copy @northeurope'],
    },
  ],
  [
    'a database with local backups and TDE disabled',
    {
      resources: [
        server(),
        database({ requestedBackupStorageRedundancy: 'Local' }),
        arm(`${SERVER}/databases/transparentDataEncryption`, 'sql1/orders/current', {
          properties: { state: 'Disabled' },
        }),
      ],
      address: 'sql1/orders',
      facts: { encryptionAtRest: 'none' },
      flows: [],
    },
  ],
  [
    'a geo-secondary database replicates its source',
    {
      resources: [
        server(),
        arm(SERVER, 'sql2', { location: 'eastus' }),
        arm(`${SERVER}/databases`, 'sql2/orders', {
          location: 'eastus',
          properties: {
            createMode: 'Secondary',
            requestedBackupStorageRedundancy: 'Local',
            sourceDatabaseId: new ArmResourceReference('resource id', `${SERVER}/databases`, 'sql1/orders'),
          },
        }),
        database(),
      ],
      address: 'sql2/orders',
      facts: {},
      flows: ['replica sql1/orders'],
    },
  ],
  [
    'a failover group to a partner server in the US',
    {
      resources: [
        server(),
        arm(SERVER, 'sql2', { location: 'eastus' }),
        arm(`${SERVER}/failoverGroups`, 'sql1/fg', {
          properties: {
            partnerServers: [
              { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/sql2' },
            ],
          },
        }),
      ],
      address: 'sql1/fg',
      facts: {},
      flows: ['replica sql2 @eastus'],
    },
  ],
  [
    'a failover group to a partner not in the template',
    {
      resources: [
        server(),
        arm(`${SERVER}/failoverGroups`, 'sql1/fg', {
          properties: {
            partnerServers: [{ id: new ArmResourceReference('resource id', SERVER, 'elsewhere') }],
          },
        }),
      ],
      address: 'sql1/fg',
      facts: {},
      flows: ['replica @unknown: partner server 1 is not in the input'],
    },
  ],
];

describe('ARM SQL servers, databases and failover groups', () => {
  it.each(rows)('%s', (_name, row) => {
    const resource = armResource(describeArm(...row.resources), row.address);
    const facts = resource.facts as Record<string, Parameters<typeof factValue>[0]>;
    expect(Object.fromEntries(Object.keys(row.facts).map((key) => [key, factValue(facts[key])]))).toEqual(
      row.facts,
    );
    if (row.flows !== undefined) expect(flowTargets(resource)).toEqual(row.flows);
  });

  it('firewall rules and auditing settings configure their server', () => {
    const result = describeArm(server(), rule('all', '0.0.0.0', '255.255.255.255'));
    expect(armResource(result, 'sql1/all').configures).toBe('sql1');
    expect(factValue(armResource(result, 'sql1/all').region)).toBe('westeurope');
  });
});
