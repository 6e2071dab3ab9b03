import { inRegion, REGION_UNKNOWN, resource } from '../../graph/__fixtures__/resource.js';
import { knownFact, unknownFact } from '../../model/evidence.js';
import type { Resource } from '../../model/resource.js';
import { describeRule } from '../__fixtures__/harness.js';
import { rule } from './EU-RES-003.js';

const bucket = (region: Resource['region']) => resource('aws_s3_bucket.customers', { region });

describeRule(rule, [
  {
    name: 'region known only after apply: unknown with the reason',
    input: { subject: bucket(REGION_UNKNOWN) },
    expected: [{ status: 'unknown', message: 'region cannot be determined: known only after apply' }],
  },
  {
    name: 'provider region from the environment: unknown with the reason and its evidence',
    input: {
      subject: bucket(
        unknownFact('the aws provider takes its region from the environment (AWS_REGION)', {
          path: 'provider_config.aws.expressions.region',
          value: '(not set)',
        }),
      ),
    },
    expected: [
      {
        status: 'unknown',
        message: /^region cannot be determined: .*from the environment \(AWS_REGION\)$/,
        evidence: ['provider_config.aws.expressions.region'],
      },
    ],
  },
  {
    name: "uncatalogued 'xx-mars-1': unknown",
    input: { subject: bucket(inRegion('xx-mars-1')) },
    expected: [
      {
        status: 'unknown',
        message: `region "xx-mars-1" is not in eugate's catalogue of aws regions`,
        evidence: ['region'],
      },
    ],
  },
  {
    name: 'an Azure region code on an AWS resource is not an AWS region',
    input: { subject: bucket(inRegion('westeurope')) },
    expected: [
      { status: 'unknown', message: `region "westeurope" is not in eugate's catalogue of aws regions` },
    ],
  },
  {
    name: 'known EU region passes',
    input: { subject: bucket(inRegion('eu-west-1')) },
    expected: [
      {
        status: 'pass',
        message: 'region eu-west-1 (Ireland) is stated in the artifact',
        evidence: ['region'],
      },
    ],
  },
  {
    name: 'known non-EU region passes too (EU-RES-001 judges where)',
    input: { subject: bucket(inRegion('us-east-1')) },
    expected: [{ status: 'pass', message: 'region us-east-1 (United States) is stated in the artifact' }],
  },
  {
    name: 'the profile does not change the verdict',
    input: { subject: bucket(inRegion('us-east-1')), profile: { profile: 'eu', allowedCountries: ['FI'] } },
    expected: [{ status: 'pass', message: 'region us-east-1 (United States) is stated in the artifact' }],
  },
  {
    name: 'not applicable: no personal data',
    input: { subject: bucket(REGION_UNKNOWN), personal: null },
    expected: [],
  },
  {
    name: 'not applicable: a resource with an edge fact',
    input: {
      subject: resource('aws_cloudfront_distribution.cdn', {
        kind: 'edge-distribution',
        region: REGION_UNKNOWN,
        facts: { edge: knownFact({ global: true, restrictedToEu: false }) },
      }),
    },
    expected: [],
  },
]);
