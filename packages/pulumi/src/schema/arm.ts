import { isUnknownValue, SCHEMA, UnknownValue } from '@eugate/core';
import { defineOwn, isJsonObject, type JsonObject } from '../read/json-value.js';

/**
 * `azure-native` resources onto the ARM schema family. azure-native is generated from the ARM
 * REST specifications: its type token names the resource provider and type, and its arguments are
 * the ARM resource's, with the `properties` envelope flattened into the top level and the parent
 * names (`resourceGroupName`, `accountName`, …) as arguments. This module puts them back into the
 * shape of an ARM template resource: `{ name, location, sku, kind, tags, identity, properties }`.
 */

interface ArmType {
  /** ARM resource type, e.g. `Microsoft.Storage/storageAccounts`. */
  readonly type: string;
  /** Arguments that make up the ARM name, outermost first; a string literal is a fixed segment. */
  readonly name: readonly (string | { readonly fixed: string })[];
  /** azure-native argument → ARM property (under `properties`) where the SDK renamed it. */
  readonly renames?: Readonly<Record<string, string>>;
}

/** Keys an ARM resource carries beside `properties`. */
const TOP_LEVEL = new Set([
  'location',
  'sku',
  'kind',
  'tags',
  'identity',
  'zones',
  'extendedLocation',
  'plan',
]);
/** Bookkeeping of the azure-native provider and ARM response fields that are not configuration. */
const NOT_CONFIGURATION = new Set(['resourceGroupName', 'azureApiVersion', 'id', 'type', 'systemData']);

export const ARM_TYPES: Readonly<Record<string, ArmType>> = {
  'resources:ResourceGroup': { type: 'Microsoft.Resources/resourceGroups', name: ['resourceGroupName'] },
  'storage:StorageAccount': {
    type: 'Microsoft.Storage/storageAccounts',
    name: ['accountName'],
    renames: {
      enableHttpsTrafficOnly: 'supportsHttpsTrafficOnly',
      networkRuleSet: 'networkAcls',
      enableNfsV3: 'isNfsV3Enabled',
    },
  },
  'storage:BlobServiceProperties': {
    type: 'Microsoft.Storage/storageAccounts/blobServices',
    name: ['accountName', 'blobServicesName'],
  },
  'storage:BlobContainer': {
    type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
    name: ['accountName', { fixed: 'default' }, 'containerName'],
  },
  'sql:Server': { type: 'Microsoft.Sql/servers', name: ['serverName'] },
  'sql:Database': { type: 'Microsoft.Sql/servers/databases', name: ['serverName', 'databaseName'] },
  'sql:FirewallRule': {
    type: 'Microsoft.Sql/servers/firewallRules',
    name: ['serverName', 'firewallRuleName'],
  },
  'sql:FailoverGroup': {
    type: 'Microsoft.Sql/servers/failoverGroups',
    name: ['serverName', 'failoverGroupName'],
  },
  'sql:TransparentDataEncryption': {
    type: 'Microsoft.Sql/servers/databases/transparentDataEncryption',
    name: ['serverName', 'databaseName', 'tdeName'],
  },
  'cosmosdb:DatabaseAccount': { type: 'Microsoft.DocumentDB/databaseAccounts', name: ['accountName'] },
  'keyvault:Vault': { type: 'Microsoft.KeyVault/vaults', name: ['vaultName'] },
  'dbforpostgresql:Server': { type: 'Microsoft.DBforPostgreSQL/flexibleServers', name: ['serverName'] },
  'dbforpostgresql:FirewallRule': {
    type: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
    name: ['serverName', 'firewallRuleName'],
  },
  'compute:Disk': { type: 'Microsoft.Compute/disks', name: ['diskName'] },
  'web:WebApp': { type: 'Microsoft.Web/sites', name: ['name'] },
  'cdn:Profile': { type: 'Microsoft.Cdn/profiles', name: ['profileName'] },
};

export const ARM_SCHEMA = SCHEMA.arm;

/** `azure-native:storage:StorageAccount` (or a versioned `storage/v20230101:`) → its table key. */
function tableKey(token: string): string | undefined {
  const match = /^azure-native:([^:/]+)(?:\/[^:]+)?:([^:]+)$/.exec(token);
  return match === null ? undefined : `${match[1]}:${match[2]}`;
}

export function armTypeOf(token: string): ArmType | undefined {
  const key = tableKey(token);
  return key === undefined ? undefined : ARM_TYPES[key];
}

/** azure-native properties in ARM template shape. */
export function toArmProperties(token: string, properties: JsonObject): JsonObject {
  const armType = armTypeOf(token);
  const nameArguments = new Set(
    (armType?.name ?? []).filter((part): part is string => typeof part === 'string'),
  );
  const out: JsonObject = {};
  const inner: JsonObject = isJsonObject(properties.properties) ? { ...properties.properties } : {};
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'properties' || NOT_CONFIGURATION.has(key) || nameArguments.has(key)) continue;
    if (key === 'name') continue;
    if (TOP_LEVEL.has(key)) defineOwn(out, key, value);
    else defineOwn(inner, armType?.renames?.[key] ?? key, value);
  }
  const name = armName(armType, properties);
  if (name !== undefined) defineOwn(out, 'name', name);
  defineOwn(out, 'properties', inner);
  return out;
}

/** `account/default/container`; an output's `name` (the resource's own segment) completes it. */
function armName(armType: ArmType | undefined, properties: JsonObject): unknown {
  if (armType === undefined) return properties.name;
  const segments: string[] = [];
  for (const part of armType.name) {
    const value = typeof part === 'string' ? properties[part] : part.fixed;
    if (isUnknownValue(value)) return value;
    if (typeof value !== 'string') {
      // The last segment is auto-named when the argument is omitted; outputs carry it as `name`.
      const own = properties.name;
      if (part === armType.name[armType.name.length - 1] && typeof own === 'string') segments.push(own);
      else if (isUnknownValue(own)) return own;
      else
        return new UnknownValue(
          `the ${typeof part === 'string' ? part : 'name'} is auto-named at deployment`,
        );
      continue;
    }
    segments.push(value);
  }
  return segments.join('/');
}
