import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fact } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { readTerraformPlan } from './plan.js';

// Real `terraform show -json` output from public repositories (see test/corpus/SOURCES.tsv).
const CORPUS = join(import.meta.dirname, '../../../../test/corpus/terraform_plan');

function regionOf(fact: Fact<string>): string {
  return fact.known ? fact.value : `unknown: ${fact.reason}`;
}

const ENVIRONMENT =
  'unknown: provider "aws" sets no region; it would come from the environment (AWS_REGION) at plan time';

interface Row {
  readonly file: string;
  readonly resources: number;
  /** Some addresses and the region each must have (`unknown: <reason>` for unknown). */
  readonly regions: Readonly<Record<string, string>>;
  readonly notes?: readonly string[];
}

const ROWS: readonly Row[] = [
  {
    // Terraform 0.15.5, default aws (eu-west-1) plus aws.useast1 (us-east-1). Every created resource
    // is in module.apigw_test_1, whose provider passing 0.15 plans do not record: unknown, not a guess.
    file: 'terraform-compliance__cli__tests_functional_test_non_created_module_resource_parameter_plan.out.json',
    resources: 23,
    regions: {
      'module.apigw_test_1.aws_api_gateway_rest_api.base':
        'unknown: module.apigw_test_1 uses the default "aws" provider, but this plan (Terraform 0.15.5) does not record whether its module call passes it another aws configuration (the plan also has aws.useast1, module.apigw_test_1:aws.edgeprovider); newer Terraform versions record it',
    },
  },
  {
    // Provider region = var.region; the variable's value is in the plan.
    file: 'bridgecrewio__checkov__tests_common_runner_registry_plan_with_hcl_for_enrichment_tfplan.json',
    resources: 3,
    regions: { 'aws_s3_bucket.test-bucket1': 'us-west-2', 'aws_iam_policy.policy': 'us-west-2' },
  },
  {
    file: 'cycloidio__terracost__testdata_aws_terraform-plan-no-region.json',
    resources: 3,
    regions: { 'module.nexus.aws_instance.nexus': ENVIRONMENT },
  },
  {
    // UTF-16 LE with BOM, as Windows PowerShell 5 writes a redirect.
    file: 'bridgecrewio__checkov__tests_terraform_runner_resources_plan_with_utf_16_encoding_tfplan.json',
    resources: 3,
    regions: {
      'aws_s3_bucket.s3-bucket': 'us-east-1',
      'null_resource.name': 'unknown: null resources carry their own location',
    },
  },
  {
    file: 'infracost__infracost__cmd_infracost_testdata_plan_with_terraform_wrapper.json',
    resources: 2,
    regions: { 'aws_instance.web_app': 'us-east-1', 'aws_lambda_function.hello_world': 'us-east-1' },
    notes: [
      'infracost__infracost__cmd_infracost_testdata_plan_with_terraform_wrapper.json: the plan JSON is wrapped in other output (hashicorp/setup-terraform wrapper?); 1 line(s) before and 7 after it were ignored',
    ],
  },
  {
    // No resource_changes key at all (empty configuration).
    file: 'fugue__regula__rego_tests_examples_aws_inputs_useast1_only_infra.json',
    resources: 0,
    regions: {},
  },
  {
    // Root resource on alias aws.paris; modules on the default while an alias exists (Terraform 0.15).
    file: 'cycloidio__terracost__examples_terraform-plan.json',
    resources: 5,
    regions: {
      'aws_instance.example': 'eu-west-3',
      'module.rds.aws_db_instance.db':
        'unknown: module.rds uses the default "aws" provider, but this plan (Terraform 0.15.3) does not record whether its module call passes it another aws configuration (the plan also has aws.paris); newer Terraform versions record it',
    },
  },
  {
    // Three-level modules with short provider keys; module.db has its own provider block.
    file: 'infracost__infracost__cmd_infracost_testdata_terraform_v0.14_plan.json',
    resources: 26,
    regions: {
      'aws_instance.instance_named["test.1"]': 'us-east-1',
      'module.db.module.db_2.module.db_instance.aws_db_instance.this[0]': 'us-east-1',
    },
  },
  {
    // Only an aliased provider has a block; resources on the default aws get the environment's region.
    file: 'bridgecrewio__checkov__tests_terraform_runner_resources_plan_root_module_resources_no_values_tfplan_route53.json',
    resources: 4,
    regions: {
      'aws_cloudwatch_log_group.aws_route53_example_com': 'us-east-1',
      'aws_route53_zone.example_com': ENVIRONMENT,
    },
  },
  {
    file: 'bridgecrewio__checkov__tests_terraform_graph_resources_modules_edges_tfplan_tfplan.json',
    resources: 4,
    regions: { 'module.test.module.s3-bucket-2.aws_s3_bucket.this[0]': 'eu-central-1' },
  },
  {
    file: 'terraform-compliance__cli__tests_functional_test_multi-module-referencing_plan.out.json',
    resources: 14,
    regions: { 'module.root_layer.module.second_layer.module.third_layer.aws_s3_bucket.test': 'eu-west-1' },
  },
  {
    file: 'terraform-compliance__cli__tests_functional_test_issue_522_plan.out.json',
    resources: 13,
    regions: { 'aws_lambda_function.lambda': ENVIRONMENT },
    notes: [
      'terraform-compliance__cli__tests_functional_test_issue_522_plan.out.json: 2 resources are planned for deletion and were not evaluated',
    ],
  },
  {
    // AWS and Google in one plan.
    file: 'fugue__regula__rego_tests_lib_inputs_resource_view_07_infra.json',
    resources: 5,
    regions: {
      'aws_s3_bucket.example': 'us-west-2',
      'google_storage_bucket.example': 'unknown: google resources carry their own location',
    },
  },
  {
    // A real user's azurerm plan: module for_each over regions, nested count modules.
    file: 'BelalK1__cap-azure-squad2__plan.json',
    resources: 65,
    regions: {
      'module.server["UK South"].module.data_disks[1].azurerm_managed_disk.disks[0]':
        'unknown: azurerm resources carry their own location',
    },
  },
  {
    // Terraform 0.12: provider_name is just "aws".
    file: 'bridgecrewio__checkov__tests_terraform_runner_resources_plan_tfplan.json',
    resources: 55,
    regions: { 'aws_s3_bucket.data': 'us-west-2', 'aws_db_instance.default': 'us-west-2' },
  },
];

