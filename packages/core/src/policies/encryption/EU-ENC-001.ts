/**
 * EU-ENC-001 — personal data not encrypted at rest.
 *
 * GDPR Art. 32(1)(a) names encryption as a security measure; Art. 34(3)(a) spares a controller from
 * notifying data subjects of a breach when the data was unintelligible to the attacker. Unencrypted
 * database storage and snapshots are the classic way a lost backup becomes a reportable breach.
 */
import { fail, holdsPersonalData, pass, undecided } from '../shared.js';
import type { Rule } from '../types.js';

export const rule: Rule = {
  meta: {
    id: 'EU-ENC-001',
    title: 'Personal data not encrypted at rest',
    category: 'encryption',
    severity: 'high',
    legalBasis: ['GDPR Art. 32(1)(a)', 'GDPR Art. 5(1)(f)', 'GDPR Art. 34(3)(a)'],
    rationale:
      'Encryption at rest keeps personal data unintelligible on lost disks, leaked snapshots and mis-shared backups. It is named in Art. 32(1)(a), and data that was encrypted when it leaked can spare the controller from notifying every data subject (Art. 34(3)(a)). Most services make it one property; some (RDS, EFS) still default to off.',
    appliesTo:
      'Resources holding personal data that store it (databases, buckets, volumes, queues, caches, logs, backups).',
    outcomes: {
      pass: 'Encrypted with a provider-managed or customer-managed key.',
      fail: 'Encryption at rest is off.',
      unknown:
        'The setting cannot be determined (e.g. EBS encryption left to the account default, a value known only after apply).',
    },
    remediation: {
      terraform:
        'Turn encryption on: `storage_encrypted = true` (aws_db_instance, aws_rds_cluster), `encrypted = true` (aws_ebs_volume, aws_efs_file_system), `kms_master_key_id` (aws_sns_topic), `at_rest_encryption_enabled = true` (ElastiCache).',
      cloudformation:
        'Set `StorageEncrypted: true` (AWS::RDS::DBInstance/DBCluster), `Encrypted: true` (AWS::EC2::Volume, AWS::EFS::FileSystem), `KmsMasterKeyId` (AWS::SNS::Topic).',
      pulumi: 'Set `storageEncrypted: true` / `encrypted: true` / `kmsMasterKeyId` on the resource.',
      arm: 'Keep `encryption.services.*.enabled` true and Transparent Data Encryption on (`transparentDataEncryption.state = "Enabled"`).',
    },
  },
  check(resource) {
    const fact = resource.facts.encryptionAtRest;
    if (!holdsPersonalData(resource) || fact === undefined) return [];
    if (!fact.known)
      return [undecided(`encryption at rest cannot be determined: ${fact.reason}`, fact.evidence)];
    if (fact.value === 'none')
      return [fail('personal data is stored without encryption at rest', fact.evidence)];
    return [
      pass(
        fact.value === 'customer-key'
          ? 'encrypted at rest with a customer-managed key'
          : 'encrypted at rest with a provider-managed key',
        fact.evidence,
      ),
    ];
  },
};
