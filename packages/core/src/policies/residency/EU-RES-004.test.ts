import { inRegion, resource } from '../../graph/__fixtures__/resource.js';
import { type Fact, knownFact, unknownFact } from '../../model/evidence.js';
import type { EdgeExposure } from '../../model/resource.js';
import { describeRule } from '../__fixtures__/harness.js';
import { rule } from './EU-RES-004.js';

const CDN = 'aws_cloudfront_distribution.cdn';

function distribution(edge?: Fact<EdgeExposure>) {
  return resource(CDN, {
    type: 'aws_cloudfront_distribution',
    kind: 'edge-distribution',
    storesData: false,
    region: inRegion('us-east-1'),
    facts: edge === undefined ? {} : { edge },
  });
}

const edge = (global: boolean, restrictedToEu: boolean) =>
  knownFact({ global, restrictedToEu }, { path: 'price_class', value: 'PriceClass_All' });
const servedFrom = { reason: 'inherited', via: ['aws_s3_bucket.documents', CDN] } as const;

describeRule(rule, [
  {
    name: 'CloudFront-like global edge without EU restriction fails, naming the origin',
    input: { subject: distribution(edge(true, false)), personal: servedFrom },
    expected: [
      {
        status: 'fail',
        message:
          'global edge service serves personal data from aws_s3_bucket.documents through edge locations worldwide, without EU restriction',
        evidence: ['price_class'],
      },
    ],
  },
  {
    name: 'global edge declared personal itself fails without an origin',
    input: { subject: distribution(edge(true, false)) },
    expected: [
      {
        status: 'fail',
        message:
          'global edge service serves personal data through edge locations worldwide, without EU restriction',
      },
    ],
  },
  {
    name: 'a via chain that starts at the distribution names no origin',
    input: { subject: distribution(edge(true, false)), personal: { reason: 'assumed', via: [CDN] } },
    expected: [
      {
        status: 'fail',
        message:
          'global edge service serves personal data through edge locations worldwide, without EU restriction',
      },
    ],
  },
  {
    name: 'global edge restricted to EU edges passes',
    input: { subject: distribution(edge(true, true)), personal: servedFrom },
    expected: [{ status: 'pass', message: 'global edge service restricted to EU edge locations' }],
  },
  {
    name: 'a regional service passes',
    input: { subject: distribution(edge(false, false)), personal: servedFrom },
    expected: [{ status: 'pass', message: 'the service is regional, not global' }],
  },
  {
    name: 'the profile does not widen it: still fails under adequacy',
    input: { subject: distribution(edge(true, false)), profile: 'adequacy' },
    expected: [
      {
        status: 'fail',
        message:
          'global edge service serves personal data through edge locations worldwide, without EU restriction',
      },
    ],
  },
  {
    name: 'unknown distribution: unknown with the reason',
    input: {
      subject: distribution(
        unknownFact('price_class is known only after apply', { path: 'price_class', value: '(unknown)' }),
      ),
      personal: servedFrom,
    },
    expected: [
      {
        status: 'unknown',
        message: 'edge distribution cannot be determined: price_class is known only after apply',
        evidence: ['price_class'],
      },
    ],
  },
  {
    name: 'not applicable: no personal data behind it',
    input: { subject: distribution(edge(true, false)), personal: null },
    expected: [],
  },
  {
    name: 'not applicable: no edge fact',
    input: { subject: distribution() },
    expected: [],
  },
]);
