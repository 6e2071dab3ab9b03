import type { Scan } from '@eugate/core';
import {
  asList,
  type Evidence,
  evidence,
  type Fact,
  type Flow,
  knownFact,
  knownStrings,
  type RawResource,
  readProperty,
  SELF,
  unknownFact,
} from '@eugate/core';
import { readConfigured } from './plan-values.js';
import { buildResource, describeConfiguration, type TypeDescriber } from './resource-base.js';

const SECURITY_GROUP_TYPES = ['aws_security_group', 'aws_default_security_group'];
const SECURITY_GROUP_RULE = 'aws_security_group_rule';
const INGRESS_RULE = 'aws_vpc_security_group_ingress_rule';
const EGRESS_RULE = 'aws_vpc_security_group_egress_rule';
const INTERNET = new Set(['0.0.0.0/0', '::/0']);

function ports(raw: RawResource, base: string, protocolKey: string): string {
  const protocol = readProperty(raw.properties, `${base}${protocolKey}`);
  const from = readProperty(raw.properties, `${base}from_port`);
  const to = readProperty(raw.properties, `${base}to_port`);
  const proto = protocol.state === 'set' ? String(protocol.value) : '?';
  if (proto === '-1' || proto === 'all') return 'all traffic';
  const f = from.state === 'set' ? String(from.value) : '?';
  const t = to.state === 'set' ? String(to.value) : '?';
  return `${proto} ${f === t ? f : `${f}-${t}`}`;
}

type Exposure = { readonly open: Evidence[]; readonly unknown: { reason: string; evidence: Evidence }[] };

/** Internet-open CIDRs of one rule; `base` is the rule's path prefix (`ingress[1].` or `` for a rule resource). */
function ruleExposure(
  raw: RawResource,
  base: string,
  cidrPaths: readonly string[],
  protocolKey: string,
  from?: string,
): Exposure {
  const open: Evidence[] = [];
  const unknowns: Exposure['unknown'] = [];
  for (const cidrPath of cidrPaths) {
    const read = readProperty(raw.properties, `${base}${cidrPath}`, from);
    if (read.state === 'unknown') {
      unknowns.push({ reason: read.reason, evidence: read.evidence });
      continue;
    }
    if (read.state !== 'set') continue;
    const values = asList(read.value);
    const internet = knownStrings(values).filter((cidr) => INTERNET.has(cidr));
    if (internet.length > 0) {
      open.push(
        evidence(
          read.evidence.path,
          { cidr: internet.join(', '), ports: ports(raw, base, protocolKey) },
          from,
        ),
      );
    } else if (values.some((v) => typeof v !== 'string')) {
      unknowns.push({ reason: `${read.evidence.path} is known only after apply`, evidence: read.evidence });
    }
  }
  return { open, unknown: unknowns };
}

function groupExposure(group: RawResource, scan: Scan): Fact<boolean> {
  const open: Evidence[] = [];
  const unknowns: Exposure['unknown'] = [];
  const checked: Evidence[] = [];
  const inline = readConfigured(group, 'ingress');
  if (inline.state === 'unknown') unknowns.push({ reason: inline.reason, evidence: inline.evidence });
  checked.push(inline.evidence);
  for (const index of asList(inline.state === 'set' ? inline.value : undefined).keys()) {
    const found = ruleExposure(group, `ingress[${index}].`, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol');
    open.push(...found.open);
    unknowns.push(...found.unknown);
  }
  for (const rule of scan.companionsOf(group, SECURITY_GROUP_RULE, 'security_group_id', ['id'])) {
    const type = readProperty(rule.properties, 'type', rule.address);
    if (type.state === 'set' && type.value !== 'ingress') continue;
    const found = ruleExposure(rule, '', ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol', rule.address);
    open.push(...found.open);
    unknowns.push(...found.unknown);
    checked.push(evidence('type', type.state === 'set' ? type.value : '(unknown)', rule.address));
  }
  for (const rule of scan.companionsOf(group, INGRESS_RULE, 'security_group_id', ['id'])) {
    const found = ruleExposure(rule, '', ['cidr_ipv4', 'cidr_ipv6'], 'ip_protocol', rule.address);
    open.push(...found.open);
    unknowns.push(...found.unknown);
    checked.push(evidence('security_group_id', group.address, rule.address));
  }
  if (open.length > 0) return knownFact(true, ...open);
  const [first] = unknowns;
  if (first !== undefined) return unknownFact(first.reason, ...unknowns.map((u) => u.evidence));
  return knownFact(false, ...checked);
}

/**
 * `network-ingress` flows from each security group named in `argument` (a list of ids) into the
 * resource: groups in the input by reference, others by id for the linker.
 */
export function securityGroupIngressFlows(
  raw: RawResource,
  scan: Scan,
  argument: string,
  path: string = argument,
): Flow[] {
  const addresses = scan.referenced(raw, argument, SECURITY_GROUP_TYPES);
  const knownIds = new Set(
    addresses.map((a) => scan.get(a)?.properties.id).filter((id): id is string => typeof id === 'string'),
  );
  const read = readProperty(raw.properties, path);
  const ids = read.state === 'set' ? knownStrings(read.value).filter((id) => !knownIds.has(id)) : [];
  return [
    ...addresses.map(
      (address): Flow => ({
        kind: 'network-ingress',
        from: { address },
        to: SELF,
        evidence: [evidence(`references.${argument}`, address)],
      }),
    ),
    ...ids.map(
      (identifier): Flow => ({
        kind: 'network-ingress',
        from: { identifier },
        to: SELF,
        evidence: [evidence(path, identifier)],
      }),
    ),
  ];
}

function groupOf(rule: RawResource, scan: Scan): RawResource | undefined {
  return scan.targetOf(rule, 'security_group_id', SECURITY_GROUP_TYPES, ['id']);
}

export const securityGroupDescribers: readonly TypeDescriber[] = [
  ...SECURITY_GROUP_TYPES.map(
    (type): TypeDescriber => ({
      type,
      describe: (group, scan) =>
        buildResource(group, {
          kind: 'network-rule',
          storesData: false,
          identifierPaths: ['id', 'arn', 'name'],
          facts: { networkExposure: groupExposure(group, scan) },
        }),
    }),
  ),
  ...[SECURITY_GROUP_RULE, INGRESS_RULE, EGRESS_RULE].map(
    (type): TypeDescriber => ({
      type,
      describe: (rule, scan) => describeConfiguration(rule, groupOf(rule, scan)),
    }),
  ),
];
