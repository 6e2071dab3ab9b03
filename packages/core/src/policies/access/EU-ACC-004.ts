/**
 * EU-ACC-004 — access to personal data not logged.
 *
 * Art. 32(1)(d) asks for testing and evaluating the effectiveness of security measures, and Art. 5(2)
 * for being able to demonstrate compliance; without access logs a controller cannot tell who read
 * which records. Weak access control and missing access logging have themselves been fined (one
 * such decision: EUR 565,000), and they were findings of the Dutch DPA on the NVIS system.
 */
import { fail, holdsPersonalData, pass, undecided } from '../shared.js';
import type { Rule } from '../types.js';

export const rule: Rule = {
  meta: {
    id: 'EU-ACC-004',
    title: 'Access to personal data not logged',
    category: 'access',
    severity: 'medium',
    legalBasis: ['GDPR Art. 5(2)', 'GDPR Art. 32(1)(d)', 'GDPR Art. 33(3)'],
    rationale:
      'Without access logs a controller cannot answer who read which records, cannot scope a breach notification (Art. 33(3)) and cannot demonstrate compliance (Art. 5(2)). Supervisory authorities have fined controllers for weak access control and missing logging of access to personal data.',
    appliesTo:
      'Resources holding personal data that have an access-logging setting (S3 server access logs, database audit logs).',
    outcomes: {
      pass: 'Access logging is on.',
      fail: 'Access logging is off.',
      unknown: 'The logging setting is known only after apply.',
    },
    remediation: {
      terraform:
        'Add `aws_s3_bucket_logging` (target bucket in an allowed region); azurerm: `azurerm_mssql_server_extended_auditing_policy` / diagnostic settings to a Log Analytics workspace.',
      cloudformation:
        'Set `LoggingConfiguration.DestinationBucketName` on the bucket; enable database audit logs.',
      pulumi: 'Add an `aws.s3.BucketLoggingV2` (or the `logging` argument) for the bucket.',
      arm: 'Add `Microsoft.Insights/diagnosticSettings` or `auditingSettings` with a destination in an allowed region.',
    },
  },
  check(resource) {
    const fact = resource.facts.accessLogging;
    if (!holdsPersonalData(resource) || fact === undefined) return [];
    if (!fact.known) return [undecided(`access logging cannot be determined: ${fact.reason}`, fact.evidence)];
    return fact.value
      ? [pass('access is logged', fact.evidence)]
      : [fail('access to the personal data is not logged', fact.evidence)];
  },
};
