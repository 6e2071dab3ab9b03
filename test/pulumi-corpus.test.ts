import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, test } from 'vitest';
import { CORPUS, REPO_ROOT, runEugate, tempDir } from './support/cli.js';

/**
 * Every Pulumi artifact of the shared corpus through the built CLI: previews and stack exports give
 * a report; engine event logs and the legacy checkpoint format are refused with one clear line and
 * exit 2. The expected findings of the real samples are asserted.
 */
const PULUMI_DIR = join(CORPUS, 'pulumi');
const FILES = readdirSync(PULUMI_DIR).sort();

const EXPORT = 'dundalek__stratify__test_resources_pulumi_sample-export.json';
const CREATES = 'dundalek__stratify__test_resources_pulumi_sample-preview-creates.json';
const UPDATE = 'dundalek__stratify__test_resources_pulumi_sample-preview-update.json';
const DELETES = 'dundalek__stratify__test_resources_pulumi_sample-preview-deletes.json';
const CHECKPOINT_V1 = 'pulumi__pulumi__pkg_resource_stack_testdata_checkpoint-v1.json';
const CHECKPOINT_V3 = 'pulumi__pulumi__pkg_resource_stack_testdata_checkpoint-v3.json';
const CHECKPOINT_V4 = 'pulumi__pulumi__pkg_resource_stack_testdata_checkpoint-v4.json';
const EVENT_LOGS = [
  'pulumi__pulumi__pkg_backend_display_testdata_not-truncated_template-body.json',
  'pulumi__pulumi__pkg_backend_display_testdata_not-truncated_up-2.json',
];
const REFUSED = new Set([CHECKPOINT_V1, ...EVENT_LOGS]);

interface JsonReport {
  summary: { resources: number; described: number; notModelled: number; fail: number; unknown: number };
  findings: {
    rule: { id: string };
    status: string;
    resource: { address: string; region: string | null; type: string };
    evidence: { path: string; value: unknown; from?: string }[];
    message: string;
  }[];
  notModelled: { type: string; count: number }[];
  notes: string[];
}

function scan(args: readonly string[], cwd?: string): { status: number; report: JsonReport; stderr: string } {
  const run = runEugate(
    ['scan', ...args, '--format', 'json', '--date', '2026-11-22'],
    cwd === undefined ? {} : { cwd },
  );
  let report: JsonReport;
  try {
    report = JSON.parse(run.stdout) as JsonReport;
  } catch {
    throw new Error(`exit ${run.status}, no JSON report; stderr: ${run.stderr}`);
  }
  return { status: run.status, report, stderr: run.stderr };
}

const corpusFile = (name: string) => relative(REPO_ROOT, join(PULUMI_DIR, name));
const findings = (report: JsonReport) =>
  report.findings.map((f) => `${f.rule.id} ${f.status} ${f.resource.address.split('::').pop()}`).sort();

