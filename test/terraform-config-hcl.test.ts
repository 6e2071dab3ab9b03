// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform's ${…} templates, not JavaScript templates.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, isUnknownValue, type RawResource } from '@eugate/core';
import { readTerraformDirectory, readTerraformDirectorySync } from '@eugate/terraform';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/cli.js';

const FIXTURES = 'test/fixtures/hcl';

function located(resources: readonly RawResource[]): string[] {
  return resources.map((r) => `${r.address} ${r.source.file}:${r.source.line}`);
}

async function rejection(run: () => Promise<unknown>): Promise<InputError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no InputError');
}

describe('readTerraformDirectory on an azurerm root module with a local module', () => {
  const reading = readTerraformDirectory(`${FIXTURES}/azure`);

  it('gives every resource, of the root and of the local module, its file and the line of its block', async () => {
    const { resources } = await reading;
    expect(located(resources)).toEqual([
      'azurerm_resource_group.rg test/fixtures/hcl/azure/main.tf:25',
      'azurerm_storage_account.eu test/fixtures/hcl/azure/main.tf:30',
      'azurerm_storage_account.us test/fixtures/hcl/azure/main.tf:47',
      'module.store.azurerm_storage_account.data test/fixtures/hcl/azure/modules/store/main.tf:14',
      'module.store.azurerm_storage_container.public test/fixtures/hcl/azure/modules/store/main.tf:24',
    ]);
  });

  it('resolves references to resources, variables (module inputs and defaults) and locals', async () => {
    const byAddress = new Map((await reading).resources.map((r) => [r.address, r]));
    expect(byAddress.get('azurerm_storage_account.eu')?.properties).toMatchObject({
      location: 'West Europe',
      resource_group_name: 'rg-orders',
      tags: { personal_data: 'true' },
      network_rules: [{ default_action: 'Deny' }],
    });
    expect(byAddress.get('azurerm_storage_account.us')?.properties.location).toBe('eastus');
    const inModule = byAddress.get('module.store.azurerm_storage_account.data');
    expect(inModule?.properties).toMatchObject({ location: 'West Europe', tags: { personal_data: 'true' } });
    expect(inModule?.references?.location).toEqual([
      'azurerm_resource_group.rg',
      'module.store.var.location',
    ]);
    expect(inModule?.stack).toBe('module.store');
    const container = byAddress.get('module.store.azurerm_storage_container.public');
    expect(isUnknownValue(container?.properties.storage_account_id)).toBe(true);
    expect(container?.references?.storage_account_id).toEqual(['module.store.azurerm_storage_account.data']);
  });

  it('keeps heredoc text as a value and lists the remote module as not scanned', async () => {
    const { resources, notes } = await reading;
    expect(resources.find((r) => r.address === 'azurerm_storage_account.us')?.properties.description).toBe(
      'resource "azurerm_storage_account" "in_a_heredoc" {\nis text, not a block\n',
    );
    expect(notes).toEqual([
      'test/fixtures/hcl/azure/main.tf:68: module.network (source "Azure/network/azurerm") is a remote module and was not scanned',
      "the root module's variable var.us_location was read from its default; a value given at plan time (-var, -var-file, TF_VAR_…) would replace it",
    ]);
  });
});

describe('readTerraformDirectorySync on an aws root module', () => {
  const { resources } = readTerraformDirectorySync(`${FIXTURES}/aws`, 'infra');

  it('expands count, follows provider aliases and the providers map of a module call', () => {
    expect(
      resources.map((r) => [r.address, r.region.known ? r.region.value : r.region.reason, r.source.line]),
    ).toEqual([
      ['aws_s3_bucket.data[0]', 'eu-central-1', 18],
      ['aws_s3_bucket.data[1]', 'eu-central-1', 18],
      ['aws_s3_bucket.replica', 'us-east-1', 37],
      ['aws_s3_bucket_server_side_encryption_configuration.data[0]', 'eu-central-1', 26],
      ['aws_s3_bucket_server_side_encryption_configuration.data[1]', 'eu-central-1', 26],
      ['module.logs.aws_cloudwatch_log_group.this', 'us-east-1', 5],
    ]);
    expect(resources[5]?.source.file).toBe('infra/modules/logs/main.tf');
  });

  it('evaluates templates of locals and count.index, and links each instance to the same index', () => {
    expect(resources[1]?.properties.bucket).toBe('orders-eu-central-1-1');
    expect(resources[4]?.references?.bucket).toEqual(['aws_s3_bucket.data[1]']);
    expect(resources[4]?.properties.rule).toEqual([
      { apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] },
    ]);
  });

  it('marks a function call unknown with the reason', () => {
    const bucket = resources[2]?.properties.bucket;
    expect(isUnknownValue(bucket) && bucket.reason).toBe(
      'the expression `upper("orders-replica")` calls upper(), which eugate does not evaluate',
    );
  });
});

