import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MULTICLOUD_ARGS, MULTICLOUD_DIR, sarifValidator } from './fixtures/reports/harness.js';
import { REPO_ROOT, runEugate, tempDir } from './support/cli.js';

interface Finding {
  rule: { id: string };
  status: string;
  resource: { address: string };
  blocking: boolean;
  baselined?: true;
}
interface Report {
  verdict: string;
  findings: Finding[];
  baseline?: { file: string; matched: number; new: number; fixed: number };
}

const EXAMPLE_PLAN = readFileSync(join(REPO_ROOT, 'examples/terraform-eu-customer-data/plan.json'), 'utf8');

/** A working directory holding the multi-cloud example, so baselines can be written next to it. */
function workspace(): string {
  const files: Record<string, string> = {};
  for (const name of [
    'aws-plan.json',
    'rds-read-replica.template.json',
    'azure-sql-plan.json',
    'eugate.config.yaml',
  ]) {
    files[name] = readFileSync(join(MULTICLOUD_DIR, name), 'utf8');
  }
  return tempDir(files);
}

function scanJson(args: readonly string[], cwd: string): { status: number; report: Report; stderr: string } {
  const run = runEugate(['scan', ...args, '--format', 'json', '--date', '2026-11-22'], { cwd });
  return { status: run.status, report: JSON.parse(run.stdout || 'null') as Report, stderr: run.stderr };
}

