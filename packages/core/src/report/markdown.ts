import type { Category, Remediation, RuleMeta } from '../policies/types.js';
import { ruleDocUrl, ruleMetaFor } from './rule-links.js';
import type { Finding, Report, WaiverNotice } from './types.js';

export interface MarkdownOptions {
  /**
   * Longest output, in characters. GitHub rejects comments and job summaries over 65,536; the
   * default leaves room for a header a bot may add.
   */
  readonly maxLength?: number;
  /** The rule catalogue the fixes come from; the built-in one by default. */
  readonly rules?: readonly RuleMeta[];
}

export const MARKDOWN_MAX_LENGTH = 60_000;

/** Rows per table, tried in turn until the whole comment fits. */
const ROW_LIMITS = [50, 25, 10, 3, 0] as const;

const CATEGORIES: readonly Category[] = ['residency', 'encryption', 'access'];

const FLAVOURS: readonly (readonly [keyof Remediation, string])[] = [
  ['terraform', 'Terraform / CDKTF'],
  ['cloudformation', 'CloudFormation / CDK'],
  ['pulumi', 'Pulumi'],
  ['arm', 'ARM / Bicep / azure-native'],
];

/**
 * The report as a pull-request comment or job summary: the verdict first, a table per category,
 * the findings that fail the gate with their fixes, then — collapsed — findings that do not block,
 * findings already in the baseline, waivers with owner and expiry, and what was not checked.
 * Long lists are cut with a count of what was left out, and the whole stays under GitHub's
 * comment limit (65,536 characters), however many findings there are. Text from the artifacts
 * (addresses, messages) is escaped: it cannot inject Markdown or HTML into the comment.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? MARKDOWN_MAX_LENGTH;
  let rendered = '';
  for (const limit of ROW_LIMITS) {
    rendered = renderWithLimit(report, limit, options.rules);
    if (rendered.length <= maxLength) return rendered;
  }
  const notice = '\n\n_… cut to fit the comment size limit; see the full report._\n';
  return rendered.slice(0, Math.max(0, maxLength - notice.length)) + notice;
}

function renderWithLimit(report: Report, limit: number, catalogue?: readonly RuleMeta[]): string {
  const { summary } = report;
  const blocking = report.findings.filter((finding) => finding.blocking);
  const waived = report.findings.filter((finding) => finding.status === 'waived');
  const baselined = report.findings.filter((finding) => finding.baselined === true);
  const reportedOnly = report.findings.filter(
    (finding) => !finding.blocking && finding.status !== 'waived' && finding.baselined !== true,
  );
  const out: string[] = [];

  out.push(verdictHeading(report, blocking), '');
  out.push(
    `Profile \`${plain(report.profile.name)}\` (${escapeText(report.profile.description)}) · gate: fails on **${report.gate.failOn}** severity and above; ` +
      `unknown answers on personal data ${report.gate.unknown === 'fail' ? 'fail the gate' : 'are reported only'} · eugate ${escapeText(report.tool.version)}`,
    '',
    `Inputs: ${report.inputs.length > 0 ? report.inputs.map(code).join(', ') : '(none)'} · ` +
      `${summary.resources} resources read: ${summary.described} described, ${summary.notModelled} not modelled · ` +
      `${summary.personalData} hold personal data · ${summary.passed} checks passed`,
  );
  if (report.baseline !== undefined) {
    const { baseline } = report;
    out.push(
      '',
      `Baseline ${code(baseline.file)}: **${baseline.new} new** finding${baseline.new === 1 ? '' : 's'} decide the gate; ` +
        `${baseline.matched} already in the baseline (reported, not blocking); ${baseline.fixed} fixed since.`,
    );
  }

  out.push('', categoryTable(report), '');

  if (blocking.length > 0) {
    out.push(`#### Findings that fail the gate (${blocking.length})`, '');
    out.push(...findingsTable(blocking, limit, 'blocking findings'), '');
    out.push(...fixes(blocking, catalogue));
  }
  if (report.waivers.expired.length > 0) {
    out.push(
      `#### ⚠️ Expired waivers (${report.waivers.expired.length}) — no longer applied; renew or remove them`,
      '',
    );
    out.push(...waiverNotices(report.waivers.expired, limit, 'expired'), '');
  }
  if (reportedOnly.length > 0) {
    out.push(
      ...collapsed(
        `Reported, not blocking (${reportedOnly.length})`,
        findingsTable(reportedOnly, limit, 'findings'),
      ),
    );
  }
  if (baselined.length > 0) {
    out.push(
      ...collapsed(
        `Already in the baseline (${baselined.length})`,
        findingsTable(baselined, limit, 'baseline findings'),
      ),
    );
  }
  if (waived.length > 0) {
    out.push(...collapsed(`Waived (${waived.length})`, waivedTable(waived, limit)));
  }
  if (report.waivers.unused.length > 0) {
    out.push(
      ...collapsed(
        `Unused waivers (${report.waivers.unused.length}) — matched no finding; remove them`,
        waiverNotices(report.waivers.unused, limit, 'expires'),
      ),
    );
  }
  if (report.notModelled.length > 0) {
    const rows = report.notModelled.slice(0, Math.max(limit, 10));
    out.push(
      ...collapsed(
        `Not modelled: ${summary.notModelled} resources of ${report.notModelled.length} types, not checked`,
        [
          '| type | resources |',
          '| --- | ---: |',
          ...rows.map((entry) => `| ${code(entry.type)} | ${entry.count} |`),
          ...more(report.notModelled.length - rows.length, 'types'),
        ],
      ),
    );
  }
  if (report.notes.length > 0) {
    const rows = report.notes.slice(0, Math.max(limit, 5));
    out.push(
      ...collapsed(`Notes (${report.notes.length})`, [
        ...rows.map((note) => `- ${escapeText(note)}`),
        ...more(report.notes.length - rows.length, 'notes'),
      ]),
    );
  }
  if (report.disabledRules.length > 0) {
    out.push(`Disabled rules: ${report.disabledRules.map(code).join(', ')}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function verdictHeading(report: Report, blocking: readonly Finding[]): string {
  if (report.verdict === 'pass') {
    const waived = report.summary.waived > 0 ? ` (${report.summary.waived} waived)` : '';
    return `### ✅ eugate: PASS — no blocking findings${waived}`;
  }
  const fails = blocking.filter((finding) => finding.status === 'fail').length;
  const unknowns = blocking.length - fails;
  return (
    `### ❌ eugate: FAIL — ${blocking.length} blocking finding${blocking.length === 1 ? '' : 's'} ` +
    `(${fails} fail, ${unknowns} unknown)`
  );
}

function categoryTable(report: Report): string {
  const rows = [
    `| category | blocking | fail | unknown | waived |${report.baseline ? ' in baseline |' : ''}`,
  ];
  rows.push(`| --- | ---: | ---: | ---: | ---: |${report.baseline ? ' ---: |' : ''}`);
  const total = { blocking: 0, fail: 0, unknown: 0, waived: 0, baselined: 0 };
  const categories = [
    ...CATEGORIES,
    ...new Set(report.findings.map((f) => f.rule.category).filter((c) => !CATEGORIES.includes(c))),
  ];
  for (const category of categories) {
    const findings = report.findings.filter((finding) => finding.rule.category === category);
    const counts = {
      blocking: findings.filter((f) => f.blocking).length,
      fail: findings.filter((f) => f.status === 'fail').length,
      unknown: findings.filter((f) => f.status === 'unknown').length,
      waived: findings.filter((f) => f.status === 'waived').length,
      baselined: findings.filter((f) => f.baselined === true).length,
    };
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += counts[key];
    rows.push(tableRow(escapeText(category), counts, report.baseline !== undefined));
  }
  rows.push(tableRow('**total**', total, report.baseline !== undefined));
  return rows.join('\n');
}

function tableRow(
  label: string,
  counts: { blocking: number; fail: number; unknown: number; waived: number; baselined: number },
  withBaseline: boolean,
): string {
  const blocking = counts.blocking > 0 ? `**${counts.blocking}**` : '0';
  return `| ${label} | ${blocking} | ${counts.fail} | ${counts.unknown} | ${counts.waived} |${withBaseline ? ` ${counts.baselined} |` : ''}`;
}

function findingsTable(findings: readonly Finding[], limit: number, noun: string): string[] {
  const rows = findings.slice(0, limit);
  if (rows.length === 0) return more(findings.length, noun);
  return [
    '| status | severity | rule | resource | region | where | finding |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (finding) =>
        `| ${finding.status === 'fail' ? 'FAIL' : finding.status === 'unknown' ? 'UNKNOWN' : 'WAIVED'} | ${finding.rule.severity} | ` +
        `[${finding.rule.id}](${ruleDocUrl(finding.rule.id)}) | ${code(finding.resource.address)} | ` +
        `${finding.resource.region === null ? '_unknown_' : code(finding.resource.region)} | ${where(finding)} | ${escapeText(finding.message)} |`,
    ),
    ...more(findings.length - rows.length, noun),
  ];
}

function waivedTable(findings: readonly Finding[], limit: number): string[] {
  const rows = findings.slice(0, limit);
  if (rows.length === 0) return more(findings.length, 'waived findings');
  return [
    '| rule | resource | was | reason | owner | expires |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (finding) =>
        `| [${finding.rule.id}](${ruleDocUrl(finding.rule.id)}) | ${code(finding.resource.address)} | ${finding.waivedStatus ?? 'fail'} | ` +
        `${escapeText(finding.waiver?.reason ?? '')} | ${escapeText(finding.waiver?.owner ?? '')} | ${escapeText(finding.waiver?.expires ?? '')} |`,
    ),
    ...more(findings.length - rows.length, 'waived findings'),
  ];
}

function waiverNotices(
  notices: readonly WaiverNotice[],
  limit: number,
  label: 'expired' | 'expires',
): string[] {
  const rows = notices.slice(0, Math.max(limit, 3));
  return [
    ...rows.map(
      (waiver) =>
        `- ${code(waiver.rule)} on ${code(waiver.resource)} — owner ${escapeText(waiver.owner)}, ${label} ${escapeText(waiver.expires)}: ${escapeText(waiver.reason)}`,
    ),
    ...more(notices.length - rows.length, 'waivers'),
  ];
}

/** One collapsed block per rule that blocks, with the fix for the IaC flavours in the findings. */
function fixes(findings: readonly Finding[], catalogue?: readonly RuleMeta[]): string[] {
  const byRule = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byRule.get(finding.rule.id);
    if (list === undefined) byRule.set(finding.rule.id, [finding]);
    else list.push(finding);
  }
  const out: string[] = [];
  for (const [id, list] of [...byRule.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const meta = ruleMetaFor(list[0]!, catalogue);
    const flavours = new Set(list.map((finding) => flavourOf(finding.resource.type)));
    const lines =
      meta === undefined
        ? [`See [the rule's documentation](${ruleDocUrl(id)}).`]
        : [
            oneLine(meta.rationale),
            '',
            ...FLAVOURS.filter(([key]) => flavours.has(key) && meta.remediation[key] !== undefined).map(
              ([key, label]) => `- **${label}:** ${oneLine(meta.remediation[key] ?? '')}`,
            ),
            '',
            `Legal basis: ${oneLine(meta.legalBasis.join('; '))} · [rule documentation](${ruleDocUrl(id)}) · ` +
              `an accepted risk is recorded as a waiver (rule, resource, reason, owner, expires).`,
          ];
    out.push(
      ...collapsed(
        `How to fix ${id}: ${escapeText(list[0]!.rule.title)} (${list.length} finding${list.length === 1 ? '' : 's'})`,
        lines,
      ),
    );
  }
  return out;
}

