import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/parse.js';
import { residencyRule } from '../engine/__fixtures__/rules.js';
import { evaluate } from '../engine/evaluate.js';
import { inRegion, resource } from '../graph/__fixtures__/resource.js';
import { renderJunit } from './junit.js';

function report(listPassedChecks: boolean) {
  const resources = [
    resource('aws_s3_bucket.eu'),
    resource('aws_s3_bucket.eu'), // the same address twice (two inputs): still one test case
    resource('aws_s3_bucket.us<"&\u0001>', { region: inRegion('us-east-1') }),
  ];
  return evaluate({ resources, notModelled: [], inputs: ['plan.json'] }, defaultConfig(), {
    today: '2026-01-01',
    toolVersion: '1.0.0',
    rules: [residencyRule],
    listPassedChecks,
  });
}

describe('renderJunit', () => {
  it('lists passed checks only when the engine was asked for them, once per (rule, resource)', () => {
    expect(report(false).passedChecks).toBeUndefined();
    expect(report(true).passedChecks).toEqual([{ rule: 'TEST-RES-001', resource: 'aws_s3_bucket.eu' }]);
  });

  // Well-formedness is checked with an XML parser in test/reports-formats.test.ts.
  it('escapes markup and replaces control characters in an address', () => {
    const xml = renderJunit(report(true));
    expect(xml).toContain('name="aws_s3_bucket.us&lt;&quot;&amp;\uFFFD&gt;"');
    expect(xml).toContain('<testcase classname="eugate.TEST-RES-001" name="aws_s3_bucket.eu"/>');
    expect(xml).toMatch(
      /<testsuites name="eugate 1\.0\.0 \(profile eu\)" tests="2" failures="1" errors="0" skipped="0">/,
    );
  });

  it('says how many checks passed when the report does not list them', () => {
    expect(renderJunit(report(false))).toContain(
      '<system-out>2 checks passed; this report does not list them',
    );
  });
});
