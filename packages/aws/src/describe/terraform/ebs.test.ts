import type { RawResource } from '@eugate/core';
import { expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

/** `aws_ebs_volume` as in the checkov plan: `encrypted` and `kms_key_id` computed when unset. */
const volume = (properties: Record<string, unknown> = {}, region = 'eu-central-1') =>
  raw(
    'aws_ebs_volume.v',
    {
      availability_zone: `${region}a`,
      size: 1,
      encrypted: AFTER_APPLY,
      kms_key_id: AFTER_APPLY,
      ...properties,
    },
    { region },
  );
const instance = (properties: Record<string, unknown>) =>
  raw('aws_instance.i', {
    ami: 'ami-0f0a6d00932023856',
    instance_type: 't2.nano',
    root_block_device: AFTER_APPLY,
    ebs_block_device: AFTER_APPLY,
    vpc_security_group_ids: AFTER_APPLY,
    ...properties,
  });
const byDefault = (region = 'eu-central-1') =>
  raw('aws_ebs_encryption_by_default.d', { enabled: true }, { region });
const UNSEEN =
  'unknown: account-level EBS default encryption is not visible in the plan (the volume does not set encrypted = true)';

it.each<[string, RawResource[], string, unknown]>([
  ['volume, encryption unset (checkov plan)', [volume()], 'aws_ebs_volume.v', UNSEEN],
  ['volume encrypted = false', [volume({ encrypted: false })], 'aws_ebs_volume.v', UNSEEN],
  ['volume encrypted, no key: aws/ebs', [volume({ encrypted: true })], 'aws_ebs_volume.v', 'provider-key'],
  [
    'volume encrypted with a key ARN',
    [volume({ encrypted: true, kms_key_id: 'arn:aws:kms:eu-central-1:1:key/x' })],
    'aws_ebs_volume.v',
    'customer-key',
  ],
  [
    'account default encryption in the same region',
    [byDefault(), volume()],
    'aws_ebs_volume.v',
    'provider-key',
  ],
  [
    'account default encryption with a default key',
    [
      byDefault(),
      raw('aws_ebs_default_kms_key.k', { key_arn: 'arn:aws:kms:eu-central-1:1:key/x' }),
      volume({ encrypted: false }),
    ],
    'aws_ebs_volume.v',
    'customer-key',
  ],
  [
    'account default encryption in another region does not apply',
    [byDefault('us-east-1'), volume()],
    'aws_ebs_volume.v',
    UNSEEN,
  ],
  ['instance without block device settings', [instance({})], 'aws_instance.i', UNSEEN],
  [
    'instance with an encrypted root device',
    [instance({ root_block_device: [{ encrypted: true, kms_key_id: AFTER_APPLY, volume_size: 8 }] })],
    'aws_instance.i',
    'provider-key',
  ],
  [
    'instance: the weakest device decides',
    [
      instance({
        root_block_device: [{ encrypted: true, kms_key_id: 'arn:aws:kms:eu-central-1:1:key/x' }],
        ebs_block_device: [{ device_name: '/dev/sdb', encrypted: true, kms_key_id: AFTER_APPLY }],
      }),
    ],
    'aws_instance.i',
    'provider-key',
  ],
])('%s', (_, resources, address, expected) => {
  const described = resourceOf(describeAll(...resources), address);
  expect(described).toMatchObject({ kind: 'block-storage', storesData: true });
  expect(factValue(described.facts.encryptionAtRest)).toBe(expected);
});
