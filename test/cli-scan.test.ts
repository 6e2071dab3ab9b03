import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, REPO_ROOT, runEugate, tempDir } from './support/cli.js';

const EXAMPLE = 'examples/terraform-eu-customer-data/plan.json';
const EXAMPLE_TEXT = readFileSync(join(REPO_ROOT, EXAMPLE), 'utf8');

interface Finding {
  rule: { id: string };
  status: string;
  waivedStatus?: string;
  resource: { address: string };
  waiver?: { reason: string; owner: string; expires: string };
  blocking: boolean;
  personalData: { reason: string; via?: string[] } | null;
}
interface Report {
  verdict: string;
  summary: { waived: number; fail: number; unknown: number };
  findings: Finding[];
  waivers: { expired: { rule: string }[]; unused: { rule: string }[] };
  inputs: string[];
}

function scanJson(args: string[], cwd?: string): { status: number; report: Report; stdout: string } {
  const run = runEugate(
    ['scan', ...args, '--format', 'json', '--date', '2026-11-22'],
    cwd === undefined ? {} : { cwd },
  );
  expect(run.stderr).toBe('');
  return { status: run.status, report: JSON.parse(run.stdout) as Report, stdout: run.stdout };
}

describe('eugate scan on the bundled example', () => {
  it('fails the gate and names the broken rules, resources and regions (text)', () => {
    const run = runEugate(['scan', EXAMPLE]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('EU-RES-001');
    expect(run.stdout).toMatch(/aws_s3_bucket\.customer_documents_dr .*us-east-1/);
    expect(run.stdout).toMatch(
      /replicates to aws_s3_bucket\.customer_documents_dr in us-east-1 \(United States\)/,
    );
    expect(run.stdout).toMatch(
      /inherited via aws_s3_bucket\.customer_documents → aws_s3_bucket\.customer_documents_dr/,
    );
    expect(run.stdout).toMatch(/aws_lambda_function\s+1/); // not modelled, listed
    expect(run.stdout).not.toContain('\u001b['); // no colour when not a terminal
  });

  it('writes byte-identical JSON on every run, with no machine paths', () => {
    const first = scanJson([EXAMPLE]).stdout;
    const second = scanJson([EXAMPLE]).stdout;
    expect(second).toBe(first);
    expect(first).not.toContain(REPO_ROOT);
    expect(first).not.toMatch(/"\d{4}-\d{2}-\d{2}T\d{2}:/); // no timestamps
  });

  it('classifies the replica as personal data inherited from its source', () => {
    const { report } = scanJson([EXAMPLE]);
    const residency = report.findings.find(
      (f) => f.rule.id === 'EU-RES-001' && f.resource.address === 'aws_s3_bucket.customer_documents_dr',
    );
    expect(residency?.personalData).toEqual({
      reason: 'inherited',
      via: ['aws_s3_bucket.customer_documents', 'aws_s3_bucket.customer_documents_dr'],
    });
    // The bucket tagged `public` holds no personal data: no finding at all.
    expect(report.findings.filter((f) => f.resource.address === 'aws_s3_bucket.public_assets')).toEqual([]);
  });

  it('--output writes the report to a file and nothing to stdout', () => {
    const dir = tempDir({ 'plan.json': EXAMPLE_TEXT });
    const run = runEugate(['scan', 'plan.json', '--format', 'json', '--output', 'report.json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).version).toBe(1);
  });

  it('finds the plan when given the directory', () => {
    const { status, report } = scanJson(['examples/terraform-eu-customer-data']);
    expect(status).toBe(1);
    expect(report.inputs).toEqual([EXAMPLE]);
  });
});

describe('waivers and the gate', () => {
  const waivers = (expires: string) => `
failOn: critical
waivers:
  - rule: EU-RES-001
    resource: aws_s3_bucket.customer_documents_dr
    reason: DR copy approved by the DPO until the EU DR site is live
    owner: dpo@example.eu
    expires: ${expires}
  - rule: EU-RES-002
    resource: "aws_s3_bucket.customer_*"
    reason: DR copy approved by the DPO until the EU DR site is live
    owner: dpo@example.eu
    expires: ${expires}
  - rule: EU-ACC-001
    resource: aws_s3_bucket.does_not_exist
    reason: left over from a deleted bucket
    owner: platform@example.eu
    expires: 2027-01-31
`;

  it('a waiver keeps the finding visible as waived, and the gate passes when nothing else is blocking', () => {
    const dir = tempDir({ 'plan.json': EXAMPLE_TEXT, 'eugate.config.yaml': waivers('2027-06-30') });
    const { status, report } = scanJson(['plan.json'], dir);
    expect(status).toBe(0);
    const waived = report.findings.filter((f) => f.status === 'waived');
    expect(waived.map((f) => `${f.rule.id} ${f.resource.address}`)).toEqual([
      'EU-RES-001 aws_s3_bucket.customer_documents_dr',
      'EU-RES-002 aws_s3_bucket.customer_documents',
    ]);
    expect(waived[0]?.waiver).toEqual({
      reason: 'DR copy approved by the DPO until the EU DR site is live',
      owner: 'dpo@example.eu',
      expires: '2027-06-30',
    });
    expect(waived[0]?.waivedStatus).toBe('fail');
    // High-severity findings remain in the report, but below the critical threshold they do not block.
    expect(report.findings.some((f) => f.status === 'fail' && !f.blocking)).toBe(true);
    expect(report.waivers.unused.map((w) => w.rule)).toEqual(['EU-ACC-001']);
  });

  it('an expired waiver stops applying and is reported as expired', () => {
    const dir = tempDir({ 'plan.json': EXAMPLE_TEXT, 'eugate.config.yaml': waivers('2026-10-31') });
    const { status, report } = scanJson(['plan.json'], dir);
    expect(status).toBe(1);
    expect(report.findings.filter((f) => f.status === 'waived')).toEqual([]);
    expect(report.waivers.expired.map((w) => w.rule).sort()).toEqual(['EU-RES-001', 'EU-RES-002']);
    const text = runEugate(['scan', 'plan.json', '--date', '2026-11-22'], { cwd: dir }).stdout;
    expect(text).toMatch(/expired/i);
  });

  it('--unknown warn reports unknown findings without failing the gate', () => {
    const plan = join(
      CORPUS,
      'terraform_plan/bridgecrewio__checkov__tests_terraform_parser_resources_plan_tags_variety_tfplan.json',
    );
    const strict = scanJson([plan]);
    expect(strict.status).toBe(1);
    expect(strict.report.summary.fail).toBe(0);
    expect(strict.report.summary.unknown).toBeGreaterThan(0);
    const relaxed = scanJson([plan, '--unknown', 'warn']);
    expect(relaxed.status).toBe(0);
    expect(relaxed.report.summary.unknown).toBe(strict.report.summary.unknown);
  });

  it('--profile adequacy allows London, eu does not', () => {
    const plan = JSON.parse(EXAMPLE_TEXT);
    plan.configuration.provider_config['aws.dr'].expressions.region.constant_value = 'eu-west-2';
    const dir = tempDir({ 'plan.json': JSON.stringify(plan) });
    const eu = scanJson(['plan.json'], dir).report;
    const adequacy = scanJson(['plan.json', '--profile', 'adequacy'], dir).report;
    const residency = (r: Report) =>
      r.findings
        .filter((f) => f.rule.id.startsWith('EU-RES-00') && f.status === 'fail')
        .map((f) => f.rule.id);
    expect(residency(eu).sort()).toEqual(['EU-RES-001', 'EU-RES-002']);
    expect(residency(adequacy)).toEqual([]);
  });
});

describe('eugate rules and explain', () => {
  it('lists the eleven rules', () => {
    const run = runEugate(['rules', '--format', 'json']);
    expect(run.status).toBe(0);
    const ids = (JSON.parse(run.stdout) as { id: string }[]).map((rule) => rule.id);
    expect(ids).toEqual([
      'EU-ACC-001',
      'EU-ACC-002',
      'EU-ACC-003',
      'EU-ACC-004',
      'EU-ENC-001',
      'EU-ENC-002',
      'EU-ENC-003',
      'EU-RES-001',
      'EU-RES-002',
      'EU-RES-003',
      'EU-RES-004',
    ]);
  });

  it('explain prints the same text as the rule doc', () => {
    const run = runEugate(['explain', 'eu-res-002']);
    expect(run.status).toBe(0);
    const doc = join(REPO_ROOT, 'docs/rules/EU-RES-002.md');
    expect(existsSync(doc)).toBe(true);
    expect(run.stdout).toBe(readFileSync(doc, 'utf8'));
  });
});
