import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { terraformAwsDescriber } from '@eugate/aws';
import { knownFact, type RawResource, SCHEMA, UnknownValue } from '@eugate/core';
import { describe, expect, it, test } from 'vitest';
import { singularSnake, snakeCase } from './names.js';
import { AWS_PROVIDER, AZURERM_PROVIDER, terraformTypeOf, toTerraformProperties } from './terraform.js';

/** Every resource token `@pulumi/aws` (the installed version) defines, read from its generated classes. */
function pulumiAwsTokens(): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('@pulumi/aws/package.json'));
  const tokens = new Set<string>();
  for (const module of readdirSync(root, { withFileTypes: true })) {
    if (!module.isDirectory() || module.name === 'node_modules' || module.name === 'types') continue;
    for (const file of readdirSync(join(root, module.name))) {
      if (!file.endsWith('.js')) continue;
      const match = /__pulumiType = '([^']+)'/.exec(readFileSync(join(root, module.name, file), 'utf8'));
      if (match !== null) tokens.add(match[1] as string);
    }
  }
  return [...tokens].sort();
}

function modelledBy(types: readonly string[]): Set<string> {
  const raws: RawResource[] = types.map((type, i) => ({
    address: `r${i}`,
    type,
    schema: SCHEMA.terraformAws,
    properties: {},
    region: knownFact('eu-west-1'),
    source: { file: 'x' },
  }));
  return new Set(terraformAwsDescriber.describe(raws).resources.map((resource) => resource.type));
}

describe('type tokens → Terraform types', () => {
  it.each([
    ['aws:s3/bucket:Bucket', 'aws_s3_bucket'],
    ['aws:s3/bucketV2:BucketV2', 'aws_s3_bucket'],
    [
      'aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2',
      'aws_s3_bucket_server_side_encryption_configuration',
    ],
    [
      'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
      'aws_s3_bucket_server_side_encryption_configuration',
    ],
    ['aws:rds/instance:Instance', 'aws_db_instance'],
    ['aws:rds/parameterGroup:ParameterGroup', 'aws_db_parameter_group'],
    ['aws:rds/cluster:Cluster', 'aws_rds_cluster'],
    ['aws:rds/globalCluster:GlobalCluster', 'aws_rds_global_cluster'],
    ['aws:ec2/securityGroup:SecurityGroup', 'aws_security_group'],
    ['aws:ec2/instance:Instance', 'aws_instance'],
    ['aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule', 'aws_vpc_security_group_ingress_rule'],
    ['aws:cloudwatch/logGroup:LogGroup', 'aws_cloudwatch_log_group'],
    ['aws:kms/key:Key', 'aws_kms_key'],
    ['aws:dynamodb/table:Table', 'aws_dynamodb_table'],
    ['aws:lb/loadBalancer:LoadBalancer', 'aws_lb'],
  ])('%s → %s', (token, type) => {
    expect(terraformTypeOf(token, AWS_PROVIDER)).toBe(type);
  });

  it.each([
    ['azure:storage/account:Account', 'azurerm_storage_account'],
    ['azure:storage/container:Container', 'azurerm_storage_container'],
    ['azure:keyvault/keyVault:KeyVault', 'azurerm_key_vault'],
    ['azure:keyvault/secret:Secret', 'azurerm_key_vault_secret'],
    ['azure:mssql/server:Server', 'azurerm_mssql_server'],
    ['azure:sql/sqlServer:SqlServer', 'azurerm_sql_server'],
    ['azure:cosmosdb/account:Account', 'azurerm_cosmosdb_account'],
    ['azure:core/resourceGroup:ResourceGroup', 'azurerm_resource_group'],
    ['azure:compute/managedDisk:ManagedDisk', 'azurerm_managed_disk'],
    ['azure:postgresql/flexibleServer:FlexibleServer', 'azurerm_postgresql_flexible_server'],
    ['azure:monitoring/diagnosticSetting:DiagnosticSetting', 'azurerm_monitor_diagnostic_setting'],
  ])('%s → %s', (token, type) => {
    expect(terraformTypeOf(token, AZURERM_PROVIDER)).toBe(type);
  });

  test('components and other packages have no Terraform type', () => {
    expect(terraformTypeOf('aws:s3:BucketEventSubscription', AWS_PROVIDER)).toBeUndefined();
  });

  test('every Terraform AWS type eugate models is reachable from a token of the installed @pulumi/aws', () => {
    const tokens = pulumiAwsTokens();
    expect(tokens.length).toBeGreaterThan(1000);
    const mapped = tokens.map((token) => terraformTypeOf(token, AWS_PROVIDER) ?? token);
    const reachable = modelledBy(mapped);
    // The types the describer models, found by offering it every plausible name.
    const source = readFileSync(
      join(
        dirname(createRequire(import.meta.url).resolve('@eugate/aws/package.json')),
        'src/describe/terraform/index.ts',
      ),
      'utf8',
    );
    expect(source).toContain('TERRAFORM_AWS_DESCRIBERS');
    const candidates = new Set<string>();
    for (const file of readdirSync(
      join(
        dirname(createRequire(import.meta.url).resolve('@eugate/aws/package.json')),
        'src/describe/terraform',
      ),
    )) {
      if (!file.endsWith('.ts')) continue;
      const text = readFileSync(
        join(
          dirname(createRequire(import.meta.url).resolve('@eugate/aws/package.json')),
          'src/describe/terraform',
          file,
        ),
        'utf8',
      );
      for (const match of text.matchAll(/'(aws_[a-z0-9_]+)'/g)) candidates.add(match[1] as string);
    }
    const modelled = modelledBy([...candidates]);
    expect(modelled.size).toBeGreaterThan(40);
    expect([...modelled].filter((type) => !reachable.has(type)).sort()).toEqual([]);
  });
});

