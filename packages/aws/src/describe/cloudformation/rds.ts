import {
  asBoolean,
  asString,
  type EncryptionAtRest,
  type EncryptionInTransit,
  evidence,
  type Fact,
  type Flow,
  isUnknownValue,
  knownFact,
  type RawResource,
  SELF,
  unknownFact,
} from '@eugate/core';
import { regionFromArn } from '../shared/arn.js';
import { keyOwnership } from '../shared/kms-key.js';
import { encryptionByFlagAndKey, kmsKeyReference } from './encryption.js';
import {
  buildResource,
  configurationOf,
  describeConfiguration,
  type OtherEnd,
  type TypeDescriber,
} from './resource-base.js';
import type { Scan } from './scan.js';
import { securityGroupIngressFlows } from './security-group.js';
import { knownString, notSet, read } from './template-values.js';

const INSTANCE = 'AWS::RDS::DBInstance';
const CLUSTER = 'AWS::RDS::DBCluster';
const GLOBAL_CLUSTER = 'AWS::RDS::GlobalCluster';
const PARAMETER_GROUP = 'AWS::RDS::DBParameterGroup';
const CLUSTER_PARAMETER_GROUP = 'AWS::RDS::DBClusterParameterGroup';

// ── encryption at rest ────────────────────────────────────────────────────────────────────────────

function sourceInstance(replica: RawResource, scan: Scan): RawResource | undefined {
  return scan.targetOf(replica, 'SourceDBInstanceIdentifier', [INSTANCE], ['DBInstanceIdentifier']);
}

/**
 * A read replica is encrypted like its source (a cross-region replica with its own `KmsKeyId` uses
 * that key), and a restored instance like its snapshot; RDS ignores `StorageEncrypted` for both.
 */
function instanceEncryption(instance: RawResource, scan: Scan, depth = 0): Fact<EncryptionAtRest> {
  const source = read(instance, 'SourceDBInstanceIdentifier');
  const snapshot = read(instance, 'DBSnapshotIdentifier');
  if (source.state === 'absent' && snapshot.state === 'absent')
    return encryptionByFlagAndKey(instance, scan, 'StorageEncrypted', 'KmsKeyId', () =>
      knownFact('none', notSet('StorageEncrypted', 'RDS instances are unencrypted unless set')),
    );
  const ownKey = keyOwnership(
    asString(read(instance, 'KmsKeyId')),
    kmsKeyReference(instance, scan, 'KmsKeyId'),
  );
  if (ownKey !== undefined) return ownKey;
  if (source.state === 'absent')
    return unknownFact(
      'a restored database is encrypted like its snapshot, which is not in the input',
      snapshot.evidence,
    );
  const origin = sourceInstance(instance, scan);
  if (origin === undefined || depth > 3)
    return unknownFact(
      'a read replica is encrypted like its source database, which is not in the input',
      source.evidence,
    );
  const inherited = instanceEncryption(origin, scan, depth + 1);
  const fromSource = inherited.evidence.map((e) =>
    e.from === undefined ? { ...e, from: origin.address } : e,
  );
  return inherited.known
    ? knownFact(inherited.value, source.evidence, ...fromSource)
    : unknownFact(inherited.reason, source.evidence, ...fromSource);
}

function clusterEncryption(cluster: RawResource, scan: Scan): Fact<EncryptionAtRest> {
  const restored = ['SnapshotIdentifier', 'SourceDBClusterIdentifier']
    .map((path) => read(cluster, path))
    .find((r) => r.state !== 'absent');
  if (restored !== undefined && read(cluster, 'StorageEncrypted').state === 'absent') {
    const ownKey = keyOwnership(
      asString(read(cluster, 'KmsKeyId')),
      kmsKeyReference(cluster, scan, 'KmsKeyId'),
    );
    return (
      ownKey ??
      unknownFact(
        'a restored cluster is encrypted like its source, which is not in the input',
        restored.evidence,
      )
    );
  }
  const mode = asString(read(cluster, 'EngineMode'));
  return encryptionByFlagAndKey(cluster, scan, 'StorageEncrypted', 'KmsKeyId', () =>
    mode.state === 'set' && mode.value === 'serverless'
      ? knownFact('provider-key', mode.evidence)
      : knownFact(
          'none',
          notSet('StorageEncrypted', 'provisioned Aurora clusters are unencrypted unless set'),
        ),
  );
}

