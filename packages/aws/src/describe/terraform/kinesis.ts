import { asString, type EncryptionAtRest, knownFact, readProperty, unknownFact } from '@eugate/core';
import { encryptionByKey } from './encryption.js';
import { buildResource, type TypeDescriber } from './resource-base.js';

export const kinesisDescribers: readonly TypeDescriber[] = [
  {
    type: 'aws_kinesis_stream',
    describe(stream, scan) {
      // encryption_type defaults to NONE; KMS without a key id is not accepted, alias/aws/kinesis is the AWS managed key.
      const type = asString(readProperty(stream.properties, 'encryption_type'));
      const encryptionAtRest =
        type.state === 'unknown'
          ? unknownFact(type.reason, type.evidence)
          : type.state === 'set' && type.value === 'KMS'
            ? encryptionByKey(stream, scan, 'kms_key_id', (keyEvidence) =>
                knownFact('provider-key', type.evidence, keyEvidence),
              )
            : knownFact<EncryptionAtRest>('none', type.evidence);
      return buildResource(stream, {
        kind: 'stream',
        storesData: true,
        identifierPaths: ['name', 'arn', 'id'],
        facts: { encryptionAtRest },
      });
    },
  },
];
