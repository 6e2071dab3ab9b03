import { asString, type EncryptionAtRest, knownFact, unknownFact } from '@eugate/core';
import { encryptionByKey } from './encryption.js';
import { buildResource, type TypeDescriber } from './resource-base.js';
import { read } from './template-values.js';

export const kinesisDescribers: readonly TypeDescriber[] = [
  {
    type: 'AWS::Kinesis::Stream',
    describe(stream, scan) {
      // No StreamEncryption means no encryption; KMS needs a KeyId, alias/aws/kinesis being the AWS managed key.
      const encryption = read(stream, 'StreamEncryption');
      const type = asString(read(stream, 'StreamEncryption.EncryptionType'));
      const encryptionAtRest =
        encryption.state === 'unknown'
          ? unknownFact<EncryptionAtRest>(encryption.reason, encryption.evidence)
          : type.state === 'unknown'
            ? unknownFact<EncryptionAtRest>(type.reason, type.evidence)
            : type.state === 'set' && type.value === 'KMS'
              ? encryptionByKey(stream, scan, 'StreamEncryption.KeyId', (keyEvidence) =>
                  knownFact('provider-key', type.evidence, keyEvidence),
                )
              : knownFact<EncryptionAtRest>('none', type.evidence);
      return buildResource(stream, {
        kind: 'stream',
        storesData: true,
        identifierPaths: ['Name'],
        facts: { encryptionAtRest },
      });
    },
  },
];
