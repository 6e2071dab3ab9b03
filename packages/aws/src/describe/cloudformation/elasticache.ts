import {
  asBoolean,
  asString,
  type EncryptionAtRest,
  type EncryptionInTransit,
  type Fact,
  knownFact,
  type RawResource,
  unknownFact,
} from '@eugate/core';
import { encryptionByFlagAndKey } from './encryption.js';
import { buildResource, type TypeDescriber } from './resource-base.js';
import { securityGroupIngressFlows } from './security-group.js';
import { notSet, read } from './template-values.js';

/** Valkey replication groups are encrypted at rest by default; Redis OSS ones are not. */
function atRestWhenUnset(group: RawResource): Fact<EncryptionAtRest> {
  const engine = asString(read(group, 'Engine'));
  if (engine.state === 'set' && engine.value.toLowerCase() === 'valkey')
    return knownFact('provider-key', engine.evidence);
  if (engine.state === 'unknown') return unknownFact(engine.reason, engine.evidence);
  return knownFact(
    'none',
    notSet('AtRestEncryptionEnabled', 'Redis OSS replication groups are unencrypted unless set'),
    engine.evidence,
  );
}

/** `TransitEncryptionMode: preferred` accepts plain connections during migration, so only `required` enforces. */
function transit(group: RawResource): Fact<EncryptionInTransit> {
  const enabled = asBoolean(read(group, 'TransitEncryptionEnabled'));
  if (enabled.state === 'unknown') return unknownFact(enabled.reason, enabled.evidence);
  if (enabled.state !== 'set' || !enabled.value) return knownFact({ enforced: false }, enabled.evidence);
  const mode = asString(read(group, 'TransitEncryptionMode'));
  if (mode.state === 'unknown') return unknownFact(mode.reason, enabled.evidence, mode.evidence);
  return knownFact(
    { enforced: mode.state !== 'set' || mode.value === 'required' },
    enabled.evidence,
    mode.evidence,
  );
}

export const elasticacheDescribers: readonly TypeDescriber[] = [
  {
    type: 'AWS::ElastiCache::ReplicationGroup',
    describe: (group, scan) =>
      buildResource(group, {
        kind: 'cache',
        storesData: true,
        identifierPaths: ['ReplicationGroupId'],
        facts: {
          encryptionAtRest: encryptionByFlagAndKey(group, scan, 'AtRestEncryptionEnabled', 'KmsKeyId', () =>
            atRestWhenUnset(group),
          ),
          encryptionInTransit: transit(group),
        },
        flows: securityGroupIngressFlows(group, scan, 'SecurityGroupIds'),
      }),
  },
];
