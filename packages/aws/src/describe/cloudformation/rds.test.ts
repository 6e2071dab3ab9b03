import type { RawResource } from '@eugate/core';
import { expect, it } from 'vitest';
import { cfn, describeAll, factsOf, flowsOf, resourceOf, UNRESOLVED } from './__fixtures__/raw.js';

const instance = (properties: Record<string, unknown>, references?: Record<string, string[]>) =>
  cfn(
    'Stack/Db',
    'AWS::RDS::DBInstance',
    { Engine: 'postgres', EngineVersion: '16.3', ...properties },
    references === undefined ? {} : { references },
  );

it.each<[string, RawResource[], Record<string, unknown>]>([
  [
    'defaults: unencrypted, exposure decided by the subnets',
    [instance({})],
    {
      encryptionAtRest: 'none',
      networkExposure:
        'unknown: PubliclyAccessible is not set: RDS then makes the database public when its subnets\u2019 VPC has an internet gateway',
      encryptionInTransit: { enforced: true },
    },
  ],
  [
    'encrypted with aws/rds, private',
    [instance({ StorageEncrypted: true, PubliclyAccessible: false })],
    { encryptionAtRest: 'provider-key', networkExposure: false },
  ],
  [
    'encrypted with a key of the template',
    [
      instance({ StorageEncrypted: true, KmsKeyId: UNRESOLVED }, { KmsKeyId: ['Stack/Key'] }),
      cfn('Stack/Key', 'AWS::KMS::Key', {}),
    ],
    { encryptionAtRest: 'customer-key' },
  ],
  [
    'StorageEncrypted as a string',
    [instance({ StorageEncrypted: 'true' })],
    { encryptionAtRest: 'provider-key' },
  ],
  [
    'MySQL default does not force TLS',
    [instance({ Engine: 'MySQL' })],
    { encryptionInTransit: { enforced: false } },
  ],
  [
    'parameter group forcing SSL',
    [
      instance(
        { Engine: 'postgres', EngineVersion: '13.4', DBParameterGroupName: UNRESOLVED },
        { DBParameterGroupName: ['Stack/Params'] },
      ),
      cfn('Stack/Params', 'AWS::RDS::DBParameterGroup', {
        Family: 'postgres13',
        Parameters: { 'rds.force_ssl': '1' },
      }),
    ],
    { encryptionInTransit: { enforced: true } },
  ],
  [
    'read replica of an encrypted source in the template',
    [
      instance({ StorageEncrypted: true, KmsKeyId: 'alias/db' }),
      cfn(
        'Stack/Replica',
        'AWS::RDS::DBInstance',
        { SourceDBInstanceIdentifier: UNRESOLVED },
        { references: { SourceDBInstanceIdentifier: ['Stack/Db'] } },
      ),
    ],
    {},
  ],
])('%s', (_name, resources, expected) => {
  expect(factsOf(resourceOf(describeAll(...resources), 'Stack/Db'), expected)).toEqual(expected);
});

it('a read replica is encrypted like its source and receives a read-replica flow', () => {
  const result = describeAll(
    instance({ StorageEncrypted: true, KmsKeyId: 'alias/db' }),
    cfn(
      'Stack/Replica',
      'AWS::RDS::DBInstance',
      { SourceDBInstanceIdentifier: UNRESOLVED },
      { references: { SourceDBInstanceIdentifier: ['Stack/Db'] } },
    ),
  );
  const replica = resourceOf(result, 'Stack/Replica');
  expect(factsOf(replica, { encryptionAtRest: 0 })).toEqual({ encryptionAtRest: 'customer-key' });
  expect(flowsOf(replica)).toEqual(['read-replica Stack/Db -> self']);
});

it('a cross-region replica takes its source region from the ARN', () => {
  const replica = resourceOf(
    describeAll(instance({ SourceDBInstanceIdentifier: 'arn:aws:rds:us-east-1:111122223333:db:main' })),
    'Stack/Db',
  );
  expect(flowsOf(replica)).toEqual([
    'read-replica arn:aws:rds:us-east-1:111122223333:db:main @us-east-1 -> self',
  ]);
  expect(factsOf(replica, { encryptionAtRest: 0 })).toEqual({
    encryptionAtRest:
      'unknown: a read replica is encrypted like its source database, which is not in the input',
  });
});

it('security groups of the instance let traffic in', () => {
  const db = resourceOf(
    describeAll(
      instance({ VPCSecurityGroups: [UNRESOLVED, 'sg-0123'] }, { VPCSecurityGroups: ['Stack/Sg'] }),
      cfn('Stack/Sg', 'AWS::EC2::SecurityGroup', { GroupDescription: 'db' }),
    ),
    'Stack/Db',
  );
  expect(flowsOf(db)).toEqual(['network-ingress Stack/Sg -> self', 'network-ingress sg-0123 -> self']);
});

it('an Aurora cluster: instances configure it and decide its exposure; global members replicate', () => {
  const result = describeAll(
    cfn('Eu/Cluster', 'AWS::RDS::DBCluster', {
      Engine: 'aurora-mysql',
      StorageEncrypted: true,
      GlobalClusterIdentifier: 'orders',
    }),
    cfn(
      'Eu/Writer',
      'AWS::RDS::DBInstance',
      { DBClusterIdentifier: UNRESOLVED, PubliclyAccessible: true },
      { references: { DBClusterIdentifier: ['Eu/Cluster'] } },
    ),
    cfn(
      'Us/Cluster',
      'AWS::RDS::DBCluster',
      { Engine: 'aurora-mysql', GlobalClusterIdentifier: 'orders' },
      { region: 'us-east-1' },
    ),
  );
  const cluster = resourceOf(result, 'Eu/Cluster');
  expect(factsOf(cluster, { encryptionAtRest: 0, networkExposure: 0 })).toEqual({
    encryptionAtRest: 'provider-key',
    networkExposure: true,
  });
  expect(flowsOf(cluster)).toEqual(['replica self -> Us/Cluster']);
  expect(resourceOf(result, 'Eu/Writer')).toMatchObject({ kind: 'configuration', configures: 'Eu/Cluster' });
  expect(factsOf(resourceOf(result, 'Us/Cluster'), { encryptionAtRest: 0 })).toEqual({
    encryptionAtRest: 'none',
  });
});
