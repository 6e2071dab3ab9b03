import type { SchemaFamily } from '@eugate/core';
import { isJsonObject, type JsonObject } from '../read/json-value.js';
import { ARM_SCHEMA, armTypeOf, toArmProperties } from './arm.js';
import {
  AWS_PROVIDER,
  AZURERM_PROVIDER,
  type TerraformProvider,
  terraformArgumentName,
  terraformTypeOf,
  toTerraformProperties,
} from './terraform.js';

/** A Pulumi resource in the terms of the schema family that describes it. */
export interface SchemaResource {
  readonly schema: SchemaFamily;
  readonly type: string;
  readonly properties: JsonObject;
  /** Argument → URNs, with arguments renamed as the properties are. */
  readonly references?: Readonly<Record<string, readonly string[]>>;
}

const TERRAFORM_PROVIDERS: ReadonlyMap<string, TerraformProvider> = new Map([
  [AWS_PROVIDER.pulumiPackage, AWS_PROVIDER],
  [AZURERM_PROVIDER.pulumiPackage, AZURERM_PROVIDER],
]);

/**
 * Maps a Pulumi resource onto a schema family: `@pulumi/aws` → Terraform AWS, `@pulumi/azure` →
 * Terraform azurerm, `azure-native` → ARM. Other packages keep their token under the family
 * `pulumi:<package>`, which no describer claims: they are listed as not modelled.
 */
export function toSchemaResource(
  token: string,
  properties: JsonObject,
  propertyDependencies: Readonly<Record<string, readonly string[]>> | undefined,
): SchemaResource {
  const pkg = token.split(':')[0] ?? token;
  const terraform = TERRAFORM_PROVIDERS.get(pkg);
  if (terraform !== undefined) {
    const type = terraformTypeOf(token, terraform);
    if (type !== undefined) {
      return {
        schema: terraform.schema,
        type,
        properties: toTerraformProperties(properties),
        ...(propertyDependencies !== undefined && {
          references: renameKeys(propertyDependencies, (key) => terraformArgumentName(key, properties)),
        }),
      };
    }
  }
  if (pkg === 'azure-native') {
    const armType = armTypeOf(token);
    return {
      schema: ARM_SCHEMA,
      type: armType?.type ?? token,
      properties: toArmProperties(token, properties),
      ...(propertyDependencies !== undefined && {
        references: renameKeys(propertyDependencies, (key) => key),
      }),
    };
  }
  return {
    schema: `pulumi:${pkg}`,
    type: token,
    properties,
    ...(propertyDependencies !== undefined && { references: propertyDependencies }),
  };
}

function renameKeys(
  record: Readonly<Record<string, readonly string[]>>,
  rename: (key: string) => string,
): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const [key, value] of Object.entries(record)) {
    const name = rename(key);
    out[name] = [...(out[name] ?? []), ...value];
  }
  return out;
}

/** Provider `defaultTags.tags` of `@pulumi/aws`, which Terraform folds into `tags_all`. */
export function awsDefaultTags(providerInputs: JsonObject | undefined): JsonObject | undefined {
  const defaultTags = providerInputs?.defaultTags;
  const tags = isJsonObject(defaultTags) ? defaultTags.tags : undefined;
  return isJsonObject(tags) ? tags : undefined;
}
