import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account/index.js';
import { type Report, renderText } from '@eugate/core';
import { EugateAspect, expectCompliant, NotCompliantError, scanCdktfStack } from '@eugate/terraform/cdktf';
import { App, Aspects, TerraformStack } from 'cdktf';
import { describe, expect, it } from 'vitest';
import {
  azureStack,
  cosmosWithUsReplica,
  euStorage,
  publicBlobContainer,
  sqlWithOpenFirewall,
  storageInGroupByDisplayName,
} from './fixtures/cdktf/azure.js';
import { tempDir } from './support/cli.js';

const TODAY = '2026-11-22';

/** An app writing to a fresh temporary `cdktf.out`. */
function newApp(): App {
  return new App({ outdir: join(tempDir(), 'cdktf.out') });
}

/** What a finding says, in a shape a test can compare. */
function findings(report: Report) {
  return report.findings.map((f) => ({
    rule: f.rule.id,
    status: f.status,
    address: f.resource.address,
    construct: f.resource.source.construct,
  }));
}

function regionOf(report: Report, address: string): string | null | undefined {
  return report.inventory.find((entry) => entry.address === address)?.region;
}

describe('CDKTF stacks with @cdktf/provider-azurerm', () => {
  it('an EU storage account with TLS 1.2, no public endpoint and logged access passes', () => {
    const app = newApp();
    const { stack, group } = azureStack(app);
    euStorage(stack, group);
    const report = expectCompliant(stack, { today: TODAY });
    expect(report.verdict).toBe('pass');
    expect(report.findings.filter((f) => f.blocking)).toEqual([]);
    expect(regionOf(report, 'stack/azurerm_storage_account.storage')).toBe('westeurope');
    expect(report.summary.notModelled).toBe(0);
  });

  it('a storage account in eastus fails EU-RES-001, named by its construct path', () => {
    const app = newApp();
    const { stack, group } = azureStack(app);
    euStorage(stack, group, { location: 'eastus' });
    const report = scanCdktfStack(stack, { today: TODAY });
    expect(report.verdict).toBe('fail');
    expect(findings(report)).toContainEqual({
      rule: 'EU-RES-001',
      status: 'fail',
      address: 'stack/azurerm_storage_account.storage',
      construct: 'stack/storage',
    });
    expect(regionOf(report, 'stack/azurerm_storage_account.storage')).toBe('eastus');
  });

  it('minimum TLS 1.0 fails EU-ENC-003', () => {
    const app = newApp();
    const { stack, group } = azureStack(app);
    euStorage(stack, group, { minTlsVersion: 'TLS1_0' });
    const report = scanCdktfStack(stack, { today: TODAY });
    expect(findings(report)).toEqual([
      {
        rule: 'EU-ENC-003',
        status: 'fail',
        address: 'stack/azurerm_storage_account.storage',
        construct: 'stack/storage',
      },
    ]);
  });

  it('a location taken by reference from a resource group given as a display name is normalised', () => {
    const stack = storageInGroupByDisplayName(newApp());
    const report = scanCdktfStack(stack, { today: TODAY });
    expect(regionOf(report, 'stack/azurerm_storage_account.storage')).toBe('westeurope');
    expect(regionOf(report, 'stack/azurerm_storage_account.us-storage')).toBe('eastus');
    const residency = findings(report).filter((f) => f.rule === 'EU-RES-001');
    expect(residency).toEqual([
      {
        rule: 'EU-RES-001',
        status: 'fail',
        address: 'stack/azurerm_storage_account.us-storage',
        construct: 'stack/us-storage',
      },
    ]);
  });

  it('a Cosmos DB account with a geo-location in eastus fails EU-RES-002', () => {
    const report = scanCdktfStack(cosmosWithUsReplica(newApp()), { today: TODAY });
    expect(regionOf(report, 'stack/azurerm_cosmosdb_account.cosmos')).toBe('westeurope');
    expect(findings(report)).toContainEqual({
      rule: 'EU-RES-002',
      status: 'fail',
      address: 'stack/azurerm_cosmosdb_account.cosmos',
      construct: 'stack/cosmos',
    });
    const replication = report.findings.find((f) => f.rule.id === 'EU-RES-002');
    expect(replication?.message).toMatch(/eastus/);
  });

  it('an SQL server with a firewall rule 0.0.0.0–255.255.255.255 fails EU-ACC-003', () => {
    const report = scanCdktfStack(sqlWithOpenFirewall(newApp()), { today: TODAY });
    expect(findings(report)).toContainEqual({
      rule: 'EU-ACC-003',
      status: 'fail',
      address: 'stack/azurerm_mssql_server.sql',
      construct: 'stack/sql',
    });
    const exposure = report.findings.find((f) => f.rule.id === 'EU-ACC-003');
    expect(exposure?.evidence.map((e) => e.value)).toEqual(
      expect.arrayContaining(['0.0.0.0', '255.255.255.255']),
    );
  });

  it('a public blob container fails EU-ACC-001 on its account', () => {
    const report = scanCdktfStack(publicBlobContainer(newApp()), { today: TODAY });
    expect(findings(report)).toContainEqual({
      rule: 'EU-ACC-001',
      status: 'fail',
      address: 'stack/azurerm_storage_account.storage',
      construct: 'stack/storage',
    });
  });
});

