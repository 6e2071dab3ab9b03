import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/parse.js';
import type { EugateConfig } from '../config/types.js';
import { flow, inRegion, REGION_UNKNOWN, resource, tags } from '../graph/__fixtures__/resource.js';
import { knownFact } from '../model/evidence.js';
import type { Resource } from '../model/resource.js';
import type { Rule, Severity } from '../policies/types.js';
import { renderJson } from '../report/json.js';
import { lowRule, residencyRule, throwingRule } from './__fixtures__/rules.js';
import { type EvaluationInput, evaluate, exitCodeFor } from './evaluate.js';

const OPTIONS = { today: '2026-03-15', toolVersion: '0.0.0-test', rules: [residencyRule] };

function input(resources: Resource[], extra: Partial<EvaluationInput> = {}): EvaluationInput {
  return { resources, notModelled: [], inputs: ['plan.json'], ...extra };
}

function config(overrides: Partial<EugateConfig> = {}): EugateConfig {
  return { ...defaultConfig(), ...overrides };
}

const orders = resource('aws_s3_bucket.orders', {
  tags: tags({ 'data-classification': 'personal' }),
  flows: [flow('replica', { identifier: 'orders-replica' })],
  source: { file: 'plan.json', line: 12, construct: 'Shop/Orders' },
});
const replica = resource('aws_s3_bucket.replica', {
  region: inRegion('us-east-1'),
  identifiers: ['orders-replica'],
  tags: tags({ 'data-classification': 'public' }),
});
const assets = resource('aws_s3_bucket.assets', {
  tags: tags({ 'data-classification': 'public' }),
  region: inRegion('us-west-2'),
});
const pending = resource('aws_s3_bucket.pending', { region: REGION_UNKNOWN });
const securityGroup = resource('aws_security_group.web', {
  kind: 'network-rule',
  storesData: false,
  type: 'aws_security_group',
});

