import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, REPO_ROOT, runEugate } from './support/cli.js';

/**
 * Every real Terraform plan in the shared corpus goes through the built CLI, as a user would run it.
 * Valid plans give a well-formed report (exit 0 or 1); none may crash (exit 3) or be rejected.
 */
const PLAN_DIR = join(CORPUS, 'terraform_plan');
const PLANS = readdirSync(PLAN_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();

interface JsonReport {
  version: number;
  verdict: 'pass' | 'fail';
  summary: { resources: number; described: number; notModelled: number; fail: number; unknown: number };
  findings: {
    rule: { id: string };
    status: string;
    resource: { address: string; region: string | null; type: string };
    message: string;
  }[];
  notModelled: { type: string; count: number }[];
  inventory: { address: string; region: string | null; personalData: unknown }[];
}

function scan(name: string): { status: number; report: JsonReport; stderr: string } {
  const file = relative(REPO_ROOT, join(PLAN_DIR, name));
  const run = runEugate(['scan', file, '--format', 'json', '--date', '2026-11-22']);
  let report: JsonReport;
  try {
    report = JSON.parse(run.stdout) as JsonReport;
  } catch {
    throw new Error(`${name}: exit ${run.status}, no JSON report; stderr: ${run.stderr}`);
  }
  return { status: run.status, report, stderr: run.stderr };
}

describe('every corpus plan scans to a well-formed report', () => {
  it.each(PLANS)('%s', (name) => {
    const { status, report } = scan(name);
    expect([0, 1]).toContain(status);
    expect(report.version).toBe(1);
    expect(report.verdict).toBe(status === 0 ? 'pass' : 'fail');
    // Nothing silently dropped: every resource read is described or listed as not modelled.
    expect(report.summary.described + report.summary.notModelled).toBe(report.summary.resources);
    expect(report.notModelled.reduce((sum, entry) => sum + entry.count, 0)).toBe(report.summary.notModelled);
    for (const finding of report.findings) {
      expect(['fail', 'unknown', 'waived']).toContain(finding.status);
      expect(finding.message.length).toBeGreaterThan(10);
    }
  });
});

type Expectation = readonly [rule: string, status: 'fail' | 'unknown', address: string];

/**
 * What eugate must find in real plans: the rule, status and resource of findings that matter, and
 * findings that must NOT appear (a false positive is a failure too).
 */
const EXPECTED: readonly {
  file: string;
  why: string;
  exit: 0 | 1;
  args?: readonly string[];
  present: readonly Expectation[];
  absent?: readonly (readonly [rule: string, address?: string])[];
  notModelled?: readonly string[];
}[] = [
  {
    file: 'bridgecrewio__checkov__tests_common_runner_registry_plan_with_hcl_for_enrichment_tfplan.json',
    why: 'aliased provider whose region comes from var.region (us-west-2)',
    exit: 1,
    present: [
      ['EU-RES-001', 'fail', 'aws_dynamodb_table.cross-environment-violations'],
      ['EU-RES-001', 'fail', 'aws_s3_bucket.test-bucket1'],
      ['EU-ACC-001', 'fail', 'aws_s3_bucket.test-bucket1'],
    ],
    absent: [['EU-RES-003']],
  },
  {
    file: 'bridgecrewio__checkov__tests_terraform_runner_resources_plan_with_utf_16_encoding_tfplan.json',
    why: 'UTF-16 plan written by PowerShell',
    exit: 1,
    present: [
      ['EU-RES-001', 'fail', 'aws_s3_bucket.s3-bucket'],
      ['EU-ACC-002', 'fail', 'aws_iam_role_policy.fail_1'],
    ],
    notModelled: ['null_resource'],
  },
  {
    file: 'cycloidio__terracost__testdata_aws_terraform-plan-no-region.json',
    why: 'provider without region: fail closed, never a guess',
    exit: 1,
    present: [
      ['EU-RES-003', 'unknown', 'module.nexus.aws_instance.nexus'],
      ['EU-ACC-003', 'fail', 'module.nexus.aws_instance.nexus'],
    ],
    absent: [['EU-RES-001']],
  },
  {
    file: 'bridgecrewio__checkov__tests_terraform_runner_resources_plan_root_module_resources_no_values_tfplan_route53.json',
    why: 'only an aliased provider aws.us-east-1',
    exit: 1,
    present: [['EU-RES-001', 'fail', 'aws_cloudwatch_log_group.aws_route53_example_com']],
  },
  {
    file: 'fugue__regula__rego_tests_rules_tf_aws_s3_inputs_bucket_sse_infra.json',
    why: 'S3 encrypts every bucket since 2023: no EU-ENC-001 even for the "unencrypted" one',
    exit: 1,
    present: [
      ['EU-RES-001', 'fail', 'aws_s3_bucket.aes_encrypted'],
      ['EU-RES-001', 'fail', 'aws_s3_bucket.kms_encrypted'],
      ['EU-RES-001', 'fail', 'aws_s3_bucket.unencrypted'],
    ],
    absent: [['EU-ENC-001']],
  },
  {
    file: 'fugue__regula__rego_tests_rules_tf_aws_cloudfront_inputs_distribution_https_infra.json',
    why: 'CloudFront distributions: global edge, and allow-all viewer protocol',
    exit: 1,
    present: [
      ['EU-RES-004', 'fail', 'aws_cloudfront_distribution.allow_all'],
      ['EU-ENC-003', 'fail', 'aws_cloudfront_distribution.allow_all'],
    ],
  },
  {
    file: 'bridgecrewio__checkov__tests_terraform_runner_resources_plan_tfplan.json',
    why: 'TerraGoat-like plan: unencrypted public RDS, public bucket, wildcard IAM, log delivery',
    exit: 1,
    present: [
      ['EU-ENC-001', 'fail', 'aws_db_instance.default'],
      ['EU-ACC-003', 'fail', 'aws_db_instance.default'],
      ['EU-ACC-001', 'fail', 'aws_s3_bucket.data'],
      ['EU-ACC-002', 'fail', 'aws_iam_user_policy.userpolicy'],
      ['EU-ENC-001', 'unknown', 'aws_ebs_volume.web_host_storage'],
      ['EU-RES-002', 'fail', 'aws_s3_bucket.data_science'],
    ],
  },
  {
    file: 'infracost__infracost__cmd_infracost_testdata_plan_with_terraform_wrapper.json',
    why: 'plan wrapped in setup-terraform wrapper output',
    exit: 1,
    present: [['EU-RES-001', 'fail', 'aws_instance.web_app']],
  },
  {
    file: 'cycloidio__terracost__examples_terraform-plan.json',
    why: 'default provider eu-west-1 plus alias aws.paris (eu-west-3); old plan without module provider mapping',
    exit: 1,
    present: [
      ['EU-ENC-001', 'fail', 'module.rds.aws_db_instance.db'],
      ['EU-RES-003', 'unknown', 'module.rds.aws_db_instance.db'],
    ],
    absent: [
      ['EU-RES-001', 'aws_instance.example'],
      ['EU-RES-003', 'aws_instance.example'],
    ],
  },
  {
    file: 'terraform-compliance__cli__tests_functional_test_multi-module-referencing_plan.out.json',
    why: '7 buckets across 6 modules in eu-west-1: residency passes, logging does not',
    exit: 1,
    present: [
      ['EU-ACC-004', 'fail', 'module.first_layer.module.second_layer.module.third_layer.aws_s3_bucket.test'],
    ],
    absent: [['EU-RES-001'], ['EU-RES-003'], ['EU-ACC-001']],
  },
  {
    file: 'bridgecrewio__checkov__tests_terraform_graph_resources_modules_edges_tfplan_tfplan.json',
    why: 'eu-central-1 buckets in count-indexed modules; eu-strict requires customer-managed keys',
    exit: 1,
    args: ['--profile', 'eu-strict'],
    present: [['EU-ENC-002', 'fail', 'module.test.module.s3-bucket-1.aws_s3_bucket.this[0]']],
    absent: [['EU-RES-001'], ['EU-RES-003']],
  },
  {
    file: 'fugue__regula__rego_tests_examples_aws_inputs_useast1_only_infra.json',
    why: 'a plan without resource_changes: nothing to deploy, nothing to fail',
    exit: 0,
    present: [],
  },
  {
    file: 'infracost__infracost__cmd_infracost_testdata_terraform_v0.14_plan.json',
    why: 'three levels of nested modules in us-east-1',
    exit: 1,
    present: [['EU-RES-001', 'fail', 'module.db.module.db_1.module.db_instance.aws_db_instance.this[0]']],
  },
];

describe('expected findings in real plans', () => {
  it.each(EXPECTED)('$file: $why', ({ file, exit, args, present, absent, notModelled }) => {
    const run = runEugate([
      'scan',
      relative(REPO_ROOT, join(PLAN_DIR, file)),
      '--format',
      'json',
      '--date',
      '2026-11-22',
      ...(args ?? []),
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(exit);
    const report = JSON.parse(run.stdout) as JsonReport;
    const found = report.findings.map((f) => `${f.rule.id} ${f.status} ${f.resource.address}`);
    for (const [rule, status, address] of present) expect(found).toContain(`${rule} ${status} ${address}`);
    for (const [rule, address] of absent ?? []) {
      const hits = report.findings.filter(
        (f) =>
          f.rule.id === rule &&
          f.status !== 'waived' &&
          (address === undefined || f.resource.address === address),
      );
      expect(hits.map((f) => `${f.resource.address}: ${f.message}`)).toEqual([]);
    }
    for (const type of notModelled ?? [])
      expect(report.notModelled.map((entry) => entry.type)).toContain(type);
  });
});
