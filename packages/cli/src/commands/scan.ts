import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  defaultConfig,
  type EugateConfig,
  exitCodeFor,
  InputError,
  mergeConfig,
  parseConfig,
  type Report,
  renderJson,
  renderText,
  scanRawResources,
} from '@eugate/core';
import { DESCRIBERS } from '../describers.js';
import { collectInputs } from '../input/collect.js';
import { VERSION } from '../version.js';

export interface ScanOptions {
  readonly format: 'text' | 'json';
  readonly output?: string;
  readonly profile?: string;
  readonly config?: string;
  readonly failOn?: string;
  readonly unknown?: string;
  readonly date?: string;
  readonly region?: string;
  readonly color: boolean;
}

export const CONFIG_FILE_NAMES = ['eugate.config.json', 'eugate.config.yaml', 'eugate.config.yml'] as const;

/** Runs the pipeline and writes the report; returns the exit code (0 pass, 1 policy failure). */
export function runScan(
  paths: readonly string[],
  options: ScanOptions,
  cwd: string,
  write: (text: string) => void,
): 0 | 1 {
  const config = loadConfig(options, cwd);
  const region = options.region ?? config.region;
  const input = collectInputs(paths, cwd, region === undefined ? {} : { region });
  const report: Report = scanRawResources(
    { resources: input.resources, inputs: input.files, notes: input.notes },
    DESCRIBERS,
    config,
    { today: options.date ?? todayUtc(), toolVersion: VERSION },
  );
  const rendered =
    options.format === 'json'
      ? renderJson(report)
      : renderText(report, { color: options.color && options.output === undefined });
  if (options.output !== undefined) {
    writeFileSync(resolve(cwd, options.output), rendered);
  } else {
    write(rendered);
  }
  return exitCodeFor(report);
}

function loadConfig(options: ScanOptions, cwd: string): EugateConfig {
  let config = defaultConfig();
  const file = options.config ?? CONFIG_FILE_NAMES.find((name) => existsSync(resolve(cwd, name)));
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(resolve(cwd, file), 'utf8');
    } catch {
      throw new InputError('EUGATE_INPUT_NOT_FOUND', file, 'config file not found');
    }
    config = parseConfig(text, file);
  }
  return mergeConfig(config, {
    ...(options.profile !== undefined && { profile: options.profile }),
    ...(options.failOn !== undefined && { failOn: options.failOn }),
    ...(options.unknown !== undefined && { unknown: options.unknown }),
  });
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
