import type { Scan } from '@eugate/core';
import {
  asBoolean,
  asList,
  asString,
  type EncryptionAtRest,
  type EncryptionInTransit,
  evidence,
  type Fact,
  type Flow,
  knownFact,
  type RawResource,
  readProperty,
  SELF,
  unknownFact,
} from '@eugate/core';
import { regionFromArn } from '../shared/arn.js';
import { keyOwnership } from '../shared/kms-key.js';
import { kmsKeyReference, knownString, readConfigured } from './plan-values.js';
import { buildResource, describeConfiguration, type OtherEnd, type TypeDescriber } from './resource-base.js';
import { securityGroupIngressFlows } from './security-group.js';

const INSTANCE = 'aws_db_instance';
const CLUSTER = 'aws_rds_cluster';
const CLUSTER_INSTANCE = 'aws_rds_cluster_instance';
const GLOBAL_CLUSTER = 'aws_rds_global_cluster';
const PARAMETER_GROUP = 'aws_db_parameter_group';
const CLUSTER_PARAMETER_GROUP = 'aws_rds_cluster_parameter_group';

// ── encryption at rest ────────────────────────────────────────────────────────────────────────────

/** `storage_encrypted` plus `kms_key_id`; without a key id RDS uses the AWS managed key aws/rds. */
function storageEncryption(
  raw: RawResource,
  scan: Scan,
  whenUnset: Fact<EncryptionAtRest>,
): Fact<EncryptionAtRest> {
  const encrypted = asBoolean(readConfigured(raw, 'storage_encrypted'));
  if (encrypted.state === 'unknown') return unknownFact(encrypted.reason, encrypted.evidence);
  if (encrypted.state === 'absent') return whenUnset;
  if (!encrypted.value) return knownFact('none', encrypted.evidence);
  const key = asString(readConfigured(raw, 'kms_key_id'));
  return (
    keyOwnership(key, kmsKeyReference(raw, scan, 'kms_key_id')) ??
    knownFact('provider-key', encrypted.evidence, key.evidence)
  );
}

function sourceInstance(replica: RawResource, scan: Scan): RawResource | undefined {
  return scan.targetOf(replica, 'replicate_source_db', [INSTANCE], ['identifier', 'arn', 'id']);
}

/**
 * A read replica is encrypted like its source (a cross-region replica with its own `kms_key_id`
 * uses that key); RDS ignores `storage_encrypted` on replicas.
 */
function instanceEncryption(instance: RawResource, scan: Scan, depth = 0): Fact<EncryptionAtRest> {
  const source = asString(readProperty(instance.properties, 'replicate_source_db'));
  if (source.state === 'absent')
    return storageEncryption(
      instance,
      scan,
      knownFact(
        'none',
        evidence('storage_encrypted', '(not set) — RDS instances are unencrypted unless set'),
      ),
    );
  const key = asString(readConfigured(instance, 'kms_key_id'));
  const ownKey = keyOwnership(key, kmsKeyReference(instance, scan, 'kms_key_id'));
  if (ownKey !== undefined) return ownKey;
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
  const mode = asString(readProperty(cluster.properties, 'engine_mode'));
  const whenUnset =
    mode.state === 'set' && mode.value === 'serverless'
      ? knownFact<EncryptionAtRest>('provider-key', mode.evidence)
      : knownFact<EncryptionAtRest>(
          'none',
          evidence('storage_encrypted', '(not set) — provisioned Aurora clusters are unencrypted unless set'),
        );
  return storageEncryption(cluster, scan, whenUnset);
}

// ── encryption in transit: the parameter that refuses plain connections ───────────────────────────

const TLS_PARAMETERS = new Set(['rds.force_ssl', 'require_secure_transport']);
const ON = new Set(['1', 'on', 'true']);
const OFF = new Set(['0', 'off', 'false']);

/** What the engine does when no parameter group says otherwise. */
function engineDefault(raw: RawResource): Fact<EncryptionInTransit> {
  const engine = asString(readProperty(raw.properties, 'engine'));
  const version = asString(readConfigured(raw, 'engine_version'));
  if (engine.state !== 'set') return unknownFact('the engine is not known', engine.evidence);
  const name = engine.value;
  if (name === 'postgres') {
    const major = version.state === 'set' ? Number.parseInt(version.value, 10) : Number.NaN;
    if (Number.isNaN(major))
      return unknownFact(
        'rds.force_ssl defaults to 1 from PostgreSQL 15 on, and the engine version is not known',
        engine.evidence,
        version.evidence,
      );
    return knownFact({ enforced: major >= 15 }, engine.evidence, version.evidence);
  }
  if (['mysql', 'mariadb', 'aurora', 'aurora-mysql'].includes(name) || name.startsWith('sqlserver'))
    return knownFact(
      { enforced: false },
      engine.evidence,
      evidence('parameter', '(require_secure_transport / rds.force_ssl not set: defaults to off)'),
    );
  return unknownFact(`whether ${name} refuses plain connections by default is not modelled`, engine.evidence);
}

