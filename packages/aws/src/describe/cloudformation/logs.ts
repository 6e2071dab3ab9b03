import { knownFact } from '@eugate/core';
import { encryptionByKey } from './encryption.js';
import { buildResource, type TypeDescriber } from './resource-base.js';
import { notSet } from './template-values.js';

export const logsDescribers: readonly TypeDescriber[] = [
  {
    type: 'AWS::Logs::LogGroup',
    describe: (group, scan) =>
      buildResource(group, {
        kind: 'log-store',
        storesData: true,
        identifierPaths: ['LogGroupName'],
        facts: {
          encryptionAtRest: encryptionByKey(group, scan, 'KmsKeyId', () =>
            knownFact(
              'provider-key',
              notSet('KmsKeyId', 'CloudWatch Logs always encrypts log data, with service-managed keys'),
            ),
          ),
        },
      }),
  },
];
