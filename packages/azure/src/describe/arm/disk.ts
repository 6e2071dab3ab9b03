import {
  asBoolean,
  type EncryptionAtRest,
  type Fact,
  knownFact,
  type RawResource,
  readProperty,
  unknownFact,
} from '@eugate/core';
import { type ArmTypeDescriber, buildArmResource, defaultEvidence, readEnum } from './resource-base.js';

const CUSTOMER_KEY_TYPES = new Set([
  'encryptionatrestwithcustomerkey',
  'encryptionatrestwithplatformandcustomerkeys',
]);

/**
 * Managed disks are always encrypted with platform-managed keys; a disk encryption set
 * (`encryption.diskEncryptionSetId`, `encryption.type: EncryptionAtRestWithCustomerKey`) or Azure
 * Disk Encryption (`encryptionSettingsCollection.enabled`) uses the customer's Key Vault key.
 */
function encryptionAtRest(disk: RawResource): Fact<EncryptionAtRest> {
  const type = readEnum(disk, 'properties.encryption.type');
  if (type.state === 'unknown') return unknownFact(type.reason, type.evidence);
  const set = readProperty(disk.properties, 'properties.encryption.diskEncryptionSetId');
  if ((type.state === 'set' && CUSTOMER_KEY_TYPES.has(type.value)) || set.state !== 'absent')
    return knownFact('customer-key', type.evidence, set.evidence);
  const ade = asBoolean(readProperty(disk.properties, 'properties.encryptionSettingsCollection.enabled'));
  if (ade.state === 'unknown') return unknownFact(ade.reason, ade.evidence);
  if (ade.state === 'set' && ade.value) return knownFact('customer-key', ade.evidence);
  return knownFact(
    'provider-key',
    type.state === 'set'
      ? type.evidence
      : defaultEvidence(type.evidence.path, 'server-side encryption with platform-managed keys'),
  );
}

const describeDisk: ArmTypeDescriber = {
  type: 'Microsoft.Compute/disks',
  describe: (disk, scan) =>
    buildArmResource(disk, scan, {
      kind: 'block-storage',
      storesData: true,
      facts: { encryptionAtRest: encryptionAtRest(disk) },
    }),
};

/** A disk encryption set wraps a customer's key; `rotationToLatestKeyVersionEnabled` follows new key versions. */
const describeEncryptionSet: ArmTypeDescriber = {
  type: 'Microsoft.Compute/diskEncryptionSets',
  describe(set, scan) {
    const rotation = asBoolean(readProperty(set.properties, 'properties.rotationToLatestKeyVersionEnabled'));
    return buildArmResource(set, scan, {
      kind: 'encryption-key',
      storesData: false,
      facts: {
        keyRotation:
          rotation.state === 'unknown'
            ? unknownFact(rotation.reason, rotation.evidence)
            : knownFact(rotation.state === 'set' && rotation.value, rotation.evidence),
      },
    });
  },
};

export const diskDescribers: readonly ArmTypeDescriber[] = [describeDisk, describeEncryptionSet];
