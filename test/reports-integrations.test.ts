import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { sarifValidator } from './fixtures/reports/harness.js';
import { BIN, REPO_ROOT, runEugate, tempDir } from './support/cli.js';

// The YAML library core reads config files with; the test package does not depend on it itself.
const YAML = createRequire(resolve(REPO_ROOT, 'packages/core/package.json'))('yaml') as {
  parse(text: string): unknown;
};

const EXAMPLE_PLAN = readFileSync(join(REPO_ROOT, 'examples/terraform-eu-customer-data/plan.json'), 'utf8');
const EXAMPLE_HCL = readFileSync(join(REPO_ROOT, 'examples/terraform-eu-customer-data/main.tf'), 'utf8');

/** Stands in for `npx --yes eugate@<version>`: the scripts run the eugate built from this checkout. */
const NPX_SHIM = `npx() {
  while [ "$#" -gt 0 ]; do
    case "$1" in --yes|eugate@*) shift ;; *) break ;; esac
  done
  node "${BIN}" "$@"
}
`;

function runScript(shell: 'bash' | 'sh', script: string, cwd: string, env: Record<string, string>) {
  const args = shell === 'bash' ? ['--noprofile', '--norc', '-eo', 'pipefail', '-c'] : ['-e', '-c'];
  const result = spawnSync(shell, [...args, NPX_SHIM + script], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface ActionStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

describe('GitHub Action (action.yml)', () => {
  const action = YAML.parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { required?: boolean; default?: string }>;
    runs: { using: string; steps: ActionStep[] };
  };
  const steps = action.runs.steps;
  const scanStep = steps.find((step) => step.id === 'scan')!;
  const gateStep = steps.find((step) => step.name === 'Gate')!;

  it('is a composite action with the inputs the docs promise', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining([
        'paths',
        'profile',
        'config',
        'fail-on',
        'baseline',
        'upload-sarif',
        'job-summary',
      ]),
    );
    expect(steps.map((step) => step.uses ?? step.name ?? step.id)).toEqual([
      'actions/setup-node@v4',
      'scan',
      'Job summary',
      'github/codeql-action/upload-sarif@v3',
      'Gate',
    ]);
    // SARIF and the summary are written even when the gate fails; the job fails after them.
    expect(steps[2]!.if).toContain('always()');
    expect(steps[3]!.if).toContain('always()');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
    expect(steps[3]!.with).toMatchObject({ sarif_file: '${{ inputs.working-directory }}/eugate.sarif' });
  });

  it('never splices an input into a script: inputs reach the scripts as environment variables', () => {
    for (const step of steps) expect(step.run ?? '').not.toContain('${{');
  });

  it('its scan script writes the JSON, SARIF and Markdown reports and the exit code', () => {
    const dir = tempDir({ 'plan.json': EXAMPLE_PLAN, 'baseline.json': '' });
    writeFileSync(
      join(dir, 'baseline.json'),
      runEugate(['scan', 'plan.json', '--format', 'json'], { cwd: dir }).stdout,
    );
    const output = join(dir, 'github-output');
    writeFileSync(output, '');
    const run = runScript('bash', scanStep.run!, dir, {
      GITHUB_OUTPUT: output,
      EUGATE_PATHS: 'plan.json\n',
      EUGATE_PROFILE: 'eu',
      EUGATE_CONFIG: '',
      EUGATE_FAIL_ON: 'medium',
      EUGATE_UNKNOWN: '',
      EUGATE_REGION: '',
      EUGATE_BASELINE: '',
      EUGATE_VERSION: 'latest',
      EUGATE_OUT: join(dir, 'runner-temp'),
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^FAIL: \d+ blocking findings/m);
    expect(readFileSync(output, 'utf8')).toBe('exit-code=1\nreport=eugate.json\nsarif=eugate.sarif\n');
    expect(sarifValidator()(JSON.parse(readFileSync(join(dir, 'eugate.sarif'), 'utf8')))).toEqual([]);
    expect(readFileSync(join(dir, 'eugate.md'), 'utf8')).toMatch(/^### ❌ eugate: FAIL/);
    expect(JSON.parse(readFileSync(join(dir, 'eugate.json'), 'utf8')).gate.failOn).toBe('medium');

    // With the report as baseline, nothing is new: exit code 0.
    writeFileSync(output, '');
    const again = runScript('bash', scanStep.run!, dir, {
      GITHUB_OUTPUT: output,
      EUGATE_PATHS: 'plan.json',
      EUGATE_PROFILE: '',
      EUGATE_CONFIG: '',
      EUGATE_FAIL_ON: '',
      EUGATE_UNKNOWN: '',
      EUGATE_REGION: '',
      EUGATE_BASELINE: 'baseline.json',
      EUGATE_VERSION: 'latest',
      EUGATE_OUT: join(dir, 'runner-temp'),
    });
    expect(again.status).toBe(0);
    expect(readFileSync(output, 'utf8')).toMatch(/^exit-code=0$/m);
  });

  it.each([
    ['0', 'true', 0],
    ['1', 'true', 1],
    ['1', 'false', 0],
    ['2', 'false', 2],
  ])('its gate step: eugate exit code %s with fail=%s fails the job with %i', (code, fail, expected) => {
    const run = runScript('bash', gateStep.run!, tempDir(), { EUGATE_EXIT_CODE: code, EUGATE_FAIL: fail });
    expect(run.status).toBe(expected);
  });
});

describe('GitLab CI template (ci/gitlab/eugate.gitlab-ci.yml)', () => {
  const template = YAML.parse(
    readFileSync(join(REPO_ROOT, 'ci/gitlab/eugate.gitlab-ci.yml'), 'utf8'),
  ) as Record<
    string,
    {
      extends?: string;
      script: string[];
      variables: Record<string, string>;
      artifacts: { when: string; reports: Record<string, string>; paths: string[] };
    }
  >;
  const job = template['.eugate']!;

  it('declares the Code Quality and JUnit reports, kept even when the job fails', () => {
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.reports).toEqual({
      codequality: 'gl-code-quality-report.json',
      junit: 'eugate-junit.xml',
    });
    expect(template.eugate!.extends).toBe('.eugate');
  });

  it('its script (POSIX sh) writes a Code Quality report GitLab can read and fails on the gate', () => {
    const dir = tempDir({ 'plan.json': EXAMPLE_PLAN });
    const run = runScript('sh', job.script.join('\n'), dir, { ...job.variables, EUGATE_PATHS: 'plan.json' });
    expect(run.status).toBe(1);
    const issues = JSON.parse(readFileSync(join(dir, 'gl-code-quality-report.json'), 'utf8')) as {
      check_name: string;
      location: { path: string; lines: { begin: number } };
    }[];
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]!.location.path).toBe('plan.json');
    expect(XMLValidator.validate(readFileSync(join(dir, 'eugate-junit.xml'), 'utf8'))).toBe(true);
    for (const file of job.artifacts.paths) expect(existsSync(join(dir, file))).toBe(true);
  });
});

