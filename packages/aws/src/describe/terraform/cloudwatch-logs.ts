import { evidence, knownFact } from '@eugate/core';
import { encryptionByKey } from './encryption.js';
import { buildResource, type TypeDescriber } from './resource-base.js';

export const cloudwatchLogsDescribers: readonly TypeDescriber[] = [
  {
    type: 'aws_cloudwatch_log_group',
    describe: (group, scan) =>
      buildResource(group, {
        kind: 'log-store',
        storesData: true,
        identifierPaths: ['name', 'arn', 'id'],
        facts: {
          encryptionAtRest: encryptionByKey(group, scan, 'kms_key_id', () =>
            knownFact(
              'provider-key',
              evidence(
                'kms_key_id',
                '(not set) — CloudWatch Logs always encrypts log data, with service-managed keys',
              ),
            ),
          ),
        },
      }),
  },
];
