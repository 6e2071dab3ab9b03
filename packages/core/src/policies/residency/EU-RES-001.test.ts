import { inRegion, REGION_UNKNOWN, resource } from '../../graph/__fixtures__/resource.js';
import { knownFact } from '../../model/evidence.js';
import { describeRule } from '../__fixtures__/harness.js';
import { rule } from './EU-RES-001.js';

const bucket = (region: string) => resource('aws_s3_bucket.customers', { region: inRegion(region) });
const EU = 'EU member states';

describeRule(rule, [
  {
    name: 'us-east-1 fails under eu',
    input: { subject: bucket('us-east-1') },
    expected: [
      {
        status: 'fail',
        message: `personal data stored in us-east-1 (United States), outside the allowed jurisdictions (${EU})`,
        evidence: ['region'],
      },
    ],
  },
  {
    name: 'eu-west-2 (London) fails under eu',
    input: { subject: bucket('eu-west-2') },
    expected: [
      {
        status: 'fail',
        message: `personal data stored in eu-west-2 (United Kingdom), outside the allowed jurisdictions (${EU})`,
      },
    ],
  },
  {
    name: 'eu-west-2 (London) fails under eea',
    input: { subject: bucket('eu-west-2'), profile: 'eea' },
    expected: [
      {
        status: 'fail',
        message:
          'personal data stored in eu-west-2 (United Kingdom), outside the allowed jurisdictions (EU/EEA states)',
      },
    ],
  },
  {
    name: 'eu-west-2 (London) passes under adequacy',
    input: { subject: bucket('eu-west-2'), profile: 'adequacy' },
    expected: [
      {
        status: 'pass',
        message:
          'stored in eu-west-2 (United Kingdom), allowed by the profile (EU/EEA and countries with an EU adequacy decision)',
        evidence: ['region'],
      },
    ],
  },
  {
    name: 'us-east-1 still fails under adequacy',
    input: { subject: bucket('us-east-1'), profile: 'adequacy' },
    expected: [
      {
        status: 'fail',
        message:
          'personal data stored in us-east-1 (United States), outside the allowed jurisdictions (EU/EEA and countries with an EU adequacy decision)',
      },
    ],
  },
  {
    name: 'eu-north-1 passes under eu',
    input: { subject: bucket('eu-north-1') },
    expected: [{ status: 'pass', message: `stored in eu-north-1 (Sweden), allowed by the profile (${EU})` }],
  },
  {
    name: 'eu-north-1 passes under eu-strict',
    input: { subject: bucket('eu-north-1'), profile: 'eu-strict' },
    expected: [
      {
        status: 'pass',
        message:
          'stored in eu-north-1 (Sweden), allowed by the profile (EU member states, customer-managed keys required)',
      },
    ],
  },
  {
    name: "allowedCountries ['FI'] makes eu-central-1 fail",
    input: { subject: bucket('eu-central-1'), profile: { profile: 'eu', allowedCountries: ['FI'] } },
    expected: [
      {
        status: 'fail',
        message: `personal data stored in eu-central-1 (Germany), outside the allowed jurisdictions (${EU}, narrowed to FI)`,
      },
    ],
  },
  {
    name: "allowedCountries ['FI'] lets a GCP resource in europe-north1 (Hamina) pass",
    input: {
      subject: resource('google_storage_bucket.customers', {
        type: 'google_storage_bucket',
        cloud: 'gcp',
        schema: 'terraform-google',
        region: inRegion('europe-north1'),
      }),
      profile: { profile: 'eu', allowedCountries: ['FI'] },
    },
    expected: [
      {
        status: 'pass',
        message: `stored in europe-north1 (Finland), allowed by the profile (${EU}, narrowed to FI)`,
      },
    ],
  },
  {
    name: 'allowedRegions makes another EU region fail',
    input: { subject: bucket('eu-central-1'), profile: { profile: 'eu', allowedRegions: ['eu-west-1'] } },
    expected: [
      {
        status: 'fail',
        message: `personal data stored in eu-central-1 (Germany), outside the allowed jurisdictions (${EU}, regions: eu-west-1)`,
      },
    ],
  },
  {
    name: 'an Azure resource in westeurope passes under eu',
    input: {
      subject: resource('azurerm_storage_account.customers', {
        type: 'azurerm_storage_account',
        cloud: 'azure',
        schema: 'terraform-azurerm',
        region: inRegion('westeurope'),
      }),
    },
    expected: [
      { status: 'pass', message: `stored in westeurope (Netherlands), allowed by the profile (${EU})` },
    ],
  },
  {
    name: 'inherited personal data is judged like declared',
    input: {
      subject: bucket('us-east-1'),
      personal: { reason: 'inherited', via: ['aws_s3_bucket.source', 'aws_s3_bucket.customers'] },
    },
    expected: [
      {
        status: 'fail',
        message: `personal data stored in us-east-1 (United States), outside the allowed jurisdictions (${EU})`,
      },
    ],
  },
  {
    name: 'not applicable: no personal data',
    input: { subject: bucket('us-east-1'), personal: null },
    expected: [],
  },
  {
    name: 'not applicable: a resource with an edge fact (EU-RES-004 judges it)',
    input: {
      subject: resource('aws_cloudfront_distribution.cdn', {
        type: 'aws_cloudfront_distribution',
        kind: 'edge-distribution',
        region: inRegion('us-east-1'),
        facts: { edge: knownFact({ global: true, restrictedToEu: false }) },
      }),
    },
    expected: [],
  },
  {
    name: 'not applicable: region unknown (EU-RES-003 reports it)',
    input: { subject: resource('aws_s3_bucket.customers', { region: REGION_UNKNOWN }) },
    expected: [],
  },
  {
    name: 'not applicable: region not in the catalogue (EU-RES-003 reports it)',
    input: { subject: bucket('xx-mars-1') },
    expected: [],
  },
]);