function transitEncryption(
  raw: RawResource,
  scan: Scan,
  groupArgument: string,
  groupType: string,
): Fact<EncryptionInTransit> {
  const group = scan.targetOf(raw, groupArgument, [groupType], ['name', 'id']);
  if (group !== undefined) {
    for (const [index, parameter] of asList(group.properties.parameter).entries()) {
      const name = asString(readProperty(parameter, 'name'));
      if (name.state !== 'set' || !TLS_PARAMETERS.has(name.value)) continue;
      const value = asString(readProperty(group.properties, `parameter[${index}].value`, group.address));
      if (value.state === 'unknown') return unknownFact(value.reason, value.evidence);
      if (value.state === 'set' && ON.has(value.value.toLowerCase()))
        return knownFact({ enforced: true }, value.evidence);
      if (value.state === 'set' && OFF.has(value.value.toLowerCase()))
        return knownFact({ enforced: false }, value.evidence);
    }
    return engineDefault(raw);
  }
  const name = asString(readConfigured(raw, groupArgument));
  if (name.state === 'unknown') return unknownFact(name.reason, name.evidence);
  if (name.state === 'set' && !name.value.startsWith('default.'))
    return unknownFact(
      `parameter group ${name.value} is not in the input; require_secure_transport/rds.force_ssl is set in a parameter group`,
      name.evidence,
    );
  return engineDefault(raw);
}

// ── exposure and flows ────────────────────────────────────────────────────────────────────────────

function publiclyAccessible(raw: RawResource, from?: string): Fact<boolean> {
  const read = asBoolean(readConfigured(raw, 'publicly_accessible', from));
  if (read.state === 'unknown') return unknownFact(read.reason, read.evidence);
  return knownFact(read.state === 'set' && read.value, read.evidence);
}

function sourceEnd(
  raw: RawResource,
  scan: Scan,
  argument: string,
  types: readonly string[],
  names: string[],
): OtherEnd {
  const identifier = knownString(raw, argument);
  const source = scan.targetOf(raw, argument, types, names);
  const region = identifier === undefined ? undefined : regionFromArn(identifier);
  return {
    ...(source === undefined ? {} : { address: source.address }),
    ...(identifier === undefined ? {} : { identifier }),
    ...(region === undefined ? {} : { region: knownFact(region, evidence(argument, identifier)) }),
  };
}

/** A replica is a copy of its source: the flow runs from the source to the replica (self). */
function readReplicaFlows(
  raw: RawResource,
  scan: Scan,
  argument: string,
  types: readonly string[],
  names: string[],
): Flow[] {
  const read = readProperty(raw.properties, argument);
  if (read.state === 'absent' || (read.state === 'set' && read.value === '')) return [];
  return [
    {
      kind: 'read-replica',
      from: sourceEnd(raw, scan, argument, types, names),
      to: SELF,
      evidence: [read.evidence],
    },
  ];
}

function clusterInstances(cluster: RawResource, scan: Scan): RawResource[] {
  return scan.companionsOf(cluster, CLUSTER_INSTANCE, 'cluster_identifier', ['cluster_identifier', 'id']);
}

function clusterExposure(cluster: RawResource, scan: Scan): Fact<boolean> {
  const mode = asString(readProperty(cluster.properties, 'engine_mode'));
  if (mode.state === 'set' && mode.value === 'serverless') return knownFact(false, mode.evidence);
  const instances = clusterInstances(cluster, scan);
  if (instances.length === 0)
    return unknownFact(
      'no aws_rds_cluster_instance of this cluster is in the input; public accessibility is set per instance',
      evidence(CLUSTER_INSTANCE, '(none)'),
    );
  const facts = instances.map((instance) => publiclyAccessible(instance, instance.address));
  const exposed = facts.find((f) => f.known && f.value);
  if (exposed !== undefined) return exposed;
  const unknownOne = facts.find((f) => !f.known);
  if (unknownOne !== undefined) return unknownOne;
  return knownFact(false, ...facts.flatMap((f) => f.evidence));
}

