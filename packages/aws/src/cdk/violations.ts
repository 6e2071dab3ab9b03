import { type Finding, findRule, type Report } from '@eugate/core';
import type { PolicyValidationPluginReportBeta1, PolicyViolationBeta1 } from 'aws-cdk-lib';
import { acknowledgementId } from './acknowledgements.js';
import type { TemplateLocation } from './scan.js';

/**
 * The eugate report as CDK's validation report: one violation per finding. Blocking findings are
 * `error` (they fail the synth), others `warning`, waived ones `info` — CDK lists a waived finding
 * under its acknowledgement when one covers it, so nothing disappears from the output.
 */
export function toValidationReport(
  report: Report,
  locations: ReadonlyMap<string, TemplateLocation>,
  configSource: string,
): PolicyValidationPluginReportBeta1 {
  return {
    success: report.verdict === 'pass',
    violations: report.findings.map((finding) =>
      toViolation(finding, locations.get(finding.resource.address)),
    ),
    metadata: { ...reportMetadata(report), config: configSource },
  };
}

function toViolation(finding: Finding, location: TemplateLocation | undefined): PolicyViolationBeta1 {
  const fix = findRule(finding.rule.id)?.meta.remediation.cloudformation;
  return {
    ruleName: finding.rule.id,
    description: describeFinding(finding),
    ...(fix === undefined ? {} : { fix }),
    severity: finding.status === 'waived' ? 'info' : finding.blocking ? 'error' : 'warning',
    ruleMetadata: ruleMetadata(finding),
    violatingResources: [
      {
        resourceLogicalId: location?.logicalId ?? finding.resource.address,
        templatePath: location?.templatePath ?? finding.resource.source.file,
        locations: propertyLocations(finding),
      },
    ],
  };
}

/**
 * One line: rule, status, what is wrong, then the id to acknowledge it with. Recent aws-cdk-lib strips the
 * `[ack: …]` tag and prints its own "Acknowledge with" line; older versions show the tag.
 */
export function describeFinding(finding: Finding): string {
  const status =
    finding.status === 'waived'
      ? `waived, was ${finding.waivedStatus ?? 'fail'}`
      : `${finding.status}${finding.blocking ? '' : ', not blocking'}`;
  const waiver =
    finding.waiver === undefined
      ? ''
      : ` — waived by ${finding.waiver.owner} until ${finding.waiver.expires}: ${finding.waiver.reason}`;
  return (
    `${finding.rule.id} ${finding.rule.title} (${finding.rule.severity}, ${status}): ${finding.message}${waiver} ` +
    `[ack: ${acknowledgementId(finding.rule.id)}]`
  );
}

function ruleMetadata(finding: Finding): Record<string, string> {
  return {
    'eugate:status': finding.status,
    'eugate:severity': finding.rule.severity,
    'eugate:category': finding.rule.category,
    'eugate:address': finding.resource.address,
    'eugate:region': finding.resource.region ?? '(unknown)',
    'eugate:personalData': finding.personalData?.reason ?? 'no',
    'eugate:blocking': String(finding.blocking),
    ...(finding.waiver === undefined
      ? {}
      : {
          'eugate:waiverReason': finding.waiver.reason,
          'eugate:waiverOwner': finding.waiver.owner,
          'eugate:waiverExpires': finding.waiver.expires,
        }),
  };
}

/** Property paths of the resource's own evidence, as CDK's `Properties.<path>` locations. */
function propertyLocations(finding: Finding): string[] {
  const paths = finding.evidence
    .filter((item) => item.from === undefined && /^[A-Za-z][\w.[\]]*$/.test(item.path))
    .map((item) => `Properties.${item.path}`);
  return [...new Set(paths)];
}

function reportMetadata(report: Report): Record<string, string> {
  const { summary } = report;
  const notModelled = report.notModelled.map((entry) => `${entry.type} ×${entry.count}`).join(', ');
  return {
    verdict: report.verdict,
    profile: report.profile.name,
    gate: `failOn ${report.gate.failOn}, unknown ${report.gate.unknown}`,
    summary:
      `${summary.resources} resources (${summary.described} described, ${summary.notModelled} not modelled), ` +
      `${summary.personalData} with personal data; checks: ${summary.passed} passed, ${summary.fail} failed, ` +
      `${summary.unknown} unknown, ${summary.waived} waived`,
    ...(notModelled === '' ? {} : { notModelled }),
    ...(report.waivers.expired.length === 0
      ? {}
      : {
          expiredWaivers: report.waivers.expired
            .map((w) => `${w.rule} ${w.resource} (${w.expires})`)
            .join(', '),
        }),
    ...(report.waivers.unused.length === 0
      ? {}
      : { unusedWaivers: report.waivers.unused.map((w) => `${w.rule} ${w.resource}`).join(', ') }),
    ...(report.notes.length === 0 ? {} : { notes: report.notes.join(' | ') }),
  };
}
