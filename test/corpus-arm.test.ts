import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, runEugate, tempDir } from './support/cli.js';

/**
 * The five real ARM templates of the shared corpus (Azure quickstarts, Bicep-generated) and small
 * fixtures of our own, through the built CLI: the ARM reader, the parameters-file pairing, the ARM
 * describers and the rules, as a user runs them.
 */
const ARM_DIR = join(CORPUS, 'arm');
const QUICKSTART = 'Azure__azure-quickstart-templates__quickstarts_microsoft.';

interface Finding {
  readonly rule: { readonly id: string };
  readonly status: string;
  readonly message: string;
  readonly resource: {
    readonly address: string;
    readonly region: string | null;
    readonly source: { file: string; line?: number };
  };
}
interface Report {
  readonly verdict: string;
  readonly inputs: readonly string[];
  readonly summary: {
    resources: number;
    described: number;
    notModelled: number;
    fail: number;
    unknown: number;
  };
  readonly findings: readonly Finding[];
  readonly notes: readonly string[];
}

function scan(args: readonly string[], cwd?: string): { status: number; report: Report } {
  const run = runEugate(
    ['scan', ...args, '--format', 'json', '--date', '2026-01-01'],
    cwd === undefined ? {} : { cwd },
  );
  if (run.status !== 0 && run.status !== 1) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return { status: run.status, report: JSON.parse(run.stdout) as Report };
}

const findings = (report: Report) =>
  report.findings
    .map(
      (f) =>
        `${f.rule.id} ${f.status} ${f.resource.address}${f.resource.region === null ? '' : ` @${f.resource.region}`}`,
    )
    .sort();

const NO_LOCATION = "resourceGroup().location is the deployment's resource-group location";

const CORPUS_TEMPLATES: readonly {
  readonly file: string;
  readonly resources: number;
  /** Findings with `--location westeurope`. */
  readonly westeurope: readonly string[];
}[] = [
  {
    file: `${QUICKSTART}storage_storage-account-create_azuredeploy.json`,
    resources: 1,
    // Empty properties: the public endpoint admits every network, and no diagnostic setting logs access.
    westeurope: [
      'EU-ACC-003 fail store[uniqueString(resourceGroup().id)] @westeurope',
      'EU-ACC-004 fail store[uniqueString(resourceGroup().id)] @westeurope',
    ],
  },
  {
    file: `${QUICKSTART}storage_storage-blob-container_azuredeploy.json`,
    resources: 3,
    westeurope: [
      "EU-ACC-003 fail [parameters('storageAccountName')] @westeurope",
      "EU-ACC-004 fail [parameters('storageAccountName')] @westeurope",
    ],
  },
  {
    file: `${QUICKSTART}sql_sql-database_azuredeploy.json`,
    resources: 2,
    // No firewall rule: not reachable; no auditingSettings: access not logged.
    westeurope: [
      "EU-ACC-004 fail [uniqueString('sql', resourceGroup().id)] @westeurope",
      "EU-ACC-004 fail [uniqueString('sql', resourceGroup().id)]/SampleDB @westeurope",
    ],
  },
  {
    file: `${QUICKSTART}keyvault_key-vault-create_azuredeploy.json`,
    resources: 2,
    // networkAcls.defaultAction Allow: the vault admits every network.
    westeurope: [
      "EU-ACC-003 fail [parameters('keyVaultName')] @westeurope",
      "EU-ACC-004 fail [parameters('keyVaultName')] @westeurope",
    ],
  },
  {
    file: `${QUICKSTART}documentdb_cosmosdb-sql_azuredeploy.json`,
    resources: 3,
    // primaryRegion and secondaryRegion have no default: where the replicas go cannot be told.
    westeurope: [
      'EU-ACC-003 fail [toLower(sql-[uniqueString(resourceGroup().id)])] @westeurope',
      'EU-RES-002 unknown [toLower(sql-[uniqueString(resourceGroup().id)])] @westeurope',
      'EU-RES-002 unknown [toLower(sql-[uniqueString(resourceGroup().id)])] @westeurope',
    ],
  },
];

