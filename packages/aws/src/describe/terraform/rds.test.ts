import type { RawResource } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

/** `aws_db_instance` as in the checkov plan (unknown computed attributes included). */
function instance(
  properties: Record<string, unknown> = {},
  references: Record<string, string[]> = {},
  region = 'eu-central-1',
): RawResource {
  return raw(
    'aws_db_instance.db',
    {
      allocated_storage: 20,
      engine: 'mysql',
      engine_version: '8.0',
      identifier: 'orders',
      instance_class: 'db.t3.micro',
      parameter_group_name: AFTER_APPLY,
      publicly_accessible: false,
      replicate_source_db: null,
      storage_encrypted: false,
      kms_key_id: AFTER_APPLY,
      vpc_security_group_ids: AFTER_APPLY,
      arn: AFTER_APPLY,
      ...properties,
    },
    { references, region },
  );
}

const KEY = raw('aws_kms_key.k', { arn: AFTER_APPLY });
const DB = 'aws_db_instance.db';

describe('aws_db_instance facts', () => {
  it.each<[string, RawResource[], Record<string, unknown>]>([
    ['unencrypted, private (defaults)', [instance()], { encryptionAtRest: 'none', networkExposure: false }],
    [
      'storage_encrypted without a key: aws/rds',
      [instance({ storage_encrypted: true })],
      { encryptionAtRest: 'provider-key' },
    ],
    [
      'storage_encrypted with a key resource',
      [KEY, instance({ storage_encrypted: true }, { kms_key_id: ['aws_kms_key.k.arn', 'aws_kms_key.k'] })],
      { encryptionAtRest: 'customer-key' },
    ],
    [
      'storage_encrypted with a key ARN',
      [instance({ storage_encrypted: true, kms_key_id: 'arn:aws:kms:eu-central-1:1:key/x' })],
      { encryptionAtRest: 'customer-key' },
    ],
    ['publicly accessible', [instance({ publicly_accessible: true })], { networkExposure: true }],
    [
      'publicly_accessible known after apply',
      [instance({ publicly_accessible: AFTER_APPLY }, { publicly_accessible: ['var.public'] })],
      { networkExposure: 'unknown: known after apply' },
    ],
    [
      'mysql, default parameter group: plain connections allowed',
      [instance({ parameter_group_name: 'default.mysql8.0' })],
      { encryptionInTransit: { enforced: false } },
    ],
    [
      'mysql, parameter group in the input requiring secure transport',
      [
        raw('aws_db_parameter_group.pg', {
          family: 'mysql8.0',
          name: 'orders',
          parameter: [{ apply_method: 'immediate', name: 'require_secure_transport', value: 'ON' }],
        }),
        instance({ parameter_group_name: 'orders' }),
      ],
      { encryptionInTransit: { enforced: true } },
    ],
    [
      'postgres, parameter group turning rds.force_ssl off',
      [
        raw('aws_db_parameter_group.pg', {
          family: 'postgres16',
          name: AFTER_APPLY,
          parameter: [{ name: 'rds.force_ssl', value: '0' }],
        }),
        instance(
          { engine: 'postgres', engine_version: '16.3' },
          { parameter_group_name: ['aws_db_parameter_group.pg.name', 'aws_db_parameter_group.pg'] },
        ),
      ],
      { encryptionInTransit: { enforced: false } },
    ],
    [
      'postgres 15+ forces SSL by default',
      [instance({ engine: 'postgres', engine_version: '15.4', parameter_group_name: null })],
      { encryptionInTransit: { enforced: true } },
    ],
    [
      'postgres 14 does not',
      [instance({ engine: 'postgres', engine_version: '14.9', parameter_group_name: null })],
      { encryptionInTransit: { enforced: false } },
    ],
    [
      'parameter group outside the input',
      [instance({ parameter_group_name: 'shared-pg' })],
      {
        encryptionInTransit:
          'unknown: parameter group shared-pg is not in the input; require_secure_transport/rds.force_ssl is set in a parameter group',
      },
    ],
  ])('%s', (_, resources, expected) => {
    const facts = resourceOf(describeAll(...resources), DB).facts;
    for (const [name, value] of Object.entries(expected))
      expect(factValue(facts[name as keyof typeof facts])).toEqual(value);
  });
});

