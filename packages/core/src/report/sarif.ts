import type { Location, Log, Notification, ReportingDescriptor, Result, Run, Suppression } from 'sarif';
import { RULES } from '../policies/catalogue.js';
import type { RuleMeta, Severity } from '../policies/types.js';
import { findingFingerprint } from './fingerprint.js';
import { PROJECT_URL, ruleDocUrl } from './rule-links.js';
import type { Finding, Report } from './types.js';

export interface SarifOptions {
  /** The rule catalogue the descriptors come from; the built-in one by default. */
  readonly rules?: readonly RuleMeta[];
}

/** The SARIF 2.1.0 schema the output declares and is tested against. */
export const SARIF_SCHEMA_URL =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type Level = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, Level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

/** GitHub code scanning ranks security alerts by this property (CVSS-like, 0.1–10). */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
};

const FLAVOURS = [
  ['terraform', 'Terraform / CDKTF'],
  ['cloudformation', 'CloudFormation / CDK'],
  ['pulumi', 'Pulumi'],
  ['arm', 'ARM / Bicep / azure-native'],
] as const;

/**
 * The report as SARIF 2.1.0 for code-scanning UIs (GitHub, Azure DevOps, VS Code's SARIF viewer):
 * one rule descriptor per enabled rule with its help and a link to its doc, one result per
 * finding. Levels follow the severity (critical/high → error, medium → warning, low → note); an
 * `unknown` finding that blocks the gate is as loud as a failure (fail closed), one that does not
 * is at most a warning. Waived findings are results with an accepted suppression carrying the
 * waiver's reason; with a baseline, `baselineState` tells new from unchanged. Deterministic: no
 * timestamps, no absolute paths, findings in report order.
 */