describe('corpus ARM templates through the CLI', () => {
  it.each(CORPUS_TEMPLATES)('$file with --location westeurope', ({ file, resources, westeurope }) => {
    const { status, report } = scan([join(ARM_DIR, file), '--location', 'westeurope']);
    expect(report.summary.resources).toBe(resources);
    expect(report.summary.described).toBe(resources);
    expect(report.summary.notModelled).toBe(0);
    expect(findings(report)).toEqual([...westeurope].sort());
    expect(status).toBe(1);
    for (const finding of report.findings) {
      expect(finding.resource.source.file).toBe(`test/corpus/arm/${file}`);
      expect(finding.resource.source.line).toBeGreaterThan(0);
    }
  });

  it.each(CORPUS_TEMPLATES)('$file without --location: the region is unknown and says why', ({ file }) => {
    const { report } = scan([join(ARM_DIR, file)]);
    const regionUnknown = report.findings.filter((f) => f.rule.id === 'EU-RES-003');
    expect(regionUnknown.length).toBeGreaterThan(0);
    for (const finding of regionUnknown) {
      expect(finding.status).toBe('unknown');
      expect(finding.message).toContain(NO_LOCATION);
    }
  });

  it('a location outside the EU fails residency', () => {
    const { report } = scan([join(ARM_DIR, CORPUS_TEMPLATES[0]?.file as string), '--location', 'East US']);
    expect(findings(report)).toContain('EU-RES-001 fail store[uniqueString(resourceGroup().id)] @eastus');
  });

  it('the Cosmos DB template with a parameters file beside it: the US replica fails', () => {
    const dir = tempDir();
    copyFileSync(
      join(ARM_DIR, `${QUICKSTART}documentdb_cosmosdb-sql_azuredeploy.json`),
      join(dir, 'azuredeploy.json'),
    );
    writeFileSync(
      join(dir, 'azuredeploy.parameters.json'),
      JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
        contentVersion: '1.0.0.0',
        parameters: {
          accountName: { value: 'orders-db' },
          location: { value: 'westeurope' },
          primaryRegion: { value: 'westeurope' },
          secondaryRegion: { value: 'eastus' },
        },
      }),
    );
    const { report } = scan(['.'], dir);
    expect(report.inputs).toEqual(['azuredeploy.json', 'azuredeploy.parameters.json']);
    expect(findings(report)).toEqual([
      'EU-ACC-003 fail orders-db @westeurope',
      'EU-RES-002 fail orders-db @westeurope',
    ]);
    expect(report.findings.find((f) => f.rule.id === 'EU-RES-002')?.message).toContain('eastus');
    expect(report.notes).toContain('azuredeploy.json: parameter values from azuredeploy.parameters.json');
  });
});

describe('ARM fixtures: parameters files, nested deployments, SQL failover groups', () => {
  it('a directory: the parameters file beside the template is used, another one is listed as not read', () => {
    const { report } = scan(['test/fixtures/arm/eu-app', '--location', 'westeurope']);
    expect(report.inputs).toEqual([
      'test/fixtures/arm/eu-app/azuredeploy.json',
      'test/fixtures/arm/eu-app/azuredeploy.parameters.json',
      'test/fixtures/arm/eu-app/us-dr.parameters.json',
    ]);
    // 9 resources: account, container, 2 servers, rule, auditing, failover group, the disk of the
    // inline nested deployment, and the linked deployment (not modelled).
    expect(report.summary).toMatchObject({ resources: 9, described: 8, notModelled: 1 });
    expect(findings(report)).toEqual([
      'EU-ACC-003 fail Orders-sql @westeurope',
      'EU-ACC-004 fail Orders-dr @northeurope',
      'EU-ACC-004 fail ordersdata @westeurope',
    ]);
    expect(report.notes).toEqual(
      expect.arrayContaining([
        'test/fixtures/arm/eu-app/azuredeploy.json: parameter values from test/fixtures/arm/eu-app/azuredeploy.parameters.json',
        'test/fixtures/arm/eu-app/azuredeploy.json: nested deployment monitoring uses a linked template (templateLink), which eugate does not fetch; its resources are not scanned',
        expect.stringMatching(
          /^test\/fixtures\/arm\/eu-app\/us-dr\.parameters\.json: ARM parameters file with no template beside it/,
        ),
      ]),
    );
  });

  it('a parameters file named on the command line: the failover partner in East US fails', () => {
    const { report } = scan([
      'test/fixtures/arm/eu-app/azuredeploy.json',
      'test/fixtures/arm/eu-app/us-dr.parameters.json',
      '--location',
      'westeurope',
    ]);
    expect(findings(report)).toEqual([
      'EU-ACC-003 fail orders-sql @westeurope',
      'EU-ACC-004 fail orders-dr @eastus',
      'EU-ACC-004 fail ordersdata @westeurope',
      'EU-RES-001 fail orders-dr @eastus',
      'EU-RES-002 fail orders-sql @westeurope',
    ]);
    expect(report.findings.find((f) => f.rule.id === 'EU-RES-002')?.message).toContain(
      'replicates to orders-dr in eastus',
    );
  });
});

describe('bad ARM input: exit 2 with one line naming the file', () => {
  it.each<[string, readonly string[], string]>([
    [
      'an expression syntax error',
      ['test/fixtures/arm/syntax-error'],
      `eugate: test/fixtures/arm/syntax-error/azuredeploy.json:12 (at resources[0].location): expression syntax error in "[concat(parameters('location')]": expected "," or ")" in the arguments of concat but found the end of the expression at character 30\n`,
    ],
    [
      'a parameters file that does not match the template',
      ['test/fixtures/arm/mismatch'],
      'eugate: test/fixtures/arm/mismatch/azuredeploy.parameters.json:5 (at parameters.region): parameter region is not declared by the template test/fixtures/arm/mismatch/azuredeploy.json: the parameters file does not match the template\n',
    ],
  ])('%s', (_name, args, message) => {
    const run = runEugate(['scan', ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(message);
    expect(run.stdout).toBe('');
  });
});