/** Which remediation text fits a resource type's schema family. */
function flavourOf(type: string): keyof Remediation {
  if (type.startsWith('AWS::')) return 'cloudformation';
  if (type.startsWith('Microsoft.')) return 'arm';
  if (type.includes(':')) return 'pulumi';
  return 'terraform';
}

function where(finding: Finding): string {
  const { source } = finding.resource;
  const at = `${source.file}${source.line !== undefined ? `:${source.line}` : ''}`;
  return source.construct !== undefined ? `${code(at)} (${code(source.construct)})` : code(at);
}

function collapsed(summary: string, body: readonly string[]): string[] {
  return ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>', ''];
}

function more(count: number, noun: string): string[] {
  return count > 0 ? ['', `_… and ${count} more ${noun}: see the full report._`] : [];
}

/**
 * Inline code for artifact text, on one line. Backticks become quotes, so the text cannot close
 * the span; inside it, HTML is shown, never rendered. Pipes are escaped for tables.
 */
function code(value: string): string {
  return `\`${value
    .replace(/[\r\n]+/g, ' ')
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|')}\``;
}

/** Plain text that must not become Markdown or HTML. */
function escapeText(value: string): string {
  return value
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~])/g, '\\$1');
}

/** Text from eugate's own rule catalogue: already Markdown, kept on one line. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

function plain(value: string): string {
  return value.replace(/[^\w.-]/g, '');
}
