import { describe, expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

describe('azurerm_managed_disk', () => {
  it.each<[string, Record<string, unknown>, Record<string, string[]>, unknown]>([
    ['platform-managed keys', {}, {}, 'provider-key'],
    [
      'disk encryption set',
      { disk_encryption_set_id: AFTER_APPLY },
      { disk_encryption_set_id: ['azurerm_disk_encryption_set.s'] },
      'customer-key',
    ],
    [
      'Azure Disk Encryption',
      {
        encryption_settings: [
          { enabled: true, disk_encryption_key: [{ secret_url: 'x', source_vault_id: 'y' }] },
        ],
      },
      {},
      'customer-key',
    ],
  ])('%s', (_name, properties, references, expected) => {
    const disk = raw(
      'azurerm_managed_disk.d',
      {
        name: 'd',
        location: 'UK South',
        storage_account_type: 'Premium_LRS',
        create_option: 'Empty',
        encryption_settings: [],
        ...properties,
      },
      references,
    );
    const described = resourceOf(describeAll(disk), disk.address);
    expect([
      described.kind,
      factValue(described.region),
      factValue(described.facts.encryptionAtRest),
    ]).toEqual(['block-storage', 'uksouth', expected]);
  });
});
