import {
  asString,
  type Evidence,
  type Fact,
  knownFact,
  knownStrings,
  type RawResource,
  readProperty,
  unknownFact,
} from '@eugate/core';
import { judgeCidr, judgeRange } from '../shared/ip-range.js';
import { readFlag } from './plan-values.js';

/**
 * `public_network_access_enabled = false` closes a service to the internet whatever its firewall
 * says. Returns the closing fact, or the evidence to carry on when the public endpoint is open.
 */
export function publicNetworkAccess(
  raw: RawResource,
  names: readonly string[] = ['public_network_access_enabled'],
): { readonly closed: Fact<boolean> } | { readonly open: Evidence } {
  const read = readFlag(raw, names);
  if (read.state === 'unknown') return { closed: unknownFact(read.reason, read.evidence) };
  if (read.state === 'set' && !read.value) return { closed: knownFact(false, read.evidence) };
  return {
    open: read.state === 'set' ? read.evidence : { ...read.evidence, value: '(not set) — defaults to true' },
  };
}

/**
 * Server-level IP firewall rules (`start_ip_address`–`end_ip_address`) of SQL, PostgreSQL, MySQL and
 * Redis. One internet-wide or "Allow Azure services" rule exposes the server; a rule whose range is
 * known only after apply leaves it unknown; `whenNone` is what the service does without any rule.
 */
export function firewallExposure(
  rules: readonly RawResource[],
  open: Evidence,
  whenNone: Fact<boolean>,
): Fact<boolean> {
  let undecided: { reason: string; evidence: Evidence[] } | undefined;
  for (const rule of rules) {
    const start = asString(readProperty(rule.properties, 'start_ip_address', rule.address));
    const end = asString(readProperty(rule.properties, 'end_ip_address', rule.address));
    if (start.state !== 'set' || end.state !== 'set') {
      undecided ??= {
        reason: `the address range of firewall rule ${rule.address} is known only after apply`,
        evidence: [start.evidence, end.evidence],
      };
      continue;
    }
    const verdict = judgeRange(start.value, end.value);
    if (verdict === 'internet-wide' || verdict === 'azure-services')
      return knownFact(true, open, start.evidence, end.evidence);
    if (verdict === 'unreadable')
      undecided ??= {
        reason: `firewall rule ${rule.address} has an unreadable range ${start.value}–${end.value}`,
        evidence: [start.evidence, end.evidence],
      };
  }
  if (undecided !== undefined) return unknownFact(undecided.reason, open, ...undecided.evidence);
  if (rules.length === 0) return whenNone;
  return knownFact(
    false,
    open,
    ...rules.flatMap((rule) => [
      readProperty(rule.properties, 'start_ip_address', rule.address).evidence,
      readProperty(rule.properties, 'end_ip_address', rule.address).evidence,
    ]),
  );
}

/** An `ip_rules` / `ip_range_filter` list: the first internet-wide CIDR, or whether one is unreadable. */
export function internetWideCidr(value: unknown): { readonly cidr?: string; readonly unreadable?: string } {
  const cidrs = typeof value === 'string' ? value.split(',') : knownStrings(value);
  for (const cidr of cidrs) {
    const verdict = judgeCidr(cidr);
    if (verdict === 'internet-wide') return { cidr };
    if (verdict === 'unreadable') return { unreadable: cidr };
  }
  return {};
}
