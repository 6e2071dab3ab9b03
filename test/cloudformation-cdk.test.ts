import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, REPO_ROOT, runEugate, tempDir } from './support/cli.js';

/** Every CloudFormation template and CDK template in the corpus goes through the built CLI. */
const TEMPLATES = [
  ...readdirSync(join(CORPUS, 'cfn')).map((name) => join(CORPUS, 'cfn', name)),
  ...readdirSync(join(CORPUS, 'cdk'))
    .filter((name) => name.endsWith('.template.json'))
    .map((name) => join(CORPUS, 'cdk', name)),
].sort();

interface Report {
  inputs: string[];
  summary: { resources: number; described: number; notModelled: number };
  findings: {
    rule: { id: string };
    status: string;
    resource: { address: string; source: { construct?: string } };
  }[];
}

function scan(args: string[], cwd = REPO_ROOT): { status: number; report: Report; stderr: string } {
  const run = runEugate(['scan', ...args, '--format', 'json', '--date', '2026-11-22'], { cwd });
  return { status: run.status, report: JSON.parse(run.stdout || 'null') as Report, stderr: run.stderr };
}

describe('CloudFormation and CDK templates from the corpus', () => {
  it.each(TEMPLATES.map((file) => relative(REPO_ROOT, file)))('%s', (file) => {
    const { status, report, stderr } = scan([file, '--region', 'eu-west-1']);
    expect(stderr).toBe('');
    expect([0, 1]).toContain(status);
    expect(report.summary.described + report.summary.notModelled).toBe(report.summary.resources);
    expect(report.summary.resources).toBeGreaterThan(0);
  });

  it('a DynamoDB global table with replicas outside the EU fails EU-RES-002', () => {
    const file = TEMPLATES.find((t) => t.includes('table-v2-global'));
    const { report } = scan([relative(REPO_ROOT, file ?? ''), '--region', 'eu-west-1']);
    expect(
      report.findings.filter((f) => f.rule.id === 'EU-RES-002' && f.status === 'fail').length,
    ).toBeGreaterThan(0);
  });

  it('a CloudFront distribution in front of a bucket fails EU-RES-004', () => {
    const file = TEMPLATES.find((t) => t.includes('cfts3-no-arguments'));
    const { report } = scan([relative(REPO_ROOT, file ?? ''), '--region', 'eu-west-1']);
    expect(report.findings.some((f) => f.rule.id === 'EU-RES-004' && f.status === 'fail')).toBe(true);
  });

  it('without --region a template fails closed: the region is unknown', () => {
    const file = TEMPLATES.find((t) => t.includes('S3_compliant-bucket.yaml'));
    const { status, report } = scan([relative(REPO_ROOT, file ?? '')]);
    expect(status).toBe(1);
    expect(report.findings.some((f) => f.rule.id === 'EU-RES-003' && f.status === 'unknown')).toBe(true);
  });
});

describe('CDK cloud assembly (cdk.out)', () => {
  const assembly = 'packages/aws/src/read/__fixtures__/cdk.out';

  it('reads stacks with their environments and names findings by construct path', () => {
    const { status, report } = scan([assembly]);
    expect(status).toBe(1);
    const agnostic = report.findings.find((f) => f.rule.id === 'EU-RES-003');
    expect(agnostic?.status).toBe('unknown');
    expect(agnostic?.resource.address).toBe('AgnosticStack/ReportsTable');
    expect(agnostic?.resource.source.construct).toBe('AgnosticStack/Reports/Resource');
    expect(
      report.findings.filter(
        (f) => f.resource.address.startsWith('EuStack/') && f.rule.id.startsWith('EU-RES'),
      ),
    ).toEqual([]);
  });

  it('finds a cdk.out inside a project directory', () => {
    const { report } = scan(['packages/aws/src/read/__fixtures__']);
    expect(report.summary.resources).toBeGreaterThan(0);
  });

  it('reads the whole assembly when its manifest.json is named', () => {
    const byDirectory = scan([assembly]).report;
    const { status, report } = scan([`${assembly}/manifest.json`]);
    expect(status).toBe(1);
    expect(report.inputs).toEqual([assembly]);
    expect(report.findings).toEqual(byDirectory.findings);
  });

  it.each([
    ['tree.json', /a CDK construct tree \(tree\.json\) holds no resources: scan the cdk\.out directory/],
    ['manifest.json', /a CDK cloud assembly manifest whose templates are not beside it/],
  ])('a lone corpus %s names what to scan instead (exit 2)', (suffix, message) => {
    const file = readdirSync(join(CORPUS, 'cdk')).find((name) => name.endsWith(`_${suffix}`)) as string;
    const run = runEugate(['scan', join(CORPUS, 'cdk', file)]);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(message);
  });
});

const ALIAS_BOMB = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'Resources:',
  '  Bucket:',
  '    Type: AWS::S3::Bucket',
  '    Properties:',
  '      Tags: *h',
  '',
].join('\n');

describe('bad CloudFormation/CDK input: exit 2, one line naming the file', () => {
  it.each([
    {
      name: 'malformed YAML',
      files: {
        'template.yaml':
          'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n   Properties: [\n',
      },
      args: ['template.yaml'],
      message: /^eugate: template\.yaml/,
    },
    {
      name: 'a YAML alias bomb',
      files: { 'template.yaml': ALIAS_BOMB },
      args: ['template.yaml'],
      message: /^eugate: template\.yaml.*alias/i,
    },
    {
      name: 'a cyclic condition',
      files: {
        'template.yaml': [
          'AWSTemplateFormatVersion: "2010-09-09"',
          'Conditions:',
          '  A: !Condition B',
          '  B: !Condition A',
          'Resources:',
          '  Bucket:',
          '    Type: AWS::S3::Bucket',
          '    Condition: A',
          '',
        ].join('\n'),
      },
      args: ['template.yaml'],
      message: /^eugate: template\.yaml.*circular reference: condition A → condition B → condition A/,
    },
  ])('$name', ({ files, args, message }) => {
    const dir = tempDir(files);
    const run = runEugate(['scan', ...args], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a cdk.out whose manifest points at a missing template', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'cdk.out'));
    writeFileSync(
      join(dir, 'cdk.out/manifest.json'),
      JSON.stringify({
        version: '36.0.0',
        artifacts: {
          App: {
            type: 'aws:cloudformation:stack',
            environment: 'aws://111111111111/eu-west-1',
            properties: { templateFile: 'App.template.json' },
          },
        },
      }),
    );
    const run = runEugate(['scan', 'cdk.out'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(/^eugate: cdk\.out.*manifest\.json.*App\.template\.json/);
  });
});
