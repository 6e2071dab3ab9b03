import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { MULTICLOUD_DIR, sarifValidator, scanMulticloud } from './fixtures/reports/harness.js';
import { runEugate, tempDir } from './support/cli.js';

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string; help: { text: string; markdown: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } };
        logicalLocations: { fullyQualifiedName: string }[];
      }[];
      suppressions?: { kind: string; status: string; justification: string }[];
      baselineState?: string;
      properties: { status: string; blocking: boolean };
    }[];
  }[];
}

interface Report {
  summary: { passed: number; fail: number; unknown: number; waived: number };
  findings: { rule: { id: string }; status: string; resource: { address: string } }[];
}

const { files } = scanMulticloud();
const report = JSON.parse(files.json) as Report;
const sarif = JSON.parse(files.sarif) as SarifLog;

/** A Terraform plan of `count` personal-data buckets in us-east-1: three failures each. */
function bucketsPlan(count: number): string {
  const names = Array.from({ length: count }, (_, i) => `b${String(i).padStart(4, '0')}`);
  const tags = { 'data-classification': 'personal' };
  const provider = 'registry.terraform.io/hashicorp/aws';
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.9.0',
    planned_values: {
      root_module: {
        resources: names.map((name) => ({
          address: `aws_s3_bucket.${name}`,
          mode: 'managed',
          type: 'aws_s3_bucket',
          name,
          provider_name: provider,
          values: { bucket: name, tags },
        })),
      },
    },
    resource_changes: names.map((name) => ({
      address: `aws_s3_bucket.${name}`,
      mode: 'managed',
      type: 'aws_s3_bucket',
      name,
      provider_name: provider,
      change: { actions: ['create'], before: null, after: { bucket: name, tags }, after_unknown: {} },
    })),
    configuration: {
      provider_config: {
        aws: { name: 'aws', full_name: provider, expressions: { region: { constant_value: 'us-east-1' } } },
      },
      root_module: {
        resources: names.map((name) => ({
          address: `aws_s3_bucket.${name}`,
          mode: 'managed',
          type: 'aws_s3_bucket',
          name,
          provider_config_key: 'aws',
          expressions: {},
        })),
      },
    },
  });
}

describe('SARIF', () => {
  const validate = sarifValidator();

  it('is valid against the official SARIF 2.1.0 schema', () => {
    expect(validate(sarif)).toEqual([]);
  });

  it('the schema check is real: a result with an invalid level is rejected', () => {
    const broken = structuredClone(sarif);
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(broken).join('\n')).toMatch(/level/);
  });

  it('has one rule descriptor per rule, with help and a link to its doc', () => {
    const rules = sarif.runs[0]!.tool.driver.rules;
    expect(rules.map((rule) => rule.id)).toEqual([...rules.map((rule) => rule.id)].sort());
    expect(rules.length).toBeGreaterThanOrEqual(11);
    for (const rule of rules) {
      expect(rule.helpUri).toBe(`https://github.com/eugate/eugate/blob/main/docs/rules/${rule.id}.md`);
      expect(rule.help.markdown).toContain('**How to fix it**');
      expect(rule.help.text).toContain('Legal basis: GDPR');
    }
  });

  it('has one result per finding, pointing at the rule, the file and the line of the resource', () => {
    const run = sarif.runs[0]!;
    expect(run.results).toHaveLength(report.findings.length);
    for (const [i, result] of run.results.entries()) {
      expect(result.ruleId).toBe(report.findings[i]!.rule.id);
      expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(result.locations[0]!.logicalLocations[0]!.fullyQualifiedName).toBe(
        report.findings[i]!.resource.address,
      );
      // Every resource of the example is found in its artifact: plan JSON, template JSON, azurerm plan.
      expect(result.locations[0]!.physicalLocation.region?.startLine).toBeGreaterThan(1);
    }
  });

  it('points at the resource itself: the line holds its address or logical id', () => {
    for (const result of sarif.runs[0]!.results) {
      const { uri } = result.locations[0]!.physicalLocation.artifactLocation;
      const line = result.locations[0]!.physicalLocation.region!.startLine;
      const text = readFileSync(join(MULTICLOUD_DIR, uri), 'utf8').split('\n');
      const address = result.locations[0]!.logicalLocations[0]!.fullyQualifiedName;
      const around = text.slice(line - 1, line + 2).join('\n');
      expect(around).toContain(`"${address.includes('.') ? address : `${address}"`}`);
    }
  });

  it('levels follow severity; a waived finding is a result with an accepted suppression and its reason', () => {
    const results = sarif.runs[0]!.results;
    const levelOf = (id: string) => new Set(results.filter((r) => r.ruleId === id).map((r) => r.level));
    expect(levelOf('EU-RES-001')).toEqual(new Set(['error']));
    expect(levelOf('EU-ACC-004')).toEqual(new Set(['warning']));
    const waived = results.filter((result) => result.suppressions !== undefined);
    expect(waived).toHaveLength(report.summary.waived);
    expect(waived[0]!.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification:
          "Auditing is enforced by the platform's Azure Policy assignment, outside this plan. (owner platform-team@example.eu, expires 2027-06-30)",
        properties: { owner: 'platform-team@example.eu', expires: '2027-06-30' },
      },
    ]);
  });

  it('an unknown that does not block is at most a warning (--unknown warn)', () => {
    const warned = scanMulticloud(['--unknown', 'warn']);
    const log = JSON.parse(warned.files.sarif) as SarifLog;
    expect(sarifValidator()(log)).toEqual([]);
    const unknowns = log.runs[0]!.results.filter((result) => result.properties.status === 'unknown');
    expect(unknowns.length).toBeGreaterThan(0);
    for (const result of unknowns) {
      expect(result.properties.blocking).toBe(false);
      expect(result.level).toBe('warning');
    }
  });

  it('a CDK assembly finding points at the template line and carries the construct path', () => {
    const cdk = runEugate(['scan', 'packages/aws/src/read/__fixtures__/cdk.out', '--format', 'sarif']);
    expect(cdk.stderr).toBe('');
    const log = JSON.parse(cdk.stdout) as SarifLog;
    expect(sarifValidator()(log)).toEqual([]);
    const located = log.runs[0]!.results.map((result) => {
      const [location] = result.locations;
      return `${location!.physicalLocation.artifactLocation.uri}:${location!.physicalLocation.region?.startLine} ${location!.logicalLocations[0]!.fullyQualifiedName}`;
    });
    expect(located).toContain(
      'packages/aws/src/read/__fixtures__/cdk.out/EuStack.template.json:3 EuStack/Orders/Resource',
    );
  });
});

