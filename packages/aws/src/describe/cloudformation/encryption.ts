import {
  asBoolean,
  asString,
  type EncryptionAtRest,
  type Evidence,
  evidence,
  type Fact,
  knownFact,
  type RawResource,
  unknownFact,
} from '@eugate/core';
import { keyOwnership } from '../shared/kms-key.js';
import type { Scan } from './scan.js';
import { propertyOf, read } from './template-values.js';

/** Resource types whose key is customer-managed: a key, its replica, or an alias of either. */
const KMS_KEY_TYPES = ['AWS::KMS::Key', 'AWS::KMS::ReplicaKey', 'AWS::KMS::Alias'];

/** Evidence that the property holding `path` is set from a KMS key resource in the input. */
export function kmsKeyReference(raw: RawResource, scan: Scan, path: string): Evidence | undefined {
  const property = propertyOf(path);
  const keys = scan.referenced(raw, property, KMS_KEY_TYPES);
  return keys.length > 0 ? evidence(`references.${property}`, keys) : undefined;
}

/**
 * Encryption decided by a KMS key property alone: a key → customer-managed (unless it names an AWS
 * managed alias); no key → `whenNoKey`, the service's own behaviour.
 */
export function encryptionByKey(
  raw: RawResource,
  scan: Scan,
  keyPath: string,
  whenNoKey: (keyEvidence: Evidence) => Fact<EncryptionAtRest>,
): Fact<EncryptionAtRest> {
  const key = asString(read(raw, keyPath));
  return keyOwnership(key, kmsKeyReference(raw, scan, keyPath)) ?? whenNoKey(key.evidence);
}

/**
 * Encryption switched on by a flag, with an optional key: flag false → none; true → the key's owner,
 * or the service's AWS managed key without one; unset → `whenUnset` (the service default).
 */
export function encryptionByFlagAndKey(
  raw: RawResource,
  scan: Scan,
  flagPath: string,
  keyPath: string,
  whenUnset: (flagEvidence: Evidence) => Fact<EncryptionAtRest>,
): Fact<EncryptionAtRest> {
  const flag = asBoolean(read(raw, flagPath));
  if (flag.state === 'unknown') return unknownFact(flag.reason, flag.evidence);
  if (flag.state === 'absent') return whenUnset(flag.evidence);
  if (!flag.value) return knownFact('none', flag.evidence);
  return encryptionByKey(raw, scan, keyPath, (keyEvidence) =>
    knownFact('provider-key', flag.evidence, keyEvidence),
  );
}