/** The global cluster a cluster joins: its address when in the input, else its identifier. */
function globalClusterOf(cluster: RawResource, scan: Scan): string | undefined {
  const global = scan.targetOf(
    cluster,
    'global_cluster_identifier',
    [GLOBAL_CLUSTER],
    ['global_cluster_identifier', 'id'],
  );
  if (global !== undefined) return global.address;
  const id = knownString(cluster, 'global_cluster_identifier');
  return id === undefined ? undefined : `id:${id}`;
}

/** Every other cluster of the same global cluster holds a replica of this one's data. */
function globalReplicaFlows(cluster: RawResource, scan: Scan): Flow[] {
  const key = globalClusterOf(cluster, scan);
  if (key === undefined) return [];
  const members = new Set(scan.ofType(CLUSTER).filter((c) => globalClusterOf(c, scan) === key));
  const global = scan.get(key);
  if (global !== undefined) {
    const source = scan.targetOf(global, 'source_db_cluster_identifier', [CLUSTER], ['arn']);
    if (source !== undefined) members.add(source);
  }
  if (!members.has(cluster)) return [];
  const joined = readProperty(cluster.properties, 'global_cluster_identifier');
  const via =
    joined.state === 'absent'
      ? evidence('source_db_cluster_identifier', cluster.address, key)
      : joined.evidence;
  return [...members]
    .filter((member) => member !== cluster)
    .sort((a, b) => a.address.localeCompare(b.address))
    .map((member) => ({ kind: 'replica', from: SELF, to: { address: member.address }, evidence: [via] }));
}

// ── describers ────────────────────────────────────────────────────────────────────────────────────

const describeInstance: TypeDescriber = {
  type: INSTANCE,
  describe: (instance, scan) =>
    buildResource(instance, {
      kind: 'relational-database',
      storesData: true,
      identifierPaths: ['identifier', 'arn', 'id', 'resource_id'],
      facts: {
        encryptionAtRest: instanceEncryption(instance, scan),
        encryptionInTransit: transitEncryption(instance, scan, 'parameter_group_name', PARAMETER_GROUP),
        networkExposure: publiclyAccessible(instance),
      },
      flows: [
        ...readReplicaFlows(instance, scan, 'replicate_source_db', [INSTANCE], ['identifier', 'arn', 'id']),
        ...securityGroupIngressFlows(instance, scan, 'vpc_security_group_ids'),
      ],
    }),
};

const describeCluster: TypeDescriber = {
  type: CLUSTER,
  describe: (cluster, scan) =>
    buildResource(cluster, {
      kind: 'relational-database',
      storesData: true,
      identifierPaths: ['cluster_identifier', 'arn', 'id', 'cluster_resource_id'],
      facts: {
        encryptionAtRest: clusterEncryption(cluster, scan),
        encryptionInTransit: transitEncryption(
          cluster,
          scan,
          'db_cluster_parameter_group_name',
          CLUSTER_PARAMETER_GROUP,
        ),
        networkExposure: clusterExposure(cluster, scan),
      },
      flows: [
        ...readReplicaFlows(cluster, scan, 'replication_source_identifier', [CLUSTER, INSTANCE], ['arn']),
        ...globalReplicaFlows(cluster, scan),
        ...securityGroupIngressFlows(cluster, scan, 'vpc_security_group_ids'),
      ],
    }),
};

/** A parameter group configures the databases that name it; `configures` only when exactly one does. */
function describeParameterGroup(type: string, users: readonly string[], argument: string): TypeDescriber {
  return {
    type,
    describe(group, scan) {
      const using = scan
        .ofType(...users)
        .filter((db) => scan.targetOf(db, argument, [type], ['name', 'id']) === group);
      return describeConfiguration(group, using.length === 1 ? using[0] : undefined);
    },
  };
}

export const rdsDescribers: readonly TypeDescriber[] = [
  describeInstance,
  describeCluster,
  {
    type: CLUSTER_INSTANCE,
    describe: (instance, scan) =>
      describeConfiguration(
        instance,
        scan.targetOf(instance, 'cluster_identifier', [CLUSTER], ['cluster_identifier', 'id']),
      ),
  },
  {
    type: GLOBAL_CLUSTER,
    describe: (global, scan) =>
      describeConfiguration(
        global,
        scan.targetOf(global, 'source_db_cluster_identifier', [CLUSTER], ['arn']),
      ),
  },
  describeParameterGroup(PARAMETER_GROUP, [INSTANCE], 'parameter_group_name'),
  describeParameterGroup(CLUSTER_PARAMETER_GROUP, [CLUSTER], 'db_cluster_parameter_group_name'),
];
