import { asBoolean, knownFact, readProperty, unknownFact } from '@eugate/core';
import { readBlock, readConfigured } from './plan-values.js';
import { buildResource, defaultEvidence, type TypeDescriber } from './resource-base.js';

const DISK = 'azurerm_managed_disk';
const ENCRYPTION_SET = 'azurerm_disk_encryption_set';

/**
 * Managed disks are always encrypted (server-side encryption with platform-managed keys). A disk
 * encryption set, or Azure Disk Encryption via `encryption_settings`, uses the customer's Key Vault key.
 */
const describeDisk: TypeDescriber = {
  type: DISK,
  describe(disk, scan) {
    let encryption = knownFact<'provider-key' | 'customer-key'>(
      'provider-key',
      defaultEvidence('disk_encryption_set_id', 'server-side encryption with platform-managed keys'),
    );
    for (const path of ['disk_encryption_set_id', 'secure_vm_disk_encryption_set_id']) {
      const read = readConfigured(disk, path);
      if (read.state !== 'absent') encryption = knownFact('customer-key', read.evidence);
    }
    const ade = readBlock(disk, 'encryption_settings');
    if (ade.state === 'set') {
      const enabled = asBoolean(readProperty(disk.properties, `${ade.path}.enabled`));
      if (enabled.state !== 'set' || enabled.value) encryption = knownFact('customer-key', ade.evidence);
    }
    return buildResource(disk, scan, {
      kind: 'block-storage',
      storesData: true,
      facts: {
        encryptionAtRest: ade.state === 'unknown' ? unknownFact(ade.reason, ade.evidence) : encryption,
      },
    });
  },
};

/** A disk encryption set wraps a customer's Key Vault key; `auto_key_rotation_enabled` follows new key versions. */
const describeEncryptionSet: TypeDescriber = {
  type: ENCRYPTION_SET,
  describe(set, scan) {
    const rotation = asBoolean(readConfigured(set, 'auto_key_rotation_enabled'));
    return buildResource(set, scan, {
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

export const managedDiskDescribers: readonly TypeDescriber[] = [describeDisk, describeEncryptionSet];
