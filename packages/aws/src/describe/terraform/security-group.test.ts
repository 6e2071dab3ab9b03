import type { RawResource } from '@eugate/core';
import { expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

/** Ingress blocks as in the checkov plan's `aws_security_group.web-node`. */
const rule = (cidr: string[], from: number, to: number, ipv6: string[] = []) => ({
  cidr_blocks: cidr,
  description: '',
  from_port: from,
  ipv6_cidr_blocks: ipv6,
  prefix_list_ids: [],
  protocol: 'tcp',
  security_groups: [],
  self: false,
  to_port: to,
});
const group = (ingress: unknown) =>
  raw('aws_security_group.sg', {
    description: 'Managed by Terraform',
    name: 'web',
    ingress,
    egress: AFTER_APPLY,
    id: AFTER_APPLY,
  });
const attached = (address: string, properties: Record<string, unknown>) =>
  raw(
    address,
    { security_group_id: AFTER_APPLY, ...properties },
    { references: { security_group_id: ['aws_security_group.sg.id', 'aws_security_group.sg'] } },
  );

it.each<[string, RawResource[], unknown, unknown]>([
  [
    'SSH open to the internet',
    [group([rule(['0.0.0.0/0'], 22, 22), rule(['10.0.0.0/8'], 443, 443)])],
    true,
    [{ path: 'ingress[0].cidr_blocks', value: { cidr: '0.0.0.0/0', ports: 'tcp 22' } }],
  ],
  [
    'IPv6 everywhere on a port range',
    [group([rule([], 8000, 8080, ['::/0'])])],
    true,
    [{ path: 'ingress[0].ipv6_cidr_blocks', value: { cidr: '::/0', ports: 'tcp 8000-8080' } }],
  ],
  ['private ranges only', [group([rule(['172.16.0.0/16'], 3306, 3306)])], false, undefined],
  [
    'no inline ingress (computed, checkov aws_security_group.default)',
    [group(AFTER_APPLY)],
    false,
    undefined,
  ],
  [
    'aws_security_group_rule of type ingress open to the internet',
    [
      group(AFTER_APPLY),
      attached('aws_security_group_rule.in', {
        type: 'ingress',
        cidr_blocks: ['0.0.0.0/0'],
        from_port: 443,
        to_port: 443,
        protocol: 'tcp',
      }),
    ],
    true,
    [
      {
        path: 'cidr_blocks',
        value: { cidr: '0.0.0.0/0', ports: 'tcp 443' },
        from: 'aws_security_group_rule.in',
      },
    ],
  ],
  [
    'egress rules do not expose',
    [
      group(AFTER_APPLY),
      attached('aws_security_group_rule.out', {
        type: 'egress',
        cidr_blocks: ['0.0.0.0/0'],
        from_port: 0,
        to_port: 0,
        protocol: '-1',
      }),
    ],
    false,
    undefined,
  ],
  [
    'aws_vpc_security_group_ingress_rule, all traffic',
    [
      group(AFTER_APPLY),
      attached('aws_vpc_security_group_ingress_rule.all', {
        cidr_ipv4: '0.0.0.0/0',
        ip_protocol: '-1',
        from_port: null,
        to_port: null,
      }),
    ],
    true,
    [
      {
        path: 'cidr_ipv4',
        value: { cidr: '0.0.0.0/0', ports: 'all traffic' },
        from: 'aws_vpc_security_group_ingress_rule.all',
      },
    ],
  ],
  [
    'CIDR known after apply',
    [group([rule([AFTER_APPLY as unknown as string], 22, 22)])],
    'unknown: ingress[0].cidr_blocks is known only after apply',
    undefined,
  ],
])('%s', (_, resources, exposure, evidence) => {
  const result = describeAll(...resources);
  const described = resourceOf(result, 'aws_security_group.sg');
  expect(described).toMatchObject({ kind: 'network-rule', storesData: false });
  expect(factValue(described.facts.networkExposure)).toEqual(exposure);
  if (evidence !== undefined) expect(described.facts.networkExposure?.evidence).toEqual(evidence);
  for (const other of result.resources.filter((r) => r.address !== 'aws_security_group.sg'))
    expect(other).toMatchObject({ kind: 'configuration', configures: 'aws_security_group.sg' });
});
