import type { Scan } from '@eugate/core';
import {
  asBoolean,
  asString,
  type EncryptionAtRest,
  type Evidence,
  type Fact,
  knownFact,
  type RawResource,
  unknownFact,
} from '@eugate/core';
import { keyOwnership } from '../shared/kms-key.js';
import { argumentOf, kmsKeyReference, readConfigured } from './plan-values.js';

/**
 * Encryption decided by a KMS key argument alone: a key → customer-managed (unless it names an AWS
 * managed alias); no key → `whenNoKey`, the service's own behaviour, given the key's evidence.
 */
export function encryptionByKey(
  raw: RawResource,
  scan: Scan,
  keyPath: string,
  whenNoKey: (keyEvidence: Evidence) => Fact<EncryptionAtRest>,
): Fact<EncryptionAtRest> {
  const key = asString(readConfigured(raw, keyPath));
  return keyOwnership(key, kmsKeyReference(raw, scan, argumentOf(keyPath))) ?? whenNoKey(key.evidence);
}

/**
 * Encryption switched on by a flag, with an optional key: flag false → none; flag true → the key's
 * owner, or the service's AWS managed key without one; flag unset → `whenUnset` (the service default).
 */
export function encryptionByFlagAndKey(
  raw: RawResource,
  scan: Scan,
  flagPath: string,
  keyPath: string,
  whenUnset: (flagEvidence: Evidence) => Fact<EncryptionAtRest>,
): Fact<EncryptionAtRest> {
  const flag = asBoolean(readConfigured(raw, flagPath));
  if (flag.state === 'unknown') return unknownFact(flag.reason, flag.evidence);
  if (flag.state === 'absent') return whenUnset(flag.evidence);
  if (!flag.value) return knownFact('none', flag.evidence);
  return encryptionByKey(raw, scan, keyPath, (keyEvidence) =>
    knownFact('provider-key', flag.evidence, keyEvidence),
  );
}

const STRENGTH: Record<EncryptionAtRest, number> = { none: 0, 'provider-key': 1, 'customer-key': 2 };

/** Several stores behind one resource (an instance's volumes): unknown if any is, else the weakest. */
export function weakestEncryption(
  facts: readonly Fact<EncryptionAtRest>[],
): Fact<EncryptionAtRest> | undefined {
  const unknownOne = facts.find((f) => !f.known);
  if (unknownOne !== undefined) return unknownOne;
  let weakest: Fact<EncryptionAtRest> | undefined;
  for (const fact of facts) {
    if (!fact.known) continue;
    if (weakest === undefined || (weakest.known && STRENGTH[fact.value] < STRENGTH[weakest.value]))
      weakest = fact;
  }
  if (weakest === undefined || !weakest.known) return weakest;
  return knownFact(weakest.value, ...facts.flatMap((f) => f.evidence));
}