describe('pre-commit hooks (.pre-commit-hooks.yaml)', () => {
  const hooks = YAML.parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
    id: string;
    entry: string;
    args?: string[];
    files: string;
    pass_filenames: boolean;
  }[];
  const hook = (id: string) => hooks.find((candidate) => candidate.id === id)!;

  it.each([
    ['eugate', 'infra/prod/main.tf', true],
    ['eugate', 'cdktf.out/stacks/app/cdk.tf.json', true],
    ['eugate', 'src/index.ts', false],
    ['eugate-cloudformation', 'stacks/app.template.yaml', true],
    ['eugate-cloudformation', 'cfn/network.cfn.json', true],
    ['eugate-cloudformation', 'template.yml', true],
    ['eugate-cloudformation', 'package.json', false],
    ['eugate-cloudformation', '.github/workflows/ci.yml', false],
  ])('%s runs for %s: %s', (id, file, expected) => {
    expect(new RegExp(hook(id).files).test(file)).toBe(expected);
  });

  it('the eugate hook scans a directory of .tf files (HCL) and blocks the commit', () => {
    const dir = tempDir({ 'main.tf': EXAMPLE_HCL });
    const { entry, args } = hook('eugate');
    const [command, ...rest] = entry.split(' ');
    expect(command).toBe('eugate');
    const run = runEugate([...rest, ...(args ?? [])], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/EU-RES-001/);
  });
});
