import {
  asList,
  asString,
  type Evidence,
  type Fact,
  knownFact,
  type RawResource,
  readProperty,
  unknownFact,
} from '@eugate/core';
import { judgeRange } from '../shared/ip-range.js';
import { internetWideCidr } from '../terraform/network.js';
import { defaultEvidence, readEnum } from './resource-base.js';

const CLOSED = new Set(['disabled', 'securedbyperimeter']);

/**
 * `publicNetworkAccess: Disabled` closes a service to the internet whatever its firewall says (ARM's
 * spelling of azurerm's `public_network_access_enabled = false`). Returns the closing fact, or the
 * evidence to carry on when the public endpoint is open.
 */
export function publicNetworkAccess(
  raw: RawResource,
  path = 'properties.publicNetworkAccess',
): { readonly closed: Fact<boolean> } | { readonly open: Evidence } {
  const read = readEnum(raw, path);
  if (read.state === 'unknown') return { closed: unknownFact(read.reason, read.evidence) };
  if (read.state === 'set' && CLOSED.has(read.value)) return { closed: knownFact(false, read.evidence) };
  return { open: read.state === 'set' ? read.evidence : defaultEvidence(path, 'defaults to Enabled') };
}

/**
 * Server-level firewall rules (`properties.startIpAddress`–`endIpAddress`) of SQL, PostgreSQL and
 * MySQL: one internet-wide or "Allow Azure services" (0.0.0.0–0.0.0.0) rule exposes the server.
 */
export function firewallExposure(
  rules: readonly RawResource[],
  open: Evidence,
  whenNone: Fact<boolean>,
): Fact<boolean> {
  let undecided: { reason: string; evidence: Evidence[] } | undefined;
  const seen: Evidence[] = [];
  for (const rule of rules) {
    const start = asString(readProperty(rule.properties, 'properties.startIpAddress', rule.address));
    const end = asString(readProperty(rule.properties, 'properties.endIpAddress', rule.address));
    seen.push(start.evidence, end.evidence);
    if (start.state !== 'set' || end.state !== 'set') {
      undecided ??= {
        reason: `the address range of firewall rule ${rule.address} is not known`,
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
  return knownFact(false, open, ...seen);
}

/**
 * `networkAcls` of Storage and Key Vault: every network is admitted unless `defaultAction` is Deny,
 * and then only the listed `ipRules` (an internet-wide CIDR among them still admits everyone).
 */
export function networkAclExposure(raw: RawResource, aclPath: string, open: Evidence): Fact<boolean> {
  const acls = readProperty(raw.properties, aclPath);
  if (acls.state === 'unknown') return unknownFact(acls.reason, open, acls.evidence);
  if (acls.state === 'absent')
    return knownFact(true, open, defaultEvidence(aclPath, 'every network is allowed'));
  const action = readEnum(raw, `${aclPath}.defaultAction`);
  if (action.state === 'unknown') return unknownFact(action.reason, open, action.evidence);
  if (action.state === 'absent' || action.value === 'allow')
    return knownFact(
      true,
      open,
      action.state === 'set' ? action.evidence : defaultEvidence(action.evidence.path, 'defaults to Allow'),
    );
  const rules = readProperty(raw.properties, `${aclPath}.ipRules`);
  if (rules.state === 'unknown') return unknownFact(rules.reason, action.evidence, rules.evidence);
  const values = asList(rules.state === 'set' ? rules.value : undefined).map((rule) =>
    typeof rule === 'object' && rule !== null ? (rule as { value?: unknown }).value : rule,
  );
  const wide = internetWideCidr(values);
  if (wide.cidr !== undefined) return knownFact(true, open, rules.evidence);
  if (wide.unreadable !== undefined)
    return unknownFact(`unreadable ipRules entry ${JSON.stringify(wide.unreadable)}`, rules.evidence);
  if (values.some((v) => typeof v !== 'string'))
    return unknownFact(`an ipRules entry of ${raw.address} is not known`, rules.evidence);
  return knownFact(false, action.evidence, rules.evidence);
}
