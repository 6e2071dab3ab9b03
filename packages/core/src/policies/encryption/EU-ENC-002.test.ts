import { resource } from '../../graph/__fixtures__/resource.js';
import { type Fact, knownFact, unknownFact } from '../../model/evidence.js';
import type { EncryptionAtRest } from '../../model/resource.js';
import { describeRule } from '../__fixtures__/harness.js';
import { rule } from './EU-ENC-002.js';

const bucket = (encryptionAtRest?: Fact<EncryptionAtRest>) =>
  resource('aws_s3_bucket.customers', { facts: encryptionAtRest === undefined ? {} : { encryptionAtRest } });
const atRest = (value: EncryptionAtRest) =>
  knownFact(value, { path: 'rule[0].apply_server_side_encryption_by_default[0].sse_algorithm', value });

describeRule(rule, [
  {
    name: 'customer-managed key passes under eu-strict',
    input: { subject: bucket(atRest('customer-key')), profile: 'eu-strict' },
    expected: [
      {
        status: 'pass',
        message: 'encrypted with a customer-managed key',
        evidence: ['rule[0].apply_server_side_encryption_by_default[0].sse_algorithm'],
      },
    ],
  },
  {
    name: 'provider-managed key fails under eu-strict',
    input: { subject: bucket(atRest('provider-key')), profile: 'eu-strict' },
    expected: [
      {
        status: 'fail',
        message: 'encrypted with a provider-managed key; eu-strict requires a customer-managed key',
      },
    ],
  },
  {
    name: 'no encryption fails under eu-strict',
    input: { subject: bucket(atRest('none')), profile: 'eu-strict' },
    expected: [
      { status: 'fail', message: 'not encrypted at rest, and eu-strict requires a customer-managed key' },
    ],
  },
  {
    name: 'narrowing eu-strict keeps the key requirement',
    input: {
      subject: bucket(atRest('provider-key')),
      profile: { profile: 'eu-strict', allowedCountries: ['FI'] },
    },
    expected: [
      {
        status: 'fail',
        message: 'encrypted with a provider-managed key; eu-strict requires a customer-managed key',
      },
    ],
  },
  {
    name: 'unknown key under eu-strict: unknown with the reason',
    input: {
      subject: bucket(unknownFact('kms_master_key_id is known only after apply')),
      profile: 'eu-strict',
    },
    expected: [
      {
        status: 'unknown',
        message: 'the encryption key cannot be determined: kms_master_key_id is known only after apply',
      },
    ],
  },
  {
    name: 'not applicable under eu: provider-managed key',
    input: { subject: bucket(atRest('provider-key')), profile: 'eu' },
    expected: [],
  },
  {
    name: 'not applicable under eu: no encryption (EU-ENC-001 reports it)',
    input: { subject: bucket(atRest('none')), profile: 'eu' },
    expected: [],
  },
  {
    name: 'not applicable under adequacy',
    input: { subject: bucket(atRest('provider-key')), profile: 'adequacy' },
    expected: [],
  },
  {
    name: 'not applicable under eu-strict: no personal data',
    input: { subject: bucket(atRest('provider-key')), profile: 'eu-strict', personal: null },
    expected: [],
  },
  {
    name: 'not applicable under eu-strict: no encryption-at-rest fact',
    input: { subject: bucket(), profile: 'eu-strict' },
    expected: [],
  },
]);
