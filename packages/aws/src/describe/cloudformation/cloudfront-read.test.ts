import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { link } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { readCloudFormationTemplate } from '../../read/template.js';
import { cloudFormationDescriber } from './index.js';

/**
 * CloudFront flows as the reader hands the template over: `Fn::GetAtt` values become references
 * in place, and the references are recorded for `DistributionConfig` as a whole — origins and the
 * logging bucket together. The origin bucket alone is delivered to the edges; the logging bucket
 * only receives the access logs.
 */

/** The distributions' CloudFront edges after describe and link, as `kind from -> to`. */
function distributionEdges(text: string, file: string): string[] {
  const { resources } = readCloudFormationTemplate(text, file, { region: 'eu-west-1' });
  const described = cloudFormationDescriber.describe(resources).resources;
  const distributions = new Set(
    resources.filter((r) => r.type === 'AWS::CloudFront::Distribution').map((r) => r.address),
  );
  return link(described)
    .edges.filter((edge) => distributions.has(edge.declaredBy))
    .map((edge) => `${edge.kind} ${edge.from ?? '?'} -> ${edge.to ?? '?'}`)
    .sort();
}

const bucket = { Type: 'AWS::S3::Bucket' };
const getAtt = (logicalId: string, attribute: string) => ({ 'Fn::GetAtt': [logicalId, attribute] });
const joinName = (logicalId: string) => ({ 'Fn::Join': ['', [{ Ref: logicalId }, '.s3.amazonaws.com']] });

function template(config: Record<string, unknown>): string {
  return JSON.stringify({
    Resources: {
      Content: bucket,
      Logs: bucket,
      Oac: { Type: 'AWS::CloudFront::OriginAccessControl', Properties: { OriginAccessControlConfig: {} } },
      Cdn: {
        Type: 'AWS::CloudFront::Distribution',
        Properties: {
          DistributionConfig: {
            Enabled: true,
            DefaultCacheBehavior: { TargetOriginId: 'o', ViewerProtocolPolicy: 'redirect-to-https' },
            ...config,
          },
        },
      },
    },
  });
}

const origin = (domainName: unknown) => ({
  Id: 'o',
  DomainName: domainName,
  OriginAccessControlId: getAtt('Oac', 'Id'),
  S3OriginConfig: { OriginAccessIdentity: '' },
});

describe('minimal templates through the reader', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    [
      // The reported bug: the logging bucket got edge-delivery and the origin bucket log-delivery.
      'GetAtt origin and GetAtt logging bucket (CDK): each flow to its own bucket',
      {
        Origins: [origin(getAtt('Content', 'RegionalDomainName'))],
        Logging: { Bucket: getAtt('Logs', 'RegionalDomainName') },
      },
      ['edge-delivery Content -> Cdn', 'log-delivery Cdn -> Logs'],
    ],
    [
      'the logging bucket listed before the origin in the template',
      {
        Logging: { Bucket: getAtt('Content', 'DomainName') },
        Origins: [origin(getAtt('Logs', 'RegionalDomainName'))],
      },
      ['edge-delivery Logs -> Cdn', 'log-delivery Cdn -> Content'],
    ],
    [
      'no logging',
      { Origins: [origin(getAtt('Content', 'RegionalDomainName'))] },
      ['edge-delivery Content -> Cdn'],
    ],
    [
      'two origin buckets, one of them also the logging bucket',
      {
        Origins: [
          origin(getAtt('Content', 'RegionalDomainName')),
          { ...origin(getAtt('Logs', 'RegionalDomainName')), Id: 'p' },
        ],
        Logging: { Bucket: getAtt('Logs', 'RegionalDomainName') },
      },
      ['edge-delivery Content -> Cdn', 'edge-delivery Logs -> Cdn', 'log-delivery Cdn -> Logs'],
    ],
    [
      'origin built with Fn::Join, logging bucket by GetAtt: the origin is the remaining candidate',
      {
        Origins: [origin(joinName('Content'))],
        Logging: { Bucket: getAtt('Logs', 'RegionalDomainName') },
      },
      ['edge-delivery Content -> Cdn', 'log-delivery Cdn -> Logs'],
    ],
    [
      'origin by GetAtt, logging bucket built with Fn::Join: the log goes to the remaining bucket',
      {
        Origins: [origin(getAtt('Content', 'RegionalDomainName'))],
        Logging: { Bucket: joinName('Logs') },
      },
      ['edge-delivery Content -> Cdn', 'log-delivery Cdn -> Logs'],
    ],
    [
      // Neither value says which bucket it is: both may hold either copy, so both are checked (fail closed).
      'both built with Fn::Join: every candidate gets both flows',
      { Origins: [origin(joinName('Content'))], Logging: { Bucket: joinName('Logs') } },
      [
        'edge-delivery Content -> Cdn',
        'edge-delivery Logs -> Cdn',
        'log-delivery Cdn -> Content',
        'log-delivery Cdn -> Logs',
      ],
    ],
  ])('%s', (_name, config, expected) => {
    expect(distributionEdges(template(config), 'cdn.template.json')).toEqual(expected);
  });
});

const CORPUS = join(import.meta.dirname, '../../../../../test/corpus');

function corpusFile(folder: string, suffix: string): string {
  const name = readdirSync(join(CORPUS, folder)).find((f) => f.endsWith(suffix));
  if (name === undefined) throw new Error(`${suffix} is not in the corpus`);
  return join(folder, name);
}

describe('corpus templates through the reader', () => {
  it.each<[string, string, string[]]>([
    [
      'cdk',
      'cfts3-no-arguments.template.json',
      [
        'edge-delivery testcloudfronts3S3BucketE0C5F76E -> testcloudfronts3CloudFrontDistribution0565DEE8',
        'log-delivery testcloudfronts3CloudFrontDistribution0565DEE8 -> testcloudfronts3CloudfrontLoggingBucket985C0FE8',
      ],
    ],
    [
      'cdk',
      'cfts3-additional-behavior.template.json',
      [
        'edge-delivery scrapBucketB11863B7 -> testcloudfronts3CloudFrontDistribution0565DEE8',
        'edge-delivery testcloudfronts3S3BucketE0C5F76E -> testcloudfronts3CloudFrontDistribution0565DEE8',
        'log-delivery testcloudfronts3CloudFrontDistribution0565DEE8 -> testcloudfronts3CloudfrontLoggingBucket985C0FE8',
      ],
    ],
    [
      'cdk',
      'cfts3-bucket-encrypted-with-cmk-provided-as-existingbucket.template.json',
      [
        'edge-delivery existings3bucketencryptedwithcmkS3BucketCC461491 -> testcloudfronts3cmkencryptionkeyCloudFrontDistribution57C8A907',
        'log-delivery testcloudfronts3cmkencryptionkeyCloudFrontDistribution57C8A907 -> testcloudfronts3cmkencryptionkeyCloudfrontLoggingBucket7C1787CD',
      ],
    ],
    [
      'cdk',
      'cftoais3-no-logging.template.json',
      [
        'edge-delivery testcloudfrontoais3S3Bucket578AB9F3 -> testcloudfrontoais3CloudFrontDistribution0E089CC5',
      ],
    ],
    [
      'cfn',
      'S3_compliant-static-website.json',
      ['edge-delivery ContentBucket -> Distribution', 'log-delivery Distribution -> CloudFrontLogsBucket'],
    ],
  ])('%s/…%s', (folder, suffix, expected) => {
    const file = corpusFile(folder, suffix);
    expect(distributionEdges(readFileSync(join(CORPUS, file), 'utf8'), file)).toEqual(expected);
  });
});
