/**
 * EU-ENC-002 — personal data not under a customer-managed key (profile eu-strict).
 *
 * After Schrems II the EDPB's Recommendations 01/2020 name encryption with keys retained under the
 * exporter's control as a supplementary measure. A provider-managed key can be used by the provider
 * under compulsion; a customer-managed key (with its own policy, rotation and audit trail) can be
 * withheld, and its use is logged.
 */
import { fail, holdsPersonalData, pass, undecided } from '../shared.js';
import type { Rule } from '../types.js';

export const rule: Rule = {
  meta: {
    id: 'EU-ENC-002',
    title: 'Personal data not encrypted with a customer-managed key',
    category: 'encryption',
    severity: 'medium',
    legalBasis: [
      'GDPR Art. 32(1)(a)',
      'GDPR Art. 46',
      'EDPB Recommendations 01/2020 (supplementary measures)',
    ],
    rationale:
      "A customer-managed key puts the decision to decrypt under the controller's own key policy, with every use logged, and lets the controller revoke access. The EDPB lists encryption with keys under the exporter's control among the supplementary measures after Schrems II; the eu-strict profile requires it for all personal data.",
    appliesTo:
      'Resources holding personal data, only under a profile that requires customer-managed keys (eu-strict).',
    outcomes: {
      pass: 'Encrypted with a customer-managed key (a KMS key / Key Vault key of the customer).',
      fail: 'Encrypted with a provider-managed key, or not encrypted.',
      unknown: 'The key cannot be determined.',
    },
    remediation: {
      terraform:
        'Create an `aws_kms_key` (with `enable_key_rotation = true`) and reference it: `kms_key_id`, `kms_master_key_id`, `server_side_encryption { kms_key_arn }`, S3 `sse_algorithm = "aws:kms"` with `kms_master_key_id`; azurerm: `customer_managed_key` blocks.',
      cloudformation:
        'Create an `AWS::KMS::Key` and reference it: `KmsKeyId`, `KMSMasterKeyID`, `SSESpecification.KMSMasterKeyId`, `BucketEncryption` with `SSEAlgorithm: aws:kms` and `KMSMasterKeyID`.',
      pulumi: 'Create an `aws.kms.Key` and pass its ARN as `kmsKeyId` / `kmsMasterKeyId`.',
      arm: 'Set `encryption.keySource = "Microsoft.Keyvault"` with `keyvaultproperties` on storage accounts; use a TDE protector from Key Vault for SQL.',
    },
  },
  check(resource, context) {
    const fact = resource.facts.encryptionAtRest;
    if (!context.profile.requireCustomerManagedKeys || !holdsPersonalData(resource) || fact === undefined)
      return [];
    if (!fact.known)
      return [undecided(`the encryption key cannot be determined: ${fact.reason}`, fact.evidence)];
    if (fact.value === 'customer-key') return [pass('encrypted with a customer-managed key', fact.evidence)];
    return [
      fail(
        fact.value === 'none'
          ? `not encrypted at rest, and ${context.profile.name} requires a customer-managed key`
          : `encrypted with a provider-managed key; ${context.profile.name} requires a customer-managed key`,
        fact.evidence,
      ),
    ];
  },
};
