import {
  asList,
  type Evidence,
  evidence,
  type Fact,
  type Flow,
  isUnknownValue,
  knownFact,
  knownStrings,
  type RawResource,
  SELF,
  unknownFact,
} from '@eugate/core';
import { buildResource, describeConfiguration, type TypeDescriber } from './resource-base.js';
import type { Scan } from './scan.js';
import { read } from './template-values.js';

const SECURITY_GROUP = 'AWS::EC2::SecurityGroup';
const INGRESS = 'AWS::EC2::SecurityGroupIngress';
const EGRESS = 'AWS::EC2::SecurityGroupEgress';
const INTERNET = new Set(['0.0.0.0/0', '::/0']);
const CIDR_PROPERTIES = ['CidrIp', 'CidrIpv6'];

function ports(raw: RawResource, base: string): string {
  const value = (path: string) => {
    const found = read(raw, `${base}${path}`);
    return found.state === 'set' ? String(found.value) : '?';
  };
  const protocol = value('IpProtocol');
  if (protocol === '-1' || protocol === 'all') return 'all traffic';
  const from = value('FromPort');
  const to = value('ToPort');
  return `${protocol} ${from === to ? from : `${from}-${to}`}`;
}

type Exposure = { open: Evidence[]; unknown: { reason: string; evidence: Evidence }[] };

/** Internet-open CIDRs of one rule; `base` is the rule's path prefix (`SecurityGroupIngress[1].`, or `` for a rule resource). */
function ruleExposure(raw: RawResource, base: string, from?: string): Exposure {
  const found: Exposure = { open: [], unknown: [] };
  for (const property of CIDR_PROPERTIES) {
    const cidr = read(raw, `${base}${property}`, from);
    if (cidr.state === 'unknown') found.unknown.push({ reason: cidr.reason, evidence: cidr.evidence });
    else if (cidr.state === 'set' && typeof cidr.value === 'string' && INTERNET.has(cidr.value))
      found.open.push(evidence(cidr.evidence.path, { cidr: cidr.value, ports: ports(raw, base) }, from));
  }
  return found;
}

function groupExposure(group: RawResource, scan: Scan): Fact<boolean> {
  const found: Exposure = { open: [], unknown: [] };
  const checked: Evidence[] = [];
  const inline = read(group, 'SecurityGroupIngress');
  checked.push(inline.evidence);
  if (inline.state === 'unknown') found.unknown.push({ reason: inline.reason, evidence: inline.evidence });
  for (const [index, rule] of asList(inline.state === 'set' ? inline.value : undefined).entries()) {
    if (isUnknownValue(rule)) {
      found.unknown.push({
        reason: rule.reason,
        evidence: evidence(`SecurityGroupIngress[${index}]`, rule.toJSON()),
      });
      continue;
    }
    const exposure = ruleExposure(group, `SecurityGroupIngress[${index}].`);
    found.open.push(...exposure.open);
    found.unknown.push(...exposure.unknown);
  }
  for (const rule of scan.companionsOf(group, INGRESS, 'GroupId', ['GroupId'])) {
    const exposure = ruleExposure(rule, '', rule.address);
    found.open.push(...exposure.open);
    found.unknown.push(...exposure.unknown);
    checked.push(evidence('GroupId', group.address, rule.address));
  }
  if (found.open.length > 0) return knownFact(true, ...found.open);
  const [first] = found.unknown;
  if (first !== undefined) return unknownFact(first.reason, ...found.unknown.map((u) => u.evidence));
  return knownFact(false, ...checked);
}

/**
 * `network-ingress` flows from each security group a resource names in `path` (a list of group ids,
 * whose top-level property is `property`): groups in the input by reference, others by id for the linker.
 */
export function securityGroupIngressFlows(
  raw: RawResource,
  scan: Scan,
  property: string,
  path = property,
): Flow[] {
  const addresses = scan.referenced(raw, property, [SECURITY_GROUP]);
  const ids = read(raw, path);
  return [
    ...addresses.map(
      (address): Flow => ({
        kind: 'network-ingress',
        from: { address },
        to: SELF,
        evidence: [evidence(`references.${property}`, address)],
      }),
    ),
    ...(ids.state === 'set' ? knownStrings(ids.value) : []).map(
      (identifier): Flow => ({
        kind: 'network-ingress',
        from: { identifier },
        to: SELF,
        evidence: [evidence(path, identifier)],
      }),
    ),
  ];
}

export const securityGroupDescribers: readonly TypeDescriber[] = [
  {
    type: SECURITY_GROUP,
    describe: (group, scan) =>
      buildResource(group, {
        kind: 'network-rule',
        storesData: false,
        identifierPaths: ['GroupName'],
        facts: { networkExposure: groupExposure(group, scan) },
      }),
  },
  ...[INGRESS, EGRESS].map(
    (type): TypeDescriber => ({
      type,
      describe: (rule, scan) =>
        describeConfiguration(rule, scan.targetOf(rule, 'GroupId', [SECURITY_GROUP], ['GroupId'])),
    }),
  ),
];
