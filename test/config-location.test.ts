import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, runEugate, tempDir } from './support/cli.js';

/**
 * The config key `location` (the ARM deployment's resource-group location) through the built CLI:
 * it stands in for `--location`, the flag wins over it, and a location eugate does not know is a
 * config error naming the key, never an uncatalogued region found later.
 */
const TEMPLATE =
  'Azure__azure-quickstart-templates__quickstarts_microsoft.storage_storage-account-create_azuredeploy.json';

interface Report {
  readonly findings: readonly {
    readonly rule: { readonly id: string };
    readonly status: string;
    readonly resource: { readonly region: string | null };
  }[];
}

/** A directory holding the corpus template as `azuredeploy.json` and the given config file. */
function project(config: string, name = 'eugate.config.yaml'): string {
  const dir = tempDir({ [name]: config });
  copyFileSync(join(CORPUS, 'arm', TEMPLATE), join(dir, 'azuredeploy.json'));
  return dir;
}

function scan(cwd: string, ...extra: string[]): Report {
  const run = runEugate(['scan', 'azuredeploy.json', '--format', 'json', '--date', '2026-01-01', ...extra], {
    cwd,
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Report;
}

const regions = (report: Report): string[] => [
  ...new Set(report.findings.map((finding) => String(finding.resource.region))),
];

describe('config key `location`', () => {
  it('gives resourceGroup().location its value, as --location does', () => {
    const fromConfig = scan(project('location: westeurope\n'));
    const fromFlag = scan(project(''), '--location', 'westeurope');
    expect(regions(fromConfig)).toEqual(['westeurope']);
    expect(fromConfig.findings.some((f) => f.rule.id === 'EU-RES-003')).toBe(false);
    expect(fromConfig.findings.map((f) => `${f.rule.id} ${f.status}`).sort()).toEqual(
      fromFlag.findings.map((f) => `${f.rule.id} ${f.status}`).sort(),
    );
  });

  it('without it the region is unknown (EU-RES-003)', () => {
    const report = scan(project(''));
    expect(report.findings.filter((f) => f.rule.id === 'EU-RES-003').map((f) => f.status)).toContain(
      'unknown',
    );
  });

  it('--location overrides the config', () => {
    const report = scan(project('location: westeurope\n'), '--location', 'East US');
    expect(report.findings.map((f) => `${f.rule.id} ${f.status} ${f.resource.region}`)).toContain(
      'EU-RES-001 fail eastus',
    );
  });

  it('an unknown location is a config error naming the file and the key (exit 2, one line)', () => {
    const run = runEugate(['scan', 'azuredeploy.json', '--format', 'json'], {
      cwd: project('location: west-europe\n'),
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^eugate: eugate\.config\.yaml.*location.*'west-europe' is not an Azure location in eugate's catalogue — did you mean 'westeurope'\?/,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
