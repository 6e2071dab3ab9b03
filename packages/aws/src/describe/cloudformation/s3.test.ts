import type { RawResource } from '@eugate/core';
import { expect, it } from 'vitest';
import { cfn, describeAll, factsOf, flowsOf, resourceOf, UNRESOLVED } from './__fixtures__/raw.js';

const bucket = (properties: Record<string, unknown>, references?: Record<string, string[]>) =>
  cfn('Stack/Bucket', 'AWS::S3::Bucket', properties, references === undefined ? {} : { references });
const sse = (byDefault: Record<string, unknown>) => ({
  BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: byDefault }] },
});
const policy = (statement: Record<string, unknown>) =>
  cfn(
    'Stack/BucketPolicy',
    'AWS::S3::BucketPolicy',
    { Bucket: UNRESOLVED, PolicyDocument: { Version: '2012-10-17', Statement: [statement] } },
    { references: { Bucket: ['Stack/Bucket'] } },
  );
const BLOCK_ALL = {
  PublicAccessBlockConfiguration: {
    BlockPublicAcls: true,
    BlockPublicPolicy: true,
    IgnorePublicAcls: true,
    RestrictPublicBuckets: true,
  },
};
const KEY = cfn('Stack/Key', 'AWS::KMS::Key', { EnableKeyRotation: true });

it.each<[string, RawResource[], Record<string, unknown>]>([
  [
    'nothing configured: SSE-S3 default, not public, plain HTTP allowed, no logging',
    [bucket({})],
    {
      encryptionAtRest: 'provider-key',
      publicAccess: false,
      encryptionInTransit: { enforced: false },
      accessLogging: false,
      wildcardAccess: false,
    },
  ],
  ['AES256', [bucket(sse({ SSEAlgorithm: 'AES256' }))], { encryptionAtRest: 'provider-key' }],
  [
    'aws:kms without key: aws/s3',
    [bucket(sse({ SSEAlgorithm: 'aws:kms' }))],
    { encryptionAtRest: 'provider-key' },
  ],
  [
    'aws:kms with a key ARN',
    [
      bucket(
        sse({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'arn:aws:kms:eu-central-1:111122223333:key/abc' }),
      ),
    ],
    { encryptionAtRest: 'customer-key' },
  ],
  [
    'aws:kms with GetAtt of a KMS key in the template',
    [
      bucket(sse({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: UNRESOLVED }), {
        BucketEncryption: ['Stack/Key'],
      }),
      KEY,
    ],
    { encryptionAtRest: 'customer-key' },
  ],
  [
    'aws:kms with an unresolvable parameter',
    [bucket(sse({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: UNRESOLVED }), {})],
    {
      encryptionAtRest:
        'unknown: BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.KMSMasterKeyID is known only after apply and does not reference a KMS key in the input, so whether the key is customer-managed cannot be told',
    },
  ],
  ['PublicRead ACL', [bucket({ AccessControl: 'PublicRead' })], { publicAccess: true }],
  [
    'PublicRead ACL ignored by IgnorePublicAcls',
    [bucket({ AccessControl: 'PublicRead', ...BLOCK_ALL })],
    { publicAccess: false },
  ],
  [
    'policy open to everyone, no block',
    [bucket({}), policy({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' })],
    { publicAccess: true, wildcardAccess: true },
  ],
  [
    'policy open to everyone, RestrictPublicBuckets',
    [
      bucket(BLOCK_ALL),
      policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: '*' }),
    ],
    { publicAccess: false, wildcardAccess: false },
  ],
  [
    'CloudFront grant pinned by an unresolved AWS:SourceArn',
    [
      bucket(BLOCK_ALL),
      policy({
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: UNRESOLVED,
        Condition: { StringEquals: { 'AWS:SourceArn': UNRESOLVED } },
      }),
    ],
    { publicAccess: false },
  ],
  [
    'CDK enforceSSL policy',
    [
      bucket(BLOCK_ALL),
      policy({
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 's3:*',
        Resource: [UNRESOLVED],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    ],
    { encryptionInTransit: { enforced: true }, publicAccess: false },
  ],
  [
    'public access block itself unresolved',
    [bucket({ AccessControl: 'PublicRead', PublicAccessBlockConfiguration: UNRESOLVED })],
    {
      publicAccess:
        'unknown: ACL PublicRead, and whether Block Public Access neutralises it is resolved only at deployment',
    },
  ],
])('%s', (_name, resources, expected) => {
  expect(factsOf(resourceOf(describeAll(...resources), 'Stack/Bucket'), expected)).toEqual(expected);
});

it.each<[string, RawResource[], string[]]>([
  [
    'access logs to a bucket referenced by Ref',
    [
      bucket(
        { LoggingConfiguration: { DestinationBucketName: UNRESOLVED } },
        { LoggingConfiguration: ['Stack/Logs'] },
      ),
      cfn('Stack/Logs', 'AWS::S3::Bucket', {}),
    ],
    ['log-delivery self -> Stack/Logs'],
  ],
  [
    'access logs to a bucket by literal name',
    [
      bucket({ LoggingConfiguration: { DestinationBucketName: 'logs' } }),
      cfn('Stack/Logs', 'AWS::S3::Bucket', { BucketName: 'logs' }),
    ],
    ['log-delivery self -> Stack/Logs logs'],
  ],
  ['access logs into the bucket itself', [bucket({ LoggingConfiguration: {} })], []],
  [
    'replication to an ARN, one rule disabled',
    [
      bucket({
        ReplicationConfiguration: {
          Role: 'arn:aws:iam::111122223333:role/r',
          Rules: [
            { Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::replica-us' } },
            { Status: 'Disabled', Destination: { Bucket: 'arn:aws:s3:::other' } },
          ],
        },
      }),
      cfn('Other/Replica', 'AWS::S3::Bucket', { BucketName: 'replica-us' }, { region: 'us-east-1' }),
    ],
    ['replica self -> Other/Replica arn:aws:s3:::replica-us'],
  ],
])('%s', (_name, resources, expected) => {
  expect(flowsOf(resourceOf(describeAll(...resources), 'Stack/Bucket'))).toEqual(expected);
});

it('names the bucket by name, ARN and domain names, and reads its tags', () => {
  const described = resourceOf(
    describeAll(bucket({ BucketName: 'orders', Tags: [{ Key: 'data', Value: 'personal' }] })),
    'Stack/Bucket',
  );
  expect(described.identifiers).toEqual([
    'arn:aws:s3:::orders',
    'orders',
    'orders.s3.amazonaws.com',
    'orders.s3.eu-central-1.amazonaws.com',
  ]);
  expect(described.tags).toEqual({ known: true, value: { data: 'personal' } });
});

it('a tag known only at deployment makes the tags unknown', () => {
  const described = resourceOf(
    describeAll(bucket({ Tags: [{ Key: 'data', Value: UNRESOLVED }] })),
    'Stack/Bucket',
  );
  expect(described.tags.known).toBe(false);
});

it('a bucket policy configures its bucket', () => {
  const result = describeAll(
    bucket({}),
    policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }),
  );
  expect(resourceOf(result, 'Stack/BucketPolicy')).toMatchObject({
    kind: 'configuration',
    configures: 'Stack/Bucket',
  });
});
