import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Fact,
  knownFact,
  type RawResource,
  type ResourceFacts,
  SCHEMA,
  UnknownValue,
  unknownFact,
} from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { factValue } from './__fixtures__/raw.js';
import { terraformAwsDescriber } from './index.js';

/**
 * Real plans from the shared corpus through a minimal plan → RawResource conversion written for
 * this test only (the real reader lives in @eugate/terraform): `change.after` with
 * `after_unknown` turned into UnknownValue, and the configuration's references per argument.
 */
const CORPUS = join(import.meta.dirname, '../../../../../test/corpus/terraform_plan');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function withUnknowns(after: Json | undefined, unknownMarks: Json | undefined): unknown {
  if (unknownMarks === true) return new UnknownValue('known after apply');
  if (Array.isArray(unknownMarks)) {
    const list = Array.isArray(after) ? after : [];
    const length = Math.max(list.length, unknownMarks.length);
    return Array.from({ length }, (_, i) => withUnknowns(list[i], unknownMarks[i]));
  }
  if (unknownMarks !== null && typeof unknownMarks === 'object') {
    const object = after !== null && typeof after === 'object' && !Array.isArray(after) ? after : {};
    const out: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(object), ...Object.keys(unknownMarks)]))
      out[key] = withUnknowns(object[key], unknownMarks[key]);
    return out;
  }
  return after;
}

function collectReferences(expression: Json | undefined, into: Set<string>): void {
  if (expression === null || typeof expression !== 'object') return;
  if (Array.isArray(expression)) {
    for (const item of expression) collectReferences(item, into);
    return;
  }
  for (const [key, value] of Object.entries(expression)) {
    if (key !== 'references' || !Array.isArray(value)) {
      collectReferences(value, into);
      continue;
    }
    for (const reference of value) if (typeof reference === 'string') into.add(reference);
  }
}

type ModuleConfig = {
  resources?: { address: string; expressions?: Record<string, Json> }[];
  module_calls?: Record<string, { module?: ModuleConfig }>;
};

function referencesByConfigAddress(
  module: ModuleConfig | undefined,
  prefix: string,
  out: Map<string, Record<string, string[]>>,
): void {
  for (const resource of module?.resources ?? []) {
    const byArgument: Record<string, string[]> = {};
    for (const [argument, expression] of Object.entries(resource.expressions ?? {})) {
      const refs = new Set<string>();
      collectReferences(expression, refs);
      if (refs.size > 0)
        byArgument[argument] = [...refs].map((r) =>
          /^(var|local|each|count|path|module)\./.test(r) ? r : `${prefix}${r}`,
        );
    }
    out.set(`${prefix}${resource.address}`, byArgument);
  }
  for (const [name, call] of Object.entries(module?.module_calls ?? {}))
    referencesByConfigAddress(call.module, `${prefix}module.${name}.`, out);
}

interface Plan {
  resource_changes?: {
    address: string;
    type: string;
    mode?: string;
    change: { after: Json; after_unknown?: Json };
  }[];
  configuration?: {
    root_module?: ModuleConfig;
    provider_config?: Record<string, { expressions?: { region?: { constant_value?: string } } }>;
  };
}

function planToRawResources(file: string): RawResource[] {
  const plan = JSON.parse(readFileSync(join(CORPUS, file), 'utf8')) as Plan;
  const references = new Map<string, Record<string, string[]>>();
  referencesByConfigAddress(plan.configuration?.root_module, '', references);
  const configured = plan.configuration?.provider_config?.aws?.expressions?.region?.constant_value;
  const region: Fact<string> =
    configured === undefined
      ? unknownFact('no region in the provider configuration')
      : knownFact(configured, { path: 'provider_config.aws.expressions.region', value: configured });
  return (plan.resource_changes ?? [])
    .filter((rc) => rc.type.startsWith('aws_') && rc.change.after !== null)
    .map((rc) => ({
      address: rc.address,
      type: rc.type,
      schema: SCHEMA.terraformAws,
      properties: withUnknowns(rc.change.after, rc.change.after_unknown ?? {}) as Record<string, unknown>,
      references: references.get(rc.address.replace(/\[[^\]]*\]/g, '')) ?? {},
      region,
      source: { file },
    }));
}