// ── encryption in transit: the parameter that refuses plain connections ───────────────────────────

const TLS_PARAMETERS = ['rds.force_ssl', 'require_secure_transport'];
const ON = new Set(['1', 'on', 'true']);
const OFF = new Set(['0', 'off', 'false']);

/** What the engine does when no parameter group says otherwise. */
function engineDefault(raw: RawResource): Fact<EncryptionInTransit> {
  const engine = asString(read(raw, 'Engine'));
  const version = asString(read(raw, 'EngineVersion'));
  if (engine.state !== 'set') return unknownFact('the engine is not known', engine.evidence);
  // CloudFormation accepts engine names in any case (`MySQL`).
  const name = engine.value.toLowerCase();
  if (name === 'postgres' || name === 'aurora-postgresql') {
    const major = version.state === 'set' ? Number.parseInt(version.value, 10) : Number.NaN;
    if (Number.isNaN(major))
      return unknownFact(
        'rds.force_ssl defaults to 1 from PostgreSQL 15 on, and the engine version is not known',
        engine.evidence,
        version.evidence,
      );
    if (name === 'postgres') return knownFact({ enforced: major >= 15 }, engine.evidence, version.evidence);
  }
  if (['mysql', 'mariadb', 'aurora', 'aurora-mysql'].includes(name) || name.startsWith('sqlserver'))
    return knownFact(
      { enforced: false },
      engine.evidence,
      evidence('Parameters', '(require_secure_transport / rds.force_ssl not set: defaults to off)'),
    );
  return unknownFact(
    `whether ${engine.value} refuses plain connections by default is not modelled`,
    engine.evidence,
  );
}

function transitEncryption(
  raw: RawResource,
  scan: Scan,
  property: string,
  groupType: string,
): Fact<EncryptionInTransit> {
  const group = scan.targetOf(raw, property, [groupType], [property]);
  if (group !== undefined) {
    const parameters = read(group, 'Parameters', group.address);
    if (parameters.state === 'unknown') return unknownFact(parameters.reason, parameters.evidence);
    for (const name of TLS_PARAMETERS) {
      // Parameter names contain dots, so they cannot be read by path.
      const found =
        parameters.state === 'set' &&
        typeof parameters.value === 'object' &&
        parameters.value !== null &&
        Object.hasOwn(parameters.value, name)
          ? (parameters.value as Record<string, unknown>)[name]
          : undefined;
      const path = `Parameters.${name}`;
      const value = asString(
        found === undefined || found === null
          ? { state: 'absent', evidence: evidence(path, '(not set)', group.address) }
          : isUnknownValue(found)
            ? {
                state: 'unknown',
                reason: found.reason,
                evidence: evidence(path, found.toJSON(), group.address),
              }
            : { state: 'set', value: found, evidence: evidence(path, found, group.address) },
      );
      if (value.state === 'unknown') return unknownFact(value.reason, value.evidence);
      if (value.state === 'set' && ON.has(value.value.toLowerCase()))
        return knownFact({ enforced: true }, value.evidence);
      if (value.state === 'set' && OFF.has(value.value.toLowerCase()))
        return knownFact({ enforced: false }, value.evidence);
    }
    return engineDefault(raw);
  }
  const name = asString(read(raw, property));
  if (name.state === 'unknown') return unknownFact(name.reason, name.evidence);
  if (name.state === 'set' && !name.value.startsWith('default.'))
    return unknownFact(
      `parameter group ${name.value} is not in the input; require_secure_transport/rds.force_ssl is set in a parameter group`,
      name.evidence,
    );
  return engineDefault(raw);
}

