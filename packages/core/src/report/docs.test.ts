import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/parse.js';
import { residencyRule } from '../engine/__fixtures__/rules.js';
import { evaluate } from '../engine/evaluate.js';
import { flow, inRegion, resource, tags } from '../graph/__fixtures__/resource.js';
import { renderJson } from './json.js';

/** The example in docs/report-format.md must have the shape and key order the engine produces. */
const doc = readFileSync(new URL('../../../../docs/report-format.md', import.meta.url), 'utf8');
const example = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(doc)![1]!) as Record<string, unknown>;

function produced(): Record<string, unknown> {
  const orders = resource('aws_s3_bucket.orders', {
    tags: tags({ 'data-classification': 'personal' }),
    flows: [flow('replica', { address: 'aws_s3_bucket.copy' })],
  });
  const copy = resource('aws_s3_bucket.copy', { region: inRegion('us-east-1') });
  const legacy = resource('aws_s3_bucket.legacy', { region: inRegion('us-west-2') });
  const report = evaluate(
    {
      resources: [orders, copy, legacy],
      notModelled: [{ type: 't', address: 't.a' }],
      inputs: ['plan.json'],
    },
    {
      ...defaultConfig(),
      waivers: [
        {
          rule: 'TEST-RES-001',
          resource: 'aws_s3_bucket.legacy',
          reason: 'r',
          owner: 'o',
          expires: '2030-01-01',
        },
        { rule: 'TEST-RES-001', resource: 'nothing', reason: 'r', owner: 'o', expires: '2030-01-01' },
      ],
    },
    { today: '2026-01-01', toolVersion: '0.1.0', rules: [residencyRule] },
  );
  return JSON.parse(renderJson(report)) as Record<string, unknown>;
}

type Json = Record<string, unknown>;
const at = (value: unknown, ...path: (string | number)[]): Json =>
  path.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)[key], value) as Json;

describe('docs/report-format.md example', () => {
  const report = produced();
  const waived = (report.findings as Json[]).find((f) => f.status === 'waived')!;
  const exampleWaived = (example.findings as Json[]).find((f) => f.status === 'waived')!;

  it.each<[string, Json, Json]>([
    ['top level', example, report],
    ['tool', at(example, 'tool'), at(report, 'tool')],
    ['summary', at(example, 'summary'), at(report, 'summary')],
    ['waived finding', exampleWaived, waived],
    ['finding rule', at(exampleWaived, 'rule'), at(waived, 'rule')],
    ['finding resource', at(exampleWaived, 'resource'), at(waived, 'resource')],
    ['waiver', at(exampleWaived, 'waiver'), at(waived, 'waiver')],
    ['inventory entry', at(example, 'inventory', 0), at(report, 'inventory', 0)],
    ['flow', at(example, 'flows', 0), at(report, 'flows', 0)],
    ['not modelled entry', at(example, 'notModelled', 0), at(report, 'notModelled', 0)],
    ['unused waiver notice', at(example, 'waivers', 'unused', 0), at(report, 'waivers', 'unused', 0)],
  ])('%s has the produced keys in the produced order', (_name, documented, actual) => {
    expect(Object.keys(documented)).toEqual(Object.keys(actual));
  });

  it('documents every summary field and every top-level field in its tables', () => {
    for (const key of [...Object.keys(report), ...Object.keys(at(report, 'summary'))]) {
      expect(doc).toContain(`| \`${key}\` |`);
    }
  });
});
