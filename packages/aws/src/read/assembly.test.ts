// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's Fn::Sub syntax, not JavaScript templates.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Fact, isInputError, type RawResource } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { looksLikeCdkAssembly, readCdkAssembly } from './assembly.js';

const FIXTURE = join(import.meta.dirname, '__fixtures__/cdk.out');
const CORPUS = join(import.meta.dirname, '../../../../test/corpus/cdk');

function regionOf(fact: Fact<string>): string {
  return fact.known ? fact.value : `unknown: ${fact.reason}`;
}

function byAddress(resources: readonly RawResource[], address: string): RawResource {
  const found = resources.find((resource) => resource.address === address);
  if (found === undefined) throw new Error(`no ${address}`);
  return found;
}

const NESTED = 'EuStack/AuditNestedStackAuditNestedStackResource9C0D1E2F';
const AGNOSTIC = 'unknown: environment-agnostic stack: the region is chosen at deploy time';

describe('readCdkAssembly (fixture)', () => {
  const result = readCdkAssembly(FIXTURE, 'cdk.out');

  it('reads every stack, nested stack and nested assembly', () => {
    expect(
      result.resources.map((r) => [r.address, r.type, regionOf(r.region), r.stack, r.source.construct]),
    ).toEqual([
      ['EuStack/OrdersBucket1A2B3C4D', 'AWS::S3::Bucket', 'eu-west-1', 'EuStack', 'EuStack/Orders/Resource'],
      ['EuStack/OrdersKey5E6F7A8B', 'AWS::KMS::Key', 'eu-west-1', 'EuStack', 'EuStack/OrdersKey/Resource'],
      [
        NESTED,
        'AWS::CloudFormation::Stack',
        'eu-west-1',
        'EuStack',
        'EuStack/Audit.NestedStack/Audit.NestedStackResource',
      ],
      [`${NESTED}/AuditLog`, 'AWS::Logs::LogGroup', 'eu-west-1', NESTED, 'EuStack/Audit/AuditLog/Resource'],
      [
        `${NESTED}/AuditTrail`,
        'AWS::CloudTrail::Trail',
        'eu-west-1',
        NESTED,
        'EuStack/Audit/AuditTrail/Resource',
      ],
      [
        'AgnosticStack/ReportsTable',
        'AWS::DynamoDB::Table',
        AGNOSTIC,
        'AgnosticStack',
        'AgnosticStack/Reports/Resource',
      ],
      [
        'Prod/Data/CustomersQueue',
        'AWS::SQS::Queue',
        'eu-central-1',
        'Prod/Data',
        'Prod/Data/Customers/Resource',
      ],
    ]);
    expect(result.notes).toEqual([]);
  });

  it('takes the region evidence from the manifest', () => {
    expect(byAddress(result.resources, 'Prod/Data/CustomersQueue').region.evidence).toEqual([
      {
        path: 'cdk.out/assembly-Prod/manifest.json artifacts.ProdData1A2B3C4D.environment',
        value: 'aws://222222222222/eu-central-1',
      },
    ]);
  });

  it.each([
    // Pseudo parameters from the environment; the deployed stack name from properties.stackName.
    {
      address: 'EuStack/AuditNestedStackAuditNestedStackResource9C0D1E2F',
      property: 'TemplateURL',
      expected: 'https://s3.eu-west-1.amazonaws.com/cdk-hnb659fds-assets/abc.json',
      references: undefined,
    },
    {
      address: 'Prod/Data/CustomersQueue',
      property: 'QueueName',
      expected: 'Prod-Data-customers',
      references: undefined,
    },
    // The nested stack gets the parent's parameter values, and the parent's region.
    { address: `${NESTED}/AuditLog`, property: 'RetentionInDays', expected: '30', references: undefined },
    {
      address: `${NESTED}/AuditLog`,
      property: 'LogGroupName',
      expected: '/audit/eu-west-1/orders',
      references: undefined,
    },
    {
      address: `${NESTED}/AuditTrail`,
      property: 'EventSelectors',
      expected: [
        {
          DataResources: [
            {
              Type: 'AWS::S3::Object',
              Values: [
                '(unknown: Fn::Sub "arn:${AWS::Partition}:s3:::${referencetoEuStackOrdersBucketRef}/": ${referencetoEuStackOrdersBucketRef}: Ref OrdersBucket1A2B3C4D: the physical id of EuStack/OrdersBucket1A2B3C4D is known only after deploy)',
              ],
            },
          ],
        },
      ],
      references: ['EuStack/OrdersBucket1A2B3C4D'],
    },
    // Fn::ImportValue across stacks: the export's value and the resource it refers to.
    {
      address: 'AgnosticStack/ReportsTable',
      property: 'Tags',
      expected: [
        { Key: 'source', Value: '(unknown: Fn::GetAtt OrdersBucket1A2B3C4D.Arn: known only after deploy)' },
      ],
      references: ['EuStack/OrdersBucket1A2B3C4D'],
    },
    {
      address: 'AgnosticStack/ReportsTable',
      property: 'TableName',
      expected:
        '(unknown: Fn::Sub "reports-${AWS::Region}": ${AWS::Region}: environment-agnostic stack: the region is chosen at deploy time)',
      references: undefined,
    },
  ])('$address $property', ({ address, property, expected, references }) => {
    const resource = byAddress(result.resources, address);
    expect(JSON.parse(JSON.stringify(resource.properties[property]))).toEqual(expected);
    expect(resource.references?.[property]).toEqual(references);
  });

  it('recognises an assembly directory', () => {
    expect([looksLikeCdkAssembly(FIXTURE), looksLikeCdkAssembly(join(FIXTURE, '..'))]).toEqual([true, false]);
  });
});

function errorOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return isInputError(error) ? `${error.code} ${error.message}` : String(error);
  }
  return 'no error';
}

/** A scratch cdk.out: a manifest (given, or a corpus file) and some corpus templates under their own names. */
function scratchAssembly(manifest: unknown, templates: Readonly<Record<string, string>>): string {
  const directory = mkdtempSync(join(tmpdir(), 'eugate-cdk-'));
  writeFileSync(join(directory, 'manifest.json'), JSON.stringify(manifest));
  for (const [name, corpusFile] of Object.entries(templates))
    copyFileSync(join(CORPUS, corpusFile), join(directory, name));
  return directory;
}

describe('readCdkAssembly errors', () => {
  it.each([
    {
      name: 'a manifest naming a missing template',
      manifest: {
        artifacts: {
          S: { type: 'aws:cloudformation:stack', properties: { templateFile: 'S.template.json' } },
        },
      },
      message:
        'EUGATE_INPUT_NOT_FOUND cdk.out/manifest.json (at artifacts.S.properties.templateFile): stack S names template S.template.json, which is not in cdk.out',
    },
    {
      name: 'a template path leaving the assembly',
      manifest: {
        artifacts: {
          S: { type: 'aws:cloudformation:stack', properties: { templateFile: '../../etc/passwd' } },
        },
      },
      message:
        'EUGATE_INPUT_MALFORMED cdk.out/manifest.json (at artifacts.S.properties.templateFile): ../../etc/passwd is outside the cloud assembly directory',
    },
    {
      name: 'a manifest without artifacts',
      manifest: { version: '36.0.0' },
      message:
        'EUGATE_INPUT_NOT_RECOGNISED cdk.out/manifest.json: has no artifacts: not a CDK cloud assembly manifest',
    },
  ])('$name', ({ manifest, message }) => {
    expect(errorOf(() => readCdkAssembly(scratchAssembly(manifest, {}), 'cdk.out'))).toBe(message);
  });

  it('a directory without manifest.json', () => {
    expect(errorOf(() => readCdkAssembly(mkdtempSync(join(tmpdir(), 'eugate-cdk-')), 'out'))).toBe(
      'EUGATE_INPUT_NOT_FOUND out/manifest.json: no manifest.json: not a CDK cloud assembly (cdk.out)',
    );
  });
});

// Manifests from cdk integ snapshots (test/corpus/cdk). Their templates were stored flattened,
// and only some of them: the reader names the first one missing; with the manifest cut down to the
// stacks whose templates exist, it reads them all.
const PREFIX = {
  restaurant:
    'awslabs__aws-solutions-constructs__source_use_cases_aws-restaurant-management-demo_test_integ.basic-deployment.js.snapshot_',
  farddb:
    'awslabs__aws-solutions-constructs__source_patterns__aws-solutions-constructs_aws-fargate-dynamodb_test_integ.farddb-new-resources.js.snapshot_',
};

