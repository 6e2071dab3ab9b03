import type { Scan } from '@eugate/core';
import {
  asString,
  evidence,
  type Flow,
  knownFact,
  type RawResource,
  readProperty,
  SELF,
  unknownFact,
} from '@eugate/core';
import { encryptionByFlagAndKey } from './encryption.js';
import { buildResource, describeConfiguration, type OtherEnd, type TypeDescriber } from './resource-base.js';

const FILE_SYSTEM = 'aws_efs_file_system';
const REPLICATION = 'aws_efs_replication_configuration';

function replicationOf(replication: RawResource, scan: Scan): RawResource | undefined {
  return scan.targetOf(replication, 'source_file_system_id', [FILE_SYSTEM], ['id']);
}

/** EFS replication copies the whole file system to `destination[0].region` (or the region of its file system). */
function replicaFlows(fileSystem: RawResource, scan: Scan): Flow[] {
  return scan
    .ofType(REPLICATION)
    .filter((replication) => replicationOf(replication, scan) === fileSystem)
    .map((replication): Flow => {
      const region = asString(
        readProperty(replication.properties, 'destination[0].region', replication.address),
      );
      const target = asString(
        readProperty(replication.properties, 'destination[0].file_system_id', replication.address),
      );
      const to: OtherEnd = {
        ...(target.state === 'set' ? { identifier: target.value } : {}),
        region:
          region.state === 'set'
            ? knownFact(region.value, region.evidence)
            : unknownFact(
                region.state === 'unknown' ? region.reason : 'the replication sets no destination region',
                region.evidence,
              ),
      };
      return { kind: 'replica', from: SELF, to, evidence: [region.evidence, target.evidence] };
    });
}

export const efsDescribers: readonly TypeDescriber[] = [
  {
    type: FILE_SYSTEM,
    describe: (fileSystem, scan) =>
      buildResource(fileSystem, {
        kind: 'file-storage',
        storesData: true,
        identifierPaths: ['id', 'arn', 'dns_name'],
        facts: {
          encryptionAtRest: encryptionByFlagAndKey(fileSystem, scan, 'encrypted', 'kms_key_id', () =>
            knownFact(
              'none',
              evidence('encrypted', '(not set) — EFS file systems created through the API are unencrypted'),
            ),
          ),
        },
        flows: replicaFlows(fileSystem, scan),
      }),
  },
  { type: REPLICATION, describe: (raw, scan) => describeConfiguration(raw, replicationOf(raw, scan)) },
  {
    type: 'aws_efs_file_system_policy',
    describe: (raw, scan) =>
      describeConfiguration(raw, scan.targetOf(raw, 'file_system_id', [FILE_SYSTEM], ['id'])),
  },
];
