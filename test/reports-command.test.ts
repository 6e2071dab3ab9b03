import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MULTICLOUD_ARGS, MULTICLOUD_DIR } from './fixtures/reports/harness.js';
import { REPO_ROOT, runEugate, tempDir } from './support/cli.js';

const EXAMPLE_PLAN = readFileSync(join(REPO_ROOT, 'examples/terraform-eu-customer-data/plan.json'), 'utf8');

/** The multi-cloud example copied into a scratch directory, with its JSON report saved there. */
function savedReport(formats = 'json'): { dir: string; direct: (format: string) => string } {
  const files: Record<string, string> = {};
  for (const name of [
    'aws-plan.json',
    'rds-read-replica.template.json',
    'azure-sql-plan.json',
    'eugate.config.yaml',
  ]) {
    files[name] = readFileSync(join(MULTICLOUD_DIR, name), 'utf8');
  }
  const dir = tempDir(files);
  const saved = runEugate(['scan', ...MULTICLOUD_ARGS, '--format', formats, '--output', 'json=report.json'], {
    cwd: dir,
  });
  expect(saved.status).toBe(1);
  const direct = (format: string) =>
    runEugate(['scan', ...MULTICLOUD_ARGS, '--format', format], { cwd: dir }).stdout;
  return { dir, direct };
}

describe('eugate report <report.json>', () => {
  const { dir, direct } = savedReport();

  it.each(['text', 'json', 'sarif', 'md', 'codequality', 'html'])(
    're-renders %s exactly as the scan would have written it, with the verdict as exit code',
    (format) => {
      const run = runEugate(['report', 'report.json', '--format', format], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      expect(run.stdout).toBe(direct(format));
    },
  );

  it('re-renders JUnit with every passed check when the JSON was written together with JUnit', () => {
    const both = savedReport('json,junit');
    const run = runEugate(['report', 'report.json', '--format', 'junit'], { cwd: both.dir });
    expect(run.stdout).toBe(both.direct('junit'));
    expect(
      JSON.parse(readFileSync(join(both.dir, 'report.json'), 'utf8')).passedChecks.length,
    ).toBeGreaterThan(0);
  });

  it('from a plain JSON report, JUnit lists the findings and says how many checks passed', () => {
    const run = runEugate(['report', 'report.json', '--format', 'junit'], { cwd: dir });
    expect(run.stdout).toMatch(/<system-out>31 checks passed; this report does not list them/);
  });

  it('writes several formats at once, each to its file', () => {
    const run = runEugate(
      ['report', 'report.json', '--format', 'md,sarif', '-o', 'md=r.md', '-o', 'sarif=r.sarif'],
      {
        cwd: dir,
      },
    );
    expect(run.stdout).toBe('');
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toBe(direct('md'));
    expect(readFileSync(join(dir, 'r.sarif'), 'utf8')).toBe(direct('sarif'));
  });

  it('still renders when the artifacts are gone — only the lines are lost', () => {
    const alone = tempDir({ 'report.json': readFileSync(join(dir, 'report.json'), 'utf8') });
    const run = runEugate(['report', 'report.json', '--format', 'sarif'], { cwd: alone });
    expect(run.status).toBe(1);
    const results = (
      JSON.parse(run.stdout) as { runs: { results: { locations: { physicalLocation: object }[] }[] }[] }
    ).runs[0]!.results;
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result.locations[0]!.physicalLocation).not.toHaveProperty('region');
  });

  it.each([
    ['a file that is not JSON', 'plan.txt', 'not json', /^eugate: plan\.txt: not a JSON eugate report: /],
    [
      'a Terraform plan',
      'plan.json',
      EXAMPLE_PLAN,
      /^eugate: plan\.json: not an eugate JSON report \(no tool\.name "eugate"/,
    ],
    [
      'a report of another version',
      'v2.json',
      '{"version": 2, "tool": {"name": "eugate", "version": "2.0.0"}}',
      /^eugate: v2\.json: eugate report version 2 is not supported \(this eugate reads version 1\)$/,
    ],
    [
      'a truncated report',
      'cut.json',
      '{"version": 1, "tool": {"name": "eugate", "version": "0.1.0"}, "verdict": "fail"}',
      /^eugate: cut\.json \(at profile\): not a valid eugate report: profile: /,
    ],
    ['an empty file', 'empty.json', '', /^eugate: empty\.json: the file is empty$/],
  ])('%s is an input error: exit 2, one line', (_name, file, content, message) => {
    const run = runEugate(['report', file], { cwd: tempDir({ [file]: content }) });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
  });
});

describe('--format and --output', () => {
  const dir = tempDir({ 'plan.json': EXAMPLE_PLAN });
  const scan = (...args: string[]) =>
    runEugate(['scan', 'plan.json', '--date', '2026-11-22', ...args], { cwd: dir });

  it('the original single-format form still works: --format json --output FILE', () => {
    const run = scan('--format', 'json', '--output', 'single.json');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'single.json'), 'utf8')).version).toBe(1);
  });

  it('formats can be comma-separated or repeated; the one without a file goes to stdout', () => {
    const commas = scan('--format', 'text,sarif,junit', '-o', 'sarif=a.sarif', '-o', 'junit=a.xml');
    const repeated = scan(
      '-f',
      'text',
      '-f',
      'sarif',
      '-f',
      'junit',
      '-o',
      'sarif=b.sarif',
      '-o',
      'junit=b.xml',
    );
    expect(commas.status).toBe(1);
    expect(commas.stdout).toMatch(/^eugate 0\.1\.0/);
    expect(repeated.stdout).toBe(commas.stdout);
    expect(readFileSync(join(dir, 'b.sarif'), 'utf8')).toBe(readFileSync(join(dir, 'a.sarif'), 'utf8'));
    expect(readFileSync(join(dir, 'b.xml'), 'utf8')).toBe(readFileSync(join(dir, 'a.xml'), 'utf8'));
  });

  it('--output <format>=<file> alone asks for that format, next to the default text on stdout', () => {
    const run = scan('--output', 'markdown=summary.md');
    expect(run.stdout).toMatch(/^eugate 0\.1\.0/);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/^### ❌ eugate: FAIL/);
  });

  it.each([
    [['--format', 'text,json'], /^eugate: --format: text, json would all go to standard output/],
    [
      ['--format', 'sarif,junit', '--output', 'x.out'],
      /^eugate: --output: 'x\.out' does not say which of sarif, junit/,
    ],
    [
      ['--format', 'pdf'],
      /^eugate: --format: 'pdf' is not a report format \(one of: text, json, sarif, junit, md, codequality, html\)/,
    ],
    [['-o', 'sarif=a', '-o', 'sarif=b'], /^eugate: --output: sarif is given two files/],
    [
      ['-o', 'sarif=same', '-o', 'junit=same'],
      /^eugate: --output: sarif and junit would both be written to 'same'/,
    ],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const run = scan(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('the README documents the report command', () => {
  it('lists `eugate report` and every format', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('eugate report');
    for (const format of ['sarif', 'junit', 'md', 'codequality', 'html']) expect(readme).toContain(format);
  });

  it('report --help lists its options', () => {
    const help = runEugate(['report', '--help']);
    expect(help.status).toBe(0);
    for (const option of ['--format', '--output', '--baseline']) expect(help.stdout).toContain(option);
  });
});
