import { asBoolean, knownFact, type RawResource, unknownFact } from '@eugate/core';
import { encryptionByFlagAndKey } from './encryption.js';
import { buildResource, type TypeDescriber } from './resource-base.js';
import { securityGroupIngressFlows } from './security-group.js';
import { read } from './template-values.js';

/** Redshift changed the defaults of both settings for new clusters in 2025: unset means unknown. */
function publiclyAccessible(cluster: RawResource) {
  const value = asBoolean(read(cluster, 'PubliclyAccessible'));
  if (value.state === 'set') return knownFact(value.value, value.evidence);
  return unknownFact(
    value.state === 'unknown'
      ? value.reason
      : 'PubliclyAccessible is not set, and Redshift has changed its default',
    value.evidence,
  );
}

export const redshiftDescribers: readonly TypeDescriber[] = [
  {
    type: 'AWS::Redshift::Cluster',
    describe: (cluster, scan) =>
      buildResource(cluster, {
        kind: 'data-warehouse',
        storesData: true,
        identifierPaths: ['ClusterIdentifier'],
        facts: {
          encryptionAtRest: encryptionByFlagAndKey(cluster, scan, 'Encrypted', 'KmsKeyId', (flag) =>
            unknownFact('Encrypted is not set, and Redshift has changed its default for new clusters', flag),
          ),
          networkExposure: publiclyAccessible(cluster),
        },
        flows: securityGroupIngressFlows(cluster, scan, 'VpcSecurityGroupIds'),
      }),
  },
];