describe('module instances', () => {
  it('expands a module call with for_each, its inputs evaluated with each.key / each.value', async () => {
    const dir = tempDir({
      'main.tf': [
        'module "site" {',
        '  for_each = { eu = "westeurope", us = "eastus" }',
        '  source   = "./site"',
        '  location = each.value',
        '  name     = "st${each.key}"',
        '}',
        '',
      ].join('\n'),
    });
    mkdirSync(join(dir, 'site'));
    writeFileSync(
      join(dir, 'site', 'main.tf'),
      'variable "location" {}\nvariable "name" {}\n\nresource "azurerm_storage_account" "s" {\n  name     = var.name\n  location = var.location\n}\n',
    );
    const { resources } = await readTerraformDirectory(dir, 'infra');
    expect(
      resources.map((r) => [r.address, r.properties, r.stack, `${r.source.file}:${r.source.line}`]),
    ).toEqual([
      [
        'module.site["eu"].azurerm_storage_account.s',
        { name: 'steu', location: 'westeurope' },
        'module.site["eu"]',
        'infra/site/main.tf:4',
      ],
      [
        'module.site["us"].azurerm_storage_account.s',
        { name: 'stus', location: 'eastus' },
        'module.site["us"]',
        'infra/site/main.tf:4',
      ],
    ]);
  });
});

describe('bad input', () => {
  it('an HCL syntax error names the file and line', async () => {
    const error = await rejection(() => readTerraformDirectory(`${FIXTURES}/bad-syntax`));
    expect(error.message).toMatch(
      /^test\/fixtures\/hcl\/bad-syntax\/main\.tf:6:\d+: HCL syntax error: Invalid expression/,
    );
    expect(() => readTerraformDirectorySync(`${FIXTURES}/bad-syntax`)).toThrow(error.message);
  });

  it('a reference cycle names the chain', async () => {
    const error = await rejection(() => readTerraformDirectory(`${FIXTURES}/cycle`));
    expect(error.message).toBe(
      'test/fixtures/hcl/cycle/main.tf:1: reference cycle: local.a → local.b → local.a',
    );
  });

  it('resources of other providers are kept with their provider in the schema', async () => {
    const { resources } = await readTerraformDirectory(`${FIXTURES}/not-modelled`);
    expect(resources.map((r) => [r.address, r.schema])).toEqual([
      ['azurerm_resource_group.rg', 'terraform-azurerm'],
      ['google_storage_bucket.eu', 'terraform:google'],
      ['random_id.suffix', 'terraform:random'],
    ]);
  });

  it('a module source that is missing, or that includes itself', async () => {
    const missing = tempDir({ 'main.tf': 'module "m" {\n  source = "./nowhere"\n}\n' });
    expect((await rejection(() => readTerraformDirectory(missing, 'root'))).message).toBe(
      'root/main.tf:1: module "m": source "./nowhere" is not a directory',
    );
    const loop = tempDir({ 'main.tf': 'module "self" {\n  source = "../loop"\n}\n' });
    const inner = join(loop, 'loop');
    mkdirSync(inner);
    writeFileSync(join(inner, 'main.tf'), 'module "again" {\n  source = "./"\n}\n');
    expect((await rejection(() => readTerraformDirectory(inner, 'loop'))).message).toMatch(/includes itself/);
  });

  it('a directory without .tf files', async () => {
    expect((await rejection(() => readTerraformDirectory(tempDir({ 'x.txt': '' }), 'empty'))).message).toBe(
      'empty: no .tf or .tf.json files in this directory',
    );
  });
});

describe('a .tf.json file and variable files beside .tf files', () => {
  it('are read: the JSON syntax as part of the same module, the variables as values', async () => {
    const dir = tempDir();
    cpSync(`${FIXTURES}/aws/modules/logs`, dir, { recursive: true });
    writeFileSync(
      join(dir, 'extra.tf.json'),
      JSON.stringify(
        {
          provider: { aws: { region: 'eu-north-1' } },
          resource: { aws_sqs_queue: { q: { name: '${var.name}-queue', sqs_managed_sse_enabled: true } } },
        },
        null,
        2,
      ),
    );
    writeFileSync(join(dir, 'terraform.tfvars'), 'name = "from-tfvars"\n');
    writeFileSync(join(dir, 'b.auto.tfvars.json'), '{ "name": "from-auto" }');
    const { resources } = await readTerraformDirectory(dir, 'logs');
    expect(
      resources.map((r) => [r.address, r.source.file, r.source.line, r.region.known && r.region.value]),
    ).toEqual([
      ['aws_sqs_queue.q', 'logs/extra.tf.json', 9, 'eu-north-1'],
      ['aws_cloudwatch_log_group.this', 'logs/main.tf', 5, 'eu-north-1'],
    ]);
    // terraform.tfvars, then *.auto.tfvars in name order, then values given by the caller (-var).
    expect(resources[0]?.properties.name).toBe('from-auto-queue');
    const given = await readTerraformDirectory(dir, 'logs', { variables: { name: 'given' } });
    expect(given.resources[0]?.properties.name).toBe('given-queue');
  });
});
