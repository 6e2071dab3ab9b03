import type { RawResource } from '@eugate/core';
import { expect, it } from 'vitest';
import { cfn, describeAll, factsOf, flowsOf, resourceOf, UNRESOLVED } from './__fixtures__/raw.js';

const one = (type: string, properties: Record<string, unknown>, references?: Record<string, string[]>) =>
  cfn('Stack/R', type, properties, references === undefined ? {} : { references });
const KEY = cfn('Stack/Key', 'AWS::KMS::Key', {});
const OPEN = { Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] };

/** One row per service setting: the resource `Stack/R` (plus others) and the facts and flows expected of it. */
it.each<[string, RawResource[], Record<string, unknown>, string[]?]>([
  [
    'EC2 volume encrypted with a key',
    [one('AWS::EC2::Volume', { Encrypted: true, KmsKeyId: 'alias/ebs' })],
    { encryptionAtRest: 'customer-key' },
  ],
  [
    'EC2 volume without Encrypted: account default',
    [one('AWS::EC2::Volume', { Size: 10 })],
    {
      encryptionAtRest:
        'unknown: account-level EBS default encryption is not visible in the template (the volume does not set Encrypted: true)',
    },
  ],
  ['EFS unencrypted by default', [one('AWS::EFS::FileSystem', {})], { encryptionAtRest: 'none' }],
  [
    'EFS encrypted, replicated to us-east-1',
    [
      one('AWS::EFS::FileSystem', {
        Encrypted: true,
        ReplicationConfiguration: { Destinations: [{ Region: 'us-east-1' }] },
      }),
    ],
    { encryptionAtRest: 'provider-key' },
    ['replica self -> @us-east-1'],
  ],
  [
    'SQS default SSE-SQS',
    [one('AWS::SQS::Queue', {})],
    { encryptionAtRest: 'provider-key', publicAccess: false },
  ],
  [
    'SQS SSE switched off',
    [one('AWS::SQS::Queue', { SqsManagedSseEnabled: false })],
    { encryptionAtRest: 'none' },
  ],
  [
    'SQS AWS managed key alias',
    [one('AWS::SQS::Queue', { KmsMasterKeyId: 'alias/aws/sqs' })],
    { encryptionAtRest: 'provider-key' },
  ],
  [
    'SQS key by GetAtt, open queue policy',
    [
      one('AWS::SQS::Queue', { KmsMasterKeyId: UNRESOLVED }, { KmsMasterKeyId: ['Stack/Key'] }),
      KEY,
      cfn(
        'Stack/Policy',
        'AWS::SQS::QueuePolicy',
        { Queues: [UNRESOLVED], PolicyDocument: OPEN },
        { references: { Queues: ['Stack/R'] } },
      ),
    ],
    { encryptionAtRest: 'customer-key', publicAccess: true, wildcardAccess: true },
  ],
  ['SNS without key', [one('AWS::SNS::Topic', {})], { encryptionAtRest: 'none' }],
  [
    'SNS with key',
    [one('AWS::SNS::Topic', { KmsMasterKeyId: UNRESOLVED }, { KmsMasterKeyId: ['Stack/Key'] }), KEY],
    { encryptionAtRest: 'customer-key' },
  ],
  ['Kinesis unencrypted', [one('AWS::Kinesis::Stream', { ShardCount: 1 })], { encryptionAtRest: 'none' }],
  [
    'Kinesis aws/kinesis',
    [
      one('AWS::Kinesis::Stream', {
        StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' },
      }),
    ],
    { encryptionAtRest: 'provider-key' },
  ],
  [
    'Kinesis encryption behind Fn::If',
    [
      one('AWS::Kinesis::Stream', {
        StreamEncryption: { 'Fn::If': ['Unsupported', { Ref: 'AWS::NoValue' }, { EncryptionType: 'KMS' }] },
      }),
    ],
    { encryptionAtRest: 'unknown: Fn::If is resolved only at deployment' },
  ],
  [
    'ElastiCache Redis defaults',
    [one('AWS::ElastiCache::ReplicationGroup', { Engine: 'redis' })],
    { encryptionAtRest: 'none', encryptionInTransit: { enforced: false } },
  ],
  [
    'ElastiCache encrypted, TLS preferred',
    [
      one('AWS::ElastiCache::ReplicationGroup', {
        AtRestEncryptionEnabled: true,
        TransitEncryptionEnabled: true,
        TransitEncryptionMode: 'preferred',
      }),
    ],
    { encryptionAtRest: 'provider-key', encryptionInTransit: { enforced: false } },
  ],
  [
    'Redshift encrypted and public',
    [one('AWS::Redshift::Cluster', { Encrypted: true, PubliclyAccessible: true })],
    { encryptionAtRest: 'provider-key', networkExposure: true },
  ],
  [
    'Redshift defaults',
    [one('AWS::Redshift::Cluster', {})],
    {
      encryptionAtRest:
        'unknown: Encrypted is not set, and Redshift has changed its default for new clusters',
      networkExposure: 'unknown: PubliclyAccessible is not set, and Redshift has changed its default',
    },
  ],
  [
    'OpenSearch in a VPC, encrypted, HTTPS with TLS 1.2',
    [
      one('AWS::OpenSearchService::Domain', {
        EncryptionAtRestOptions: { Enabled: true, KmsKeyId: 'arn:aws:kms:eu-central-1:1:key/k' },
        NodeToNodeEncryptionOptions: { Enabled: true },
        DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
        VPCOptions: { SubnetIds: ['subnet-1'] },
      }),
    ],
    {
      encryptionAtRest: 'customer-key',
      encryptionInTransit: { enforced: true, minTlsVersion: '1.2' },
      networkExposure: false,
      publicAccess: false,
    },
  ],
  [
    'Elasticsearch public endpoint with an open access policy',
    [
      one('AWS::Elasticsearch::Domain', {
        AccessPolicies: OPEN,
        NodeToNodeEncryptionOptions: { Enabled: false },
      }),
    ],
    { networkExposure: true, publicAccess: true, encryptionInTransit: { enforced: false } },
  ],
  ['KMS key without rotation', [one('AWS::KMS::Key', {})], { keyRotation: false, publicAccess: false }],
  [
    'KMS key with rotation',
    [one('AWS::KMS::Key', { EnableKeyRotation: true, MultiRegion: true })],
    { keyRotation: true },
  ],
  [
    'KMS replica key follows its primary',
    [
      one(
        'AWS::KMS::ReplicaKey',
        { PrimaryKeyArn: UNRESOLVED, KeyPolicy: {} },
        { PrimaryKeyArn: ['Stack/Primary'] },
      ),
      cfn('Stack/Primary', 'AWS::KMS::Key', { EnableKeyRotation: true }),
    ],
    { keyRotation: true },
  ],
  [
    'Log group default',
    [one('AWS::Logs::LogGroup', { RetentionInDays: 731 })],
    { encryptionAtRest: 'provider-key' },
  ],
  [
    'Log group with a key',
    [one('AWS::Logs::LogGroup', { KmsKeyId: 'arn:aws:kms:eu-central-1:1:key/k' })],
    { encryptionAtRest: 'customer-key' },
  ],
  [
    'Backup vault with a key',
    [
      one(
        'AWS::Backup::BackupVault',
        { BackupVaultName: 'v', EncryptionKeyArn: UNRESOLVED },
        { EncryptionKeyArn: ['Stack/Key'] },
      ),
      KEY,
    ],
    { encryptionAtRest: 'customer-key' },
  ],
  [
    'IAM policy granting s3:* on *',
    [
      one('AWS::IAM::Policy', {
        PolicyName: 'p',
        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
      }),
    ],
    { wildcardAccess: true },
  ],
  [
    'IAM role whose inline policy is scoped',
    [
      one('AWS::IAM::Role', {
        AssumeRolePolicyDocument: {},
        Policies: [
          {
            PolicyName: 'p',
            PolicyDocument: {
              Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: UNRESOLVED }],
            },
          },
        ],
      }),
    ],
    { wildcardAccess: false },
  ],
  [
    'IAM managed policy with Action *',
    [one('AWS::IAM::ManagedPolicy', { PolicyDocument: OPEN })],
    { wildcardAccess: true },
  ],
  [
    'Secret with a replica in us-west-2',
    [one('AWS::SecretsManager::Secret', { ReplicaRegions: [{ Region: 'us-west-2' }] })],
    { encryptionAtRest: 'provider-key', publicAccess: false },
    ['replica self -> @us-west-2'],
  ],
])('%s', (_name, resources, facts, flows = []) => {
  const described = resourceOf(describeAll(...resources), 'Stack/R');
  expect(factsOf(described, facts)).toEqual(facts);
  expect(flowsOf(described)).toEqual(flows);
});

it.each([
  'AWS::CDK::Metadata',
  'AWS::CloudFormation::WaitCondition',
  'AWS::Lambda::Function',
  'Custom::S3AutoDeleteObjects',
  'AWS::RDS::DBSubnetGroup',
])('%s is listed as not modelled, never dropped', (type) => {
  const raw = one(type, {});
  expect(describeAll(raw)).toEqual({ resources: [], notModelled: [raw] });
});
