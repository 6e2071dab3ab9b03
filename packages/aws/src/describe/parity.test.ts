import type { DescribeResult, Flow, FlowEnd, RawResource, Resource, ResourceFacts } from '@eugate/core';
import { expect, it } from 'vitest';
import { cfn, describeAll as describeCloudFormation } from './cloudformation/__fixtures__/raw.js';
import { describeAll as describeTerraform, factValue, raw as tf } from './terraform/__fixtures__/raw.js';

/**
 * The same real-world setting, written once for Terraform (`terraform-aws`, snake_case) and once for
 * CloudFormation/CDK (`cloudformation`, PascalCase), must give the same facts: one rule then judges
 * both alike. Each row names the resource to compare in each family and the facts and flows
 * expected of both. Flows are compared by kind, direction and the region of the other end.
 */
type Row = {
  readonly terraform: { readonly resources: RawResource[]; readonly address: string };
  readonly cloudformation: { readonly resources: RawResource[]; readonly address: string };
  readonly facts: Partial<Record<keyof ResourceFacts, unknown>>;
  readonly flows?: readonly string[];
};

function end(flowEnd: FlowEnd): string {
  if (flowEnd.self === true) return 'self';
  return flowEnd.region === undefined ? 'other' : flowEnd.region.known ? flowEnd.region.value : '?';
}

const flowSummary = (flow: Flow) => `${flow.kind} ${end(flow.from)} -> ${end(flow.to)}`;

function find(result: DescribeResult, address: string): Resource {
  const found = result.resources.find((r) => r.address === address);
  if (found === undefined) throw new Error(`${address} was not described`);
  return found;
}

function observed(resource: Resource, row: Row) {
  const facts = resource.facts as Record<string, Parameters<typeof factValue>[0]>;
  return {
    facts: Object.fromEntries(Object.keys(row.facts).map((key) => [key, factValue(facts[key])])),
    flows: resource.flows.map(flowSummary).sort(),
  };
}

const CUSTOMER_KEY = 'arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const DENY_HTTP = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::orders/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
};
const S3_STAR = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };

