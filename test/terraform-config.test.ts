// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform's ${…} templates, not JavaScript templates.
// End to end: Terraform configuration (HCL directories, *.tf.json, CDKTF synth output) through the
// built CLI, as a user runs it.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider/index.js';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group/index.js';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account/index.js';
import type { Report } from '@eugate/core';
import { App, TerraformLocal, TerraformStack, TerraformVariable } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runEugate, tempDir } from './support/cli.js';

const TODAY = '2026-11-22';

function scan(paths: readonly string[], cwd = REPO_ROOT): { status: number; report: Report; stderr: string } {
  const run = runEugate(['scan', ...paths, '--format', 'json', '--date', TODAY], { cwd });
  if (run.status === 2) throw new Error(`eugate exited 2: ${run.stderr}`);
  return { status: run.status, report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}

function findings(report: Report): string[] {
  return report.findings.map(
    (f) =>
      `${f.rule.id} ${f.status} ${f.resource.address} ${f.resource.source.file}:${f.resource.source.line ?? '?'}${
        f.resource.source.construct === undefined ? '' : ` (${f.resource.source.construct})`
      }`,
  );
}

describe('eugate scan <directory of .tf files>', () => {
  it('reads the root module and its local module, and reports each finding at its file and line', () => {
    const { status, report } = scan(['test/fixtures/hcl/azure']);
    expect(status).toBe(1);
    expect(report.inputs).toEqual(['test/fixtures/hcl/azure']);
    expect(report.summary).toMatchObject({ resources: 5, described: 5, notModelled: 0 });
    // The module's account leaves allow_nested_items_to_be_public unset: the provider default (true)
    // lets its "blob" container be read anonymously.
    expect(findings(report)).toEqual([
      'EU-ACC-001 fail module.store.azurerm_storage_account.data test/fixtures/hcl/azure/modules/store/main.tf:14',
      'EU-ACC-003 fail azurerm_storage_account.us test/fixtures/hcl/azure/main.tf:47',
      'EU-ACC-003 fail module.store.azurerm_storage_account.data test/fixtures/hcl/azure/modules/store/main.tf:14',
      'EU-ACC-004 fail azurerm_storage_account.eu test/fixtures/hcl/azure/main.tf:30',
      'EU-ACC-004 fail azurerm_storage_account.us test/fixtures/hcl/azure/main.tf:47',
      'EU-ACC-004 fail module.store.azurerm_storage_account.data test/fixtures/hcl/azure/modules/store/main.tf:14',
      'EU-ENC-003 fail azurerm_storage_account.us test/fixtures/hcl/azure/main.tf:47',
      'EU-RES-001 fail azurerm_storage_account.us test/fixtures/hcl/azure/main.tf:47',
    ]);
    // The location came through a module input from the resource group ("West Europe"); GRS adds the pair.
    expect(report.flows).toEqual([
      expect.objectContaining({
        kind: 'replica',
        from: 'module.store.azurerm_storage_account.data',
        fromRegion: 'westeurope',
        toRegion: 'northeurope',
        allowed: true,
      }),
    ]);
    expect(report.notes).toContain(
      'test/fixtures/hcl/azure: test/fixtures/hcl/azure/main.tf:68: module.network (source "Azure/network/azurerm") is a remote module and was not scanned',
    );
  });

  it('follows provider aliases, also into a module given one by its providers map', () => {
    const { report } = scan(['test/fixtures/hcl/aws']);
    const residency = report.findings.filter((f) => f.rule.id === 'EU-RES-001');
    expect(residency.map((f) => [f.resource.address, f.resource.region, f.evidence])).toEqual([
      ['aws_s3_bucket.replica', 'us-east-1', [{ path: 'provider["aws.us"].region', value: 'us-east-1' }]],
      [
        'module.logs.aws_cloudwatch_log_group.this',
        'us-east-1',
        [{ path: 'provider["aws.us"].region', value: 'us-east-1' }],
      ],
    ]);
    // The encryption configurations (count = 2) are linked to the bucket instance of the same index.
    expect(report.findings.filter((f) => f.rule.id.startsWith('EU-ENC-001'))).toEqual([]);
  });

  it('finds Terraform module directories when searching a directory, each read as a whole', () => {
    const dir = tempDir();
    cpSync(join(REPO_ROOT, 'test/fixtures/hcl/aws'), join(dir, 'infra/aws'), { recursive: true });
    cpSync(join(REPO_ROOT, 'test/fixtures/hcl/not-modelled'), join(dir, 'infra/gcp'), { recursive: true });
    const { report } = scan(['.'], dir);
    expect(report.inputs).toEqual(['infra/aws', 'infra/gcp']);
    expect(report.summary).toMatchObject({ resources: 9, notModelled: 2 });
    expect(report.notModelled).toEqual([
      { type: 'google_storage_bucket', count: 1 },
      { type: 'random_id', count: 1 },
    ]);
  });

  it('an HCL syntax error is one line naming the file and line, exit 2', () => {
    const run = runEugate(['scan', 'test/fixtures/hcl/bad-syntax']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^eugate: test\/fixtures\/hcl\/bad-syntax\/main\.tf:6:\d+: HCL syntax error: Invalid expression \(Expected the start of an expression[^\n]*\)\n$/,
    );
  });

  it('a single .tf file is refused with a hint to scan its directory', () => {
    const run = runEugate(['scan', 'test/fixtures/hcl/aws/main.tf']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'eugate: test/fixtures/hcl/aws/main.tf: a .tf file is read with the rest of its module: scan the directory it is in\n',
    );
  });

  it('a reference cycle is an input error, exit 2', () => {
    const run = runEugate(['scan', 'test/fixtures/hcl/cycle']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'eugate: test/fixtures/hcl/cycle/main.tf:1: reference cycle: local.a → local.b → local.a\n',
    );
  });
});

describe('eugate scan <cdktf.out> and <*.tf.json>', () => {
  // A real CDKTF app with two stacks: azurerm with a variable and a local, aws with an aliased provider.
  const outdir = join(tempDir(), 'cdktf.out');
  const app = new App({ outdir });
  const azure = new TerraformStack(app, 'azure');
  new AzurermProvider(azure, 'azurerm', { features: [{}] });
  const location = new TerraformVariable(azure, 'location', { type: 'string', default: 'East US' });
  const tls = new TerraformLocal(azure, 'tls', 'TLS1_2');
  const group = new ResourceGroup(azure, 'rg', { name: 'rg-orders', location: location.stringValue });
  new StorageAccount(azure, 'orders', {
    name: 'storders',
    resourceGroupName: group.name,
    location: group.location,
    accountTier: 'Standard',
    accountReplicationType: 'LRS',
    minTlsVersion: tls.asString,
    publicNetworkAccessEnabled: false,
    tags: { personal_data: 'true' },
  });
  const aws = new TerraformStack(app, 'aws');
  new AwsProvider(aws, 'aws', { region: 'eu-central-1' });
  const us = new AwsProvider(aws, 'aws-us', { region: 'us-east-1', alias: 'us' });
  new S3Bucket(aws, 'eu-bucket', { bucket: 'orders-eu' });
  new S3Bucket(aws, 'us-bucket', { bucket: 'orders-us', provider: us });
  app.synth();
  const display = relative(REPO_ROOT, outdir);

  it('reads every stack of the manifest, addresses prefixed by stack, findings naming construct paths', () => {
    const { status, report } = scan([display]);
    expect(status).toBe(1);
    expect(report.inputs).toEqual([display]);
    const residency = report.findings.filter((f) => f.rule.id === 'EU-RES-001');
    expect(
      residency.map((f) => [f.resource.address, f.resource.region, f.resource.source.construct]),
    ).toEqual([
      ['aws/aws_s3_bucket.us-bucket', 'us-east-1', 'aws/us-bucket'],
      // The storage account's location is the resource group's, which is the variable's default.
      ['azure/azurerm_storage_account.orders', 'eastus', 'azure/orders'],
    ]);
    const lines = readFileSync(join(outdir, 'stacks/azure/cdk.tf.json'), 'utf8').split('\n');
    const orders = residency[1]?.resource.source;
    expect(orders?.file).toBe(`${display}/stacks/azure/cdk.tf.json`);
    expect(lines[(orders?.line ?? 0) - 1]?.trim()).toBe('"orders": {');
    expect(report.notes).toContain(
      `${display}: the root module's variable var.location was read from its default; a value given at plan time (-var, -var-file, TF_VAR_…) would replace it`,
    );
  });

  it('reads one synthesized stack file, recognised by its content', () => {
    const text = readFileSync(join(outdir, 'stacks/aws/cdk.tf.json'), 'utf8');
    const dir = tempDir({ 'main.tf.json': text });
    const { report } = scan(['main.tf.json'], dir);
    expect(report.inputs).toEqual(['main.tf.json']);
    const line = text.split('\n').findIndex((l) => l.trim() === '"us-bucket": {') + 1;
    expect(line).toBeGreaterThan(0);
    expect(
      report.findings
        .filter((f) => f.rule.id === 'EU-RES-001')
        .map((f) => [f.resource.address, f.resource.source]),
    ).toEqual([['aws_s3_bucket.us-bucket', { file: 'main.tf.json', line, construct: 'aws/us-bucket' }]]);
  });

  it('lists resources of providers it does not model', () => {
    const dir = tempDir({
      'main.tf.json': JSON.stringify({
        resource: {
          google_storage_bucket: { b: { location: 'US' } },
          azurerm_resource_group: { rg: { location: 'westeurope', name: 'rg' } },
        },
      }),
    });
    const { report } = scan(['main.tf.json'], dir);
    expect(report.notModelled).toEqual([{ type: 'google_storage_bucket', count: 1 }]);
    expect(report.summary).toMatchObject({ resources: 2, described: 1, notModelled: 1 });
  });

  it('a malformed configuration is an input error naming the file', () => {
    const dir = tempDir({
      'main.tf.json': '{ "resource": { "aws_s3_bucket": { "b": { "bucket": "${var.x" } } } }',
    });
    const run = runEugate(['scan', 'main.tf.json'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^eugate: main\.tf\.json:\d+: unterminated "\$\{"/);
  });
});

describe('a directory with .tf files and a saved plan', () => {
  it('reads the plan, which states what Terraform will deploy, and not the .tf files', () => {
    const dir = tempDir({
      'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
      'plan.json': readFileSync(join(REPO_ROOT, 'examples/terraform-eu-customer-data/plan.json')),
    });
    writeFileSync(join(dir, 'notes.txt'), 'not an artifact');
    const { report } = scan(['.'], dir);
    expect(report.inputs).toEqual(['plan.json']);
  });
});
