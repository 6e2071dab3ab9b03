import type { TypedRead } from '@eugate/core';
import { type EncryptionAtRest, type Evidence, type Fact, knownFact, unknownFact } from '@eugate/core';

export type KeyOwnership = Extract<EncryptionAtRest, 'provider-key' | 'customer-key'>;

/**
 * `alias/aws/<service>` names the AWS managed key of a service: AWS controls its policy and
 * rotation, so naming it explicitly is still a provider key, not a customer-managed one.
 */
export function isAwsManagedKeyAlias(key: string): boolean {
  return /(^|:)alias\/aws\//.test(key);
}

/**
 * Who controls the key of a resource that is encrypted: a KMS key id, ARN or alias chosen by the
 * customer means a customer-managed key. A value known only after apply counts as customer-managed
 * only when the configuration points it at a KMS key resource (`customerKeyReference`); otherwise
 * the key cannot be told. Returns undefined when no key is set, for the caller's service default.
 */
export function keyOwnership(
  key: TypedRead<string>,
  customerKeyReference?: Evidence,
): Fact<KeyOwnership> | undefined {
  switch (key.state) {
    case 'absent':
      return undefined;
    case 'set':
      return knownFact(isAwsManagedKeyAlias(key.value) ? 'provider-key' : 'customer-key', key.evidence);
    case 'unknown':
      return customerKeyReference !== undefined
        ? knownFact('customer-key', key.evidence, customerKeyReference)
        : unknownFact(
            `${key.evidence.path} is known only after apply and does not reference a KMS key in the input, so whether the key is customer-managed cannot be told`,
            key.evidence,
          );
  }
}