// ── exposure and flows ────────────────────────────────────────────────────────────────────────────

/** Unset, RDS decides from the subnets: public when their VPC has an internet gateway. */
function publiclyAccessible(raw: RawResource, from?: string): Fact<boolean> {
  const value = asBoolean(read(raw, 'PubliclyAccessible', from));
  if (value.state === 'set') return knownFact(value.value, value.evidence);
  return unknownFact(
    value.state === 'unknown'
      ? value.reason
      : 'PubliclyAccessible is not set: RDS then makes the database public when its subnets\u2019 VPC has an internet gateway',
    value.evidence,
  );
}

/** A replica is a copy of its source: the flow runs from the source to the replica (self). */
function readReplicaFlows(
  raw: RawResource,
  scan: Scan,
  property: string,
  types: readonly string[],
  names: string[],
): Flow[] {
  const value = read(raw, property);
  if (value.state === 'absent') return [];
  const identifier = knownString(raw, property);
  const source = scan.targetOf(raw, property, types, names);
  const region = identifier === undefined ? undefined : regionFromArn(identifier);
  const from: OtherEnd = {
    ...(source === undefined ? {} : { address: source.address }),
    ...(identifier === undefined ? {} : { identifier }),
    ...(region === undefined ? {} : { region: knownFact(region, value.evidence) }),
  };
  return [{ kind: 'read-replica', from, to: SELF, evidence: [value.evidence] }];
}

function clusterOf(instance: RawResource, scan: Scan): RawResource | undefined {
  return scan.targetOf(instance, 'DBClusterIdentifier', [CLUSTER], ['DBClusterIdentifier']);
}

function isClusterMember(instance: RawResource): boolean {
  return read(instance, 'DBClusterIdentifier').state !== 'absent';
}

function clusterExposure(cluster: RawResource, scan: Scan): Fact<boolean> {
  const mode = asString(read(cluster, 'EngineMode'));
  if (mode.state === 'set' && mode.value === 'serverless') return knownFact(false, mode.evidence);
  // Multi-AZ DB clusters (not Aurora) state it on the cluster itself.
  if (read(cluster, 'PubliclyAccessible').state !== 'absent') return publiclyAccessible(cluster);
  const instances = scan.companionsOf(cluster, INSTANCE, 'DBClusterIdentifier', ['DBClusterIdentifier']);
  if (instances.length === 0)
    return unknownFact(
      'no AWS::RDS::DBInstance of this cluster is in the input; public accessibility is set per instance',
      evidence(INSTANCE, '(none)'),
    );
  const facts = instances.map((instance) => publiclyAccessible(instance, instance.address));
  return (
    facts.find((f) => f.known && f.value) ??
    facts.find((f) => !f.known) ??
    knownFact(false, ...facts.flatMap((f) => f.evidence))
  );
}

/** The global cluster a cluster joins: its address when in the input, else its identifier. */
function globalClusterOf(cluster: RawResource, scan: Scan): string | undefined {
  const global = scan.targetOf(
    cluster,
    'GlobalClusterIdentifier',
    [GLOBAL_CLUSTER],
    ['GlobalClusterIdentifier'],
  );
  if (global !== undefined) return global.address;
  const id = knownString(cluster, 'GlobalClusterIdentifier');
  return id === undefined ? undefined : `id:${id}`;
}

