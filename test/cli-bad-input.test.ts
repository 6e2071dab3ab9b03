import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runEugate, tempDir } from './support/cli.js';

const EXAMPLE_PLAN = readFileSync(join(REPO_ROOT, 'examples/terraform-eu-customer-data/plan.json'), 'utf8');

/** Every bad input: exit 2, one line on stderr naming the file or key, no stack trace, nothing on stdout. */
const BAD_INPUTS: readonly {
  name: string;
  files?: Record<string, string>;
  args: (dir: string) => string[];
  message: RegExp;
}[] = [
  {
    name: 'empty file',
    files: { 'plan.json': '' },
    args: () => ['scan', 'plan.json'],
    message: /^eugate: plan\.json: the file is empty$/,
  },
  {
    name: 'truncated JSON',
    files: { 'plan.json': EXAMPLE_PLAN.slice(0, 5000) },
    args: () => ['scan', 'plan.json'],
    message: /^eugate: plan\.json.*(truncated|end of|Unexpected|invalid JSON|not valid JSON)/i,
  },
  {
    name: 'JSON that is not a plan',
    files: { 'package.json': '{"name":"x","version":"1.0.0"}' },
    args: () => ['scan', 'package.json'],
    message: /^eugate: package\.json: not a recognised artifact \(expected one of: .*Terraform plan JSON/,
  },
  {
    name: 'text that is not JSON',
    files: { 'notes.txt': 'hello\n' },
    args: () => ['scan', 'notes.txt'],
    message: /^eugate: notes\.txt: not a recognised artifact/,
  },
  {
    name: 'a directory with nothing recognisable',
    files: { 'README.md': '# nothing', 'tsconfig.json': '{}' },
    args: () => ['scan', '.'],
    message: /^eugate: \.: no recognisable artifact in this directory/,
  },
  {
    name: 'a path that does not exist',
    args: () => ['scan', 'missing/plan.json'],
    message: /^eugate: missing\/plan\.json: no such file or directory$/,
  },
  {
    name: 'a config with a typo',
    files: { 'plan.json': EXAMPLE_PLAN, 'eugate.config.json': '{"profle":"eu"}' },
    args: () => ['scan', 'plan.json'],
    message: /^eugate: eugate\.config\.json.*profle.*did you mean 'profile'/,
  },
  {
    name: 'a waiver without an expiry',
    files: {
      'plan.json': EXAMPLE_PLAN,
      'eugate.yaml':
        'waivers:\n  - rule: EU-ACC-001\n    resource: "*"\n    reason: legacy\n    owner: team-a\n',
    },
    args: () => ['scan', 'plan.json', '--config', 'eugate.yaml'],
    message: /^eugate: eugate\.yaml.*waivers\[0\]\.expires/,
  },
  {
    name: 'an unknown profile',
    files: { 'plan.json': EXAMPLE_PLAN },
    args: () => ['scan', 'plan.json', '--profile', 'mars'],
    message: /--profile.*mars/,
  },
  {
    name: 'an explicit config file that does not exist',
    files: { 'plan.json': EXAMPLE_PLAN },
    args: () => ['scan', 'plan.json', '--config', 'nope.json'],
    message: /^eugate: nope\.json: config file not found$/,
  },
  {
    name: 'explain with an unknown rule id',
    args: () => ['explain', 'EU-XXX-999'],
    message: /^eugate: EU-XXX-999: no such rule/,
  },
];

describe('bad input: exit 2, a clear message, no stack trace', () => {
  it.each(BAD_INPUTS)('$name', ({ files, args, message }) => {
    const dir = tempDir(files);
    const run = runEugate(args(dir), { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const firstLine = run.stderr.split('\n')[0] ?? '';
    expect(firstLine).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack frames
  });

  it('prints the stack only with --debug', () => {
    const dir = tempDir({
      'plan.json': '{"format_version":"1.2","terraform_version":"1.9.8","planned_values":',
    });
    const run = runEugate(['scan', 'plan.json', '--debug'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\n\s+at /);
  });

  it('keeps a plan with __proto__ keys as data (no prototype pollution)', () => {
    const plan = JSON.parse(EXAMPLE_PLAN);
    const text = JSON.stringify(plan).replace(
      '"bucket":"acme-customer-documents"',
      '"__proto__":{"polluted":true},"bucket":"acme-customer-documents"',
    );
    expect(text).toContain('__proto__');
    const dir = tempDir({ 'plan.json': text });
    const run = runEugate(['scan', 'plan.json', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.summary.resources).toBe(plan.resource_changes.length);
    expect(run.stdout).not.toContain('polluted');
  });
});

describe('usage', () => {
  it('--help lists the scan options, and every option in --help is documented in the README', () => {
    const help = runEugate(['scan', '--help']);
    expect(help.status).toBe(0);
    const global = runEugate(['--help']);
    const options = new Set(
      [...`${help.stdout}\n${global.stdout}`.matchAll(/(?<![\w-])--[a-z][a-z-]+/g)].map((m) => m[0]),
    );
    for (const expected of [
      '--format',
      '--output',
      '--profile',
      '--config',
      '--fail-on',
      '--unknown',
      '--region',
      '--date',
    ]) {
      expect(options).toContain(expected);
    }
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const undocumented = [...options].filter(
      (option) => !readme.includes(`\`${option}`) && !readme.includes(` ${option}`),
    );
    expect(undocumented).toEqual([]);
  });

  it('an unknown command is a usage error', () => {
    const run = runEugate(['scna', 'plan.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown command/);
  });
});