const PLANS = [
  'bridgecrewio__checkov__tests_terraform_runner_resources_plan_tfplan.json',
  'fugue__regula__rego_tests_rules_tf_aws_s3_inputs_bucket_sse_infra.json',
  'fugue__regula__rego_tests_rules_tf_aws_cloudfront_inputs_distribution_https_infra.json',
  'bridgecrewio__checkov__tests_terraform_runner_resources_plan_nested_child_modules_with_connections_tfplan.json',
  'terraform-compliance__cli__tests_functional_test_multi-module-referencing_plan.out.json',
  'terraform-compliance__cli__tests_functional_test_issue-249_plan.out.json',
  'infracost__infracost__cmd_infracost_testdata_terraform_v0.14_plan.json',
  'bridgecrewio__checkov__tests_terraform_runner_resources_plan_with_deleted_resources_tfplan.json',
  'bridgecrewio__checkov__tests_terraform_parser_resources_plan_tags_variety_tfplan.json',
  'bridgecrewio__checkov__tests_terraform_checks_data_aws_example_GithubActionsOIDCTrustPolicy_tfplan.json',
  'bridgecrewio__checkov__tests_terraform_runner_resources_plan_root_module_resources_no_values_tfplan_route53.json',
  'infracost__infracost__cmd_infracost_testdata_breakdown_with_policy_data_upload_plan_json_plan.json',
];

describe('corpus plans: every resource is described or listed as not modelled', () => {
  it.each(PLANS)('%s', (file) => {
    const raws = planToRawResources(file);
    expect(raws.length).toBeGreaterThan(0);
    const result = terraformAwsDescriber.describe(raws);
    const seen = [
      ...result.resources.map((r) => r.address),
      ...result.notModelled.map((r) => r.address),
    ].sort();
    expect(seen).toEqual(raws.map((r) => r.address).sort());
    expect(JSON.parse(JSON.stringify(result))).toBeTruthy();
  });
});

const CHECKOV = 'bridgecrewio__checkov__tests_terraform_runner_resources_plan_tfplan.json';
const REGULA_SSE = 'fugue__regula__rego_tests_rules_tf_aws_s3_inputs_bucket_sse_infra.json';
const REGULA_CLOUDFRONT =
  'fugue__regula__rego_tests_rules_tf_aws_cloudfront_inputs_distribution_https_infra.json';

describe('corpus plans: facts of real resources', () => {
  it.each<[string, string, keyof ResourceFacts, unknown]>([
    [CHECKOV, 'aws_s3_bucket.data', 'publicAccess', true],
    [CHECKOV, 'aws_s3_bucket.logs', 'encryptionAtRest', 'customer-key'],
    [CHECKOV, 'aws_s3_bucket.data_science', 'accessLogging', true],
    [CHECKOV, 'aws_db_instance.default', 'encryptionAtRest', 'none'],
    [CHECKOV, 'aws_db_instance.default', 'networkExposure', true],
    [CHECKOV, 'aws_security_group.web-node', 'networkExposure', true],
    [CHECKOV, 'aws_security_group.default', 'networkExposure', false],
    [CHECKOV, 'aws_kms_key.logs_key', 'keyRotation', false],
    [CHECKOV, 'aws_iam_role_policy.ec2policy', 'wildcardAccess', true],
    [REGULA_SSE, 'aws_s3_bucket.aes_encrypted', 'encryptionAtRest', 'provider-key'],
    [REGULA_SSE, 'aws_s3_bucket.kms_encrypted', 'encryptionAtRest', 'customer-key'],
    [REGULA_SSE, 'aws_s3_bucket.unencrypted', 'encryptionAtRest', 'provider-key'],
    [
      REGULA_CLOUDFRONT,
      'aws_cloudfront_distribution.allow_all',
      'encryptionInTransit',
      { enforced: false, minTlsVersion: '1.0' },
    ],
    [
      REGULA_CLOUDFRONT,
      'aws_cloudfront_distribution.https_only',
      'encryptionInTransit',
      { enforced: true, minTlsVersion: '1.0' },
    ],
  ])('%s: %s %s', (file, address, fact, expected) => {
    const described = terraformAwsDescriber
      .describe(planToRawResources(file))
      .resources.find((r) => r.address === address);
    expect(factValue(described?.facts[fact])).toEqual(expected);
  });

  it('links the regula distribution to its S3 origin and the checkov bucket to its log bucket', () => {
    const cloudfront = terraformAwsDescriber.describe(planToRawResources(REGULA_CLOUDFRONT)).resources;
    expect(
      cloudfront
        .find((r) => r.address === 'aws_cloudfront_distribution.allow_all')
        ?.flows.map((f) => [f.kind, f.from]),
    ).toEqual([['edge-delivery', { address: 'aws_s3_bucket.bucket' }]]);
    const checkov = terraformAwsDescriber.describe(planToRawResources(CHECKOV)).resources;
    expect(
      checkov.find((r) => r.address === 'aws_s3_bucket.data_science')?.flows.map((f) => [f.kind, f.to]),
    ).toEqual([['log-delivery', { address: 'aws_s3_bucket.logs' }]]);
  });

  it('lists data sources as not modelled', () => {
    const result = terraformAwsDescriber.describe(
      planToRawResources(
        'bridgecrewio__checkov__tests_terraform_checks_data_aws_example_GithubActionsOIDCTrustPolicy_tfplan.json',
      ),
    );
    expect(result.notModelled.filter((r) => r.type === 'aws_iam_policy_document')).toHaveLength(4);
  });
});
