import { resource } from '../../graph/__fixtures__/resource.js';
import { type Fact, knownFact, unknownFact } from '../../model/evidence.js';
import type { EncryptionAtRest } from '../../model/resource.js';
import { describeRule } from '../__fixtures__/harness.js';
import { rule } from './EU-ENC-001.js';

const database = (encryptionAtRest?: Fact<EncryptionAtRest>) =>
  resource('aws_db_instance.customers', {
    type: 'aws_db_instance',
    kind: 'relational-database',
    facts: encryptionAtRest === undefined ? {} : { encryptionAtRest },
  });
const atRest = (value: EncryptionAtRest) =>
  knownFact(value, { path: 'storage_encrypted', value: value !== 'none' });

describeRule(rule, [
  {
    name: 'none fails',
    input: { subject: database(atRest('none')) },
    expected: [
      {
        status: 'fail',
        message: 'personal data is stored without encryption at rest',
        evidence: ['storage_encrypted'],
      },
    ],
  },
  {
    name: 'provider-managed key passes',
    input: { subject: database(atRest('provider-key')) },
    expected: [
      {
        status: 'pass',
        message: 'encrypted at rest with a provider-managed key',
        evidence: ['storage_encrypted'],
      },
    ],
  },
  {
    name: 'customer-managed key passes',
    input: { subject: database(atRest('customer-key')) },
    expected: [{ status: 'pass', message: 'encrypted at rest with a customer-managed key' }],
  },
  {
    name: 'provider-managed key passes under eu-strict too (EU-ENC-002 asks for the customer key)',
    input: { subject: database(atRest('provider-key')), profile: 'eu-strict' },
    expected: [{ status: 'pass', message: 'encrypted at rest with a provider-managed key' }],
  },
  {
    name: 'unknown: unknown with the reason',
    input: {
      subject: database(
        unknownFact('EBS encryption is left to the account default', {
          path: 'encrypted',
          value: '(not set)',
        }),
      ),
    },
    expected: [
      {
        status: 'unknown',
        message: 'encryption at rest cannot be determined: EBS encryption is left to the account default',
        evidence: ['encrypted'],
      },
    ],
  },
  {
    name: 'not applicable: no personal data',
    input: { subject: database(atRest('none')), personal: null },
    expected: [],
  },
  {
    name: 'not applicable: no encryption-at-rest fact',
    input: { subject: database() },
    expected: [],
  },
]);