const rows: [string, Row][] = [
  [
    'S3 bucket with SSE-KMS and a customer key',
    {
      terraform: {
        resources: [
          tf('aws_s3_bucket.b', { bucket: 'orders' }),
          tf('aws_s3_bucket_server_side_encryption_configuration.b', {
            bucket: 'orders',
            rule: [
              {
                apply_server_side_encryption_by_default: [
                  { sse_algorithm: 'aws:kms', kms_master_key_id: CUSTOMER_KEY },
                ],
              },
            ],
          }),
        ],
        address: 'aws_s3_bucket.b',
      },
      cloudformation: {
        resources: [
          cfn('S/B', 'AWS::S3::Bucket', {
            BucketName: 'orders',
            BucketEncryption: {
              ServerSideEncryptionConfiguration: [
                { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: CUSTOMER_KEY } },
              ],
            },
          }),
        ],
        address: 'S/B',
      },
      facts: {
        encryptionAtRest: 'customer-key',
        publicAccess: false,
        accessLogging: false,
        encryptionInTransit: { enforced: false },
      },
    },
  ],
  [
    'S3 bucket with a policy denying plain HTTP and a public-read ACL',
    {
      terraform: {
        resources: [
          tf('aws_s3_bucket.b', { bucket: 'orders', acl: 'public-read' }),
          tf('aws_s3_bucket_policy.p', { bucket: 'orders', policy: JSON.stringify(DENY_HTTP) }),
        ],
        address: 'aws_s3_bucket.b',
      },
      cloudformation: {
        resources: [
          cfn('S/B', 'AWS::S3::Bucket', { BucketName: 'orders', AccessControl: 'PublicRead' }),
          cfn('S/P', 'AWS::S3::BucketPolicy', { Bucket: 'orders', PolicyDocument: DENY_HTTP }),
        ],
        address: 'S/B',
      },
      facts: {
        encryptionAtRest: 'provider-key',
        publicAccess: true,
        encryptionInTransit: { enforced: true },
        wildcardAccess: false,
      },
    },
  ],
  [
    'S3 bucket replicating to another bucket by ARN',
    {
      terraform: {
        resources: [
          tf('aws_s3_bucket.b', { bucket: 'orders' }),
          tf('aws_s3_bucket_replication_configuration.r', {
            bucket: 'orders',
            rule: [{ status: 'Enabled', destination: [{ bucket: 'arn:aws:s3:::orders-replica' }] }],
          }),
        ],
        address: 'aws_s3_bucket.b',
      },
      cloudformation: {
        resources: [
          cfn('S/B', 'AWS::S3::Bucket', {
            BucketName: 'orders',
            ReplicationConfiguration: {
              Role: 'arn:aws:iam::1:role/r',
              Rules: [{ Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::orders-replica' } }],
            },
          }),
        ],
        address: 'S/B',
      },
      facts: {},
      flows: ['replica self -> other'],
    },
  ],
  [
    'RDS unencrypted and public',
    {
      terraform: {
        resources: [
          tf('aws_db_instance.db', {
            engine: 'postgres',
            engine_version: '16.3',
            storage_encrypted: false,
            publicly_accessible: true,
          }),
        ],
        address: 'aws_db_instance.db',
      },
      cloudformation: {
        resources: [
          cfn('S/Db', 'AWS::RDS::DBInstance', {
            Engine: 'postgres',
            EngineVersion: '16.3',
            StorageEncrypted: false,
            PubliclyAccessible: true,
          }),
        ],
        address: 'S/Db',
      },
      facts: { encryptionAtRest: 'none', networkExposure: true, encryptionInTransit: { enforced: true } },
    },
  ],
  [
    'RDS encrypted with a customer key, private, MySQL',
    {
      terraform: {
        resources: [
          tf('aws_db_instance.db', {
            engine: 'mysql',
            storage_encrypted: true,
            kms_key_id: CUSTOMER_KEY,
            publicly_accessible: false,
          }),
        ],
        address: 'aws_db_instance.db',
      },
      cloudformation: {
        resources: [
          cfn('S/Db', 'AWS::RDS::DBInstance', {
            Engine: 'mysql',
            StorageEncrypted: true,
            KmsKeyId: CUSTOMER_KEY,
            PubliclyAccessible: false,
          }),
        ],
        address: 'S/Db',
      },
      facts: {
        encryptionAtRest: 'customer-key',
        networkExposure: false,
        encryptionInTransit: { enforced: false },
      },
    },
  ],
  [
    'RDS read replica of a database in us-east-1',
    {
      terraform: {
        resources: [
          tf('aws_db_instance.r', {
            replicate_source_db: 'arn:aws:rds:us-east-1:111122223333:db:main',
            kms_key_id: CUSTOMER_KEY,
            publicly_accessible: false,
          }),
        ],
        address: 'aws_db_instance.r',
      },
      cloudformation: {
        resources: [
          cfn('S/R', 'AWS::RDS::DBInstance', {
            SourceDBInstanceIdentifier: 'arn:aws:rds:us-east-1:111122223333:db:main',
            KmsKeyId: CUSTOMER_KEY,
            PubliclyAccessible: false,
          }),
        ],
        address: 'S/R',
      },
      facts: { encryptionAtRest: 'customer-key', networkExposure: false },
      flows: ['read-replica us-east-1 -> self'],
    },
  ],
  [
    'DynamoDB table replica in us-east-1',
    {
      terraform: {
        resources: [tf('aws_dynamodb_table.t', { name: 'orders', replica: [{ region_name: 'us-east-1' }] })],
        address: 'aws_dynamodb_table.t',
      },
      cloudformation: {
        resources: [
          cfn('S/T', 'AWS::DynamoDB::GlobalTable', {
            TableName: 'orders',
            Replicas: [{ Region: 'eu-central-1' }, { Region: 'us-east-1' }],
          }),
        ],
        address: 'S/T',
      },
      facts: { encryptionAtRest: 'provider-key' },
      flows: ['replica self -> us-east-1'],
    },
  ],
  [
    'security group open to 0.0.0.0/0 on 5432',
    {
      terraform: {
        resources: [
          tf('aws_security_group.sg', {
            ingress: [
              {
                protocol: 'tcp',
                from_port: 5432,
                to_port: 5432,
                cidr_blocks: ['0.0.0.0/0'],
                ipv6_cidr_blocks: [],
              },
            ],
          }),
        ],
        address: 'aws_security_group.sg',
      },
      cloudformation: {
        resources: [
          cfn('S/Sg', 'AWS::EC2::SecurityGroup', {
            GroupDescription: 'db',
            SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, CidrIp: '0.0.0.0/0' }],
          }),
        ],
        address: 'S/Sg',
      },
      facts: { networkExposure: true },
    },
  ],
  [
    'CloudFront with TLSv1 minimum',
    {
      terraform: {
        resources: [
          tf('aws_cloudfront_distribution.d', {
            origin: [{ domain_name: 'orders.s3.amazonaws.com', origin_id: 'o', custom_origin_config: [] }],
            default_cache_behavior: [{ viewer_protocol_policy: 'redirect-to-https' }],
            ordered_cache_behavior: [],
            viewer_certificate: [
              {
                acm_certificate_arn: 'arn:aws:acm:us-east-1:1:certificate/c',
                cloudfront_default_certificate: false,
                minimum_protocol_version: 'TLSv1',
              },
            ],
            price_class: 'PriceClass_100',
            restrictions: [{ geo_restriction: [{ restriction_type: 'whitelist', locations: ['DE'] }] }],
          }),
        ],
        address: 'aws_cloudfront_distribution.d',
      },
      cloudformation: {
        resources: [
          cfn('S/D', 'AWS::CloudFront::Distribution', {
            DistributionConfig: {
              Origins: [{ Id: 'o', DomainName: 'orders.s3.amazonaws.com', S3OriginConfig: {} }],
              DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https' },
              ViewerCertificate: {
                AcmCertificateArn: 'arn:aws:acm:us-east-1:1:certificate/c',
                MinimumProtocolVersion: 'TLSv1',
                SslSupportMethod: 'sni-only',
              },
              PriceClass: 'PriceClass_100',
              Restrictions: { GeoRestriction: { RestrictionType: 'whitelist', Locations: ['DE'] } },
            },
          }),
        ],
        address: 'S/D',
      },
      facts: {
        encryptionInTransit: { enforced: true, minTlsVersion: '1.0' },
        edge: { global: true, restrictedToEu: false },
      },
      flows: ['edge-delivery other -> self'],
    },
  ],
  [
    'SQS queue with SSE-SQS switched off',
    {
      terraform: {
        resources: [tf('aws_sqs_queue.q', { name: 'q', sqs_managed_sse_enabled: false })],
        address: 'aws_sqs_queue.q',
      },
      cloudformation: {
        resources: [cfn('S/Q', 'AWS::SQS::Queue', { QueueName: 'q', SqsManagedSseEnabled: false })],
        address: 'S/Q',
      },
      facts: { encryptionAtRest: 'none', publicAccess: false },
    },
  ],
  [
    'SNS topic without a key',
    {
      terraform: { resources: [tf('aws_sns_topic.t', { name: 't' })], address: 'aws_sns_topic.t' },
      cloudformation: { resources: [cfn('S/T', 'AWS::SNS::Topic', { TopicName: 't' })], address: 'S/T' },
      facts: { encryptionAtRest: 'none' },
    },
  ],
  [
    'EFS file system without encryption',
    {
      terraform: { resources: [tf('aws_efs_file_system.f', {})], address: 'aws_efs_file_system.f' },
      cloudformation: { resources: [cfn('S/F', 'AWS::EFS::FileSystem', {})], address: 'S/F' },
      facts: { encryptionAtRest: 'none' },
    },
  ],
  [
    'EBS volume not encrypted explicitly',
    {
      terraform: { resources: [tf('aws_ebs_volume.v', { size: 10 })], address: 'aws_ebs_volume.v' },
      cloudformation: { resources: [cfn('S/V', 'AWS::EC2::Volume', { Size: 10 })], address: 'S/V' },
      facts: { encryptionAtRest: '(unknown)' },
    },
  ],
  [
    'Kinesis stream with the AWS managed key',
    {
      terraform: {
        resources: [tf('aws_kinesis_stream.s', { encryption_type: 'KMS', kms_key_id: 'alias/aws/kinesis' })],
        address: 'aws_kinesis_stream.s',
      },
      cloudformation: {
        resources: [
          cfn('S/S', 'AWS::Kinesis::Stream', {
            StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' },
          }),
        ],
        address: 'S/S',
      },
      facts: { encryptionAtRest: 'provider-key' },
    },
  ],
  [
    'ElastiCache Redis encrypted at rest and in transit',
    {
      terraform: {
        resources: [
          tf('aws_elasticache_replication_group.c', {
            engine: 'redis',
            at_rest_encryption_enabled: true,
            transit_encryption_enabled: true,
          }),
        ],
        address: 'aws_elasticache_replication_group.c',
      },
      cloudformation: {
        resources: [
          cfn('S/C', 'AWS::ElastiCache::ReplicationGroup', {
            Engine: 'redis',
            AtRestEncryptionEnabled: true,
            TransitEncryptionEnabled: true,
          }),
        ],
        address: 'S/C',
      },
      facts: { encryptionAtRest: 'provider-key', encryptionInTransit: { enforced: true } },
    },
  ],
  [
    'Redshift cluster encrypted with a customer key and public',
    {
      terraform: {
        resources: [
          tf('aws_redshift_cluster.r', {
            encrypted: true,
            kms_key_id: CUSTOMER_KEY,
            publicly_accessible: true,
          }),
        ],
        address: 'aws_redshift_cluster.r',
      },
      cloudformation: {
        resources: [
          cfn('S/R', 'AWS::Redshift::Cluster', {
            Encrypted: true,
            KmsKeyId: CUSTOMER_KEY,
            PubliclyAccessible: true,
          }),
        ],
        address: 'S/R',
      },
      facts: { encryptionAtRest: 'customer-key', networkExposure: true },
    },
  ],
  [
    'OpenSearch domain outside a VPC, HTTPS enforced with TLS 1.2',
    {
      terraform: {
        resources: [
          tf('aws_opensearch_domain.d', {
            encrypt_at_rest: [{ enabled: true }],
            node_to_node_encryption: [{ enabled: true }],
            domain_endpoint_options: [
              { enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' },
            ],
            vpc_options: [],
          }),
        ],
        address: 'aws_opensearch_domain.d',
      },
      cloudformation: {
        resources: [
          cfn('S/D', 'AWS::OpenSearchService::Domain', {
            EncryptionAtRestOptions: { Enabled: true },
            NodeToNodeEncryptionOptions: { Enabled: true },
            DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
          }),
        ],
        address: 'S/D',
      },
      facts: {
        encryptionAtRest: 'provider-key',
        encryptionInTransit: { enforced: true, minTlsVersion: '1.2' },
        networkExposure: true,
      },
    },
  ],
  [
    'KMS key without rotation',
    {
      terraform: { resources: [tf('aws_kms_key.k', {})], address: 'aws_kms_key.k' },
      cloudformation: { resources: [cfn('S/K', 'AWS::KMS::Key', {})], address: 'S/K' },
      facts: { keyRotation: false },
    },
  ],
  [
    'log group without a key',
    {
      terraform: {
        resources: [tf('aws_cloudwatch_log_group.l', { name: 'l' })],
        address: 'aws_cloudwatch_log_group.l',
      },
      cloudformation: {
        resources: [cfn('S/L', 'AWS::Logs::LogGroup', { LogGroupName: 'l' })],
        address: 'S/L',
      },
      facts: { encryptionAtRest: 'provider-key' },
    },
  ],
  [
    'backup plan copying to a vault in us-east-1',
    {
      terraform: {
        resources: [
          tf('aws_backup_plan.p', {
            rule: [
              {
                rule_name: 'r',
                target_vault_name: 'main',
                copy_action: [
                  { destination_vault_arn: 'arn:aws:backup:us-east-1:111122223333:backup-vault:dr' },
                ],
              },
            ],
          }),
        ],
        address: 'aws_backup_plan.p',
      },
      cloudformation: {
        resources: [
          cfn('S/P', 'AWS::Backup::BackupPlan', {
            BackupPlan: {
              BackupPlanName: 'p',
              BackupPlanRule: [
                {
                  RuleName: 'r',
                  TargetBackupVault: 'main',
                  CopyActions: [
                    { DestinationBackupVaultArn: 'arn:aws:backup:us-east-1:111122223333:backup-vault:dr' },
                  ],
                },
              ],
            },
          }),
        ],
        address: 'S/P',
      },
      facts: {},
      flows: ['backup-copy other -> us-east-1'],
    },
  ],
  [
    'secret replicated to us-west-2',
    {
      terraform: {
        resources: [tf('aws_secretsmanager_secret.s', { name: 's', replica: [{ region: 'us-west-2' }] })],
        address: 'aws_secretsmanager_secret.s',
      },
      cloudformation: {
        resources: [
          cfn('S/S', 'AWS::SecretsManager::Secret', { Name: 's', ReplicaRegions: [{ Region: 'us-west-2' }] }),
        ],
        address: 'S/S',
      },
      facts: { encryptionAtRest: 'provider-key' },
      flows: ['replica self -> us-west-2'],
    },
  ],
  [
    'IAM policy granting s3:* on every resource',
    {
      terraform: {
        resources: [tf('aws_iam_policy.p', { name: 'p', policy: JSON.stringify(S3_STAR) })],
        address: 'aws_iam_policy.p',
      },
      cloudformation: {
        resources: [cfn('S/P', 'AWS::IAM::ManagedPolicy', { PolicyDocument: S3_STAR })],
        address: 'S/P',
      },
      facts: { wildcardAccess: true },
    },
  ],
];

/** Unknown facts are compared as "unknown": their reasons name family-specific properties. */
function comparable(value: unknown): unknown {
  return typeof value === 'string' && value.startsWith('unknown: ') ? '(unknown)' : value;
}

it.each(rows)('%s', (_name, row) => {
  const results = [
    observed(find(describeTerraform(...row.terraform.resources), row.terraform.address), row),
    observed(find(describeCloudFormation(...row.cloudformation.resources), row.cloudformation.address), row),
  ].map(({ facts, flows }) => ({
    facts: Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, comparable(v)])),
    flows,
  }));
  const expected = { facts: row.facts, flows: [...(row.flows ?? [])].sort() };
  expect({ terraform: results[0], cloudformation: results[1] }).toEqual({
    terraform: expected,
    cloudformation: expected,
  });
});