describe.each(ROWS)('$file', ({ file, resources, regions, notes }) => {
  const result = readTerraformPlan(readFileSync(join(CORPUS, file)), file);
  const byAddress = new Map(result.resources.map((resource) => [resource.address, resource]));

  it(`reads ${resources} resources`, () => {
    expect(result.resources).toHaveLength(resources);
    expect(new Set(byAddress.keys()).size).toBe(resources);
  });

  it('resolves the expected regions', () => {
    const actual = Object.fromEntries(
      Object.keys(regions).map((address) => [
        address,
        regionOf(byAddress.get(address)?.region ?? { known: false, reason: 'missing', evidence: [] }),
      ]),
    );
    expect(actual).toEqual(regions);
  });

  it('has the expected notes', () => {
    expect(result.notes).toEqual(notes ?? []);
  });
});

describe('references in real plans', () => {
  it.each([
    [
      // references stay inside their module instance (UK South has no availability set in this plan)
      'BelalK1__cap-azure-squad2__plan.json',
      'module.server["UK South"].azurerm_linux_virtual_machine.main[1]',
      {
        admin_password: [
          'module.server["UK South"].random_password.vm_password[1]',
          'module.server["UK South"].count.index',
        ],
        // not in the plan for this instance: kept as written, prefixed, so it cannot match another resource
        availability_set_id: [
          'module.server["UK South"].azurerm_availability_set.example_aset[0]',
          'module.server["UK South"].local.platform_location_az_count',
        ],
        location: ['module.server["UK South"].azurerm_resource_group.terraform_session_2'],
        network_interface_ids: [
          'module.server["UK South"].azurerm_network_interface.example_nic[1]',
          'module.server["UK South"].count.index',
        ],
        resource_group_name: ['module.server["UK South"].azurerm_resource_group.terraform_session_2'],
      },
    ],
    [
      'bridgecrewio__checkov__tests_terraform_graph_resources_modules_edges_tfplan_tfplan.json',
      'module.test.module.s3-bucket-1.aws_s3_bucket_public_access_block.this[0]',
      {
        bucket: ['module.test.module.s3-bucket-1.aws_s3_bucket.this[0]'],
        block_public_acls: ['module.test.module.s3-bucket-1.var.block_public_acls'],
      },
    ],
    [
      // a nested block (`server_side_encryption_configuration.rule.…kms_master_key_id`) counts for its top-level argument
      'fugue__regula__rego_tests_rules_tf_aws_s3_inputs_bucket_sse_infra.json',
      'aws_s3_bucket.kms_encrypted',
      { server_side_encryption_configuration: ['aws_kms_key.key'] },
    ],
  ])('%s: %s', (file, address, references) => {
    const result = readTerraformPlan(readFileSync(join(CORPUS, file)), file);
    expect(result.resources.find((resource) => resource.address === address)?.references).toMatchObject(
      references,
    );
  });
});