/** Every other cluster of the same global cluster holds a replica of this one's data. */
function globalReplicaFlows(cluster: RawResource, scan: Scan): Flow[] {
  const key = globalClusterOf(cluster, scan);
  const members = new Set(
    key === undefined ? [] : scan.ofType(CLUSTER).filter((c) => globalClusterOf(c, scan) === key),
  );
  for (const global of scan.ofType(GLOBAL_CLUSTER)) {
    const source = scan.targetOf(global, 'SourceDBClusterIdentifier', [CLUSTER], ['DBClusterIdentifier']);
    if (source === undefined) continue;
    if (global.address === key) members.add(source);
    if (source === cluster)
      for (const member of scan.ofType(CLUSTER).filter((c) => globalClusterOf(c, scan) === global.address))
        members.add(member);
  }
  if (!members.has(cluster)) return [];
  const joined = read(cluster, 'GlobalClusterIdentifier');
  const via =
    joined.state === 'absent' ? evidence('SourceDBClusterIdentifier', cluster.address, key) : joined.evidence;
  return [...members]
    .filter((member) => member !== cluster)
    .sort((a, b) => a.address.localeCompare(b.address))
    .map(
      (member): Flow => ({ kind: 'replica', from: SELF, to: { address: member.address }, evidence: [via] }),
    );
}

// ── describers ────────────────────────────────────────────────────────────────────────────────────

const describeInstance: TypeDescriber = {
  type: INSTANCE,
  describe(instance, scan) {
    // An Aurora instance holds no storage of its own: the cluster carries the facts.
    if (isClusterMember(instance)) return describeConfiguration(instance, clusterOf(instance, scan));
    return buildResource(instance, {
      kind: 'relational-database',
      storesData: true,
      identifierPaths: ['DBInstanceIdentifier'],
      facts: {
        encryptionAtRest: instanceEncryption(instance, scan),
        encryptionInTransit: transitEncryption(instance, scan, 'DBParameterGroupName', PARAMETER_GROUP),
        networkExposure: publiclyAccessible(instance),
      },
      flows: [
        ...readReplicaFlows(
          instance,
          scan,
          'SourceDBInstanceIdentifier',
          [INSTANCE],
          ['DBInstanceIdentifier'],
        ),
        ...securityGroupIngressFlows(instance, scan, 'VPCSecurityGroups'),
      ],
    });
  },
};

const describeCluster: TypeDescriber = {
  type: CLUSTER,
  describe: (cluster, scan) =>
    buildResource(cluster, {
      kind: 'relational-database',
      storesData: true,
      identifierPaths: ['DBClusterIdentifier'],
      facts: {
        encryptionAtRest: clusterEncryption(cluster, scan),
        encryptionInTransit: transitEncryption(
          cluster,
          scan,
          'DBClusterParameterGroupName',
          CLUSTER_PARAMETER_GROUP,
        ),
        networkExposure: clusterExposure(cluster, scan),
      },
      flows: [
        ...readReplicaFlows(
          cluster,
          scan,
          'ReplicationSourceIdentifier',
          [CLUSTER, INSTANCE],
          ['DBClusterIdentifier', 'DBInstanceIdentifier'],
        ),
        ...globalReplicaFlows(cluster, scan),
        ...securityGroupIngressFlows(cluster, scan, 'VpcSecurityGroupIds'),
      ],
    }),
};

/** A parameter group configures the databases that name it; `configures` only when exactly one does. */
function describeParameterGroup(type: string, users: string, property: string): TypeDescriber {
  return {
    type,
    describe(group, scan) {
      const using = scan
        .ofType(users)
        .filter((db) => scan.targetOf(db, property, [type], [property]) === group);
      return describeConfiguration(group, using.length === 1 ? using[0] : undefined);
    },
  };
}

export const rdsDescribers: readonly TypeDescriber[] = [
  describeInstance,
  describeCluster,
  configurationOf(GLOBAL_CLUSTER, 'SourceDBClusterIdentifier', [CLUSTER], ['DBClusterIdentifier']),
  describeParameterGroup(PARAMETER_GROUP, INSTANCE, 'DBParameterGroupName'),
  describeParameterGroup(CLUSTER_PARAMETER_GROUP, CLUSTER, 'DBClusterParameterGroupName'),
];