describe('aws_db_instance flows', () => {
  const source = instance({ storage_encrypted: true, kms_key_id: 'arn:aws:kms:eu-central-1:1:key/x' });
  it.each<[string, RawResource[], string, Record<string, unknown>, unknown[]]>([
    [
      'cross-region read replica of an ARN: a copy in its own region, encrypted with its own key',
      [
        raw(
          'aws_db_instance.replica',
          {
            replicate_source_db: 'arn:aws:rds:eu-central-1:111122223333:db:orders',
            storage_encrypted: false,
            kms_key_id: 'arn:aws:kms:us-east-1:1:key/y',
            publicly_accessible: false,
          },
          { region: 'us-east-1' },
        ),
      ],
      'aws_db_instance.replica',
      { encryptionAtRest: 'customer-key' },
      [
        {
          kind: 'read-replica',
          from: {
            identifier: 'arn:aws:rds:eu-central-1:111122223333:db:orders',
            region: {
              known: true,
              value: 'eu-central-1',
              evidence: [
                { path: 'replicate_source_db', value: 'arn:aws:rds:eu-central-1:111122223333:db:orders' },
              ],
            },
          },
          to: { self: true },
        },
      ],
    ],
    [
      'same-input replica inherits the source encryption',
      [
        source,
        raw(
          'aws_db_instance.replica',
          {
            replicate_source_db: AFTER_APPLY,
            storage_encrypted: false,
            kms_key_id: AFTER_APPLY,
            publicly_accessible: false,
          },
          { references: { replicate_source_db: ['aws_db_instance.db.identifier', 'aws_db_instance.db'] } },
        ),
      ],
      'aws_db_instance.replica',
      { encryptionAtRest: 'customer-key' },
      [{ kind: 'read-replica', from: { address: DB }, to: { self: true } }],
    ],
    [
      'security groups in front of the database',
      [
        raw('aws_security_group.sg', { name: 'db', ingress: [] }),
        instance(
          { vpc_security_group_ids: [AFTER_APPLY, 'sg-0123'] },
          { vpc_security_group_ids: ['aws_security_group.sg.id', 'aws_security_group.sg'] },
        ),
      ],
      DB,
      {},
      [
        { kind: 'network-ingress', from: { address: 'aws_security_group.sg' }, to: { self: true } },
        { kind: 'network-ingress', from: { identifier: 'sg-0123' }, to: { self: true } },
      ],
    ],
  ])('%s', (_, resources, address, facts, flows) => {
    const described = resourceOf(describeAll(...resources), address);
    for (const [name, value] of Object.entries(facts))
      expect(factValue(described.facts[name as keyof typeof described.facts])).toEqual(value);
    expect(described.flows.map(({ kind, from, to }) => ({ kind, from, to }))).toEqual(flows);
  });
});

describe('aws_rds_cluster', () => {
  const cluster = (
    address: string,
    properties: Record<string, unknown>,
    references: Record<string, string[]> = {},
    region = 'eu-central-1',
  ) =>
    raw(
      address,
      {
        cluster_identifier: address.split('.')[1],
        engine: 'aurora-postgresql',
        engine_mode: 'provisioned',
        storage_encrypted: true,
        kms_key_id: AFTER_APPLY,
        arn: AFTER_APPLY,
        ...properties,
      },
      { references, region },
    );
  const member = (address: string, cluster: string, publiclyAccessible: unknown) =>
    raw(
      address,
      {
        cluster_identifier: AFTER_APPLY,
        publicly_accessible: publiclyAccessible,
        instance_class: 'db.r6g.large',
      },
      { references: { cluster_identifier: [`${cluster}.id`, cluster] } },
    );

  it.each<[string, RawResource[], Record<string, unknown>]>([
    [
      'encrypted, one private instance',
      [cluster('aws_rds_cluster.a', {}), member('aws_rds_cluster_instance.a1', 'aws_rds_cluster.a', false)],
      { encryptionAtRest: 'provider-key', networkExposure: false },
    ],
    [
      'unset storage_encrypted on a provisioned cluster',
      [
        cluster('aws_rds_cluster.a', { storage_encrypted: null }),
        member('aws_rds_cluster_instance.a1', 'aws_rds_cluster.a', true),
      ],
      { encryptionAtRest: 'none', networkExposure: true },
    ],
    [
      'serverless v1 is always encrypted and never public',
      [cluster('aws_rds_cluster.a', { storage_encrypted: null, engine_mode: 'serverless' })],
      { encryptionAtRest: 'provider-key', networkExposure: false },
    ],
    [
      'no instances in the input',
      [cluster('aws_rds_cluster.a', {})],
      {
        networkExposure:
          'unknown: no aws_rds_cluster_instance of this cluster is in the input; public accessibility is set per instance',
      },
    ],
  ])('%s', (_, resources, expected) => {
    const facts = resourceOf(describeAll(...resources), 'aws_rds_cluster.a').facts;
    for (const [name, value] of Object.entries(expected))
      expect(factValue(facts[name as keyof typeof facts])).toEqual(value);
  });

  it('clusters of one global cluster replicate to each other', () => {
    const result = describeAll(
      raw('aws_rds_global_cluster.g', {
        global_cluster_identifier: 'orders-global',
        engine: 'aurora-postgresql',
      }),
      cluster(
        'aws_rds_cluster.primary',
        { global_cluster_identifier: AFTER_APPLY },
        { global_cluster_identifier: ['aws_rds_global_cluster.g.id', 'aws_rds_global_cluster.g'] },
      ),
      cluster('aws_rds_cluster.secondary', { global_cluster_identifier: 'orders-global' }, {}, 'us-east-1'),
      member('aws_rds_cluster_instance.p1', 'aws_rds_cluster.primary', false),
    );
    expect(resourceOf(result, 'aws_rds_cluster.primary').flows.map((f) => [f.kind, f.to])).toEqual([
      ['replica', { address: 'aws_rds_cluster.secondary' }],
    ]);
    expect(resourceOf(result, 'aws_rds_cluster.secondary').flows.map((f) => [f.kind, f.to])).toEqual([
      ['replica', { address: 'aws_rds_cluster.primary' }],
    ]);
    expect(resourceOf(result, 'aws_rds_cluster_instance.p1')).toMatchObject({
      kind: 'configuration',
      configures: 'aws_rds_cluster.primary',
    });
    expect(resourceOf(result, 'aws_rds_global_cluster.g')).toMatchObject({
      kind: 'configuration',
      storesData: false,
    });
  });
});
