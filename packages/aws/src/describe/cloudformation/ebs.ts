import { asBoolean, knownFact, unknownFact } from '@eugate/core';
import { encryptionByKey } from './encryption.js';
import { buildResource, type TypeDescriber } from './resource-base.js';
import { read } from './template-values.js';

export const ebsDescribers: readonly TypeDescriber[] = [
  {
    type: 'AWS::EC2::Volume',
    describe(volume, scan) {
      const encrypted = asBoolean(read(volume, 'Encrypted'));
      // Unset or false, the account's per-region "EBS encryption by default" decides, which no template shows.
      const encryptionAtRest =
        encrypted.state === 'set' && encrypted.value
          ? encryptionByKey(volume, scan, 'KmsKeyId', (keyEvidence) =>
              knownFact('provider-key', encrypted.evidence, keyEvidence),
            )
          : unknownFact(
              encrypted.state === 'unknown'
                ? encrypted.reason
                : 'account-level EBS default encryption is not visible in the template (the volume does not set Encrypted: true)',
              encrypted.evidence,
            );
      return buildResource(volume, { kind: 'block-storage', storesData: true, facts: { encryptionAtRest } });
    },
  },
];
