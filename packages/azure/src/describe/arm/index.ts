import { type Describer, type RawResource, type Resource, SCHEMA } from '@eugate/core';
import { CDN_PROFILE, CLASSIC_FRONT_DOOR, cdnDescribers, describeEdgeChild } from './cdn.js';
import { COSMOS_ACCOUNT, cosmosdbDescribers } from './cosmosdb.js';
import { diskDescribers } from './disk.js';
import { FLEXIBLE_FAMILIES, flexibleServerDescribers } from './flexible-server.js';
import { KEY_VAULT, keyVaultDescribers } from './key-vault.js';
import { describeDiagnosticSetting, isDiagnosticSetting } from './monitor.js';
import {
  type ArmScan,
  type ArmTypeDescriber,
  createArmScan,
  describeArmConfiguration,
} from './resource-base.js';
import { SQL_SERVER, sqlDescribers } from './sql.js';
import { STORAGE_ACCOUNT, storageDescribers } from './storage.js';
import { WEB_SITE, webDescribers } from './web.js';

/** Every modelled ARM resource type, by lower-cased type (ARM types are case-insensitive). */
const ARM_DESCRIBERS: ReadonlyMap<string, ArmTypeDescriber> = new Map(
  [
    ...storageDescribers,
    ...sqlDescribers,
    ...cosmosdbDescribers,
    ...keyVaultDescribers,
    ...flexibleServerDescribers,
    ...diskDescribers,
    ...webDescribers,
    ...cdnDescribers,
    describeDiagnosticSetting,
  ].map((describer) => [describer.type.toLowerCase(), describer]),
);

/**
 * Child types below these resources that have no describer of their own (blob services, SQL
 * databases' TDE and auditing settings, Cosmos DB databases, Key Vault secrets, server parameters,
 * CDN routes) configure their nearest described ancestor; edge children are as global as their profile.
 */
const FAMILY_ROOTS: readonly { readonly root: string; readonly edge?: boolean }[] = [
  { root: STORAGE_ACCOUNT },
  { root: SQL_SERVER },
  { root: COSMOS_ACCOUNT },
  { root: KEY_VAULT },
  ...FLEXIBLE_FAMILIES.map((family) => ({ root: family.server })),
  { root: WEB_SITE },
  { root: CDN_PROFILE, edge: true },
  { root: CLASSIC_FRONT_DOOR, edge: true },
];

function describeChild(raw: RawResource, scan: ArmScan): Resource | undefined {
  const type = raw.type.toLowerCase();
  const family = FAMILY_ROOTS.find(({ root }) => type.startsWith(`${root.toLowerCase()}/`));
  if (family === undefined) return undefined;
  if (family.edge === true) return describeEdgeChild(raw, scan);
  const ancestor = scan.ancestors(raw).find((at) => ARM_DESCRIBERS.has(at.type.toLowerCase()));
  return describeArmConfiguration(raw, scan, ancestor);
}

/**
 * The ARM schema family (`Microsoft.Storage/storageAccounts`): ARM templates, Bicep output, and
 * Pulumi `azure-native` mapped onto the same shape (docs/describers/arm.md). Types not modelled are
 * returned in `notModelled`, never dropped.
 */
export const armDescriber: Describer = {
  schema: SCHEMA.arm,
  describe(resources) {
    const scan = createArmScan(resources);
    const described: Resource[] = [];
    const notModelled: RawResource[] = [];
    for (const raw of resources) {
      const describer = ARM_DESCRIBERS.get(raw.type.toLowerCase());
      const resource =
        describer !== undefined
          ? describer.describe(raw, scan)
          : isDiagnosticSetting(raw)
            ? describeDiagnosticSetting.describe(raw, scan)
            : describeChild(raw, scan);
      if (resource === undefined) notModelled.push(raw);
      else described.push(resource);
    }
    return { resources: described, notModelled };
  },
};
