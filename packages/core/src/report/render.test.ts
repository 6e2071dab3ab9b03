import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/parse.js';
import { lowRule, residencyRule } from '../engine/__fixtures__/rules.js';
import { evaluate } from '../engine/evaluate.js';
import { flow, inRegion, REGION_UNKNOWN, resource, tags } from '../graph/__fixtures__/resource.js';
import { renderJson } from './json.js';
import { renderText } from './text.js';
import type { Report } from './types.js';

function sampleReport(): Report {
  const orders = resource('aws_s3_bucket.orders', {
    tags: tags({ 'data-classification': 'personal' }),
    flows: [flow('replica', { identifier: 'orders-replica' })],
  });
  const replica = resource('aws_s3_bucket.replica', {
    region: inRegion('us-east-1'),
    identifiers: ['orders-replica'],
    source: { file: 'plan.json', line: 40, construct: 'Shop/Replica' },
  });
  const pending = resource('aws_s3_bucket.pending', { region: REGION_UNKNOWN });
  const legacy = resource('aws_s3_bucket.legacy', { region: inRegion('us-west-2') });
  return evaluate(
    {
      resources: [orders, replica, pending, legacy],
      notModelled: [
        { type: 'aws_lambda_function', address: 'aws_lambda_function.a' },
        { type: 'aws_lambda_function', address: 'aws_lambda_function.b' },
      ],
      inputs: ['plan.json'],
    },
    {
      ...defaultConfig(),
      failOn: 'medium',
      waivers: [
        {
          rule: 'TEST-RES-001',
          resource: 'aws_s3_bucket.legacy',
          reason: 'decommissioned in Q2',
          owner: 'team-data',
          expires: '2026-06-30',
        },
        {
          rule: 'TEST-RES-001',
          resource: 'aws_s3_bucket.gone',
          reason: 'bucket removed',
          owner: 'team-ops',
          expires: '2026-12-31',
        },
        {
          rule: 'TEST-RES-001',
          resource: 'aws_s3_bucket.orders',
          reason: 'old exception',
          owner: 'team-x',
          expires: '2025-01-01',
        },
      ],
    },
    { today: '2026-03-15', toolVersion: '1.2.3', rules: [residencyRule, lowRule] },
  );
}

describe('renderJson', () => {
  it('is the report as 2-space JSON with a trailing newline', () => {
    const report = sampleReport();
    const text = renderJson(report);
    expect(text.endsWith('}\n')).toBe(true);
    expect(
      text.startsWith(
        '{\n  "version": 1,\n  "tool": {\n    "name": "eugate",\n    "version": "1.2.3"\n  },\n  "verdict": "fail",',
      ),
    ).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(report)));
    expect(renderJson(sampleReport())).toBe(text);
  });

  it('holds no timestamps and no absolute paths', () => {
    const text = renderJson(sampleReport());
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(text).not.toContain(process.cwd());
  });
});

describe('renderText', () => {
  const text = renderText(sampleReport(), { color: false });
  const lines = text.split('\n');

  it.each([
    ['header', 'eugate 1.2.3 — profile eu: EU member states'],
    ['inputs', 'Inputs: plan.json'],
    ['counts', 'Resources: 6 read, 4 described, 2 not modelled; 4 hold personal data'],
    ['checks', 'Checks: 1 passed, 5 failed, 1 unknown, 1 waived'],
    ['gate', 'Gate: fails on medium severity and above; unknown answers on personal data fail the gate'],
    ['rule heading', 'TEST-RES-001  HIGH  Data store outside the EU'],
    ['low rule heading', 'TEST-LOW-001  LOW  Always a low finding'],
    ['fail line', '  FAIL     aws_s3_bucket.replica  [us-east-1]'],
    ['not blocking below the gate', '  FAIL     aws_s3_bucket.orders  [eu-west-1]  (not blocking)'],
    ['unknown line', '  UNKNOWN  aws_s3_bucket.pending  [region unknown]'],
    ['waived line', '  WAIVED   aws_s3_bucket.legacy  [us-west-2]'],
    ['message', '           stored in us-east-1'],
    ['evidence', '           evidence: region = "us-east-1"'],
    ['source with construct', '           at plan.json:40 (Shop/Replica)'],
    [
      'inheritance path',
      '           personal data: inherited via aws_s3_bucket.orders → aws_s3_bucket.replica',
    ],
    ['waiver', '           waived (was fail): decommissioned in Q2 — owner team-data, expires 2026-06-30'],
    ['not modelled', '  aws_lambda_function  2'],
    [
      'expired waiver',
      '  TEST-RES-001 on aws_s3_bucket.orders — owner team-x, expired 2025-01-01: old exception',
    ],
    [
      'unused waiver',
      '  TEST-RES-001 on aws_s3_bucket.gone — owner team-ops, expires 2026-12-31: bucket removed',
    ],
  ])('has the %s line', (_name, line) => {
    expect(lines).toContain(line);
  });

  it('ends with the verdict', () => {
    expect(lines.at(-2)).toBe('FAIL: 2 blocking findings (1 fail, 1 unknown); 1 waived, 4 below the gate');
    expect(lines.at(-1)).toBe('');
  });

  it('groups findings under their rule, in report order', () => {
    const headings = lines.filter((line) => /^TEST-/.test(line));
    expect(headings).toEqual([
      'TEST-LOW-001  LOW  Always a low finding',
      'TEST-RES-001  HIGH  Data store outside the EU',
    ]);
  });

  it('uses ANSI colours only when asked', () => {
    expect(text).not.toContain('\u001b[');
    const coloured = renderText(sampleReport(), { color: true });
    expect(coloured).toContain('\u001b[31mFAIL   \u001b[0m');
    expect(coloured.replace(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g'), '')).toBe(text);
  });

  it('says PASS when nothing blocks', () => {
    const report: Report = { ...sampleReport(), verdict: 'pass', findings: [] };
    expect(renderText(report, { color: false }).split('\n').at(-2)).toBe(
      'PASS: no blocking findings; 1 waived',
    );
  });
});
