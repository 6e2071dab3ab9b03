import {
  applyBaseline,
  defaultConfig,
  type EugateConfig,
  exitCodeFor,
  findConfigFile,
  loadConfigFile,
  mergeConfig,
  type Report,
  scanRawResources,
} from '@eugate/core';
import { DESCRIBERS } from '../describers.js';
import { collectInputs } from '../input/collect.js';
import type { OutputTarget } from '../output/formats.js';
import { readSavedReport } from '../output/saved-report.js';
import { needsPassedChecks, writeReports } from '../output/write.js';
import { VERSION } from '../version.js';

export interface ScanOptions {
  /** The reports to write (`--format`, `--output`). */
  readonly outputs: readonly OutputTarget[];
  /** A previous JSON report: only findings not in it count against the gate. */
  readonly baseline?: string;
  readonly profile?: string;
  readonly config?: string;
  readonly failOn?: string;
  readonly unknown?: string;
  readonly date?: string;
  readonly region?: string;
  /** Pulumi stack config file (`Pulumi.<stack>.yaml`) for Pulumi artifacts not stored beside theirs. */
  readonly stackConfig?: string;
  /** `--location`: the resource-group location of ARM templates (`resourceGroup().location`). */
  readonly location?: string;
  readonly color: boolean;
}

export { CONFIG_FILE_NAMES } from '@eugate/core';

/** Runs the pipeline and writes the report; returns the exit code (0 pass, 1 policy failure). */
export function runScan(
  paths: readonly string[],
  options: ScanOptions,
  cwd: string,
  write: (text: string) => void,
): 0 | 1 {
  const config = loadConfig(options, cwd);
  // Read before scanning: a bad baseline is a usage error, and should not cost a whole scan.
  const baseline = options.baseline === undefined ? undefined : readSavedReport(options.baseline, cwd);
  const region = options.region ?? config.region;
  const location = options.location ?? config.location;
  const input = collectInputs(paths, cwd, {
    cwd,
    ...(region !== undefined && { region }),
    ...(options.stackConfig !== undefined && { stackConfig: options.stackConfig }),
    ...(location !== undefined && { location }),
  });
  const scanned: Report = scanRawResources(
    { resources: input.resources, inputs: input.files, notes: input.notes },
    DESCRIBERS,
    config,
    {
      today: options.date ?? todayUtc(),
      toolVersion: VERSION,
      ...(needsPassedChecks(options.outputs) && { listPassedChecks: true }),
    },
  );
  const report =
    baseline === undefined ? scanned : applyBaseline(scanned, baseline, options.baseline as string);
  writeReports(report, options.outputs, { cwd, stdout: write, color: options.color });
  return exitCodeFor(report);
}

function loadConfig(options: ScanOptions, cwd: string): EugateConfig {
  const file = options.config ?? findConfigFile(cwd);
  const config = file === undefined ? defaultConfig() : loadConfigFile(cwd, file);
  return mergeConfig(config, {
    ...(options.profile !== undefined && { profile: options.profile }),
    ...(options.failOn !== undefined && { failOn: options.failOn }),
    ...(options.unknown !== undefined && { unknown: options.unknown }),
  });
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