describe('properties → Terraform attributes', () => {
  test('names are snake_case; list blocks singular; one-item blocks become one-item lists; maps keep their keys', () => {
    expect(
      toTerraformProperties({
        bucket: 'b',
        tags: { DataClassification: 'personal', 'cost-center': '42' },
        serverSideEncryptionConfiguration: {
          rule: {
            applyServerSideEncryptionByDefault: {
              sseAlgorithm: 'aws:kms',
              kmsMasterKeyId: new UnknownValue('x'),
            },
          },
        },
        corsRules: [{ allowedMethods: ['GET'], allowedOrigins: ['*'] }],
        vpcSecurityGroupIds: ['sg-1'],
        ingress: [{ cidrBlocks: ['0.0.0.0/0'], fromPort: 443 }],
        replicationConfiguration: { role: 'r', rules: [{ id: 'all', status: 'Enabled' }] },
        logPublishingOptions: [{ logType: 'AUDIT_LOGS' }],
      }),
    ).toEqual({
      bucket: 'b',
      tags: { DataClassification: 'personal', 'cost-center': '42' },
      server_side_encryption_configuration: [
        {
          rule: [
            {
              apply_server_side_encryption_by_default: [
                { sse_algorithm: 'aws:kms', kms_master_key_id: new UnknownValue('x') },
              ],
            },
          ],
        },
      ],
      cors_rule: [{ allowed_methods: ['GET'], allowed_origins: ['*'] }],
      vpc_security_group_ids: ['sg-1'],
      ingress: [{ cidr_blocks: ['0.0.0.0/0'], from_port: 443 }],
      replication_configuration: [{ role: 'r', rules: [{ id: 'all', status: 'Enabled' }] }],
      log_publishing_options: [{ log_type: 'AUDIT_LOGS' }],
    });
  });

  it.each([
    ['ipv6CidrBlocks', 'ipv6_cidr_blocks'],
    ['s3BucketName', 's3_bucket_name'],
    ['sqsManagedSseEnabled', 'sqs_managed_sse_enabled'],
    ['diskSizeGB', 'disk_size_gb'],
  ])('snakeCase(%s) = %s', (name, snake) => {
    expect(snakeCase(name)).toBe(snake);
  });

  it.each([
    ['cors_rules', 'cors_rule'],
    ['global_secondary_indexes', 'global_secondary_index'],
    ['lifecycle_policies', 'lifecycle_policy'],
    ['ingress', 'ingress'],
    ['origins', 'origin'],
    ['custom_error_responses', 'custom_error_response'],
    ['copy_actions', 'copy_action'],
    ['addresses', 'address'],
  ])('singularSnake(%s) = %s', (plural, singular) => {
    expect(singularSnake(plural)).toBe(singular);
  });
});