describe('EugateAspect', () => {
  function withAspect(stack: TerraformStack, options = {}): EugateAspect {
    const aspect = new EugateAspect({ today: TODAY, ...options });
    Aspects.of(stack).add(aspect);
    return aspect;
  }

  it('makes app.synth() fail with the text report, and writes nothing', () => {
    const app = newApp();
    const { stack, group } = azureStack(app);
    euStorage(stack, group, { location: 'eastus', minTlsVersion: 'TLS1_0' });
    const aspect = withAspect(stack);
    const message = thrownBy(() => app.synth()).message;
    const report = aspect.reports.get('stack') as Report;
    expect(findings(report)).toEqual([
      {
        rule: 'EU-ENC-003',
        status: 'fail',
        address: 'stack/azurerm_storage_account.storage',
        construct: 'stack/storage',
      },
      {
        rule: 'EU-RES-001',
        status: 'fail',
        address: 'stack/azurerm_storage_account.storage',
        construct: 'stack/storage',
      },
    ]);
    // cdktf's frame around exactly the text the CLI prints for this report.
    expect(message).toContain(`[stack] ${renderText(report, { color: false }).trimEnd()}\n`);
    expect(message).toMatch(/^Validation failed with the following errors:\n {2}\[stack\] eugate /);
    expect(message).toMatch(/\nFAIL: 2 blocking findings \(2 fail, 0 unknown\)\n/);
    expect(existsSync(join(app.outdir, 'stacks/stack/cdk.tf.json'))).toBe(false);
    // The helper for unit tests gives the same report.
    expect(scanCdktfStack(stack, { today: TODAY })).toEqual(report);
  });

  it('lets a compliant stack synthesize', () => {
    const app = newApp();
    const { stack, group } = azureStack(app);
    euStorage(stack, group);
    const aspect = withAspect(stack);
    app.synth();
    expect(existsSync(join(app.outdir, 'stacks/stack/cdk.tf.json'))).toBe(true);
    expect(aspect.reports.get('stack')?.verdict).toBe('pass');
  });

  it('judges what other aspects changed after it visited', () => {
    const app = newApp();
    const { stack, group } = azureStack(app);
    const storage = euStorage(stack, group);
    withAspect(stack);
    // Added after ours: cdktf invokes it later, on the storage account, before validation.
    Aspects.of(storage).add({
      visit: (node) => node === storage && storage.addOverride('location', 'eastus'),
    });
    expect(() => app.synth()).toThrow(/EU-RES-001/);
  });

  it('honours the gate options: findings below --fail-on do not fail synth', () => {
    const app = newApp();
    const { stack, group } = azureStack(app);
    euStorage(stack, group, { minTlsVersion: 'TLS1_0' });
    const aspect = withAspect(stack, { failOn: 'critical' });
    app.synth();
    const report = aspect.reports.get('stack');
    expect(report?.verdict).toBe('pass');
    expect(report?.findings.map((f) => [f.rule.id, f.blocking])).toEqual([['EU-ENC-003', false]]);
    // …and are shown as a warning annotation, which the cdktf CLI prints.
    const manifest = JSON.parse(readFileSync(join(app.outdir, 'manifest.json'), 'utf8')) as {
      stacks: Record<string, { annotations: { constructPath: string; level: string; message: string }[] }>;
    };
    expect(manifest.stacks.stack?.annotations).toEqual([
      {
        constructPath: 'stack',
        level: '@cdktf/warn',
        message: renderText(report as Report, { color: false }).trimEnd(),
        stacktrace: expect.anything(),
      },
    ]);
  });

  it('fails closed on a location that comes from another stack, in a multi-stack app', () => {
    const app = newApp();
    const { group } = azureStack(app, 'base');
    const { stack } = azureStack(app, 'data');
    new StorageAccount(stack, 'storage', {
      name: 'storordersdata',
      resourceGroupName: group.name,
      location: group.location, // a cross-stack reference: a terraform_remote_state output in `data`
      accountTier: 'Standard',
      accountReplicationType: 'LRS',
    });
    const aspect = new EugateAspect({ today: TODAY });
    for (const each of app.node.findAll().filter(TerraformStack.isStack)) Aspects.of(each).add(aspect);
    const message = thrownBy(() => app.synth()).message;
    expect(message).not.toContain('[base]');
    expect(message).toContain('[data] eugate ');
    expect(aspect.reports.get('base')?.verdict).toBe('pass');
    expect(findings(aspect.reports.get('data') as Report)).toContainEqual({
      rule: 'EU-RES-003',
      status: 'unknown',
      address: 'data/azurerm_storage_account.storage',
      construct: 'data/storage',
    });
  });

  it('fails synth with one line when the synthesized configuration cannot be read', () => {
    const app = newApp();
    const { stack, group } = azureStack(app);
    euStorage(stack, group);
    stack.addOverride('bogus', { not: 'terraform' });
    withAspect(stack);
    expect(thrownBy(() => app.synth()).message).toMatch(
      /^Validation failed with the following errors:\n {2}\[stack\] eugate: \S*cdktf\.out\/stacks\/stack\/cdk\.tf\.json: .*"bogus".*\n/,
    );
  });

  it('expectCompliant throws NotCompliantError carrying the report', () => {
    const app = newApp();
    const { stack, group } = azureStack(app);
    euStorage(stack, group, { location: 'eastus' });
    const error = thrownBy(() => expectCompliant(stack, { today: TODAY }));
    expect(error).toBeInstanceOf(NotCompliantError);
    expect((error as NotCompliantError).report.verdict).toBe('fail');
    expect(error.message).toBe(renderText((error as NotCompliantError).report, { color: false }).trimEnd());
  });
});

function thrownBy(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`);
  }
  throw new Error('did not throw');
}
