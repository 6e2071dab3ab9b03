// Synthetic `terraform show -json` plans of any size, shaped like real AWS plans: modules with
// count instances, S3 buckets with their split configuration resources, DynamoDB tables with
// replicas, RDS instances behind security groups, KMS keys, log groups, and unmodelled types.
const PROVIDER = 'registry.terraform.io/hashicorp/aws';
const BUCKET_UNKNOWN = Object.fromEntries(
  [
    'acceleration_status',
    'acl',
    'arn',
    'bucket_domain_name',
    'bucket_regional_domain_name',
    'cors_rule',
    'grant',
    'hosted_zone_id',
    'id',
    'lifecycle_rule',
    'logging',
    'object_lock_configuration',
    'policy',
    'region',
    'replication_configuration',
    'request_payer',
    'server_side_encryption_configuration',
    'versioning',
    'website',
  ].map((key) => [key, true]),
);

/** One module instance's worth of resources (10 resources). */
function moduleResources(i) {
  const tags = {
    'data-classification': i % 3 === 0 ? 'public' : 'personal',
    team: `team-${i % 17}`,
    service: `svc-${i}`,
  };
  return [
    [
      'aws_s3_bucket',
      'data',
      { bucket: `bench-data-${i}`, force_destroy: false, tags, tags_all: tags },
      { ...BUCKET_UNKNOWN, tags: {}, tags_all: {} },
    ],
    [
      'aws_s3_bucket_public_access_block',
      'data',
      {
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: i % 50 !== 0,
      },
      { bucket: true, id: true },
    ],
    [
      'aws_s3_bucket_server_side_encryption_configuration',
      'data',
      {
        rule: [
          {
            apply_server_side_encryption_by_default: [{ kms_master_key_id: null, sse_algorithm: 'aws:kms' }],
            bucket_key_enabled: true,
          },
        ],
      },
      { bucket: true, id: true },
    ],
    [
      'aws_s3_bucket_logging',
      'data',
      { target_bucket: `bench-logs-${i % 10}`, target_prefix: 'logs/' },
      { bucket: true, id: true },
    ],
    [
      'aws_dynamodb_table',
      'sessions',
      {
        name: `sessions-${i}`,
        billing_mode: 'PAY_PER_REQUEST',
        hash_key: 'id',
        attribute: [{ name: 'id', type: 'S' }],
        replica: i % 7 === 0 ? [{ region_name: 'us-east-1' }] : [],
        server_side_encryption: [{ enabled: true }],
        tags,
        tags_all: tags,
      },
      { arn: true, id: true, server_side_encryption: [{ kms_key_arn: true }], stream_arn: true },
    ],
    [
      'aws_security_group',
      'db',
      {
        name: `db-${i}`,
        ingress: [
          {
            cidr_blocks: [i % 11 === 0 ? '0.0.0.0/0' : '10.0.0.0/8'],
            from_port: 5432,
            to_port: 5432,
            protocol: 'tcp',
            ipv6_cidr_blocks: [],
            prefix_list_ids: [],
            security_groups: [],
            self: false,
            description: '',
          },
        ],
        tags: null,
      },
      { arn: true, id: true, egress: true, vpc_id: true, owner_id: true },
    ],
    [
      'aws_db_instance',
      'db',
      {
        identifier: `db-${i}`,
        engine: 'postgres',
        instance_class: 'db.t4g.micro',
        allocated_storage: 20,
        storage_encrypted: i % 13 !== 0,
        publicly_accessible: false,
        tags,
        tags_all: tags,
      },
      { arn: true, id: true, endpoint: true, kms_key_id: true, vpc_security_group_ids: true },
    ],
    [
      'aws_kms_key',
      'key',
      { description: `key ${i}`, enable_key_rotation: true, is_enabled: true, key_usage: 'ENCRYPT_DECRYPT' },
      { arn: true, id: true, key_id: true, policy: true },
    ],
    [
      'aws_cloudwatch_log_group',
      'app',
      { name: `/app/${i}`, retention_in_days: 30, kms_key_id: null, tags: null },
      { arn: true, id: true },
    ],
    [
      'aws_lambda_function',
      'api',
      {
        function_name: `api-${i}`,
        handler: 'index.handler',
        runtime: 'nodejs22.x',
        role: 'arn:aws:iam::123456789012:role/api',
      },
      { arn: true, id: true, invoke_arn: true },
    ],
  ];
}

const REFERENCES = {
  aws_s3_bucket_public_access_block: { bucket: ['aws_s3_bucket.data.id', 'aws_s3_bucket.data'] },
  aws_s3_bucket_server_side_encryption_configuration: {
    bucket: ['aws_s3_bucket.data.id', 'aws_s3_bucket.data'],
  },
  aws_s3_bucket_logging: { bucket: ['aws_s3_bucket.data.id', 'aws_s3_bucket.data'] },
  aws_db_instance: { vpc_security_group_ids: ['aws_security_group.db.id', 'aws_security_group.db'] },
};

/** A plan with `size` resources (a multiple of 10): size/10 instances of `module.svc[i]`. */
export function syntheticPlan(size) {
  const instances = Math.max(1, Math.floor(size / 10));
  const resourceChanges = [];
  const planned = [];
  for (let i = 0; i < instances; i++) {
    for (const [type, name, after, afterUnknown] of moduleResources(i)) {
      const address = `module.svc[${i}].${type}.${name}`;
      resourceChanges.push({
        address,
        module_address: `module.svc[${i}]`,
        mode: 'managed',
        type,
        name,
        provider_name: PROVIDER,
        change: {
          actions: ['create'],
          before: null,
          after,
          after_unknown: afterUnknown,
          before_sensitive: false,
          after_sensitive: {},
        },
      });
      planned.push({
        address,
        mode: 'managed',
        type,
        name,
        provider_name: PROVIDER,
        schema_version: 0,
        values: after,
        sensitive_values: {},
      });
    }
  }
  if (size < 10) {
    resourceChanges.length = size;
    planned.length = size;
  }
  const configResources = moduleResources(0).map(([type, name, after]) => ({
    address: `${type}.${name}`,
    mode: 'managed',
    type,
    name,
    provider_config_key: 'aws',
    schema_version: 0,
    expressions: Object.fromEntries([
      ...Object.entries(REFERENCES[type] ?? {}).map(([key, refs]) => [key, { references: refs }]),
      ...Object.keys(after)
        .filter((key) => !REFERENCES[type]?.[key])
        .slice(0, 3)
        .map((key) => [key, { constant_value: after[key] }]),
    ]),
  }));
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: { child_modules: [{ address: 'module.svc', resources: planned }] } },
    resource_changes: resourceChanges,
    configuration: {
      provider_config: {
        aws: {
          name: 'aws',
          full_name: PROVIDER,
          expressions: { region: { constant_value: 'eu-central-1' } },
        },
      },
      root_module: {
        module_calls: {
          svc: {
            source: './svc',
            count_expression: { constant_value: instances },
            module: { resources: configResources },
          },
        },
      },
    },
    applyable: true,
    complete: true,
    errored: false,
  };
}
