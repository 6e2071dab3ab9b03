import { resource } from '../../graph/__fixtures__/resource.js';
import { type Fact, knownFact, unknownFact } from '../../model/evidence.js';
import type { EncryptionInTransit } from '../../model/resource.js';
import { describeRule, type RuleRow } from '../__fixtures__/harness.js';
import { rule } from './EU-ENC-003.js';

const storage = (encryptionInTransit?: Fact<EncryptionInTransit>) =>
  resource('azurerm_storage_account.customers', {
    type: 'azurerm_storage_account',
    cloud: 'azure',
    schema: 'terraform-azurerm',
    region: knownFact('westeurope', { path: 'location', value: 'westeurope' }),
    facts: encryptionInTransit === undefined ? {} : { encryptionInTransit },
  });
const transit = (value: EncryptionInTransit) =>
  knownFact(value, { path: 'min_tls_version', value: value.minTlsVersion });

/** Enforced, with the minimum version as the provider spells it. */
function minimum(version: string, status: 'pass' | 'fail'): RuleRow {
  return {
    name: `minimum "${version}" ${status === 'pass' ? 'passes' : 'fails'}`,
    input: { subject: storage(transit({ enforced: true, minTlsVersion: version })) },
    expected: [
      status === 'pass'
        ? { status, message: `encryption in transit enforced (minimum TLS "${version}")` }
        : { status, message: `TLS is enforced but accepts versions below 1.2 (minimum "${version}")` },
    ],
  };
}

describeRule(rule, [
  {
    name: 'not enforced fails',
    input: { subject: storage(transit({ enforced: false })) },
    expected: [
      {
        status: 'fail',
        message: 'plain-text (unencrypted) connections are accepted',
        evidence: ['min_tls_version'],
      },
    ],
  },
  {
    name: 'not enforced fails whatever the minimum version',
    input: { subject: storage(transit({ enforced: false, minTlsVersion: 'TLS1_2' })) },
    expected: [{ status: 'fail', message: 'plain-text (unencrypted) connections are accepted' }],
  },
  {
    name: 'enforced without a stated minimum passes',
    input: { subject: storage(transit({ enforced: true })) },
    expected: [{ status: 'pass', message: 'encryption in transit enforced', evidence: ['min_tls_version'] }],
  },
  minimum('TLS1_0', 'fail'),
  minimum('TLS1_1', 'fail'),
  minimum('TLS1_2', 'pass'),
  minimum('TLSv1.2_2021', 'pass'),
  // CloudFront's TLSv1_2016 is TLS 1.0 with the 2016 cipher set, not TLS 1.2016.
  minimum('TLSv1_2016', 'fail'),
  minimum('TLSv1.1_2016', 'fail'),
  minimum('SSLv3', 'fail'),
  minimum('1.1', 'fail'),
  minimum('1.2', 'pass'),
  minimum('1.3', 'pass'),
  minimum('Policy-Min-TLS-1-0-2019-07', 'fail'),
  minimum('Policy-Min-TLS-1-2-2019-07', 'pass'),
  {
    name: 'an unparseable minimum version: unknown',
    input: { subject: storage(transit({ enforced: true, minTlsVersion: 'modern' })) },
    expected: [
      { status: 'unknown', message: 'minimum TLS version "modern" is not a version eugate can compare' },
    ],
  },
  {
    name: 'unknown enforcement: unknown with the reason',
    input: {
      subject: storage(
        unknownFact('the parameter group default.postgres16 is not in the input', {
          path: 'parameter_group_name',
          value: 'default.postgres16',
        }),
      ),
    },
    expected: [
      {
        status: 'unknown',
        message:
          'encryption in transit cannot be determined: the parameter group default.postgres16 is not in the input',
        evidence: ['parameter_group_name'],
      },
    ],
  },
  {
    name: 'not applicable: no personal data',
    input: { subject: storage(transit({ enforced: false })), personal: null },
    expected: [],
  },
  {
    name: 'not applicable: no encryption-in-transit fact',
    input: { subject: storage() },
    expected: [],
  },
]);