describe('--baseline', () => {
  it('a baseline of the same estate: every finding is known, the gate passes, and nothing is hidden', () => {
    const dir = workspace();
    const before = scanJson(MULTICLOUD_ARGS, dir);
    expect(before.status).toBe(1);
    writeFileSync(join(dir, 'baseline.json'), JSON.stringify(before.report));

    const after = scanJson([...MULTICLOUD_ARGS, '--baseline', 'baseline.json'], dir);
    expect(after.stderr).toBe('');
    expect(after.status).toBe(0);
    expect(after.report.verdict).toBe('pass');
    expect(after.report.findings).toHaveLength(before.report.findings.length);
    const raised = before.report.findings.filter((finding) => finding.status !== 'waived');
    expect(after.report.baseline).toEqual({
      file: 'baseline.json',
      matched: raised.length,
      new: 0,
      fixed: 0,
    });
    for (const finding of after.report.findings) {
      expect(finding.blocking).toBe(false);
      expect(finding.baselined === true).toBe(finding.status !== 'waived');
    }
  });

  it('only findings not in the baseline fail the gate; fixed ones are counted', () => {
    // The baseline: the AWS plan alone, plus a finding that has since been fixed.
    const dir = workspace();
    const old = scanJson(['aws-plan.json'], dir).report;
    const fixedFinding = {
      ...old.findings[0]!,
      resource: { ...old.findings[0]!.resource, address: 'aws_s3_bucket.gone' },
    };
    writeFileSync(
      join(dir, 'baseline.json'),
      JSON.stringify({ ...old, findings: [...old.findings, fixedFinding] }),
    );

    const { status, report } = scanJson([...MULTICLOUD_ARGS, '--baseline', 'baseline.json'], dir);
    expect(status).toBe(1);
    const newOnes = report.findings.filter(
      (finding) => finding.status !== 'waived' && finding.baselined !== true,
    );
    expect(newOnes.length).toBeGreaterThan(0);
    // New: everything from the CloudFormation template and the azurerm plan, nothing from the AWS plan.
    expect(newOnes.every((finding) => !finding.resource.address.startsWith('aws_'))).toBe(true);
    expect(newOnes.every((finding) => finding.blocking)).toBe(true);
    expect(
      report.findings
        .filter((finding) => finding.baselined)
        .every((f) => f.resource.address.startsWith('aws_')),
    ).toBe(true);
    expect(report.baseline).toEqual({
      file: 'baseline.json',
      matched: old.findings.length,
      new: newOnes.length,
      fixed: 1,
    });
  });

  it('a finding whose status changed is new: an unknown that became a failure must be looked at', () => {
    const dir = tempDir({ 'plan.json': EXAMPLE_PLAN });
    const old = scanJson(['plan.json'], dir).report;
    const failing = old.findings.find((finding) => finding.status === 'fail')!;
    const asUnknown = old.findings.map((finding) =>
      finding === failing ? { ...finding, status: 'unknown' } : finding,
    );
    writeFileSync(join(dir, 'baseline.json'), JSON.stringify({ ...old, findings: asUnknown }));
    const { status, report } = scanJson(['plan.json', '--baseline', 'baseline.json'], dir);
    expect(status).toBe(1);
    const blocking = report.findings.filter((finding) => finding.blocking);
    expect(blocking.map((f) => `${f.rule.id} ${f.resource.address}`)).toEqual([
      `${failing.rule.id} ${failing.resource.address}`,
    ]);
    expect(report.baseline).toMatchObject({ new: 1, fixed: 1 });
  });

  it('a waiver that expired is not rescued by the baseline', () => {
    const dir = workspace();
    const waivedBefore = scanJson(MULTICLOUD_ARGS, dir).report;
    expect(waivedBefore.findings.some((finding) => finding.status === 'waived')).toBe(true);
    writeFileSync(join(dir, 'baseline.json'), JSON.stringify(waivedBefore));
    // Two years on, the waiver of the azurerm SQL server has expired: its finding fails again.
    const run = runEugate(
      [
        'scan',
        ...MULTICLOUD_ARGS.slice(0, -2),
        '--date',
        '2028-01-01',
        '--format',
        'json',
        '--baseline',
        'baseline.json',
      ],
      { cwd: dir },
    );
    const report = JSON.parse(run.stdout) as Report;
    expect(run.status).toBe(1);
    expect(
      report.findings.filter((finding) => finding.blocking).map((f) => `${f.rule.id} ${f.resource.address}`),
    ).toEqual(['EU-ACC-004 azurerm_sql_server.example']);
  });

  it('is shown apart in every format: text, Markdown, SARIF baselineState, JUnit skipped, Code Quality', () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'baseline.json'),
      runEugate(['scan', 'aws-plan.json', '--format', 'json'], { cwd: dir }).stdout,
    );
    const args = [...MULTICLOUD_ARGS, '--baseline', 'baseline.json'];
    const out = (format: string) => runEugate(['scan', ...args, '--format', format], { cwd: dir }).stdout;

    expect(out('text')).toMatch(
      /^Baseline: baseline\.json: 4 new, 10 already in the baseline \(not blocking\), 0 fixed$/m,
    );
    expect(out('text')).toMatch(
      /FAIL {5}aws_s3_bucket\.customer_documents_dr {2}\[us-east-1\] {2}\(in baseline\)/,
    );
    const md = out('md');
    expect(md).toContain(
      'Baseline `baseline.json`: **4 new** findings decide the gate; 10 already in the baseline',
    );
    expect(md).toContain('<summary>Already in the baseline (10)</summary>');
    const sarif = JSON.parse(out('sarif')) as { runs: { results: { baselineState?: string }[] }[] };
    expect(sarifValidator()(sarif)).toEqual([]);
    const states = sarif.runs[0]!.results.map((result) => result.baselineState ?? 'waived');
    expect(states.filter((state) => state === 'unchanged')).toHaveLength(10);
    expect(states.filter((state) => state === 'new')).toHaveLength(4);
    expect(out('junit').match(/<skipped message="in the baseline/g)).toHaveLength(9); // 10 findings on 9 (rule, resource)
    expect(out('codequality').match(/in the baseline/g)).toHaveLength(10);
  });

  it('a baseline that is not an eugate report is an input error (exit 2), before any scanning', () => {
    const dir = tempDir({ 'plan.json': EXAMPLE_PLAN, 'other.json': '{"runs": []}' });
    const run = runEugate(['scan', 'plan.json', '--baseline', 'other.json'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^eugate: other\.json: not an eugate JSON report/);
    const missing = runEugate(['scan', 'plan.json', '--baseline', 'nope.json'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('eugate: nope.json: no such file\n');
  });
});
