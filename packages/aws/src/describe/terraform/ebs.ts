import type { Scan } from '@eugate/core';
import {
  asBoolean,
  asString,
  type EncryptionAtRest,
  type Fact,
  knownFact,
  type RawResource,
  readProperty,
  unknownFact,
} from '@eugate/core';
import { encryptionByKey, weakestEncryption } from './encryption.js';
import { readBlocks, readConfigured } from './plan-values.js';
import { buildResource, describeConfiguration, resourceRegion, type TypeDescriber } from './resource-base.js';
import { securityGroupIngressFlows } from './security-group.js';

const VOLUME = 'aws_ebs_volume';
const INSTANCE = 'aws_instance';
const ENCRYPTION_BY_DEFAULT = 'aws_ebs_encryption_by_default';
const DEFAULT_KMS_KEY = 'aws_ebs_default_kms_key';

/** EBS default encryption is a per-account, per-region switch: it applies only to the same known region. */
function sameRegion(a: RawResource, b: RawResource): boolean {
  const ra = resourceRegion(a);
  const rb = resourceRegion(b);
  return ra.known && rb.known && ra.value === rb.value;
}

function accountDefault(raw: RawResource, scan: Scan): Fact<EncryptionAtRest> | undefined {
  for (const setting of scan.ofType(ENCRYPTION_BY_DEFAULT).filter((s) => sameRegion(s, raw))) {
    const enabled = asBoolean(readProperty(setting.properties, 'enabled', setting.address));
    // `enabled` defaults to true in the provider.
    if (enabled.state === 'unknown' || (enabled.state === 'set' && !enabled.value)) continue;
    const [key] = scan.ofType(DEFAULT_KMS_KEY).filter((k) => sameRegion(k, raw));
    if (key !== undefined) {
      const arn = asString(readProperty(key.properties, 'key_arn', key.address));
      return knownFact('customer-key', enabled.evidence, arn.evidence);
    }
    return knownFact('provider-key', enabled.evidence);
  }
  return undefined;
}

/** One volume (or an instance's block device at `base`). */
function volumeEncryption(raw: RawResource, scan: Scan, base: string): Fact<EncryptionAtRest> {
  const encrypted = asBoolean(readConfigured(raw, `${base}encrypted`));
  if (encrypted.state === 'set' && encrypted.value)
    return encryptionByKey(raw, scan, `${base}kms_key_id`, (keyEvidence) =>
      knownFact('provider-key', encrypted.evidence, keyEvidence),
    );
  return (
    accountDefault(raw, scan) ??
    unknownFact(
      encrypted.state === 'unknown'
        ? encrypted.reason
        : 'account-level EBS default encryption is not visible in the plan (the volume does not set encrypted = true)',
      encrypted.evidence,
    )
  );
}

/**
 * An EC2 instance is described by what it stores: its root and EBS block devices. A root device
 * the configuration does not describe still exists (from the AMI) and counts as an unset device.
 */
function instanceEncryption(instance: RawResource, scan: Scan): Fact<EncryptionAtRest> {
  const facts: Fact<EncryptionAtRest>[] = [volumeEncryption(instance, scan, 'root_block_device[0].')];
  const devices = readBlocks(instance, 'ebs_block_device');
  if (devices.state === 'unknown') facts.push(unknownFact(devices.reason, devices.evidence));
  if (devices.state === 'set')
    for (const index of devices.blocks.keys())
      facts.push(volumeEncryption(instance, scan, `ebs_block_device[${index}].`));
  return weakestEncryption(facts) ?? facts[0]!;
}

export const ebsDescribers: readonly TypeDescriber[] = [
  {
    type: VOLUME,
    describe: (volume, scan) =>
      buildResource(volume, {
        kind: 'block-storage',
        storesData: true,
        identifierPaths: ['id', 'arn'],
        facts: { encryptionAtRest: volumeEncryption(volume, scan, '') },
      }),
  },
  {
    type: INSTANCE,
    describe: (instance, scan) =>
      buildResource(instance, {
        kind: 'block-storage',
        storesData: true,
        identifierPaths: ['id', 'arn'],
        facts: { encryptionAtRest: instanceEncryption(instance, scan) },
        flows: securityGroupIngressFlows(instance, scan, 'vpc_security_group_ids'),
      }),
  },
  { type: ENCRYPTION_BY_DEFAULT, describe: (raw) => describeConfiguration(raw, undefined) },
  { type: DEFAULT_KMS_KEY, describe: (raw) => describeConfiguration(raw, undefined) },
];
