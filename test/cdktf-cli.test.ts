import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Report, renderJson, renderText } from '@eugate/core';
import { scanCdktfStack } from '@eugate/terraform/cdktf';
import { App } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { storageInGroupByDisplayName } from './fixtures/cdktf/azure.js';
import { REPO_ROOT, runEugate, tempDir } from './support/cli.js';

const TODAY = '2026-11-22';

describe('the CLI on cdktf.out and the CDKTF aspect agree', () => {
  // One stack: a storage account in a resource group given as "West Europe", one in "East US".
  const outdir = join(tempDir(), 'cdktf.out');
  const app = new App({ outdir });
  const stack = storageInGroupByDisplayName(app);
  const inProcess = scanCdktfStack(stack, { today: TODAY });
  app.synth();
  // The CLI runs in the repository, as vitest does, so both name the files relative to it.
  const display = relative(REPO_ROOT, outdir);

  it('gives the same JSON report, but for the inputs named', () => {
    const run = runEugate(['scan', display, '--format', 'json', '--date', TODAY]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const cli = JSON.parse(run.stdout) as Report;
    expect(cli.inputs).toEqual([display]);
    expect(inProcess.inputs).toEqual([`${display}/stacks/stack/cdk.tf.json`]);
    const expected = JSON.parse(renderJson(inProcess)) as Report;
    expect({ ...cli, inputs: [] }).toEqual({ ...expected, inputs: [] });
    expect(cli.findings.map((f) => [f.rule.id, f.resource.address, f.resource.source.construct])).toEqual([
      ['EU-ACC-003', 'stack/azurerm_storage_account.us-storage', 'stack/us-storage'],
      ['EU-ACC-004', 'stack/azurerm_storage_account.us-storage', 'stack/us-storage'],
      ['EU-RES-001', 'stack/azurerm_storage_account.us-storage', 'stack/us-storage'],
    ]);
  });

  it('prints the same text report', () => {
    const run = runEugate(['scan', display, '--date', TODAY, '--no-color']);
    const withoutInputs = (text: string) => text.replace(/^Inputs: .*$/m, 'Inputs: …');
    expect(withoutInputs(run.stdout)).toBe(withoutInputs(renderText(inProcess, { color: false })));
  });

  it('names the lines of the cdk.tf.json that synth wrote', () => {
    const lines = readFileSync(join(outdir, 'stacks/stack/cdk.tf.json'), 'utf8').split('\n');
    const located = inProcess.inventory.map((entry) => [
      entry.source.construct,
      lines[(entry.source.line ?? 0) - 1]?.trim(),
    ]);
    expect(located).toEqual(
      expect.arrayContaining([
        ['stack/storage', '"storage": {'],
        ['stack/us-storage', '"us-storage": {'],
        ['stack/logs', '"logs": {'],
      ]),
    );
  });
});
