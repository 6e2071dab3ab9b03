import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { terraformAzurermDescriber } from '@eugate/azure';
import { type DescribeResult, type Fact, type RawResource, SCHEMA } from '@eugate/core';
import { readTerraformPlan } from '@eugate/terraform';
import { describe, expect, it } from 'vitest';
import { CORPUS } from './support/cli.js';

/**
 * The real Azure plans of the shared corpus, read by the real Terraform plan reader and described by
 * the azurerm describer: nothing dropped, regions resolved from the artifact, and the facts that the
 * plans' authors built them to show.
 */
const PLAN_DIR = join(CORPUS, 'terraform_plan');

function describePlan(name: string): { raw: readonly RawResource[]; result: DescribeResult } {
  const read = readTerraformPlan(readFileSync(join(PLAN_DIR, name)), name);
  const raw = read.resources.filter((r) => r.schema === SCHEMA.terraformAzurerm);
  return { raw, result: terraformAzurermDescriber.describe(raw) };
}

function value(fact: Fact<unknown> | undefined): unknown {
  if (fact === undefined) return undefined;
  return fact.known ? fact.value : `unknown: ${fact.reason}`;
}

const PLANS: readonly { file: string; azurerm: number; regions: readonly string[] }[] = [
  {
    file: 'fugue__regula__rego_tests_rules_tf_azurerm_sql_inputs_firewall_no_inbound_all_infra.json',
    azurerm: 7,
    regions: ['westus'],
  },
  {
    file: 'fugue__regula__rego_tests_rules_tf_azurerm_storage_inputs_account_secure_transfer_infra.json',
    azurerm: 4,
    regions: ['westeurope'],
  },
  {
    file: 'fugue__regula__rego_tests_rules_tf_azurerm_storage_inputs_container_private_access_infra.json',
    azurerm: 5,
    regions: ['westeurope'],
  },
  {
    file: 'infracost__infracost__cmd_infracost_testdata_azure_firewall_plan.json',
    azurerm: 0,
    regions: ['westeurope'],
  },
  {
    file: 'infracost__infracost__cmd_infracost_testdata_express_route_gateway_plan.json',
    azurerm: 0,
    regions: [],
  },
  { file: 'cycloidio__terracost__testdata_azurerm_plan.json', azurerm: 0, regions: [] },
  { file: 'BelalK1__cap-azure-squad2__plan.json', azurerm: 0, regions: ['northeurope', 'uksouth'] },
  {
    file: 'terraform-compliance__cli__tests_functional_test_issue-294_plan.out.json',
    azurerm: 0,
    regions: ['northeurope'],
  },
];

describe('Azure corpus plans through the real reader', () => {
  it.each(PLANS)('$file: every azurerm resource described or not modelled', ({ file, azurerm, regions }) => {
    const { raw, result } = describePlan(file);
    expect(raw.length).toBeGreaterThan(0);
    if (azurerm > 0) expect(raw.length).toBe(azurerm);
    expect(result.resources.length + result.notModelled.length).toBe(raw.length);
    expect(new Set([...result.resources, ...result.notModelled].map((r) => r.address)).size).toBe(raw.length);
    const resolved = new Set(result.resources.flatMap((r) => (r.region.known ? [r.region.value] : [])));
    for (const region of regions) expect(resolved).toContain(region);
    for (const resource of result.resources) expect(resource.cloud).toBe('azure');
  });
});

describe('facts the corpus plans were written to show', () => {
  const facts = (file: string, address: string) => {
    const found = describePlan(file).result.resources.find((r) => r.address === address);
    if (found === undefined) throw new Error(`${address} not described`);
    return found;
  };
  const SECURE_TRANSFER =
    'fugue__regula__rego_tests_rules_tf_azurerm_storage_inputs_account_secure_transfer_infra.json';
  const FIREWALL = 'fugue__regula__rego_tests_rules_tf_azurerm_sql_inputs_firewall_no_inbound_all_infra.json';
  const CONTAINERS =
    'fugue__regula__rego_tests_rules_tf_azurerm_storage_inputs_container_private_access_infra.json';

  it.each<[string, string, string, (r: ReturnType<typeof facts>) => unknown, unknown]>([
    [
      'https off → transit not enforced',
      SECURE_TRANSFER,
      'azurerm_storage_account.invalidstorageaccount1',
      (r) => (value(r.facts.encryptionInTransit) as { enforced: boolean }).enforced,
      false,
    ],
    [
      'https on → transit enforced',
      SECURE_TRANSFER,
      'azurerm_storage_account.validstorageaccount1',
      (r) => (value(r.facts.encryptionInTransit) as { enforced: boolean }).enforced,
      true,
    ],
    [
      'storage account region',
      SECURE_TRANSFER,
      'azurerm_storage_account.validstorageaccount1',
      (r) => value(r.region),
      'westeurope',
    ],
    [
      'SQL server with a 0.0.0.0–255.255.255.255 rule is exposed',
      FIREWALL,
      'azurerm_sql_server.example',
      (r) => value(r.facts.networkExposure),
      true,
    ],
    ['SQL server region', FIREWALL, 'azurerm_sql_server.example', (r) => value(r.region), 'westus'],
    [
      'firewall rule configures its server and lives there',
      FIREWALL,
      'azurerm_sql_firewall_rule.invalidrule3',
      (r) => [r.configures, value(r.region)],
      ['azurerm_sql_server.example', 'westus'],
    ],
    [
      'container with access type "container" asks for public access',
      CONTAINERS,
      'azurerm_storage_container.invalidcontainer1',
      (r) => [r.configures, value(r.facts.publicAccess), value(r.region)],
      ['azurerm_storage_account.example', true, 'westeurope'],
    ],
    [
      'private container',
      CONTAINERS,
      'azurerm_storage_container.validcontainer1',
      (r) => value(r.facts.publicAccess),
      false,
    ],
    // allow_blob_public_access = false in this plan: Azure refuses the public container, so the
    // account's data is not anonymously readable; the evidence names the container that asked.
    [
      'account forbidding nested public items is not public',
      CONTAINERS,
      'azurerm_storage_account.example',
      (r) => [value(r.facts.publicAccess), r.facts.publicAccess?.evidence.map((e) => e.path)],
      [false, ['allow_blob_public_access', 'container_access_type']],
    ],
  ])('%s', (_name, file, address, pick, expected) => {
    expect(pick(facts(file, address))).toEqual(expected);
  });
});
