import type { Finding, Report } from './types.js';

/**
 * Compares a report with a baseline (an earlier JSON report of the same estate), for adopting
 * eugate on infrastructure that already has findings: a finding already in the baseline stays in
 * every report, marked `baselined`, but no longer blocks; only new ones decide the verdict.
 *
 * A finding matches a baseline finding with the same rule id, resource address and status (`fail`
 * or `unknown`): a region that was unknown and is now known to be outside the EU is new
 * information, so it is new. Matching counts: a bucket with one replica outside the EU in the
 * baseline and two now has one new finding (the one whose message the baseline does not have).
 * Waived findings are left as they are, and a finding waived in the baseline does not count as
 * known: when its waiver expires it must block, as the waiver said.
 */
export function applyBaseline(report: Report, baseline: Report, file: string): Report {
  const known = new Map<string, string[]>();
  for (const finding of baseline.findings) {
    if (finding.status === 'waived') continue;
    const key = baselineKey(finding);
    const messages = known.get(key);
    if (messages === undefined) known.set(key, [finding.message]);
    else messages.push(finding.message);
  }

  // Exact messages pair first, so that the finding left over is the one that changed.
  const matched = new Set<Finding>();
  for (const finding of report.findings) {
    if (finding.status === 'waived') continue;
    const messages = known.get(baselineKey(finding));
    const index = messages?.indexOf(finding.message) ?? -1;
    if (index === -1) continue;
    messages!.splice(index, 1);
    matched.add(finding);
  }
  for (const finding of report.findings) {
    if (finding.status === 'waived' || matched.has(finding)) continue;
    const messages = known.get(baselineKey(finding));
    if (messages === undefined || messages.length === 0) continue;
    messages.pop();
    matched.add(finding);
  }

  const findings = report.findings.map(
    (finding): Finding => (matched.has(finding) ? { ...finding, blocking: false, baselined: true } : finding),
  );
  let fixed = 0;
  for (const messages of known.values()) fixed += messages.length;
  const raised = findings.filter((finding) => finding.status !== 'waived').length;
  return {
    ...report,
    verdict: findings.some((finding) => finding.blocking) ? 'fail' : 'pass',
    findings,
    baseline: { file, matched: matched.size, new: raised - matched.size, fixed },
  };
}

function baselineKey(finding: Finding): string {
  return `${finding.rule.id}\u0000${finding.resource.address}\u0000${finding.status}`;
}