const CORPUS_ROWS = [
  {
    name: 'restaurant demo (5 stacks, environment-agnostic, cross-stack imports)',
    prefix: PREFIX.restaurant,
    templates: ['ManagerStack.template.json', 'SharedStack.template.json'],
    missing: 'ExistingResourcesStack.template.json',
    resources: 67,
    regions: [AGNOSTIC],
    constructs: 67,
  },
  {
    name: 'fargate + dynamodb (us-east-1)',
    prefix: PREFIX.farddb,
    templates: ['farddb-new-resources.template.json'],
    missing: 'farddbnewresourcesIntegDefaultTestDeployAssert0D227FA2.template.json',
    resources: 43,
    regions: ['us-east-1'],
    constructs: 0,
  },
];

describe('readCdkAssembly (corpus manifests)', () => {
  it.each(CORPUS_ROWS)('$name', ({ prefix, templates, missing, resources, regions, constructs }) => {
    const manifest = JSON.parse(readFileSync(join(CORPUS, `${prefix}manifest.json`), 'utf8')) as {
      artifacts: Record<string, { type: string; properties?: { templateFile?: string } }>;
    };
    const files = Object.fromEntries(templates.map((name) => [name, `${prefix}${name}`]));
    expect(errorOf(() => readCdkAssembly(scratchAssembly(manifest, files), 'cdk.out'))).toContain(
      `names template ${missing}, which is not in cdk.out`,
    );

    const present = Object.fromEntries(
      Object.entries(manifest.artifacts).filter(
        ([, artifact]) =>
          artifact.type !== 'aws:cloudformation:stack' ||
          templates.includes(artifact.properties?.templateFile ?? ''),
      ),
    );
    const result = readCdkAssembly(scratchAssembly({ ...manifest, artifacts: present }, files), 'cdk.out');
    expect(result.resources.length).toBe(resources);
    expect([...new Set(result.resources.map((resource) => regionOf(resource.region)))]).toEqual(regions);
    expect(result.resources.filter((resource) => resource.source.construct !== undefined).length).toBe(
      constructs,
    );
  });

  it('resolves the restaurant demo imports from SharedStack', () => {
    const manifest = JSON.parse(readFileSync(join(CORPUS, `${PREFIX.restaurant}manifest.json`), 'utf8')) as {
      artifacts: Record<string, { type: string; properties?: { templateFile?: string } }>;
    };
    const templates = ['ManagerStack.template.json', 'SharedStack.template.json'];
    const artifacts = Object.fromEntries(
      Object.entries(manifest.artifacts).filter(
        ([, artifact]) =>
          artifact.type !== 'aws:cloudformation:stack' ||
          templates.includes(artifact.properties?.templateFile ?? ''),
      ),
    );
    const files = Object.fromEntries(templates.map((name) => [name, `${PREFIX.restaurant}${name}`]));
    const result = readCdkAssembly(scratchAssembly({ ...manifest, artifacts }, files), 'cdk.out');
    const crossStack = result.resources.filter(
      (resource) =>
        resource.stack === 'ManagerStack' &&
        Object.values(resource.references ?? {}).some((addresses) =>
          addresses.some((a) => a.startsWith('SharedStack/')),
        ),
    );
    // Ten Lambda functions and their policies use the order table and layer SharedStack exports.
    expect(crossStack.map((resource) => resource.address.replace('ManagerStack/', '')).sort()).toEqual([
      'archiveordersLambdaFunction66659E04',
      'archiveordersLambdaFunctionServiceRoleDefaultPolicyDB67FB52',
      'calculatetipsLambdaFunction9F2FE033',
      'calculatetipsLambdaFunctionServiceRoleDefaultPolicyED27C928',
      'checklateordersLambdaFunctionB46EDA7D',
      'checklateordersLambdaFunctionServiceRoleDefaultPolicy4DABEECE',
      'createreportLambdaFunctionB37EBE52',
      'createreportLambdaFunctionServiceRoleDefaultPolicy5A317B6C',
      'getallordersLambdaFunctionFEF65B05',
      'getallordersLambdaFunctionServiceRoleDefaultPolicy705A0D9A',
    ]);
  });
});
