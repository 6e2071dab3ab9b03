import type { RawResource } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

const B = 'aws_s3_bucket.b';

/** `aws_s3_bucket` as provider v3 plans show it (inline blocks as lists). */
function bucket(
  properties: Record<string, unknown> = {},
  references: Record<string, string[]> = {},
): RawResource {
  return raw(
    B,
    {
      acl: 'private',
      bucket: 'orders',
      force_destroy: false,
      grant: [],
      logging: [],
      policy: null,
      replication_configuration: [],
      server_side_encryption_configuration: [],
      tags: null,
      arn: AFTER_APPLY,
      id: AFTER_APPLY,
      ...properties,
    },
    { references },
  );
}

function sse(algorithm: string, key: unknown = null) {
  return [
    {
      rule: [
        {
          apply_server_side_encryption_by_default: [{ kms_master_key_id: key, sse_algorithm: algorithm }],
          bucket_key_enabled: null,
        },
      ],
    },
  ];
}

const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const PAB_ALL = {
  block_public_acls: true,
  block_public_policy: true,
  ignore_public_acls: true,
  restrict_public_buckets: true,
};
const KEY = raw('aws_kms_key.k', { enable_key_rotation: true, arn: AFTER_APPLY });

describe('aws_s3_bucket encryption at rest', () => {
  it.each<[string, RawResource[], string, string?]>([
    [
      'inline AES256 (SSE-S3)',
      [bucket({ server_side_encryption_configuration: sse('AES256') })],
      'provider-key',
      'server_side_encryption_configuration[0].rule[0].apply_server_side_encryption_by_default[0].sse_algorithm',
    ],
    [
      'inline aws:kms without a key id uses aws/s3',
      [bucket({ server_side_encryption_configuration: sse('aws:kms') })],
      'provider-key',
    ],
    [
      'inline aws:kms with a key ARN',
      [
        bucket({
          server_side_encryption_configuration: sse(
            'aws:kms',
            'arn:aws:kms:eu-central-1:111122223333:key/abc',
          ),
        }),
      ],
      'customer-key',
    ],
    [
      'inline aws:kms naming the AWS managed alias',
      [bucket({ server_side_encryption_configuration: sse('aws:kms', 'alias/aws/s3') })],
      'provider-key',
    ],
    [
      'inline aws:kms:dsse with a key from a key resource',
      [
        KEY,
        bucket(
          { server_side_encryption_configuration: sse('aws:kms:dsse', AFTER_APPLY) },
          { server_side_encryption_configuration: ['aws_kms_key.k.arn', 'aws_kms_key.k'] },
        ),
      ],
      'customer-key',
    ],
    [
      'inline aws:kms with a key known after apply and no key resource',
      [bucket({ server_side_encryption_configuration: sse('aws:kms', AFTER_APPLY) })],
      'unknown: server_side_encryption_configuration[0].rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id is known only after apply and does not reference a KMS key in the input, so whether the key is customer-managed cannot be told',
    ],
    [
      'nothing configured: SSE-S3 default since 2023',
      [bucket()],
      'provider-key',
      'server_side_encryption_configuration',
    ],
    [
      'v4+ computed inline block, nothing configured',
      [bucket({ server_side_encryption_configuration: AFTER_APPLY })],
      'provider-key',
    ],
    [
      'inline block set from another resource',
      [
        bucket(
          { server_side_encryption_configuration: AFTER_APPLY },
          { server_side_encryption_configuration: ['aws_kms_key.k'] },
        ),
      ],
      'unknown: known after apply',
    ],
    [
      'separate configuration by reference, KMS key resource',
      [
        KEY,
        bucket({ server_side_encryption_configuration: AFTER_APPLY }),
        raw(
          'aws_s3_bucket_server_side_encryption_configuration.b',
          {
            bucket: AFTER_APPLY,
            rule: [
              {
                apply_server_side_encryption_by_default: [
                  { kms_master_key_id: AFTER_APPLY, sse_algorithm: 'aws:kms' },
                ],
                bucket_key_enabled: true,
              },
            ],
          },
          {
            references: {
              bucket: ['aws_s3_bucket.b.id', 'aws_s3_bucket.b'],
              rule: ['aws_kms_key.k.arn', 'aws_kms_key.k'],
            },
          },
        ),
      ],
      'customer-key',
    ],
    [
      'separate configuration by bucket name',
      [
        bucket(),
        raw('aws_s3_bucket_server_side_encryption_configuration.b', {
          bucket: 'orders',
          rule: [
            {
              apply_server_side_encryption_by_default: [{ kms_master_key_id: null, sse_algorithm: 'AES256' }],
            },
          ],
        }),
      ],
      'provider-key',
    ],
  ])('%s', (_, resources, expected, evidencePath) => {
    const fact = resourceOf(describeAll(...resources), B).facts.encryptionAtRest;
    expect(factValue(fact)).toBe(expected);
    if (evidencePath !== undefined) expect(fact?.evidence[0]?.path).toBe(evidencePath);
  });

  it('names the companion as the source of the evidence', () => {
    const result = describeAll(
      bucket(),
      raw('aws_s3_bucket_server_side_encryption_configuration.b', {
        bucket: 'orders',
        rule: [
          {
            apply_server_side_encryption_by_default: [
              { kms_master_key_id: 'arn:aws:kms:eu-central-1:1:key/x', sse_algorithm: 'aws:kms' },
            ],
          },
        ],
      }),
    );
    expect(resourceOf(result, B).facts.encryptionAtRest?.evidence).toEqual([
      {
        path: 'rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id',
        value: 'arn:aws:kms:eu-central-1:1:key/x',
        from: 'aws_s3_bucket_server_side_encryption_configuration.b',
      },
    ]);
  });
});

