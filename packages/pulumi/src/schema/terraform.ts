import { isUnknownValue, SCHEMA, type SchemaFamily } from '@eugate/core';
import { defineOwn, isJsonObject, type JsonObject } from '../read/json-value.js';
import { singularSnake, snakeCase } from './names.js';

/**
 * `@pulumi/aws` and `@pulumi/azure` (classic) resources onto the Terraform schema families: the
 * type token names the Terraform resource type (`aws:s3/bucket:Bucket` → `aws_s3_bucket`), and the
 * camelCase properties are the Terraform attributes renamed by the bridge. This is the one place
 * where those names are translated back.
 */

export interface TerraformProvider {
  /** The Pulumi package: the first part of the type token. */
  readonly pulumiPackage: string;
  readonly schema: SchemaFamily;
  /** `aws` / `azurerm`: the Terraform type prefix. */
  readonly terraformPrefix: string;
  /** Module-level renames: the Terraform prefix that follows the provider prefix for a Pulumi module. */
  readonly modulePrefixes: Readonly<Record<string, string>>;
  /** Whole-token exceptions the module rules do not derive. */
  readonly tokens: Readonly<Record<string, string>>;
  /** Module-specific rules: the Terraform type without the provider prefix, or undefined for the general rule. */
  readonly rename?: (module: string, snakeName: string) => string | undefined;
}

/**
 * pulumi-aws names most Terraform types `aws:<module>/<name>`, where `aws_<module>_<name>` is the
 * Terraform type. The exceptions: EC2 resources have no `ec2_` prefix in Terraform, RDS instances
 * are `aws_db_*`, the S3 `…V2` resources are aliases of the same Terraform types.
 */
export const AWS_PROVIDER: TerraformProvider = {
  pulumiPackage: 'aws',
  schema: SCHEMA.terraformAws,
  terraformPrefix: 'aws',
  modulePrefixes: { ec2: '', index: '' },
  tokens: {
    'aws:lb/loadBalancer:LoadBalancer': 'aws_lb',
    'aws:alb/loadBalancer:LoadBalancer': 'aws_alb',
    'aws:rds/clusterSnapshot:ClusterSnapshot': 'aws_db_cluster_snapshot',
    'aws:rds/roleAssociation:RoleAssociation': 'aws_db_instance_role_association',
    'aws:ec2/capacityReservation:CapacityReservation': 'aws_ec2_capacity_reservation',
    'aws:ec2/fleet:Fleet': 'aws_ec2_fleet',
    'aws:ec2/instanceMetadataDefaults:InstanceMetadataDefaults': 'aws_ec2_instance_metadata_defaults',
    'aws:ec2/tag:Tag': 'aws_ec2_tag',
    'aws:s3/bucketObjectv2:BucketObjectv2': 'aws_s3_object',
    'aws:s3/analyticsConfiguration:AnalyticsConfiguration': 'aws_s3_bucket_analytics_configuration',
    'aws:s3/inventory:Inventory': 'aws_s3_bucket_inventory',
    'aws:s3/bucketReplicationConfig:BucketReplicationConfig': 'aws_s3_bucket_replication_configuration',
    'aws:s3/objectCopy:ObjectCopy': 'aws_s3_object_copy',
    'aws:s3/directoryBucket:DirectoryBucket': 'aws_s3_directory_bucket',
  },
  rename(module, name) {
    // `BucketV2`, `BucketAclV2`, … are the v4+ S3 resources under the names they had while the
    // legacy ones kept the plain names; in v7 both names exist for the same Terraform type.
    if (module === 's3' && name.endsWith('_v2')) return `s3_${name.slice(0, -3)}`;
    if (module === 'rds') {
      const rds = /^(cluster|global_cluster|reserved_instance|integration|shard_group|export_task)/.test(
        name,
      );
      return rds ? `rds_${name}` : `db_${name}`;
    }
    return undefined;
  },
};

/**
 * pulumi-azure (classic) follows the same scheme over azurerm; its modules group several Terraform
 * prefixes, so those modules map to the prefix they mostly stand for.
 */