describe('every Pulumi corpus file through the CLI', () => {
  it.each(FILES.filter((name) => !REFUSED.has(name)))('%s gives a report', (name) => {
    const { status, report, stderr } = scan([corpusFile(name)]);
    expect(stderr).toBe('');
    expect([0, 1]).toContain(status);
    expect(report.summary.resources).toBeGreaterThan(0);
    expect(report.summary.described + report.summary.notModelled).toBe(report.summary.resources);
  });

  it.each(EVENT_LOGS)('%s (an engine event log) is refused with exit 2', (name) => {
    const run = runEugate(['scan', corpusFile(name)]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('Pulumi engine event log');
    expect(run.stderr).toContain('pulumi preview --json');
  });

  test('a version-1 checkpoint is refused as a legacy format', () => {
    const run = runEugate(['scan', corpusFile(CHECKPOINT_V1)]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/checkpoint version 1 is a legacy Pulumi state format/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('expected findings of the corpus samples', () => {
  test('stack export: the bucket is in eu-west-1 (its recorded region), unlogged and not TLS-only', () => {
    const { status, report } = scan([corpusFile(EXPORT)]);
    expect(status).toBe(1);
    expect(findings(report)).toEqual(['EU-ACC-004 fail docs', 'EU-ENC-003 fail docs']);
    expect(report.findings[0]?.resource).toMatchObject({ type: 'aws_s3_bucket', region: 'eu-west-1' });
    expect(report.summary).toMatchObject({ resources: 14, described: 2, notModelled: 12 });
    expect(report.notModelled).toContainEqual({ type: 'aws_iam_role_policy_attachment', count: 9 });
    expect(report.notModelled).toContainEqual({ type: 'aws_lambda_function', count: 1 });
  });

  test('preview of creates: without Pulumi.dev.yaml the default provider region is unknown (fail closed)', () => {
    const { status, report } = scan([corpusFile(CREATES)]);
    expect(status).toBe(1);
    expect(findings(report)).toEqual([
      'EU-ACC-004 fail docs',
      'EU-ENC-003 fail docs',
      'EU-RES-003 unknown docs',
    ]);
    const unknown = report.findings.find((f) => f.rule.id === 'EU-RES-003');
    expect(unknown?.message).toContain('Pulumi.dev.yaml');
    expect(unknown?.message).toContain('--stack-config');
  });

  test('preview of creates with Pulumi.dev.yaml beside it: the region comes from aws:region', () => {
    const dir = tempDir({ 'Pulumi.dev.yaml': 'config:\n  aws:region: eu-central-1\n' });
    copyFileSync(join(PULUMI_DIR, CREATES), join(dir, 'preview.json'));
    const { report } = scan(['preview.json'], dir);
    expect(findings(report)).toEqual(['EU-ACC-004 fail docs', 'EU-ENC-003 fail docs']);
    expect(report.findings[0]?.resource.region).toBe('eu-central-1');

    writeFileSync(join(dir, 'Pulumi.dev.yaml'), 'config:\n  aws:region: us-east-1\n');
    const residency = scan(['preview.json'], dir).report.findings.find((f) => f.rule.id === 'EU-RES-001');
    expect(residency?.evidence).toContainEqual({
      path: 'config.aws:region',
      value: 'us-east-1',
      from: 'Pulumi.dev.yaml',
    });
  });

  test('preview of creates with --stack-config in us-east-1: EU-RES-001 fails', () => {
    const dir = tempDir({
      'prod.yaml': 'config:\n  aws:region: us-east-1\n  sample:other: {secure: v1:abc}\n',
    });
    const { status, report } = scan([corpusFile(CREATES), '--stack-config', join(dir, 'prod.yaml')]);
    expect(status).toBe(1);
    expect(findings(report)).toContain('EU-RES-001 fail docs');
    const residency = report.findings.find((f) => f.rule.id === 'EU-RES-001');
    expect(residency?.evidence).toContainEqual(
      expect.objectContaining({ path: 'config.aws:region', value: 'us-east-1' }),
    );
  });

  test('preview with --show-sames and one update: unchanged resources keep their recorded outputs', () => {
    const { report } = scan([corpusFile(UPDATE)]);
    expect(findings(report)).toEqual(['EU-ACC-004 fail docs', 'EU-ENC-003 fail docs']);
    expect(report.findings[0]?.resource.region).toBe('eu-west-1');
  });

  test('preview of deletes: the 14 deleted resources are not deployed, and the report says so', () => {
    const { report } = scan([corpusFile(DELETES)]);
    expect(report.summary.resources).toBe(1);
    expect(report.notes.join('\n')).toContain('14 resources are being deleted and were not evaluated');
  });

  test.each([CHECKPOINT_V3, CHECKPOINT_V4])(
    '%s: the SNS topics are unencrypted; the region is unknown',
    (name) => {
      const { status, report } = scan([corpusFile(name)]);
      expect(status).toBe(1);
      expect(findings(report)).toEqual([
        'EU-ENC-001 fail countDown',
        'EU-ENC-001 fail unhandled-error-topic',
        'EU-RES-003 unknown countDown',
        'EU-RES-003 unknown countDown_watcher-func-logs',
        'EU-RES-003 unknown heartbeat-func-logs',
        'EU-RES-003 unknown unhandled-error-topic',
      ]);
    },
  );

  test('the JSON report is deterministic', () => {
    const first = runEugate(['scan', corpusFile(EXPORT), '--format', 'json', '--date', '2026-11-22']);
    const second = runEugate(['scan', corpusFile(EXPORT), '--format', 'json', '--date', '2026-11-22']);
    expect(first.stdout).toBe(second.stdout);
  });
});

describe('bad Pulumi input', () => {
  const preview = JSON.parse(readFileSync(join(PULUMI_DIR, CREATES), 'utf8')) as Record<string, unknown>;

  test('a preview JSON of an unknown format version', () => {
    const dir = tempDir({ 'preview.json': JSON.stringify({ version: 2, ...preview }) });
    const run = runEugate(['scan', 'preview.json'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'eugate: preview.json (at version): preview JSON format version 2 is not supported (eugate reads the unversioned digest of `pulumi preview --json`, Pulumi v3)\n',
    );
  });

  test('a preview step with an operation eugate does not know', () => {
    const steps = (preview.steps as Record<string, unknown>[]).map((step, i) =>
      i === 1 ? { ...step, op: 'teleport' } : step,
    );
    const dir = tempDir({ 'preview.json': JSON.stringify({ ...preview, steps }) });
    const run = runEugate(['scan', 'preview.json'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('step op "teleport" is not one eugate knows');
  });

  test('a stack export of a newer deployment version', () => {
    const dir = tempDir({
      'state.json': JSON.stringify({ version: 5, deployment: { manifest: {}, resources: [] } }),
    });
    const run = runEugate(['scan', 'state.json'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('deployment version 5 is not supported (eugate reads versions 3 and 4)');
  });

  test('a malformed stack config file', () => {
    const dir = tempDir({ 'Pulumi.dev.yaml': 'config:\n  aws:region: [eu-west-1\n' });
    writeFileSync(join(dir, 'preview.json'), JSON.stringify(preview));
    const run = runEugate(['scan', 'preview.json'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^eugate: Pulumi\.dev\.yaml:\d+:\d+: malformed YAML/);
  });

  test('a --stack-config file that does not exist', () => {
    const run = runEugate(['scan', corpusFile(CREATES), '--stack-config', 'no/such/Pulumi.dev.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'no/such/Pulumi.dev.yaml: the Pulumi stack config file cannot be read (ENOENT)',
    );
  });

  test('--help lists --stack-config', () => {
    expect(runEugate(['scan', '--help']).stdout).toContain('--stack-config <file>');
  });
});
