import { asString, type Flow, knownFact, SELF, unknownFact } from '@eugate/core';
import { encryptionByFlagAndKey } from './encryption.js';
import { buildResource, type OtherEnd, type TypeDescriber } from './resource-base.js';
import { listLength, notSet, read } from './template-values.js';

const DESTINATIONS = 'ReplicationConfiguration.Destinations';

export const efsDescribers: readonly TypeDescriber[] = [
  {
    type: 'AWS::EFS::FileSystem',
    describe(fileSystem, scan) {
      // EFS replication copies the whole file system to each destination's region.
      const flows = Array.from({ length: listLength(fileSystem, DESTINATIONS) }, (_, index): Flow => {
        const region = asString(read(fileSystem, `${DESTINATIONS}[${index}].Region`));
        const target = asString(read(fileSystem, `${DESTINATIONS}[${index}].FileSystemId`));
        const to: OtherEnd = {
          ...(target.state === 'set' ? { identifier: target.value } : {}),
          region:
            region.state === 'set'
              ? knownFact(region.value, region.evidence)
              : unknownFact(
                  region.state === 'unknown' ? region.reason : 'the destination names no region',
                  region.evidence,
                ),
        };
        return { kind: 'replica', from: SELF, to, evidence: [region.evidence, target.evidence] };
      });
      return buildResource(fileSystem, {
        kind: 'file-storage',
        storesData: true,
        facts: {
          encryptionAtRest: encryptionByFlagAndKey(fileSystem, scan, 'Encrypted', 'KmsKeyId', () =>
            knownFact(
              'none',
              notSet('Encrypted', 'EFS file systems created through the API are unencrypted'),
            ),
          ),
        },
        flows,
      });
    },
  },
];