export const AZURERM_PROVIDER: TerraformProvider = {
  pulumiPackage: 'azure',
  schema: SCHEMA.terraformAzurerm,
  terraformPrefix: 'azurerm',
  modulePrefixes: {
    core: '',
    compute: '',
    network: '',
    appservice: '',
    authorization: '',
    keyvault: 'key_vault',
    monitoring: 'monitor',
    operationalinsights: 'log_analytics',
    loganalytics: 'log_analytics',
  },
  tokens: {
    'azure:storage/customerManagedKey:CustomerManagedKey': 'azurerm_storage_account_customer_managed_key',
    'azure:eventhub/eventHub:EventHub': 'azurerm_eventhub',
    'azure:eventhub/eventHubNamespace:EventHubNamespace': 'azurerm_eventhub_namespace',
    'azure:eventhub/namespace:Namespace': 'azurerm_servicebus_namespace',
    'azure:operationalinsights/analyticsWorkspace:AnalyticsWorkspace': 'azurerm_log_analytics_workspace',
    'azure:sql/sqlServer:SqlServer': 'azurerm_sql_server',
  },
};

/** `aws:s3/bucketV2:BucketV2` → `aws_s3_bucket`; undefined when the token has no module/name form. */
export function terraformTypeOf(token: string, provider: TerraformProvider): string | undefined {
  const exception = provider.tokens[token];
  if (exception !== undefined) return exception;
  const match = /^[^:]+:([^/:]+)\/([^:]+):[^:]+$/.exec(token);
  if (match === null) return undefined;
  const module = (match[1] as string).toLowerCase();
  const name = snakeCase(match[2] as string);
  const renamed = provider.rename?.(module, name);
  if (renamed !== undefined) return `${provider.terraformPrefix}_${renamed}`;
  const prefix = provider.modulePrefixes[module] ?? module;
  // `azure:keyvault/keyVault` → `azurerm_key_vault`, `azure:sql/sqlServer` → `azurerm_sql_server`.
  if (prefix === '' || name === prefix || name.startsWith(`${prefix}_`))
    return `${provider.terraformPrefix}_${name}`;
  return `${provider.terraformPrefix}_${prefix}_${name}`;
}

/** Map-typed attributes: their keys are data (tag keys, variable names), not attribute names. */
const MAP_ATTRIBUTES = new Set(['tags', 'tagsAll', 'variables', 'defaultTags']);

/**
 * Attributes whose Terraform name is already plural, so the bridge did not pluralise it: the
 * singular rule would get them wrong. Keyed by the dotted Pulumi path below the resource (the bare
 * name matches at any depth).
 */
const PLURAL_TERRAFORM_NAMES: Readonly<Record<string, string>> = {
  logPublishingOptions: 'log_publishing_options',
  globalClusterMembers: 'global_cluster_members',
  'replicationConfiguration.rules': 'rules',
};

/** The Terraform name of a property at `path` (dotted Pulumi names from the resource, without indexes). */
export function terraformAttributeName(key: string, path: string, value: unknown): string {
  const exception = PLURAL_TERRAFORM_NAMES[path] ?? PLURAL_TERRAFORM_NAMES[key];
  if (exception !== undefined) return exception;
  const snake = snakeCase(key);
  // A list of blocks: the bridge pluralised the block name (`corsRules` ← `cors_rule`).
  return Array.isArray(value) && value.some(isJsonObject) ? singularSnake(snake) : snake;
}

/**
 * Resource properties in Terraform's shape: snake_case names, every nested block a list (the bridge
 * flattens blocks of at most one item into an object; Terraform plans show them as one-item lists).
 * `UnknownValue`s stay where they are.
 */
export function toTerraformProperties(properties: JsonObject): JsonObject {
  return convertBlock(properties, '');
}

function convertBlock(block: JsonObject, path: string): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(block)) {
    const here = path === '' ? key : `${path}.${key}`;
    const name = terraformAttributeName(key, here, value);
    defineOwn(out, name, MAP_ATTRIBUTES.has(key) ? value : convertValue(value, here));
  }
  return out;
}

function convertValue(value: unknown, path: string): unknown {
  if (isUnknownValue(value)) return value;
  if (Array.isArray(value))
    return value.map((item) => (isJsonObject(item) ? convertBlock(item, path) : item));
  if (isJsonObject(value)) return [convertBlock(value, path)];
  return value;
}

/** Top-level Pulumi property names → Terraform argument names, for `references`. */
export function terraformArgumentName(key: string, properties: JsonObject): string {
  return terraformAttributeName(key, key, properties[key]);
}