describe('aws_s3_bucket public access, wildcard access and TLS', () => {
  const pab = (flags: object) =>
    raw(
      'aws_s3_bucket_public_access_block.b',
      { bucket: AFTER_APPLY, ...flags },
      { references: { bucket: ['aws_s3_bucket.b'] } },
    );
  const everyoneGet = {
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::orders/*',
  };
  it.each<
    [
      string,
      RawResource[],
      { publicAccess?: unknown; wildcardAccess?: unknown; encryptionInTransit?: unknown },
    ]
  >([
    [
      'private, nothing else: blocked by default',
      [bucket()],
      { publicAccess: false, wildcardAccess: false, encryptionInTransit: { enforced: false } },
    ],
    ['public-read ACL', [bucket({ acl: 'public-read' })], { publicAccess: true }],
    [
      'authenticated-read ACL (any AWS account)',
      [bucket({ acl: 'authenticated-read' })],
      { publicAccess: true },
    ],
    [
      'public-read ACL neutralised by ignore_public_acls',
      [bucket({ acl: 'public-read' }), pab(PAB_ALL)],
      { publicAccess: false },
    ],
    [
      'ACL neutralised by the account-level block',
      [
        bucket({ acl: 'public-read' }),
        raw('aws_s3_account_public_access_block.a', {
          ignore_public_acls: true,
          restrict_public_buckets: true,
        }),
      ],
      { publicAccess: false },
    ],
    [
      'grant to AllUsers',
      [
        bucket({
          grant: [
            {
              id: '',
              permissions: ['READ'],
              type: 'Group',
              uri: 'http://acs.amazonaws.com/groups/global/AllUsers',
            },
          ],
        }),
      ],
      { publicAccess: true },
    ],
    [
      'separate public-read-write ACL with all blocks off (checkov module plan)',
      [
        bucket({ acl: AFTER_APPLY }),
        pab({
          block_public_acls: false,
          block_public_policy: false,
          ignore_public_acls: false,
          restrict_public_buckets: false,
        }),
        raw(
          'aws_s3_bucket_acl.b',
          {
            acl: 'public-read-write',
            expected_bucket_owner: null,
            access_control_policy: AFTER_APPLY,
            bucket: AFTER_APPLY,
          },
          { references: { bucket: ['aws_s3_bucket.b'] } },
        ),
      ],
      { publicAccess: true },
    ],
    [
      'policy allowing Principal "*"',
      [bucket({ policy: policy(everyoneGet) })],
      { publicAccess: true, wildcardAccess: false },
    ],
    [
      'policy allowing {"AWS": "*"} all s3 actions',
      [
        bucket({
          policy: policy({ Effect: 'Allow', Principal: { AWS: ['*'] }, Action: 's3:*', Resource: '*' }),
        }),
      ],
      { publicAccess: true, wildcardAccess: true },
    ],
    [
      'policy pinned to a VPC endpoint',
      [
        bucket({
          policy: policy({
            ...everyoneGet,
            Action: '*',
            Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b' } },
          }),
        }),
      ],
      { publicAccess: false, wildcardAccess: false },
    ],
    [
      'policy with an IfExists condition does not pin the caller',
      [
        bucket({
          policy: policy({
            ...everyoneGet,
            Condition: { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b' } },
          }),
        }),
      ],
      { publicAccess: true },
    ],
    [
      'policy to one account',
      [
        bucket({
          policy: policy({
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111122223333:root' },
            Action: 's3:*',
            Resource: '*',
          }),
        }),
      ],
      { publicAccess: false, wildcardAccess: false },
    ],
    [
      'public policy neutralised by restrict_public_buckets',
      [bucket({ policy: policy(everyoneGet) }), pab(PAB_ALL)],
      { publicAccess: false },
    ],
    [
      'policy known after apply',
      [bucket({ policy: AFTER_APPLY }, { policy: ['data.aws_iam_policy_document.p'] })],
      {
        publicAccess: 'unknown: policy: known after apply',
        wildcardAccess: 'unknown: policy: known after apply',
        encryptionInTransit: 'unknown: policy: known after apply',
      },
    ],
    [
      'policy known after apply behind a full block',
      [bucket({ policy: AFTER_APPLY }, { policy: ['data.aws_iam_policy_document.p'] }), pab(PAB_ALL)],
      { publicAccess: false },
    ],
    [
      'separate policy denying plain HTTP and TLS below 1.2',
      [
        bucket(),
        raw('aws_s3_bucket_policy.b', {
          bucket: 'orders',
          policy: policy(
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: '*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: '*',
              Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } },
            },
          ),
        }),
      ],
      { publicAccess: false, encryptionInTransit: { enforced: true, minTlsVersion: '1.2' } },
    ],
  ])('%s', (_, resources, expected) => {
    const facts = resourceOf(describeAll(...resources), B).facts;
    for (const [name, value] of Object.entries(expected))
      expect(factValue(facts[name as keyof typeof facts])).toEqual(value);
  });
});

describe('aws_s3_bucket access logging and replication flows', () => {
  const logs = raw('aws_s3_bucket.logs', { bucket: 'orders-logs', server_side_encryption_configuration: [] });
  it.each<[string, RawResource[], unknown, unknown[]]>([
    ['no logging', [bucket()], false, []],
    [
      'inline logging to a named bucket in the input',
      [logs, bucket({ logging: [{ target_bucket: 'orders-logs', target_prefix: 'log/' }] })],
      true,
      [
        {
          kind: 'log-delivery',
          from: { self: true },
          to: { address: 'aws_s3_bucket.logs', identifier: 'orders-logs' },
        },
      ],
    ],
    [
      'inline logging to a bucket known after apply (checkov plan)',
      [
        logs,
        bucket(
          { logging: [{ target_bucket: AFTER_APPLY, target_prefix: 'log/' }] },
          { logging: ['aws_s3_bucket.logs.id', 'aws_s3_bucket.logs'] },
        ),
      ],
      true,
      [{ kind: 'log-delivery', from: { self: true }, to: { address: 'aws_s3_bucket.logs' } }],
    ],
    [
      'separate logging resource to a bucket outside the input',
      [
        bucket({ logging: AFTER_APPLY }),
        raw('aws_s3_bucket_logging.b', {
          bucket: 'orders',
          target_bucket: 'central-logs',
          target_prefix: 'x/',
        }),
      ],
      true,
      [{ kind: 'log-delivery', from: { self: true }, to: { identifier: 'central-logs' } }],
    ],
    [
      'separate replication configuration to a bucket in the input',
      [
        raw('aws_s3_bucket.replica', { bucket: 'orders-replica' }, { region: 'us-east-1' }),
        bucket(),
        raw('aws_s3_bucket_replication_configuration.b', {
          bucket: 'orders',
          role: 'arn:aws:iam::1:role/r',
          rule: [
            {
              id: 'all',
              status: 'Enabled',
              destination: [{ bucket: 'arn:aws:s3:::orders-replica', storage_class: 'STANDARD' }],
            },
          ],
        }),
      ],
      false,
      [
        {
          kind: 'replica',
          from: { self: true },
          to: { address: 'aws_s3_bucket.replica', identifier: 'arn:aws:s3:::orders-replica' },
        },
      ],
    ],
    [
      'provider v3 inline replication (rules), one disabled, one to a bucket known after apply',
      [
        raw('aws_s3_bucket.replica', { bucket: AFTER_APPLY, arn: AFTER_APPLY }, { region: 'us-east-1' }),
        bucket(
          {
            replication_configuration: [
              {
                role: 'arn:aws:iam::1:role/r',
                rules: [
                  { id: 'off', status: 'Disabled', destination: [{ bucket: 'arn:aws:s3:::elsewhere' }] },
                  { id: 'on', status: 'Enabled', destination: [{ bucket: AFTER_APPLY }] },
                ],
              },
            ],
          },
          { replication_configuration: ['aws_s3_bucket.replica.arn', 'aws_s3_bucket.replica'] },
        ),
      ],
      false,
      [{ kind: 'replica', from: { self: true }, to: { address: 'aws_s3_bucket.replica' } }],
    ],
  ])('%s', (_, resources, logging, flows) => {
    const described = resourceOf(describeAll(...resources), B);
    expect(factValue(described.facts.accessLogging)).toBe(logging);
    expect(described.flows.map(({ kind, from, to }) => ({ kind, from, to }))).toEqual(flows);
  });
});

describe('aws_s3_bucket identity and companions', () => {
  it('gives the names a bucket is referred to by', () => {
    const described = resourceOf(describeAll(bucket({ arn: 'arn:aws:s3:::orders', id: 'orders' })), B);
    expect(described).toMatchObject({ kind: 'object-storage', storesData: true, cloud: 'aws' });
    expect(described.identifiers).toEqual([
      'arn:aws:s3:::orders',
      'orders',
      'orders.s3.amazonaws.com',
      'orders.s3.eu-central-1.amazonaws.com',
    ]);
  });

  it.each([
    'aws_s3_bucket_versioning',
    'aws_s3_bucket_ownership_controls',
    'aws_s3_bucket_lifecycle_configuration',
    'aws_s3_bucket_public_access_block',
    'aws_s3_bucket_policy',
  ])('%s is a configuration of its bucket', (type) => {
    const result = describeAll(
      bucket(),
      raw(
        `${type}.c`,
        { bucket: AFTER_APPLY },
        { references: { bucket: ['aws_s3_bucket.b.id', 'aws_s3_bucket.b'] } },
      ),
    );
    expect(resourceOf(result, `${type}.c`)).toMatchObject({
      kind: 'configuration',
      storesData: false,
      configures: B,
      facts: {},
      flows: [],
    });
  });

  it.each<[string, Record<string, unknown>, unknown]>([
    [
      'tags_all wins (it includes default_tags)',
      { tags: { a: '1' }, tags_all: { a: '1', env: 'prod' } },
      { known: true, value: { a: '1', env: 'prod' } },
    ],
    ['tags without tags_all', { tags: { a: '1' } }, { known: true, value: { a: '1' } }],
    ['no tags', { tags: null }, { known: true, value: {} }],
    [
      "tags_all known after apply: the resource's own tags decide",
      { tags: { a: '1' }, tags_all: AFTER_APPLY },
      { known: true, value: { a: '1' } },
    ],
    [
      'tags_all and tags known after apply',
      { tags: AFTER_APPLY, tags_all: AFTER_APPLY },
      { known: false, reason: 'tags_all is known only after apply' },
    ],
  ])('tags: %s', (_, properties, expected) => {
    expect(resourceOf(describeAll(bucket(properties)), B).tags).toEqual(expected);
  });

  it('keeps the provider region, or the region the plan states for the bucket', () => {
    expect(resourceOf(describeAll(bucket()), B).region).toEqual({
      known: true,
      value: 'eu-central-1',
      evidence: [{ path: 'provider_config.aws.expressions.region', value: 'eu-central-1' }],
    });
    expect(resourceOf(describeAll(bucket({ region: 'eu-west-3' })), B).region).toEqual({
      known: true,
      value: 'eu-west-3',
      evidence: [{ path: 'region', value: 'eu-west-3' }],
    });
  });
});
