import {
  createScan,
  type Describer,
  type RawResource,
  type Resource,
  SCHEMA,
  typeOfAddress,
} from '@eugate/core';
import { cdnDescribers } from './cdn.js';
import { cosmosdbDescribers } from './cosmosdb.js';
import { keyVaultDescribers } from './key-vault.js';
import { managedDiskDescribers } from './managed-disk.js';
import { messagingDescribers } from './messaging.js';
import { monitorDescribers } from './monitor.js';
import { postgresqlMysqlDescribers } from './postgresql-mysql.js';
import { redisDescribers } from './redis.js';
import type { TypeDescriber } from './resource-base.js';
import { resourceGroupDescribers } from './resource-group.js';
import { sqlDescribers } from './sql.js';
import { storageDescribers } from './storage.js';

/** Every modelled azurerm resource type, by type. */
const TERRAFORM_AZURERM_DESCRIBERS: ReadonlyMap<string, TypeDescriber> = new Map(
  [
    ...resourceGroupDescribers,
    ...storageDescribers,
    ...sqlDescribers,
    ...cosmosdbDescribers,
    ...postgresqlMysqlDescribers,
    ...keyVaultDescribers,
    ...managedDiskDescribers,
    ...redisDescribers,
    ...monitorDescribers,
    ...messagingDescribers,
    ...cdnDescribers,
  ].map((describer) => [describer.type, describer]),
);

/**
 * The Terraform azurerm schema family (`azurerm_storage_account`): Terraform plans, CDKTF, and
 * Pulumi `@pulumi/azure`. Data sources and types not modelled here are returned in `notModelled`,
 * never dropped; data sources still serve as lookups (a resource group's location).
 */
export const terraformAzurermDescriber: Describer = {
  schema: SCHEMA.terraformAzurerm,
  describe(resources) {
    const scan = createScan(resources);
    const described: Resource[] = [];
    const notModelled: RawResource[] = [];
    for (const raw of resources) {
      const isDataSource = typeOfAddress(raw.address)?.startsWith('data.') ?? false;
      const describer = isDataSource ? undefined : TERRAFORM_AZURERM_DESCRIBERS.get(raw.type);
      if (describer === undefined) notModelled.push(raw);
      else described.push(describer.describe(raw, scan));
    }
    return { resources: described, notModelled };
  },
};
