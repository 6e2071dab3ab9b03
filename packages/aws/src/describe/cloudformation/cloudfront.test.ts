import type { RawResource } from '@eugate/core';
import { expect, it } from 'vitest';
import { CloudFormationReference } from '../../read/intrinsics.js';
import { cfn, describeAll, factsOf, flowsOf, resourceOf, UNRESOLVED } from './__fixtures__/raw.js';

const distribution = (config: Record<string, unknown>, references?: Record<string, string[]>) =>
  cfn(
    'Stack/Cdn',
    'AWS::CloudFront::Distribution',
    {
      DistributionConfig: {
        Enabled: true,
        DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https' },
        ...config,
      },
    },
    references === undefined ? {} : { references },
  );
const EDGE = { global: true, restrictedToEu: false };
/** What the template reader leaves for `Fn::GetAtt <logicalId>.RegionalDomainName`. */
const domainOf = (address: string) =>
  new CloudFormationReference(`Fn::GetAtt ${address}.RegionalDomainName: known only after deploy`, address);

it.each<[string, RawResource[], Record<string, unknown>, string[]]>([
  [
    'CDK default: no viewer certificate (TLSv1), origin bucket and logging bucket told apart by exact references',
    [
      distribution(
        { Origins: [{ Id: 'o', DomainName: UNRESOLVED }], Logging: { Bucket: UNRESOLVED } },
        {
          DistributionConfig: ['Stack/Content', 'Stack/Logs', 'Stack/Oac'],
          'DistributionConfig.Origins[0].DomainName': ['Stack/Content'],
          'DistributionConfig.Logging.Bucket': ['Stack/Logs'],
        },
      ),
      cfn('Stack/Content', 'AWS::S3::Bucket', {}),
      cfn('Stack/Logs', 'AWS::S3::Bucket', {}),
      cfn('Stack/Oac', 'AWS::CloudFront::OriginAccessControl', {}),
    ],
    { edge: EDGE, encryptionInTransit: { enforced: true, minTlsVersion: '1.0' } },
    ['edge-delivery Stack/Content -> self', 'log-delivery self -> Stack/Logs'],
  ],
  [
    // What the reader hands over: GetAtt values in place, references for DistributionConfig as a whole.
    'references in place, references recorded for DistributionConfig only: origin and logging bucket told apart',
    [
      distribution(
        {
          Origins: [{ Id: 'o', DomainName: domainOf('Stack/Content') }],
          Logging: { Bucket: domainOf('Stack/Logs') },
        },
        { DistributionConfig: ['Stack/Content', 'Stack/Logs', 'Stack/Oac'] },
      ),
      cfn('Stack/Content', 'AWS::S3::Bucket', {}),
      cfn('Stack/Logs', 'AWS::S3::Bucket', {}),
      cfn('Stack/Oac', 'AWS::CloudFront::OriginAccessControl', {}),
    ],
    {},
    ['edge-delivery Stack/Content -> self', 'log-delivery self -> Stack/Logs'],
  ],
  [
    'a logging bucket known by reference, an origin that is not: the origin is the other candidate',
    [
      distribution(
        { Origins: [{ Id: 'o', DomainName: UNRESOLVED }], Logging: { Bucket: domainOf('Stack/Logs') } },
        { DistributionConfig: ['Stack/Content', 'Stack/Logs', 'Stack/Oac'] },
      ),
      cfn('Stack/Content', 'AWS::S3::Bucket', {}),
      cfn('Stack/Logs', 'AWS::S3::Bucket', {}),
      cfn('Stack/Oac', 'AWS::CloudFront::OriginAccessControl', {}),
    ],
    {},
    ['edge-delivery Stack/Content -> self', 'log-delivery self -> Stack/Logs'],
  ],
  [
    'values that name no resource, only top-level references: every candidate gets the flows it may have',
    [
      distribution(
        { Origins: [{ Id: 'o', DomainName: UNRESOLVED }], Logging: { Bucket: UNRESOLVED } },
        { DistributionConfig: ['Stack/Content', 'Stack/Logs', 'Stack/Oac'] },
      ),
      cfn('Stack/Content', 'AWS::S3::Bucket', {}),
      cfn('Stack/Logs', 'AWS::S3::Bucket', {}),
      cfn('Stack/Oac', 'AWS::CloudFront::OriginAccessControl', {}),
    ],
    {},
    [
      'edge-delivery Stack/Content -> self',
      'edge-delivery Stack/Logs -> self',
      'log-delivery self -> Stack/Content',
      'log-delivery self -> Stack/Logs',
    ],
  ],
  [
    'only top-level references, no logging: one origin, one candidate',
    [
      distribution(
        { Origins: [{ Id: 'o', DomainName: UNRESOLVED }] },
        { DistributionConfig: ['Stack/Content', 'Stack/Oac'] },
      ),
      cfn('Stack/Content', 'AWS::S3::Bucket', {}),
      cfn('Stack/Oac', 'AWS::CloudFront::OriginAccessControl', {}),
    ],
    {},
    ['edge-delivery Stack/Content -> self'],
  ],
  [
    'literal origin domain, custom certificate TLSv1.2_2021, allow-all on a behaviour',
    [
      distribution({
        Origins: [{ Id: 'o', DomainName: 'orders.s3.eu-central-1.amazonaws.com' }],
        ViewerCertificate: {
          AcmCertificateArn: 'arn:aws:acm:us-east-1:1:certificate/x',
          MinimumProtocolVersion: 'TLSv1.2_2021',
        },
        CacheBehaviors: [{ PathPattern: '/api/*', ViewerProtocolPolicy: 'allow-all' }],
        PriceClass: 'PriceClass_100',
      }),
    ],
    { edge: EDGE, encryptionInTransit: { enforced: false, minTlsVersion: '1.2' } },
    ['edge-delivery orders.s3.eu-central-1.amazonaws.com -> self'],
  ],
  [
    'http-only custom origin',
    [
      distribution({
        Origins: [
          {
            Id: 'o',
            DomainName: 'api.example.com',
            CustomOriginConfig: { OriginProtocolPolicy: 'http-only' },
          },
        ],
        ViewerCertificate: { CloudFrontDefaultCertificate: true },
      }),
    ],
    { encryptionInTransit: { enforced: false, minTlsVersion: '1.0' } },
    ['edge-delivery api.example.com -> self'],
  ],
])('%s', (_name, resources, facts, flows) => {
  const described = resourceOf(describeAll(...resources), 'Stack/Cdn');
  expect(factsOf(described, facts)).toEqual(facts);
  expect(flowsOf(described)).toEqual(flows);
});
