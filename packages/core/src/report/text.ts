import type { Evidence } from '../model/evidence.js';
import type { SourceLocation } from '../model/source.js';
import type { Finding, Report, WaiverNotice } from './types.js';

export interface TextOptions {
  /** ANSI colours; the caller decides (terminal, `NO_COLOR`). */
  readonly color: boolean;
}

type Paint = (text: string) => string;

interface Palette {
  readonly bold: Paint;
  readonly dim: Paint;
  readonly red: Paint;
  readonly yellow: Paint;
  readonly cyan: Paint;
  readonly green: Paint;
}

const ansi =
  (code: number): Paint =>
  (text) =>
    `\u001b[${code}m${text}\u001b[0m`;
const plain: Paint = (text) => text;

/** Longest evidence value shown inline; a whole policy document would drown the log. */
const MAX_VALUE_LENGTH = 120;

/**
 * The report for a CI log: what was scanned, each finding grouped under its rule with the evidence
 * that decided it, what was not checked, stale waivers, and the verdict as the last line.
 */
export function renderText(report: Report, options: TextOptions): string {
  const paint: Palette = options.color
    ? { bold: ansi(1), dim: ansi(2), red: ansi(31), yellow: ansi(33), cyan: ansi(36), green: ansi(32) }
    : { bold: plain, dim: plain, red: plain, yellow: plain, cyan: plain, green: plain };
  const lines: string[] = [];
  const { summary } = report;

  lines.push(
    paint.bold(
      `eugate ${report.tool.version} — profile ${report.profile.name}: ${report.profile.description}`,
    ),
  );
  lines.push(`Inputs: ${report.inputs.length > 0 ? report.inputs.join(', ') : '(none)'}`);
  lines.push(
    `Resources: ${summary.resources} read, ${summary.described} described, ${summary.notModelled} not modelled; ` +
      `${summary.personalData} hold personal data`,
  );
  lines.push(
    `Checks: ${summary.passed} passed, ${summary.fail} failed, ${summary.unknown} unknown, ${summary.waived} waived`,
  );
  lines.push(
    `Gate: fails on ${report.gate.failOn} severity and above; unknown answers on personal data ` +
      (report.gate.unknown === 'fail' ? 'fail the gate' : 'are reported only'),
  );
  if (report.baseline !== undefined) {
    const { baseline } = report;
    lines.push(
      `Baseline: ${baseline.file}: ${baseline.new} new, ${baseline.matched} already in the baseline (not blocking), ${baseline.fixed} fixed`,
    );
  }

  for (const group of groupByRule(report.findings)) {
    const rule = group[0]!.rule;
    lines.push('', paint.bold(`${rule.id}  ${rule.severity.toUpperCase()}  ${rule.title}`));
    for (const finding of group) lines.push(...renderFinding(finding, paint));
  }

  if (report.notModelled.length > 0) {
    lines.push('', paint.bold('Not modelled (present in the input, not checked):'));
    const width = Math.max(...report.notModelled.map((entry) => entry.type.length));
    for (const entry of report.notModelled) lines.push(`  ${entry.type.padEnd(width)}  ${entry.count}`);
  }

  if (report.waivers.expired.length > 0) {
    lines.push('', paint.bold(paint.yellow('Expired waivers (no longer applied; renew or remove them):')));
    for (const waiver of report.waivers.expired) lines.push(`  ${waiverLine(waiver, 'expired')}`);
  }
  if (report.waivers.unused.length > 0) {
    lines.push('', paint.bold(paint.yellow('Unused waivers (matched no finding; remove them):')));
    for (const waiver of report.waivers.unused) lines.push(`  ${waiverLine(waiver, 'expires')}`);
  }
  if (report.disabledRules.length > 0) {
    lines.push('', `Disabled rules: ${report.disabledRules.join(', ')}`);
  }
  if (report.notes.length > 0) {
    lines.push('', paint.bold('Notes:'));
    for (const note of report.notes) lines.push(`  - ${note}`);
  }

  if (report.verdict === 'fail') {
    lines.push(
      '',
      '`eugate explain <rule-id>` shows how to fix each rule; an accepted risk is recorded as a waiver ' +
        '(rule, resource, reason, owner, expires) in the config file.',
    );
  }
  lines.push('', verdictLine(report, paint));
  return `${lines.join('\n')}\n`;
}

