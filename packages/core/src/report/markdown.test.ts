import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/parse.js';
import { residencyRule } from '../engine/__fixtures__/rules.js';
import { evaluate } from '../engine/evaluate.js';
import { inRegion, resource } from '../graph/__fixtures__/resource.js';
import { renderMarkdown } from './markdown.js';

function reportWith(count: number) {
  const resources = Array.from({ length: count }, (_, i) =>
    resource(`aws_s3_bucket.bucket_${String(i).padStart(4, '0')}`, { region: inRegion('us-east-1') }),
  );
  return evaluate({ resources, notModelled: [], inputs: ['plan.json'] }, defaultConfig(), {
    today: '2026-01-01',
    toolVersion: '1.0.0',
    rules: [residencyRule],
  });
}

describe('renderMarkdown', () => {
  it('shows every finding when there are few', () => {
    const text = renderMarkdown(reportWith(3));
    expect(text.match(/^\| FAIL \|/gm)).toHaveLength(3);
    expect(text).not.toContain('more blocking findings');
  });

  it.each([
    [20_000, 50],
    [6_000, 25],
    [3_000, 10],
  ])('fits %i characters by showing fewer rows (%i) and counting the rest', (maxLength, rows) => {
    const text = renderMarkdown(reportWith(500), { maxLength });
    expect(text.length).toBeLessThanOrEqual(maxLength);
    expect(text.match(/^\| FAIL \|/gm)).toHaveLength(rows);
    expect(text).toContain(`_… and ${500 - rows} more blocking findings: see the full report._`);
    expect(text.split('\n')[0]).toBe('### ❌ eugate: FAIL — 500 blocking findings (500 fail, 0 unknown)');
  });

  it('cuts as a last resort, and says so', () => {
    const text = renderMarkdown(reportWith(10), { maxLength: 300 });
    expect(text.length).toBeLessThanOrEqual(300);
    expect(text).toMatch(/cut to fit the comment size limit; see the full report\._\n$/);
  });
});
