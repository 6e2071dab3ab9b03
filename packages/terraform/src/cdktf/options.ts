import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  defaultConfig,
  type EugateConfig,
  InputError,
  mergeConfig,
  type ProfileName,
  parseConfig,
  type Severity,
} from '@eugate/core';

/** What the CLI takes as flags, for code: the same names, the same meaning. */
export interface EugateCdktfOptions {
  /** The profile (`eu`, …); overrides the config file's, like `--profile`. */
  readonly profile?: ProfileName;
  /**
   * A config file (`eugate.config.json`/`.yaml`/`.yml`, relative to the working directory) or a
   * config value. Default: the config file in the working directory, as the CLI finds it; else the
   * default configuration.
   */
  readonly config?: string | EugateConfig;
  /** Lowest severity that fails synth, like `--fail-on`. */
  readonly failOn?: Severity;
  /** `fail` (default) or `warn`: whether unknown answers on personal data fail synth, like `--unknown`. */
  readonly unknown?: 'fail' | 'warn';
  /** `YYYY-MM-DD` that decides which waivers have expired, like `--date`; default today (UTC). */
  readonly today?: string;
}

/** The names the CLI looks for, in its order (packages/cli/src/commands/scan.ts). */
const CONFIG_FILE_NAMES = ['eugate.config.json', 'eugate.config.yaml', 'eugate.config.yml'] as const;

/** The configuration the CLI would use in `cwd` with these flags; a bad file or value is an `InputError`. */
export function resolveConfig(options: EugateCdktfOptions, cwd: string = process.cwd()): EugateConfig {
  let config: EugateConfig;
  if (typeof options.config === 'object') {
    config = options.config;
  } else {
    const file = options.config ?? CONFIG_FILE_NAMES.find((name) => existsSync(resolve(cwd, name)));
    config = file === undefined ? defaultConfig() : parseConfig(readConfigFile(cwd, file), file);
  }
  return mergeConfig(config, {
    ...(options.profile !== undefined && { profile: options.profile }),
    ...(options.failOn !== undefined && { failOn: options.failOn }),
    ...(options.unknown !== undefined && { unknown: options.unknown }),
  });
}

function readConfigFile(cwd: string, file: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch {
    throw new InputError('EUGATE_INPUT_NOT_FOUND', file, 'config file not found');
  }
}

/** `options.today`, checked as the CLI checks `--date`, else today (UTC). */
export function resolveToday(options: EugateCdktfOptions): string {
  const { today } = options;
  if (today === undefined) return new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new InputError('EUGATE_USAGE', 'today', `"${today}" is not a date of the form YYYY-MM-DD`);
  return today;
}