export function renderSarif(report: Report, options: SarifOptions = {}): string {
  const descriptors = ruleDescriptors(report, options.rules ?? RULES.map((rule) => rule.meta));
  const index = new Map(descriptors.map((descriptor, i) => [descriptor.id, i]));
  const run: Run = {
    tool: {
      driver: {
        name: 'eugate',
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: PROJECT_URL,
        rules: descriptors,
      },
    },
    invocations: [
      {
        executionSuccessful: true,
        toolExecutionNotifications: notifications(report),
      },
    ],
    columnKind: 'utf16CodeUnits',
    results: report.findings.map((finding) => toResult(finding, index.get(finding.rule.id)!, report)),
    properties: {
      verdict: report.verdict,
      profile: report.profile,
      gate: report.gate,
      summary: report.summary,
      ...(report.baseline !== undefined && { baseline: report.baseline }),
    },
  };
  const log: Log = { $schema: SARIF_SCHEMA_URL, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptors(report: Report, catalogue: readonly RuleMeta[]): ReportingDescriptor[] {
  const disabled = new Set(report.disabledRules);
  const descriptors = new Map<string, ReportingDescriptor>();
  for (const meta of catalogue) {
    if (!disabled.has(meta.id)) descriptors.set(meta.id, describeRule(meta));
  }
  // A rule the catalogue does not know (a saved report from another version): what the finding says.
  for (const { rule } of report.findings) {
    if (descriptors.has(rule.id)) continue;
    descriptors.set(rule.id, {
      id: rule.id,
      shortDescription: { text: rule.title },
      helpUri: ruleDocUrl(rule.id),
      defaultConfiguration: { level: LEVEL[rule.severity] ?? 'warning' },
      properties: {
        category: rule.category,
        severity: rule.severity,
        tags: ['gdpr', rule.category],
        'security-severity': SECURITY_SEVERITY[rule.severity] ?? '5.5',
      },
    });
  }
  return [...descriptors.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function describeRule(meta: RuleMeta): ReportingDescriptor {
  const fixes = FLAVOURS.flatMap(([key, label]) => {
    const text = meta.remediation[key];
    return text === undefined ? [] : [[label, text] as const];
  });
  const text = [
    meta.rationale,
    `Legal basis: ${meta.legalBasis.join('; ')}.`,
    `Checks: ${meta.appliesTo}`,
    'How to fix it:',
    ...fixes.map(([label, fix]) => `- ${label}: ${fix}`),
    `Accepted exception: record a waiver (rule ${meta.id}, resource, reason, owner, expires) in the eugate config.`,
  ].join('\n');
  const markdown = [
    meta.rationale,
    '',
    `**Legal basis:** ${meta.legalBasis.join('; ')}`,
    '',
    `**What is checked:** ${meta.appliesTo}`,
    '',
    '**How to fix it**',
    '',
    ...fixes.map(([label, fix]) => `- **${label}:** ${fix}`),
    '',
    `An accepted exception is recorded as a waiver (rule \`${meta.id}\`, resource, reason, owner, expires) in \`eugate.config.yaml\`. [Rule documentation](${ruleDocUrl(meta.id)})`,
  ].join('\n');
  return {
    id: meta.id,
    name: pascalCase(meta.title),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.rationale },
    help: { text, markdown },
    helpUri: ruleDocUrl(meta.id),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      category: meta.category,
      severity: meta.severity,
      legalBasis: [...meta.legalBasis],
      tags: ['gdpr', 'security', meta.category],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[meta.severity],
    },
  };
}

function toResult(finding: Finding, ruleIndex: number, report: Report): Result {
  const { resource } = finding;
  const status = finding.status === 'waived' ? (finding.waivedStatus ?? 'fail') : finding.status;
  const result: Result = {
    ruleId: finding.rule.id,
    ruleIndex,
    level: levelOf(finding, status),
    message: { text: resultMessage(finding) },
    locations: [location(finding)],
    partialFingerprints: { 'eugateFinding/v1': findingFingerprint(finding) },
    ...(finding.waiver !== undefined && { suppressions: [suppression(finding.waiver)] }),
    ...(report.baseline !== undefined &&
      finding.status !== 'waived' && { baselineState: finding.baselined === true ? 'unchanged' : 'new' }),
    properties: {
      status: finding.status,
      ...(finding.waivedStatus !== undefined && { waivedStatus: finding.waivedStatus }),
      blocking: finding.blocking,
      ...(finding.baselined === true && { baselined: true }),
      resourceType: resource.type,
      cloud: resource.cloud,
      region: resource.region,
      personalData: finding.personalData,
      evidence: finding.evidence,
    },
  };
  return result;
}

/**
 * The level from the severity. `unknown` means "could not be shown compliant": blocking, it is as
 * loud as a failure; reported only (`--unknown warn`, or no personal data), it is at most a warning.
 */
function levelOf(finding: Finding, status: 'fail' | 'unknown' | string): Level {
  const level = LEVEL[finding.rule.severity] ?? 'warning';
  if (status !== 'unknown' || finding.blocking) return level;
  return level === 'error' ? 'warning' : level;
}

function resultMessage(finding: Finding): string {
  const { resource } = finding;
  const where = resource.region ?? 'region unknown';
  let text = `${resource.address} (${resource.type}, ${where}): ${finding.message}`;
  if (finding.status === 'unknown') text += ' — could not be decided, so it is not a pass.';
  if (finding.personalData !== null) {
    const via = finding.personalData.via !== undefined ? ` via ${finding.personalData.via.join(' → ')}` : '';
    text += ` Personal data: ${finding.personalData.reason}${via}.`;
  }
  return text;
}

function location(finding: Finding): Location {
  const { source, address } = finding.resource;
  return {
    physicalLocation: {
      artifactLocation: { uri: toUri(source.file), uriBaseId: '%SRCROOT%' },
      ...(source.line !== undefined && {
        region: {
          startLine: source.line,
          ...(source.column !== undefined && { startColumn: source.column }),
        },
      }),
    },
    logicalLocations: [
      {
        name: address,
        fullyQualifiedName: source.construct ?? address,
        kind: 'resource',
      },
    ],
  };
}

function suppression(waiver: NonNullable<Finding['waiver']>): Suppression {
  return {
    kind: 'external',
    status: 'accepted',
    justification: `${waiver.reason} (owner ${waiver.owner}, expires ${waiver.expires})`,
    properties: { owner: waiver.owner, expires: waiver.expires },
  };
}

function notifications(report: Report): Notification[] {
  const out: Notification[] = report.notModelled.map((entry) => ({
    descriptor: { id: 'not-modelled' },
    level: 'note',
    message: {
      text: `${entry.count} resource(s) of type ${entry.type} are not modelled by eugate and were not checked.`,
    },
  }));
  for (const waiver of report.waivers.expired) {
    out.push({
      descriptor: { id: 'waiver-expired' },
      level: 'warning',
      message: {
        text: `Waiver for ${waiver.rule} on ${waiver.resource} (owner ${waiver.owner}) expired ${waiver.expires} and no longer applies: ${waiver.reason}`,
      },
    });
  }
  for (const waiver of report.waivers.unused) {
    out.push({
      descriptor: { id: 'waiver-unused' },
      level: 'note',
      message: {
        text: `Waiver for ${waiver.rule} on ${waiver.resource} (owner ${waiver.owner}) matched no finding: remove it.`,
      },
    });
  }
  for (const note of report.notes)
    out.push({ descriptor: { id: 'note' }, level: 'note', message: { text: note } });
  return out;
}

/** Relative paths as URI references: forward slashes, each segment percent-encoded. */
function toUri(file: string): string {
  return file
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function pascalCase(title: string): string {
  return title
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
