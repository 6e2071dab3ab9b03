import type { RawResource } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

const D = 'aws_cloudfront_distribution.d';

/** The regula distribution_https plan's distributions (S3 origin known after apply). */
function distribution(
  overrides: Record<string, unknown>,
  references: Record<string, string[]> = {},
): RawResource {
  return raw(
    D,
    {
      default_cache_behavior: [
        {
          allowed_methods: ['GET', 'HEAD'],
          cached_methods: ['GET', 'HEAD'],
          viewer_protocol_policy: 'redirect-to-https',
          target_origin_id: AFTER_APPLY,
        },
      ],
      enabled: true,
      logging_config: [],
      ordered_cache_behavior: [],
      origin: [
        {
          custom_header: [],
          custom_origin_config: [],
          origin_path: '',
          s3_origin_config: [{ origin_access_identity: AFTER_APPLY }],
          domain_name: AFTER_APPLY,
          origin_id: AFTER_APPLY,
        },
      ],
      price_class: 'PriceClass_All',
      restrictions: [{ geo_restriction: [{ restriction_type: 'none', locations: AFTER_APPLY }] }],
      viewer_certificate: [
        {
          acm_certificate_arn: null,
          cloudfront_default_certificate: true,
          iam_certificate_id: null,
          minimum_protocol_version: 'TLSv1',
          ssl_support_method: null,
        },
      ],
      ...overrides,
    },
    {
      references: {
        origin: ['aws_s3_bucket.bucket', 'aws_cloudfront_origin_access_identity.oai'],
        ...references,
      },
      region: 'us-east-1',
    },
  );
}
const bucket = raw(
  'aws_s3_bucket.bucket',
  { bucket: AFTER_APPLY, acl: 'private' },
  { region: 'eu-central-1' },
);
const oai = raw('aws_cloudfront_origin_access_identity.oai', { comment: null });
const acmCertificate = (minimum: string) => [
  {
    acm_certificate_arn: 'arn:aws:acm:us-east-1:1:certificate/x',
    cloudfront_default_certificate: false,
    minimum_protocol_version: minimum,
    ssl_support_method: 'sni-only',
  },
];

describe('aws_cloudfront_distribution', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    [
      'allow-all',
      { default_cache_behavior: [{ viewer_protocol_policy: 'allow-all' }] },
      { enforced: false, minTlsVersion: '1.0' },
    ],
    ['redirect-to-https with the default certificate (TLSv1)', {}, { enforced: true, minTlsVersion: '1.0' }],
    [
      'https-only, ACM certificate, TLSv1.2_2021',
      {
        default_cache_behavior: [{ viewer_protocol_policy: 'https-only' }],
        viewer_certificate: acmCertificate('TLSv1.2_2021'),
      },
      { enforced: true, minTlsVersion: '1.2' },
    ],
    [
      'TLSv1.1_2016',
      { viewer_certificate: acmCertificate('TLSv1.1_2016') },
      { enforced: true, minTlsVersion: '1.1' },
    ],
    [
      'an ordered behaviour allowing HTTP',
      {
        ordered_cache_behavior: [{ path_pattern: '/api/*', viewer_protocol_policy: 'allow-all' }],
        viewer_certificate: acmCertificate('TLSv1.2_2021'),
      },
      { enforced: false, minTlsVersion: '1.2' },
    ],
    [
      'plain HTTP to a custom origin',
      {
        origin: [
          {
            domain_name: 'api.example.com',
            origin_id: 'api',
            custom_origin_config: [{ origin_protocol_policy: 'http-only', http_port: 80, https_port: 443 }],
          },
        ],
        viewer_certificate: acmCertificate('TLSv1.2_2021'),
      },
      { enforced: false, minTlsVersion: '1.2' },
    ],
  ])('encryption in transit: %s', (_, overrides, expected) => {
    expect(factValue(resourceOf(describeAll(distribution(overrides)), D).facts.encryptionInTransit)).toEqual(
      expected,
    );
  });

  it('is global and never restricted to EU edges, even with PriceClass_100 and an EU geo restriction', () => {
    const described = resourceOf(
      describeAll(
        distribution({
          price_class: 'PriceClass_100',
          restrictions: [{ geo_restriction: [{ restriction_type: 'whitelist', locations: ['DE', 'FR'] }] }],
        }),
      ),
      D,
    );
    expect(described).toMatchObject({ kind: 'edge-distribution', storesData: true });
    expect(described.facts.edge).toEqual({
      known: true,
      value: { global: true, restrictedToEu: false },
      evidence: [
        { path: 'price_class', value: 'PriceClass_100' },
        { path: 'restrictions[0].geo_restriction[0].restriction_type', value: 'whitelist' },
      ],
    });
  });

  it.each<[string, RawResource[], unknown[]]>([
    [
      'S3 origin by reference (regula plan)',
      [bucket, oai, distribution({})],
      [{ kind: 'edge-delivery', from: { address: 'aws_s3_bucket.bucket' }, to: { self: true } }],
    ],
    [
      'a custom_header value from an API key is not an origin (the bucket is)',
      [
        bucket,
        oai,
        raw('aws_api_gateway_api_key.k', { name: 'k' }),
        distribution(
          {},
          {
            origin: [
              'aws_api_gateway_api_key.k',
              'aws_s3_bucket.bucket',
              'aws_cloudfront_origin_access_identity.oai',
            ],
          },
        ),
      ],
      [{ kind: 'edge-delivery', from: { address: 'aws_s3_bucket.bucket' }, to: { self: true } }],
    ],
    [
      'two candidates for one unresolved origin: both get the flow, nothing is missed',
      [
        bucket,
        raw('aws_s3_bucket.other', { bucket: AFTER_APPLY }, { region: 'us-east-1' }),
        distribution({}, { origin: ['aws_s3_bucket.bucket', 'aws_s3_bucket.other'] }),
      ],
      [
        { kind: 'edge-delivery', from: { address: 'aws_s3_bucket.bucket' }, to: { self: true } },
        { kind: 'edge-delivery', from: { address: 'aws_s3_bucket.other' }, to: { self: true } },
      ],
    ],
    [
      'origin by domain name',
      [
        distribution(
          { origin: [{ domain_name: 'orders.s3.eu-central-1.amazonaws.com', origin_id: 's3' }] },
          { origin: [] },
        ),
      ],
      [
        {
          kind: 'edge-delivery',
          from: { identifier: 'orders.s3.eu-central-1.amazonaws.com' },
          to: { self: true },
        },
      ],
    ],
    [
      'access logs to a bucket',
      [
        distribution(
          {
            origin: [{ domain_name: 'api.example.com', origin_id: 'api' }],
            logging_config: [{ bucket: 'cf-logs.s3.amazonaws.com', include_cookies: false, prefix: 'cf/' }],
          },
          { origin: [] },
        ),
      ],
      [
        { kind: 'edge-delivery', from: { identifier: 'api.example.com' }, to: { self: true } },
        { kind: 'log-delivery', from: { self: true }, to: { identifier: 'cf-logs.s3.amazonaws.com' } },
      ],
    ],
  ])('flows: %s', (_, resources, flows) => {
    expect(
      resourceOf(describeAll(...resources), D).flows.map(({ kind, from, to }) => ({ kind, from, to })),
    ).toEqual(flows);
  });
});