describe('evaluate', () => {
  it('builds the whole report', () => {
    const report = evaluate(
      input([orders, replica, assets, securityGroup], {
        notModelled: [
          { type: 'aws_lambda_function', address: 'aws_lambda_function.b' },
          { type: 'aws_iam_role', address: 'aws_iam_role.r' },
          { type: 'aws_lambda_function', address: 'aws_lambda_function.a' },
        ],
        notes: ['1 resource is being deleted and was not evaluated'],
      }),
      config({ disabledRules: ['TEST-ZZZ-001', 'TEST-AAA-001'] }),
      OPTIONS,
    );
    expect(report).toEqual({
      version: 1,
      tool: { name: 'eugate', version: '0.0.0-test' },
      verdict: 'fail',
      profile: { name: 'eu', description: 'EU member states' },
      gate: { failOn: 'low', unknown: 'fail' },
      inputs: ['plan.json'],
      summary: {
        resources: 7,
        described: 4,
        notModelled: 3,
        personalData: 2,
        fail: 2,
        unknown: 0,
        waived: 0,
        passed: 1,
      },
      findings: [
        {
          rule: {
            id: 'TEST-RES-001',
            category: 'residency',
            severity: 'high',
            title: 'Data store outside the EU',
          },
          status: 'fail',
          resource: {
            address: 'aws_s3_bucket.assets',
            type: 'aws_s3_bucket',
            cloud: 'aws',
            region: 'us-west-2',
            source: { file: 'plan.json' },
          },
          message: 'stored in us-west-2',
          evidence: [{ path: 'region', value: 'us-west-2' }],
          personalData: null,
          blocking: true,
        },
        {
          rule: {
            id: 'TEST-RES-001',
            category: 'residency',
            severity: 'high',
            title: 'Data store outside the EU',
          },
          status: 'fail',
          resource: {
            address: 'aws_s3_bucket.replica',
            type: 'aws_s3_bucket',
            cloud: 'aws',
            region: 'us-east-1',
            source: { file: 'plan.json' },
          },
          message: 'stored in us-east-1',
          evidence: [{ path: 'region', value: 'us-east-1' }],
          personalData: { reason: 'inherited', via: ['aws_s3_bucket.orders', 'aws_s3_bucket.replica'] },
          blocking: true,
        },
      ],
      notModelled: [
        { type: 'aws_iam_role', count: 1 },
        { type: 'aws_lambda_function', count: 2 },
      ],
      inventory: [
        {
          address: 'aws_s3_bucket.assets',
          type: 'aws_s3_bucket',
          cloud: 'aws',
          kind: 'object-storage',
          region: 'us-west-2',
          country: 'US',
          jurisdiction: 'OTHER',
          personalData: null,
          encryptionAtRest: null,
          source: { file: 'plan.json' },
        },
        {
          address: 'aws_s3_bucket.orders',
          type: 'aws_s3_bucket',
          cloud: 'aws',
          kind: 'object-storage',
          region: 'eu-west-1',
          country: 'IE',
          jurisdiction: 'EU',
          personalData: { reason: 'declared' },
          encryptionAtRest: null,
          source: { file: 'plan.json', line: 12, construct: 'Shop/Orders' },
        },
        {
          address: 'aws_s3_bucket.replica',
          type: 'aws_s3_bucket',
          cloud: 'aws',
          kind: 'object-storage',
          region: 'us-east-1',
          country: 'US',
          jurisdiction: 'OTHER',
          personalData: { reason: 'inherited', via: ['aws_s3_bucket.orders', 'aws_s3_bucket.replica'] },
          encryptionAtRest: null,
          source: { file: 'plan.json' },
        },
      ],
      flows: [
        {
          kind: 'replica',
          from: 'aws_s3_bucket.orders',
          fromRegion: 'eu-west-1',
          to: 'aws_s3_bucket.replica',
          toRegion: 'us-east-1',
          toCountry: 'US',
          toJurisdiction: 'OTHER',
          worldwide: false,
          allowed: false,
        },
      ],
      waivers: { expired: [], unused: [] },
      disabledRules: ['TEST-AAA-001', 'TEST-ZZZ-001'],
      notes: ['1 resource is being deleted and was not evaluated'],
    });
    expect(exitCodeFor(report)).toBe(1);
  });

  it('keeps the documented key order (the JSON report is a contract)', () => {
    const report = evaluate(input([orders, replica]), config(), OPTIONS);
    expect(Object.keys(report)).toEqual([
      'version',
      'tool',
      'verdict',
      'profile',
      'gate',
      'inputs',
      'summary',
      'findings',
      'notModelled',
      'inventory',
      'flows',
      'waivers',
      'disabledRules',
      'notes',
    ]);
    expect(Object.keys(report.findings[0]!)).toEqual([
      'rule',
      'status',
      'resource',
      'message',
      'evidence',
      'personalData',
      'blocking',
    ]);
  });

  it('is deterministic: same input twice gives identical JSON, and input order does not matter', () => {
    const resources = [orders, replica, assets, pending, securityGroup];
    const run = (list: Resource[]): string =>
      renderJson(
        evaluate(
          input(list, {
            notModelled: [
              { type: 'b', address: 'b.1' },
              { type: 'a', address: 'a.1' },
            ],
          }),
          config({
            waivers: [
              {
                rule: 'TEST-LOW-001',
                resource: 'aws_s3_bucket.a*',
                reason: 'r',
                owner: 'o',
                expires: '2030-01-01',
              },
            ],
          }),
          { ...OPTIONS, rules: [lowRule, residencyRule] },
        ),
      );
    const first = run(resources);
    expect(run(resources)).toBe(first);
    expect(run([...resources].reverse())).toBe(first);
  });

  it('isolates a rule that throws: a failing finding for that resource, the run goes on', () => {
    const boom = resource('aws_s3_bucket.boom');
    const report = evaluate(input([boom, orders]), config(), {
      ...OPTIONS,
      rules: [throwingRule, residencyRule],
    });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      rule: { id: 'TEST-BUG-001', severity: 'medium' },
      status: 'fail',
      resource: { address: 'aws_s3_bucket.boom' },
      message: "rule TEST-BUG-001 failed on this resource: Cannot read properties of undefined (reading 'x')",
      evidence: [],
      blocking: true,
    });
    // The throwing rule passed on orders; the residency rule passed on both.
    expect(report.summary.passed).toBe(3);
    expect(report.verdict).toBe('fail');
  });

  it.each<{ name: string; check: () => unknown; message: string }>([
    {
      name: 'throws a string',
      check: () => {
        throw 'not an Error';
      },
      message: 'rule TEST-ODD-001 failed on this resource: not an Error',
    },
    {
      name: 'returns no list',
      check: () => undefined,
      message: 'rule TEST-ODD-001 failed on this resource: check() returned undefined, not a list of results',
    },
  ])('fails closed when a rule $name', ({ check, message }) => {
    const odd = { meta: { ...residencyRule.meta, id: 'TEST-ODD-001' }, check: check as Rule['check'] };
    const report = evaluate(input([orders]), config(), { ...OPTIONS, rules: [odd] });
    expect(report.findings.map((finding) => [finding.status, finding.message, finding.blocking])).toEqual([
      ['fail', message, true],
    ]);
  });

  it('does not run disabled rules', () => {
    const report = evaluate(input([assets]), config({ disabledRules: ['TEST-RES-001'] }), OPTIONS);
    expect(report.findings).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(report.disabledRules).toEqual(['TEST-RES-001']);
    expect(exitCodeFor(report)).toBe(0);
  });

  it('applies waivers: the finding stays, waived and not blocking; stale waivers are reported', () => {
    const report = evaluate(
      input([orders, replica]),
      config({
        waivers: [
          {
            rule: 'TEST-RES-001',
            resource: 'Shop/*',
            reason: 'nothing to waive',
            owner: 'a',
            expires: '2030-01-01',
          },
          {
            rule: 'TEST-RES-001',
            resource: 'aws_s3_bucket.replica',
            reason: 'old',
            owner: 'b',
            expires: '2026-03-14',
          },
          {
            rule: 'TEST-RES-001',
            resource: 'aws_s3_bucket.rep*',
            reason: 'DR copy, moving',
            owner: 'c',
            expires: '2026-03-15',
          },
        ],
      }),
      OPTIONS,
    );
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      status: 'waived',
      waivedStatus: 'fail',
      waiver: { reason: 'DR copy, moving', owner: 'c', expires: '2026-03-15' },
      blocking: false,
    });
    expect(Object.keys(report.findings[0]!)).toEqual([
      'rule',
      'status',
      'waivedStatus',
      'resource',
      'message',
      'evidence',
      'personalData',
      'waiver',
      'blocking',
    ]);
    expect(report.summary).toMatchObject({ fail: 0, waived: 1 });
    expect(report.waivers.expired.map((w) => w.owner)).toEqual(['b']);
    expect(report.waivers.unused.map((w) => w.owner)).toEqual(['a']);
    expect(report.verdict).toBe('pass');
  });
});

