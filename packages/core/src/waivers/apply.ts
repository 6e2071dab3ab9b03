import type { Waiver } from '../config/types.js';
import type { Finding, WaiverNotice } from '../report/types.js';
import { globToRegExp } from './glob.js';

export interface WaiverOutcome {
  /** The same findings in the same order; those a waiver covers have status `waived`. */
  readonly findings: readonly Finding[];
  /** Waivers past their expiry date: they no longer apply, and the report says so. */
  readonly expired: readonly WaiverNotice[];
  /** Waivers in force that matched no finding: stale exceptions to delete. */
  readonly unused: readonly WaiverNotice[];
}

/**
 * Turns the findings a waiver covers into recorded exceptions. A waiver matches a finding when the
 * rule id is equal and its resource glob matches the address or the construct path. The first
 * matching waiver (in config order) is the one recorded; a waiver that only ever loses to an
 * earlier one is reported unused, because it changes nothing. `today` is `YYYY-MM-DD`; a waiver
 * applies up to and including its `expires` day.
 */
export function applyWaivers(
  findings: readonly Finding[],
  waivers: readonly Waiver[],
  today: string,
): WaiverOutcome {
  const expired: WaiverNotice[] = [];
  const active: { waiver: Waiver; pattern: RegExp; used: boolean }[] = [];
  for (const waiver of waivers) {
    if (today > waiver.expires) expired.push(notice(waiver));
    else active.push({ waiver, pattern: globToRegExp(waiver.resource), used: false });
  }

  const out = findings.map((finding) => {
    if (finding.status === 'waived') return finding;
    const construct = finding.resource.source.construct;
    const match = active.find(
      ({ waiver, pattern }) =>
        waiver.rule === finding.rule.id &&
        (pattern.test(finding.resource.address) || (construct !== undefined && pattern.test(construct))),
    );
    if (match === undefined) return finding;
    match.used = true;
    return waive(finding, match.waiver);
  });

  const unused = active.filter((entry) => !entry.used).map((entry) => notice(entry.waiver));
  return { findings: out, expired, unused };
}

/** Key order follows `Finding` so the JSON report stays byte-stable. */
function waive(finding: Finding, waiver: Waiver): Finding {
  return {
    rule: finding.rule,
    status: 'waived',
    waivedStatus: finding.status === 'unknown' ? 'unknown' : 'fail',
    resource: finding.resource,
    message: finding.message,
    evidence: finding.evidence,
    personalData: finding.personalData,
    waiver: { reason: waiver.reason, owner: waiver.owner, expires: waiver.expires },
    blocking: false,
  };
}

function notice(waiver: Waiver): WaiverNotice {
  return {
    rule: waiver.rule,
    resource: waiver.resource,
    owner: waiver.owner,
    expires: waiver.expires,
    reason: waiver.reason,
  };
}
