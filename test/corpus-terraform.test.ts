import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, REPO_ROOT, runEugate } from './support/cli.js';

/**
 * Every real Terraform plan in the shared corpus goes through the built CLI, as a user would run it.
 * Valid plans give a well-formed report (exit 0 or 1); none may crash (exit 3) or be rejected.
 */
const PLAN_DIR = join(CORPUS, 'terraform_plan');
const PLANS = readdirSync(PLAN_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();

interface JsonReport {
  version: number;
  verdict: 'pass' | 'fail';
  summary: { resources: number; described: number; notModelled: number; fail: number; unknown: number };
  findings: {
    rule: { id: string };
    status: string;
    resource: { address: string; region: string | null; type: string };
    message: string;
  }[];
  notModelled: { type: string; count: number }[];
  inventory: { address: string; region: string | null; personalData: unknown }[];
}

function scan(name: string): { status: number; report: JsonReport; stderr: string } {
  const file = relative(REPO_ROOT, join(PLAN_DIR, name));
  const run = runEugate(['scan', file, '--format', 'json', '--date', '2026-11-22']);
  let report: JsonReport;
  try {
    report = JSON.parse(run.stdout) as JsonReport;
  } catch {
    throw new Error(`${name}: exit ${run.status}, no JSON report; stderr: ${run.stderr}`);
  }
  return { status: run.status, report, stderr: run.stderr };
}

describe('every corpus plan scans to a well-formed report', () => {
  it.each(PLANS)('%s', (name) => {
    const { status, report } = scan(name);
    expect([0, 1]).toContain(status);
    expect(report.version).toBe(1);
    expect(report.verdict).toBe(status === 0 ? 'pass' : 'fail');
    // Nothing silently dropped: every resource read is described or listed as not modelled.
    expect(report.summary.described + report.summary.notModelled).toBe(report.summary.resources);
    expect(report.notModelled.reduce((sum, entry) => sum + entry.count, 0)).toBe(report.summary.notModelled);
    for (const finding of report.findings) {
      expect(['fail', 'unknown', 'waived']).toContain(finding.status);
      expect(finding.message.length).toBeGreaterThan(10);
    }
  });
});

function findingsOf(report: JsonReport, rule: string, status?: string) {
  return report.findings
    .filter((f) => f.rule.id === rule && (status === undefined || f.status === status))
    .map((f) => f.resource.address)
    .sort();
}

export { findingsOf, scan };
