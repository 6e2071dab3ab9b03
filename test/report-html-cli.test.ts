import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runEugate, tempDir } from './support/cli.js';

/** `--format html` through the built command, as a pipeline runs it. */
const EXAMPLE_TEXT = readFileSync(join(REPO_ROOT, 'examples/terraform-eu-customer-data/plan.json'));

describe('eugate scan --format html', () => {
  const dir = tempDir({ 'plan.json': EXAMPLE_TEXT });
  const scan = (output: string) =>
    runEugate(['scan', 'plan.json', '--format', 'html', '--output', output, '--date', '2026-11-22'], {
      cwd: dir,
    });
  const first = scan('report.html');
  const page = readFileSync(join(dir, 'report.html'), 'utf8');

  it('writes one self-contained page and exits with the verdict', () => {
    expect(first.status).toBe(1);
    expect(first.stdout).toBe('');
    expect(first.stderr).toBe('');
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page).toContain('<p class="verdict-text">FAIL: ');
    expect(page).toContain('default-src &#39;none&#39;');
    expect(page).not.toMatch(/<(link|img|iframe|object|embed)\b/);
  });

  it('shows the example’s replica in the US in the map and in the flow diagram', () => {
    expect(page).toMatch(
      /<tr class="map-row" data-jurisdiction="OTHER">\s*<th scope="row"><code>aws_s3_bucket\.customer_documents_dr<\/code>/,
    );
    const svg = page.slice(page.indexOf('<svg'), page.indexOf('</svg>'));
    expect(svg).toContain('aws_s3_bucket.customer_documents');
    expect(svg).toMatch(
      /<g class="flow flow-outside"><title>aws_s3_bucket\.customer_documents → aws_s3_bucket\.customer_documents_dr: replica/,
    );
  });

  it('is byte-identical on every run, with no machine path and no timestamp', () => {
    expect(scan('again.html').status).toBe(1);
    expect(readFileSync(join(dir, 'again.html'), 'utf8')).toBe(page);
    expect(page).not.toContain(dir);
    expect(page).not.toContain(REPO_ROOT);
    expect(page).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  it('`eugate report` renders the same page from the saved JSON report (flows included)', () => {
    const saved = runEugate(
      ['scan', 'plan.json', '--format', 'json', '--output', 'report.json', '--date', '2026-11-22'],
      { cwd: dir },
    );
    expect(saved.status).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { flows: unknown[] };
    expect(report.flows.length).toBeGreaterThan(0);
    const rerendered = runEugate(['report', 'report.json', '--format', 'html'], { cwd: dir });
    expect(rerendered.stderr).toBe('');
    expect(rerendered.stdout).toBe(page);
  });
});
