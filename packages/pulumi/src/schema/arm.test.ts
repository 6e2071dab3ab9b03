import { isUnknownValue, UnknownValue } from '@eugate/core';
import { describe, expect, it, test } from 'vitest';
import { armTypeOf, toArmProperties } from './arm.js';

describe('azure-native → ARM resource shape', () => {
  it.each([
    ['azure-native:storage:StorageAccount', 'Microsoft.Storage/storageAccounts'],
    ['azure-native:storage/v20230101:StorageAccount', 'Microsoft.Storage/storageAccounts'],
    ['azure-native:storage:BlobContainer', 'Microsoft.Storage/storageAccounts/blobServices/containers'],
    ['azure-native:sql:Server', 'Microsoft.Sql/servers'],
    ['azure-native:sql:FailoverGroup', 'Microsoft.Sql/servers/failoverGroups'],
    ['azure-native:cosmosdb:DatabaseAccount', 'Microsoft.DocumentDB/databaseAccounts'],
    ['azure-native:keyvault:Vault', 'Microsoft.KeyVault/vaults'],
    ['azure-native:dbforpostgresql:Server', 'Microsoft.DBforPostgreSQL/flexibleServers'],
    ['azure-native:compute:Disk', 'Microsoft.Compute/disks'],
    ['azure-native:web:WebApp', 'Microsoft.Web/sites'],
  ])('%s → %s', (token, type) => {
    expect(armTypeOf(token)?.type).toBe(type);
  });

  test('a storage account: top-level keys stay, the rest goes under properties, SDK renames undone', () => {
    expect(
      toArmProperties('azure-native:storage:StorageAccount', {
        accountName: 'acct',
        resourceGroupName: 'rg',
        location: 'westeurope',
        kind: 'StorageV2',
        sku: { name: 'Standard_GRS' },
        tags: { DataClassification: 'personal' },
        enableHttpsTrafficOnly: true,
        networkRuleSet: { defaultAction: 'Deny' },
        minimumTlsVersion: 'TLS1_2',
      }),
    ).toEqual({
      name: 'acct',
      location: 'westeurope',
      kind: 'StorageV2',
      sku: { name: 'Standard_GRS' },
      tags: { DataClassification: 'personal' },
      properties: {
        supportsHttpsTrafficOnly: true,
        networkAcls: { defaultAction: 'Deny' },
        minimumTlsVersion: 'TLS1_2',
      },
    });
  });

  test('a container is named account/default/container; an auto-named one takes its output name', () => {
    const token = 'azure-native:storage:BlobContainer';
    expect(
      toArmProperties(token, { accountName: 'acct', containerName: 'invoices', publicAccess: 'None' }),
    ).toEqual({
      name: 'acct/default/invoices',
      properties: { publicAccess: 'None' },
    });
    expect(toArmProperties(token, { accountName: 'acct', name: 'invoices-1a2b' }).name).toBe(
      'acct/default/invoices-1a2b',
    );
    const unknownAccount = toArmProperties(token, {
      accountName: new UnknownValue('x'),
      containerName: 'c',
    }).name;
    expect(isUnknownValue(unknownAccount)).toBe(true);
  });

  test('a Key Vault keeps its own properties object', () => {
    expect(
      toArmProperties('azure-native:keyvault:Vault', {
        vaultName: 'kv',
        location: 'northeurope',
        properties: { tenantId: 't', enablePurgeProtection: true },
      }),
    ).toEqual({
      name: 'kv',
      location: 'northeurope',
      properties: { tenantId: 't', enablePurgeProtection: true },
    });
  });
});
