import { type RawResource, UnknownValue } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { SymbolicValue } from '../../arm/evaluate.js';
import { factValue, flowTargets } from '../terraform/__fixtures__/raw.js';
import { arm, armResource, describeArm } from './__fixtures__/raw.js';

const ACCOUNT = 'Microsoft.Storage/storageAccounts';
const CONTAINER = `${ACCOUNT}/blobServices/containers`;

const account = (properties: Record<string, unknown> = {}, body: Record<string, unknown> = {}) =>
  arm(ACCOUNT, 'orders', { location: 'westeurope', sku: { name: 'Standard_LRS' }, properties, ...body });
const container = (publicAccess?: string) =>
  arm(CONTAINER, 'orders/default/docs', publicAccess === undefined ? {} : { properties: { publicAccess } });

type Row = {
  readonly resources: RawResource[];
  readonly facts: Record<string, unknown>;
  readonly flows?: readonly string[];
  readonly region?: string;
};

const rows: [string, Row][] = [
  [
    'an account with every default',
    {
      resources: [account()],
      facts: {
        encryptionAtRest: 'provider-key',
        encryptionInTransit: { enforced: true },
        publicAccess: false,
        networkExposure: true,
        accessLogging: false,
      },
      flows: [],
    },
  ],
  [
    'a customer-managed key, HTTPS off, TLS 1.0',
    {
      resources: [
        account({
          encryption: {
            keySource: 'Microsoft.Keyvault',
            requireInfrastructureEncryption: true,
            keyvaultproperties: { keyname: 'k', keyvaulturi: 'https://v.vault.azure.net' },
          },
          supportsHttpsTrafficOnly: false,
          minimumTlsVersion: 'TLS1_0',
        }),
      ],
      facts: {
        encryptionAtRest: 'customer-key',
        encryptionInTransit: { enforced: false, minTlsVersion: '1.0' },
      },
    },
  ],
  [
    'GRS replication copies to the paired region',
    {
      resources: [account({}, { sku: { name: 'Standard_RAGRS' } })],
      facts: {},
      flows: ['replica @northeurope'],
    },
  ],
  [
    'GRS in a location that is not known',
    {
      resources: [
        account(
          {},
          { sku: { name: 'Standard_GZRS' }, location: new UnknownValue('resourceGroup().location') },
        ),
      ],
      facts: {},
      flows: [
        'replica @unknown: the paired region cannot be told: location is unknown: resourceGroup().location',
      ],
      region: 'unknown: location is unknown: resourceGroup().location',
    },
  ],
  [
    'a public container in an account that allows public blobs',
    {
      resources: [account({ allowBlobPublicAccess: true }), container('Blob')],
      facts: { publicAccess: true },
    },
  ],
  [
    'a public container in an account that forbids public blobs',
    {
      resources: [account({ allowBlobPublicAccess: false }), container('Container')],
      facts: { publicAccess: false },
    },
  ],
  [
    'a public container, the flag unset, an API version before 2023-01-01',
    {
      resources: [account({}, { apiVersion: '2022-09-01' }), container('Blob')],
      facts: {
        publicAccess:
          'unknown: a container allows anonymous access and the account does not state whether it permits it (allowBlobPublicAccess)',
      },
    },
  ],
  [
    'a public container, the flag unset, API 2023-01-01 (defaults to false)',
    {
      resources: [account({}, { apiVersion: '2023-01-01' }), container('Blob')],
      facts: { publicAccess: false },
    },
  ],
  [
    'a private container',
    {
      resources: [account({ allowBlobPublicAccess: true }), container('None')],
      facts: { publicAccess: false },
    },
  ],
  [
    'public network access disabled',
    { resources: [account({ publicNetworkAccess: 'Disabled' })], facts: { networkExposure: false } },
  ],
  [
    'network ACLs deny by default with one office range',
    {
      resources: [
        account({ networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '203.0.113.0/24' }] } }),
      ],
      facts: { networkExposure: false },
    },
  ],
  [
    'network ACLs deny by default but admit 0.0.0.0/0',
    {
      resources: [account({ networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '0.0.0.0/0' }] } })],
      facts: { networkExposure: true },
    },
  ],
  [
    'blob logs sent to a workspace by a diagnostic setting on the blob service',
    {
      resources: [
        account(),
        arm('Microsoft.Insights/diagnosticSettings', 'logs', {
          scope: 'Microsoft.Storage/storageAccounts/orders/blobServices/default',
          properties: {
            workspaceId: '/subscriptions/s/…/workspaces/w',
            logs: [{ categoryGroup: 'audit', enabled: true }],
          },
        }),
        arm(`${ACCOUNT}/blobServices`, 'orders/default'),
      ],
      facts: { accessLogging: true },
    },
  ],
];

describe('ARM storage accounts', () => {
  it.each(rows)('%s', (_name, row) => {
    const resource = armResource(describeArm(...row.resources), 'orders');
    const facts = resource.facts as Record<string, Parameters<typeof factValue>[0]>;
    expect(Object.fromEntries(Object.keys(row.facts).map((key) => [key, factValue(facts[key])]))).toEqual(
      row.facts,
    );
    if (row.flows !== undefined) expect(flowTargets(resource)).toEqual(row.flows);
    expect(factValue(resource.region)).toBe(row.region ?? 'westeurope');
  });

  it('a container configures its account, found through a name the template could not resolve', () => {
    const name = new SymbolicValue(
      'parameter storageAccountName has no value',
      "[parameters('storageAccountName')]",
    );
    const child = new SymbolicValue(
      'parameter storageAccountName has no value',
      "[parameters('storageAccountName')]/default/logs",
    );
    const result = describeArm(
      {
        ...arm(ACCOUNT, "[parameters('storageAccountName')]", { location: 'westeurope' }),
        properties: { name, location: 'westeurope', properties: { allowBlobPublicAccess: true } },
      },
      {
        ...arm(CONTAINER, "[parameters('storageAccountName')]/default/logs"),
        properties: { name: child, properties: { publicAccess: 'Container' } },
      },
    );
    const logs = armResource(result, "[parameters('storageAccountName')]/default/logs");
    expect(logs.configures).toBe("[parameters('storageAccountName')]");
    expect(factValue(logs.region)).toBe('westeurope');
    expect(factValue(logs.facts.publicAccess)).toBe(true);
    expect(factValue(armResource(result, "[parameters('storageAccountName')]").facts.publicAccess)).toBe(
      true,
    );
  });

  it('other children of an account configure it; unrelated types are listed as not modelled', () => {
    const result = describeArm(
      account(),
      arm(`${ACCOUNT}/fileServices/shares`, 'orders/default/share'),
      arm('Microsoft.Network/virtualNetworks', 'vnet'),
    );
    expect(armResource(result, 'orders/default/share').configures).toBe('orders');
    expect(result.notModelled.map((r) => r.type)).toEqual(['Microsoft.Network/virtualNetworks']);
  });
});