describe('evaluate: what blocks', () => {
  const rule = (severity: Severity, status: 'fail' | 'unknown') => ({
    meta: { ...residencyRule.meta, id: 'TEST-GATE-001', severity },
    check: () => [{ status, message: 'm', evidence: [] }],
  });
  const personal = resource('p', { tags: tags({ 'data-classification': 'personal' }) });
  const notPersonal = resource('n', { tags: tags({ 'data-classification': 'public' }) });

  it.each<{
    severity: Severity;
    status: 'fail' | 'unknown';
    failOn: Severity;
    unknown: 'fail' | 'warn';
    subject: Resource;
    blocking: boolean;
  }>([
    { severity: 'low', status: 'fail', failOn: 'low', unknown: 'fail', subject: notPersonal, blocking: true },
    {
      severity: 'medium',
      status: 'fail',
      failOn: 'high',
      unknown: 'fail',
      subject: personal,
      blocking: false,
    },
    {
      severity: 'critical',
      status: 'fail',
      failOn: 'high',
      unknown: 'fail',
      subject: personal,
      blocking: true,
    },
    { severity: 'high', status: 'fail', failOn: 'high', unknown: 'warn', subject: personal, blocking: true },
    {
      severity: 'high',
      status: 'unknown',
      failOn: 'low',
      unknown: 'fail',
      subject: personal,
      blocking: true,
    },
    {
      severity: 'high',
      status: 'unknown',
      failOn: 'low',
      unknown: 'fail',
      subject: notPersonal,
      blocking: false,
    },
    {
      severity: 'high',
      status: 'unknown',
      failOn: 'low',
      unknown: 'warn',
      subject: personal,
      blocking: false,
    },
    {
      severity: 'low',
      status: 'unknown',
      failOn: 'medium',
      unknown: 'fail',
      subject: personal,
      blocking: false,
    },
  ])(
    '$status at $severity, failOn $failOn, unknown $unknown, $subject.address → blocking $blocking',
    (row) => {
      const report = evaluate(input([row.subject]), config({ failOn: row.failOn, unknown: row.unknown }), {
        ...OPTIONS,
        rules: [rule(row.severity, row.status)],
      });
      expect(report.findings.map((finding) => finding.blocking)).toEqual([row.blocking]);
      expect(report.verdict).toBe(row.blocking ? 'fail' : 'pass');
    },
  );
});

describe('evaluate: inventory and notes', () => {
  it('lists data stores and personal-data holders with encryption and jurisdiction, not other resources', () => {
    const encrypted = resource('aws_s3_bucket.enc', {
      facts: { encryptionAtRest: knownFact('customer-key' as const) },
      region: inRegion('eu-central-1'),
    });
    const logs = resource('aws_cloudwatch_log_group.l', { storesData: false, kind: 'log-store' });
    const source = resource('aws_s3_bucket.src', {
      tags: tags({ 'data-classification': 'personal' }),
      flows: [flow('log-delivery', { address: 'aws_cloudwatch_log_group.l' })],
    });
    const report = evaluate(input([securityGroup, encrypted, logs, source, pending]), config(), {
      ...OPTIONS,
      rules: [],
    });
    expect(
      report.inventory.map((entry) => [
        entry.address,
        entry.region,
        entry.country,
        entry.jurisdiction,
        entry.encryptionAtRest,
      ]),
    ).toEqual([
      ['aws_cloudwatch_log_group.l', 'eu-west-1', 'IE', 'EU', null],
      ['aws_s3_bucket.enc', 'eu-central-1', 'DE', 'EU', 'customer-key'],
      ['aws_s3_bucket.pending', null, null, null, null],
      ['aws_s3_bucket.src', 'eu-west-1', 'IE', 'EU', null],
    ]);
    expect(report.summary.personalData).toBe(4);
  });

  it('adds classification notes after the readers’ notes', () => {
    const report = evaluate(
      input([resource('a')], { notes: ['reader note'] }),
      config({ classification: { ...defaultConfig().classification, mode: 'tagged-only' } }),
      { ...OPTIONS, rules: [] },
    );
    expect(report.notes).toEqual([
      'reader note',
      '1 data store has no classification tag and was treated as not personal data (classification mode tagged-only)',
    ]);
  });
});
