import type { Severity } from '../policies/types.js';
import { findingFingerprint } from './fingerprint.js';
import type { Report } from './types.js';

/** One issue of a GitLab Code Quality report (the Code Climate subset GitLab reads). */
export interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
  readonly type: 'issue';
  readonly categories: readonly string[];
}

const SEVERITY: Record<Severity, CodeQualityIssue['severity']> = {
  critical: 'blocker',
  high: 'critical',
  medium: 'major',
  low: 'minor',
};

/**
 * GitLab Code Quality JSON (`artifacts:reports:codequality`): one issue per `fail` or `unknown`
 * finding, shown in the merge request widget and diff. Waived findings are left out — GitLab has
 * no notion of an accepted exception, and the waiver is in the other reports. Findings in the
 * baseline stay in: GitLab itself compares with the target branch's report, by fingerprint. A
 * finding whose line is not known points at line 1 of its file (GitLab requires a line).
 */
export function renderCodeQuality(report: Report): string {
  const issues: CodeQualityIssue[] = report.findings
    .filter((finding) => finding.status !== 'waived')
    .map((finding) => {
      const { resource } = finding;
      const notes = [
        ...(finding.status === 'unknown' ? ['could not be decided, so it is not a pass'] : []),
        ...(finding.blocking ? [] : ['not blocking']),
        ...(finding.baselined === true ? ['in the baseline'] : []),
      ];
      return {
        description: `${finding.rule.id} ${finding.rule.title}: ${resource.address} (${resource.region ?? 'region unknown'}): ${finding.message}${notes.length > 0 ? ` [${notes.join('; ')}]` : ''}`,
        check_name: finding.rule.id,
        fingerprint: findingFingerprint(finding),
        severity: SEVERITY[finding.rule.severity] ?? 'major',
        location: {
          path: resource.source.file.replace(/\\/g, '/'),
          lines: { begin: resource.source.line ?? 1 },
        },
        type: 'issue',
        categories: ['Security'],
      };
    });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
