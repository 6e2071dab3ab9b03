import { asBoolean, knownFact, type RawResource, unknownFact } from '@eugate/core';
import { encryptionByFlagAndKey } from './encryption.js';
import { readConfigured } from './plan-values.js';
import { buildResource, type TypeDescriber } from './resource-base.js';
import { securityGroupIngressFlows } from './security-group.js';

/** Provider v6 changed the defaults of both `encrypted` and `publicly_accessible`: unset means unknown. */
function publiclyAccessible(cluster: RawResource) {
  const read = asBoolean(readConfigured(cluster, 'publicly_accessible'));
  if (read.state === 'set') return knownFact(read.value, read.evidence);
  return unknownFact(
    read.state === 'unknown'
      ? read.reason
      : 'publicly_accessible is not set, and its default differs between provider versions',
    read.evidence,
  );
}

export const redshiftDescribers: readonly TypeDescriber[] = [
  {
    type: 'aws_redshift_cluster',
    describe: (cluster, scan) =>
      buildResource(cluster, {
        kind: 'data-warehouse',
        storesData: true,
        identifierPaths: ['cluster_identifier', 'arn', 'id'],
        facts: {
          encryptionAtRest: encryptionByFlagAndKey(cluster, scan, 'encrypted', 'kms_key_id', (flag) =>
            unknownFact('encrypted is not set, and its default differs between provider versions', flag),
          ),
          networkExposure: publiclyAccessible(cluster),
        },
        flows: securityGroupIngressFlows(cluster, scan, 'vpc_security_group_ids'),
      }),
  },
];
