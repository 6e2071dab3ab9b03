import {
  asBoolean,
  asString,
  type EncryptionAtRest,
  evidence,
  knownFact,
  type RawResource,
  readProperty,
  unknownFact,
} from '@eugate/core';
import { encryptionByFlagAndKey } from './encryption.js';
import { readConfigured } from './plan-values.js';
import { buildResource, type TypeDescriber } from './resource-base.js';
import { securityGroupIngressFlows } from './security-group.js';

/** Valkey replication groups are encrypted at rest by default; Redis OSS ones are not. */
function atRestWhenUnset(group: RawResource) {
  const engine = asString(readProperty(group.properties, 'engine'));
  if (engine.state === 'set' && engine.value === 'valkey')
    return knownFact<EncryptionAtRest>('provider-key', engine.evidence);
  if (engine.state === 'unknown') return unknownFact<EncryptionAtRest>(engine.reason, engine.evidence);
  return knownFact<EncryptionAtRest>(
    'none',
    evidence(
      'at_rest_encryption_enabled',
      '(not set) — Redis OSS replication groups are unencrypted unless set',
    ),
    engine.evidence,
  );
}

/** `transit_encryption_mode = "preferred"` accepts plain connections during migration, so only `required` enforces. */
function transit(group: RawResource) {
  const enabled = asBoolean(readConfigured(group, 'transit_encryption_enabled'));
  if (enabled.state === 'unknown') return unknownFact(enabled.reason, enabled.evidence);
  if (enabled.state !== 'set' || !enabled.value) return knownFact({ enforced: false }, enabled.evidence);
  const mode = asString(readConfigured(group, 'transit_encryption_mode'));
  if (mode.state === 'unknown') return unknownFact(mode.reason, enabled.evidence, mode.evidence);
  return knownFact(
    { enforced: mode.state !== 'set' || mode.value === 'required' },
    enabled.evidence,
    mode.evidence,
  );
}

export const elasticacheDescribers: readonly TypeDescriber[] = [
  {
    type: 'aws_elasticache_replication_group',
    describe: (group, scan) =>
      buildResource(group, {
        kind: 'cache',
        storesData: true,
        identifierPaths: ['replication_group_id', 'arn', 'id'],
        facts: {
          encryptionAtRest: encryptionByFlagAndKey(
            group,
            scan,
            'at_rest_encryption_enabled',
            'kms_key_id',
            () => atRestWhenUnset(group),
          ),
          encryptionInTransit: transit(group),
        },
        flows: securityGroupIngressFlows(group, scan, 'security_group_ids'),
      }),
  },
];