describe('JUnit XML', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  });
  const xml = parser.parse(files.junit) as {
    testsuites: {
      tests: string;
      failures: string;
      skipped: string;
      testsuite: {
        name: string;
        testcase: { name: string; failure?: { type: string }; skipped?: unknown }[];
      }[];
    };
  };
  const cases = xml.testsuites.testsuite.flatMap((suite) => suite.testcase);

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(files.junit)).toBe(true);
  });

  it('has one test case per (rule, resource) evaluated — passes included', () => {
    const failing = new Set(report.findings.map((f) => `${f.rule.id} ${f.resource.address}`));
    expect(cases.length).toBeGreaterThan(failing.size);
    expect(Number(xml.testsuites.tests)).toBe(cases.length);
    const passes = cases.filter(
      (testCase) => testCase.failure === undefined && testCase.skipped === undefined,
    );
    // Each passed check is one case; a (rule, resource) with several passing results is still one.
    expect(passes.length).toBeGreaterThan(0);
    expect(passes.length).toBeLessThanOrEqual(report.summary.passed);
  });

  it('fail and unknown are failures, waived is skipped', () => {
    const failures = cases.filter((testCase) => testCase.failure !== undefined);
    expect(new Set(failures.map((testCase) => testCase.failure!.type))).toEqual(new Set(['fail', 'unknown']));
    expect(Number(xml.testsuites.failures)).toBe(failures.length);
    expect(cases.filter((testCase) => testCase.skipped !== undefined)).toHaveLength(1);
    expect(Number(xml.testsuites.skipped)).toBe(1);
  });

  it('escapes what the artifacts put in names and messages', () => {
    const dir = tempDir({
      'template.yaml': [
        'Resources:',
        '  Bucket:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      Tags:',
        '        - Key: data-classification',
        '          Value: personal',
      ].join('\n'),
    });
    const region = 'x-"<east>&-1';
    const run = runEugate(['scan', 'template.yaml', '--format', 'junit', '--region', region], { cwd: dir });
    expect(run.status).toBe(1);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    expect(run.stdout).not.toContain(region);
    expect(run.stdout).toContain('x-"&lt;east&gt;&amp;-1');
  });
});

describe('GitLab Code Quality', () => {
  const issues = JSON.parse(files.codequality) as Record<string, unknown>[];

  it('is one issue per failing or unknown finding, in the shape GitLab reads', () => {
    expect(issues).toHaveLength(report.summary.fail + report.summary.unknown);
    for (const issue of issues) {
      expect(Object.keys(issue)).toEqual(
        expect.arrayContaining(['description', 'check_name', 'fingerprint', 'severity', 'location']),
      );
      expect(issue.check_name).toMatch(/^EU-[A-Z]{3}-\d{3}$/);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      const location = issue.location as { path: string; lines: { begin: number } };
      expect(location.path).not.toMatch(/^\//);
      expect(Number.isInteger(location.lines.begin) && location.lines.begin >= 1).toBe(true);
    }
  });

  it('fingerprints are unique and stable across runs', () => {
    const fingerprints = issues.map((issue) => issue.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    const again = JSON.parse(scanMulticloud().files.codequality) as Record<string, unknown>[];
    expect(again.map((issue) => issue.fingerprint)).toEqual(fingerprints);
  });
});

describe('Markdown', () => {
  it('stays readable with 600 findings: a verdict first, tables cut with counts, under the comment limit', () => {
    const dir = tempDir({ 'plan.json': bucketsPlan(200) });
    const run = runEugate(['scan', 'plan.json', '--format', 'md'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe(
      '### ❌ eugate: FAIL — 600 blocking findings (600 fail, 0 unknown)',
    );
    expect(run.stdout.length).toBeLessThan(65_536);
    expect(run.stdout).toContain('_… and 550 more blocking findings: see the full report._');
    expect(run.stdout.match(/^\| FAIL \|/gm)).toHaveLength(50);
    expect(run.stdout).toContain('How to fix EU-RES-001');
  });

  it('escapes artifact text so it cannot inject HTML into a comment', () => {
    const dir = tempDir({
      'template.json': JSON.stringify({
        Resources: {
          Bucket: {
            Type: 'AWS::S3::Bucket',
            Properties: { Tags: [{ Key: 'data-classification', Value: 'personal' }] },
          },
        },
      }),
    });
    const run = runEugate(['scan', 'template.json', '--format', 'md', '--region', '`<img src=x>`'], {
      cwd: dir,
    });
    expect(run.stdout).toContain('<img'); // shown, in a code span …
    const outsideCode = run.stdout.replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toContain('<img'); // … and nowhere else
    expect(outsideCode).not.toContain('`');
  });
});
