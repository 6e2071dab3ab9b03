import { findRule } from '../policies/catalogue.js';
import type { Finding, Report } from './types.js';

interface TestCase {
  readonly rule: string;
  readonly resource: string;
  readonly findings: Finding[];
}

interface Suite {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly category: string;
  readonly cases: TestCase[];
}

/**
 * JUnit XML for CI test views: one test suite per rule, one test case per (rule, resource) the
 * rule was evaluated on — passes too, so the view shows what was checked, not only what failed.
 * `fail` and `unknown` are failures (type `fail` / `unknown`), waived checks and checks in the
 * baseline are skipped with the reason. Passes are listed when the report carries
 * `passedChecks` (the CLI asks for them when JUnit is requested); a report without them (an older
 * saved report) says how many passed in `<system-out>`.
 */
export function renderJunit(report: Report): string {
  const suites = buildSuites(report);
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  const body: string[] = [];
  for (const suite of suites) {
    const counts = { failures: 0, skipped: 0 };
    const cases = suite.cases.map((testCase) => renderCase(testCase, counts));
    tests += suite.cases.length;
    failures += counts.failures;
    skipped += counts.skipped;
    body.push(
      `  <testsuite name="${attr(`${suite.id}: ${suite.title}`)}" tests="${suite.cases.length}" failures="${counts.failures}" errors="0" skipped="${counts.skipped}">`,
      '    <properties>',
      `      <property name="rule" value="${attr(suite.id)}"/>`,
      `      <property name="category" value="${attr(suite.category)}"/>`,
      `      <property name="severity" value="${attr(suite.severity)}"/>`,
      '    </properties>',
      ...cases,
      '  </testsuite>',
    );
  }
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(`eugate ${report.tool.version} (profile ${report.profile.name})`)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...body,
  ];
  if (report.passedChecks === undefined && report.summary.passed > 0) {
    out.push(
      `  <system-out>${text(`${report.summary.passed} check${report.summary.passed === 1 ? '' : 's'} passed; this report does not list them (scan with --format junit to list every check).`)}</system-out>`,
    );
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}

function buildSuites(report: Report): Suite[] {
  const suites = new Map<string, Suite>();
  const cases = new Map<string, TestCase>();
  const suiteFor = (id: string, finding?: Finding): Suite => {
    let suite = suites.get(id);
    if (suite === undefined) {
      const meta = findRule(id)?.meta;
      suite = {
        id,
        title: finding?.rule.title ?? meta?.title ?? '',
        severity: finding?.rule.severity ?? meta?.severity ?? '',
        category: finding?.rule.category ?? meta?.category ?? '',
        cases: [],
      };
      suites.set(id, suite);
    }
    return suite;
  };
  const caseFor = (rule: string, resource: string, suite: Suite): TestCase => {
    const key = `${rule}\u0000${resource}`;
    let testCase = cases.get(key);
    if (testCase === undefined) {
      testCase = { rule, resource, findings: [] };
      cases.set(key, testCase);
      suite.cases.push(testCase);
    }
    return testCase;
  };
  for (const finding of report.findings) {
    const suite = suiteFor(finding.rule.id, finding);
    caseFor(finding.rule.id, finding.resource.address, suite).findings.push(finding);
  }
  for (const check of report.passedChecks ?? []) {
    caseFor(check.rule, check.resource, suiteFor(check.rule));
  }
  const sorted = [...suites.values()].sort((a, b) => compare(a.id, b.id));
  for (const suite of sorted) suite.cases.sort((a, b) => compare(a.resource, b.resource));
  return sorted;
}

function renderCase(testCase: TestCase, counts: { failures: number; skipped: number }): string {
  const first = testCase.findings[0];
  const file = first?.resource.source.file;
  const line = first?.resource.source.line;
  const open =
    `    <testcase classname="${attr(`eugate.${testCase.rule}`)}" name="${attr(testCase.resource)}"` +
    (file !== undefined ? ` file="${attr(file)}"` : '') +
    (line !== undefined ? ` line="${line}"` : '');
  const failing = testCase.findings.filter(
    (finding) => finding.status !== 'waived' && finding.baselined !== true,
  );
  if (failing.length > 0) {
    counts.failures++;
    const type = failing.some((finding) => finding.status === 'fail') ? 'fail' : 'unknown';
    const blocking = failing.some((finding) => finding.blocking);
    const message = `${type === 'fail' ? 'FAIL' : 'UNKNOWN'}${blocking ? '' : ' (not blocking)'}: ${failing.map((finding) => finding.message).join('; ')}`;
    return `${open}>\n      <failure type="${type}" message="${attr(message)}">${text(details(failing))}</failure>\n    </testcase>`;
  }
  if (testCase.findings.length > 0) {
    counts.skipped++;
    const reasons = testCase.findings.map((finding) =>
      finding.waiver !== undefined
        ? `waived (was ${finding.waivedStatus ?? 'fail'}): ${finding.waiver.reason} — owner ${finding.waiver.owner}, expires ${finding.waiver.expires}`
        : `in the baseline (${finding.status}): ${finding.message}`,
    );
    return `${open}>\n      <skipped message="${attr(reasons.join('; '))}"/>\n    </testcase>`;
  }
  return `${open}/>`;
}

function details(findings: readonly Finding[]): string {
  const lines: string[] = [];
  for (const finding of findings) {
    const { resource } = finding;
    lines.push(
      `${finding.status.toUpperCase()} ${resource.address} [${resource.region ?? 'region unknown'}]`,
    );
    lines.push(`  ${finding.message}`);
    for (const item of finding.evidence) {
      const from = item.from !== undefined ? ` (in ${item.from})` : '';
      lines.push(`  evidence: ${item.path} = ${JSON.stringify(item.value) ?? String(item.value)}${from}`);
    }
    const { source } = resource;
    lines.push(
      `  at ${source.file}${source.line !== undefined ? `:${source.line}` : ''}${source.construct !== undefined ? ` (${source.construct})` : ''}`,
    );
    if (finding.personalData !== null) {
      const via =
        finding.personalData.via !== undefined ? ` via ${finding.personalData.via.join(' → ')}` : '';
      lines.push(`  personal data: ${finding.personalData.reason}${via}`);
    }
  }
  return lines.join('\n');
}

// XML 1.0 forbids most control characters even as references; they are replaced, never emitted.
const INVALID_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(value: string): string {
  return value
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
