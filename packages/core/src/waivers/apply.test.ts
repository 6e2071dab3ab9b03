import { describe, expect, it } from 'vitest';
import type { Waiver } from '../config/types.js';
import type { Finding } from '../report/types.js';
import { applyWaivers } from './apply.js';

function finding(
  rule: string,
  address: string,
  status: 'fail' | 'unknown' = 'fail',
  construct?: string,
): Finding {
  return {
    rule: { id: rule, category: 'residency', severity: 'high', title: 'Title' },
    status,
    resource: {
      address,
      type: 'aws_s3_bucket',
      cloud: 'aws',
      region: 'us-east-1',
      source:
        construct === undefined ? { file: 'plan.json' } : { file: 'cdk.out/S.template.json', construct },
    },
    message: 'message',
    evidence: [],
    personalData: { reason: 'assumed' },
    blocking: true,
  };
}

function waiver(rule: string, resource: string, expires = '2030-01-01'): Waiver {
  return { rule, resource, reason: 'migration planned', owner: 'team-data', expires };
}

const TODAY = '2026-03-15';

describe('applyWaivers', () => {
  it.each([
    { name: 'exact address', waiver: waiver('EU-RES-001', 'aws_s3_bucket.a'), waived: ['aws_s3_bucket.a'] },
    {
      name: 'glob',
      waiver: waiver('EU-RES-001', 'aws_s3_bucket.*'),
      waived: ['aws_s3_bucket.a', 'aws_s3_bucket.b'],
    },
    { name: 'other rule id', waiver: waiver('EU-ENC-001', 'aws_s3_bucket.a'), waived: [] },
    { name: 'rule id is exact, not a prefix', waiver: waiver('EU-RES-00', '*'), waived: [] },
    {
      name: 'construct path',
      waiver: waiver('EU-RES-001', 'Stack/Orders/*'),
      waived: ['Stack/Orders/Bucket'],
    },
    {
      name: 'expires today still applies',
      waiver: waiver('EU-RES-001', 'aws_s3_bucket.a', TODAY),
      waived: ['aws_s3_bucket.a'],
    },
    {
      name: 'expired yesterday does not',
      waiver: waiver('EU-RES-001', 'aws_s3_bucket.a', '2026-03-14'),
      waived: [],
    },
  ])('$name', ({ waiver: w, waived }) => {
    const findings = [
      finding('EU-RES-001', 'aws_s3_bucket.a'),
      finding('EU-RES-001', 'aws_s3_bucket.b'),
      finding('EU-RES-001', 'Stack/Orders/Bucket/Resource', 'fail', 'Stack/Orders/Bucket'),
    ];
    const outcome = applyWaivers(findings, [w], TODAY);
    const waivedAddresses = outcome.findings
      .filter((f) => f.status === 'waived')
      .map((f) => f.resource.source.construct ?? f.resource.address);
    expect(waivedAddresses).toEqual(waived);
    expect(outcome.findings.map((f) => f.resource.address)).toEqual(findings.map((f) => f.resource.address));
  });

  it('records the waiver and what the finding would have been, keeping the place', () => {
    const outcome = applyWaivers(
      [finding('EU-RES-001', 'x', 'fail'), finding('EU-RES-002', 'x', 'unknown')],
      [waiver('EU-RES-002', 'x')],
      TODAY,
    );
    expect(outcome.findings[0]!.status).toBe('fail');
    expect(outcome.findings[1]).toEqual({
      ...finding('EU-RES-002', 'x', 'unknown'),
      status: 'waived',
      waivedStatus: 'unknown',
      waiver: { reason: 'migration planned', owner: 'team-data', expires: '2030-01-01' },
      blocking: false,
    });
  });

  it('reports expired waivers and unused ones, but not an expired one as unused', () => {
    const outcome = applyWaivers(
      [finding('EU-RES-001', 'aws_s3_bucket.a')],
      [
        waiver('EU-RES-001', 'aws_s3_bucket.a', '2025-12-31'),
        waiver('EU-RES-001', 'aws_s3_bucket.gone'),
        waiver('EU-ENC-001', 'aws_s3_bucket.a'),
      ],
      TODAY,
    );
    expect(outcome.findings[0]!.status).toBe('fail');
    expect(outcome.expired).toEqual([
      {
        rule: 'EU-RES-001',
        resource: 'aws_s3_bucket.a',
        owner: 'team-data',
        expires: '2025-12-31',
        reason: 'migration planned',
      },
    ]);
    expect(outcome.unused.map((w) => `${w.rule} ${w.resource}`)).toEqual([
      'EU-RES-001 aws_s3_bucket.gone',
      'EU-ENC-001 aws_s3_bucket.a',
    ]);
  });

  it('the first matching waiver wins; a later duplicate is unused', () => {
    const first = { ...waiver('EU-RES-001', '*'), owner: 'first' };
    const second = { ...waiver('EU-RES-001', 'aws_s3_bucket.a'), owner: 'second' };
    const outcome = applyWaivers([finding('EU-RES-001', 'aws_s3_bucket.a')], [first, second], TODAY);
    expect(outcome.findings[0]!.waiver?.owner).toBe('first');
    expect(outcome.unused.map((w) => w.owner)).toEqual(['second']);
  });
});