function renderFinding(finding: Finding, paint: Palette): string[] {
  const label =
    finding.status === 'fail'
      ? paint.red('FAIL   ')
      : finding.status === 'unknown'
        ? paint.yellow('UNKNOWN')
        : paint.cyan('WAIVED ');
  const region = finding.resource.region ?? 'region unknown';
  const blocking =
    finding.baselined === true
      ? paint.dim('  (in baseline)')
      : finding.blocking || finding.status === 'waived'
        ? ''
        : paint.dim('  (not blocking)');
  const out = [`  ${label}  ${finding.resource.address}  [${region}]${blocking}`];
  const indent = '           ';
  out.push(`${indent}${finding.message}`);
  for (const item of finding.evidence) out.push(`${indent}${paint.dim(`evidence: ${evidenceLine(item)}`)}`);
  out.push(`${indent}${paint.dim(`at ${sourceLine(finding.resource.source)}`)}`);
  if (finding.personalData !== null) {
    const via = finding.personalData.via !== undefined ? ` via ${finding.personalData.via.join(' → ')}` : '';
    out.push(`${indent}${paint.dim(`personal data: ${finding.personalData.reason}${via}`)}`);
  }
  if (finding.waiver !== undefined) {
    out.push(
      `${indent}waived (was ${finding.waivedStatus ?? 'fail'}): ${finding.waiver.reason} — owner ${finding.waiver.owner}, ` +
        `expires ${finding.waiver.expires}`,
    );
  }
  return out;
}

function groupByRule(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.rule.id);
    if (group === undefined) groups.set(finding.rule.id, [finding]);
    else group.push(finding);
  }
  return [...groups.values()];
}

function evidenceLine(item: Evidence): string {
  const shown = JSON.stringify(item.value) ?? String(item.value);
  const value = shown.length > MAX_VALUE_LENGTH ? `${shown.slice(0, MAX_VALUE_LENGTH - 1)}…` : shown;
  return `${item.path} = ${value}${item.from !== undefined ? ` (in ${item.from})` : ''}`;
}

function sourceLine(source: SourceLocation): string {
  let where = source.file;
  if (source.line !== undefined)
    where += `:${source.line}${source.column !== undefined ? `:${source.column}` : ''}`;
  if (source.construct !== undefined) where += ` (${source.construct})`;
  return where;
}

function waiverLine(waiver: WaiverNotice, dateLabel: 'expired' | 'expires'): string {
  return `${waiver.rule} on ${waiver.resource} — owner ${waiver.owner}, ${dateLabel} ${waiver.expires}: ${waiver.reason}`;
}

function verdictLine(report: Report, paint: Palette): string {
  const blocking = report.findings.filter((finding) => finding.blocking);
  const baselined = report.findings.filter((finding) => finding.baselined === true).length;
  const nonBlocking = report.findings.length - blocking.length - report.summary.waived - baselined;
  const extras = [
    ...(report.summary.waived > 0 ? [`${report.summary.waived} waived`] : []),
    ...(baselined > 0 ? [`${baselined} in baseline`] : []),
    ...(nonBlocking > 0 ? [`${nonBlocking} below the gate`] : []),
  ];
  const tail = extras.length > 0 ? `; ${extras.join(', ')}` : '';
  if (report.verdict === 'fail') {
    const fails = blocking.filter((finding) => finding.status === 'fail').length;
    const unknowns = blocking.length - fails;
    return paint.bold(
      paint.red(
        `FAIL: ${blocking.length} blocking finding${blocking.length === 1 ? '' : 's'} ` +
          `(${fails} fail, ${unknowns} unknown)${tail}`,
      ),
    );
  }
  return paint.bold(paint.green(`PASS: no blocking findings${tail}`));
}
