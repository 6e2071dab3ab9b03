import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evidence, knownFact, type RawResource, SCHEMA } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { factValue, flowsOf } from './__fixtures__/raw.js';
import { cloudFormationDescriber } from './index.js';

/**
 * Real templates from the shared corpus, each resource's `Properties` handed in as they are:
 * intrinsics (`Ref`, `Fn::GetAtt`, `Fn::If`…) stay in place where the describer expects strings,
 * and must read as unknown, never crash or be taken for a value.
 */
const CORPUS = join(import.meta.dirname, '../../../../../test/corpus');

type Template = { Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

function templates(): [string, Template][] {
  const files = [
    ...readdirSync(join(CORPUS, 'cfn'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => join('cfn', f)),
    ...readdirSync(join(CORPUS, 'cdk'))
      .filter((f) => f.endsWith('.template.json'))
      .map((f) => join('cdk', f)),
  ];
  return files.map((file) => [file, JSON.parse(readFileSync(join(CORPUS, file), 'utf8')) as Template]);
}

function rawResources(file: string, template: Template): RawResource[] {
  const stack = file.replace(/^.*__/, '').replace(/\.(template\.)?json$/, '');
  return Object.entries(template.Resources ?? {}).map(([logicalId, resource]) => ({
    address: `${stack}/${logicalId}`,
    type: resource.Type,
    schema: SCHEMA.cloudformation,
    properties: resource.Properties ?? {},
    region: knownFact('eu-west-1', evidence('stack.environment.region', 'eu-west-1')),
    source: { file, construct: `${stack}/${logicalId}` },
    stack,
  }));
}

const all = templates();

describe.each(all)('%s', (file, template) => {
  it('describes or lists every resource, without throwing', () => {
    const resources = rawResources(file, template);
    const result = cloudFormationDescriber.describe(resources);
    expect(result.resources.length + result.notModelled.length).toBe(resources.length);
    const seen = new Set([...result.resources, ...result.notModelled].map((r) => r.address));
    expect(seen.size).toBe(resources.length);
    for (const resource of result.resources) {
      expect(resource.schema).toBe(SCHEMA.cloudformation);
      // Every fact is either a value or an unknown with a reason: no intrinsic object leaks through as a value.
      for (const fact of Object.values(resource.facts))
        expect(JSON.stringify(factValue(fact) ?? null)).not.toMatch(/"(Ref|Fn::[A-Za-z]+)"/);
    }
  });
});

/** Flows with the (long) stack prefix of addresses left out. */
const localFlows = (resource: Parameters<typeof flowsOf>[0]) =>
  flowsOf(resource).map((f) => f.replace(/\S+\//g, ''));

function describeFile(suffix: string) {
  const entry = all.find(([file]) => file.endsWith(suffix));
  if (entry === undefined) throw new Error(`${suffix} is not in the corpus`);
  const result = cloudFormationDescriber.describe(rawResources(...entry));
  return (logicalId: string) => {
    const found = result.resources.find((r) => r.address.endsWith(`/${logicalId}`));
    if (found === undefined) throw new Error(`${logicalId} was not described`);
    return found;
  };
}

it('CDK CloudFront + S3: SSE-S3, SSL enforced by the bucket policy, origin and logs linked by GetAtt', () => {
  const get = describeFile('cfts3-no-arguments.template.json');
  const bucket = get('testcloudfronts3S3BucketE0C5F76E');
  expect(factValue(bucket.facts.encryptionAtRest)).toBe('provider-key');
  expect(factValue(bucket.facts.encryptionInTransit)).toEqual({ enforced: true });
  expect(factValue(bucket.facts.publicAccess)).toBe(false);
  expect(localFlows(bucket)).toEqual(['log-delivery self -> testcloudfronts3S3LoggingBucket90D239DD']);
  const distribution = get('testcloudfronts3CloudFrontDistribution0565DEE8');
  expect(factValue(distribution.facts.encryptionInTransit)).toEqual({ enforced: true, minTlsVersion: '1.0' });
  expect(localFlows(distribution)).toEqual([
    'edge-delivery testcloudfronts3S3BucketE0C5F76E -> self',
    'log-delivery self -> testcloudfronts3CloudfrontLoggingBucket985C0FE8',
  ]);
});

it('CloudFormation RDS read replica: flow from the master, encrypted like it', () => {
  const get = describeFile('RDS_MySQL_With_Read_Replica.json');
  const replica = get('ReplicaDB');
  expect(localFlows(replica)).toEqual(['read-replica MainDB -> self']);
  expect(factValue(replica.facts.encryptionAtRest)).toBe('provider-key');
  expect(factValue(get('MainDB').facts.networkExposure)).toBe(false);
});

it('CDK SQS queue with a customer key from the template', () => {
  const get = describeFile('lamsqs-useCmk.template.json');
  expect(factValue(get('testlambdasqsqueueDD178B7C').facts.encryptionAtRest)).toBe('customer-key');
  expect(factValue(get('testlambdasqsqueuedlq0AFE8CA9').facts.encryptionAtRest)).toBe('provider-key');
});
