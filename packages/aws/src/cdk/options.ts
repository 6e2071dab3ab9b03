import { isAbsolute, relative, resolve } from 'node:path';
import {
  defaultConfig,
  type EugateConfig,
  findConfigFile,
  InputError,
  isInputError,
  loadConfigFile,
  mergeConfig,
  parseConfig,
} from '@eugate/core';

/** The `eugate.config.json` format (docs/configuration.md), as an object; checked exactly like the file. */
export interface EugateConfigInput {
  readonly profile?: 'eu' | 'eea' | 'adequacy' | 'eu-strict';
  readonly allowedCountries?: readonly string[];
  readonly allowedRegions?: readonly string[];
  readonly classification?: {
    readonly mode?: 'assume' | 'tagged-only';
    readonly tagKeys?: readonly string[];
    readonly personalValues?: readonly string[];
    readonly nonPersonalValues?: readonly string[];
    readonly resources?: readonly { readonly match: string; readonly personal: boolean }[];
  };
  readonly failOn?: 'low' | 'medium' | 'high' | 'critical';
  readonly unknown?: 'fail' | 'warn';
  readonly waivers?: readonly {
    readonly rule: string;
    readonly resource: string;
    readonly reason: string;
    readonly owner: string;
    readonly expires: string;
  }[];
  readonly disabledRules?: readonly string[];
  readonly region?: string;
}

/** Options of `EugatePlugin`, `findings` and `expectCompliant`; the same settings as the `eugate scan` flags. */
export interface EugateCdkOptions {
  /** Profile: `eu` (default), `eea`, `adequacy`, `eu-strict`. Overrides the config's. */
  readonly profile?: string;
  /** The configuration as an object, in the `eugate.config.json` format. Excludes `configFile`. */
  readonly config?: EugateConfigInput;
  /**
   * Path to `eugate.config.json` / `.yaml` / `.yml`, relative to the working directory. Without
   * `config` or `configFile`, the first of those names found in the working directory is used,
   * as `eugate scan` does; `false` uses the defaults only.
   */
  readonly configFile?: string | false;
  /** Lowest severity that fails the gate: `low` (default), `medium`, `high`, `critical`. */
  readonly failOn?: string;
  /** `fail` (default): a finding that cannot be decided fails on personal data; `warn`: reported only. */
  readonly unknown?: string;
  /** `YYYY-MM-DD`, the day waivers are checked against; defaults to today (UTC). */
  readonly today?: string;
}

/** What the options select: the config with overrides applied, and the day for waivers. */
export interface ResolvedOptions {
  readonly config: EugateConfig;
  readonly today: string;
  /** Where the config came from, for the plugin's report metadata. */
  readonly configSource: string;
}

/** Resolves options into a config; every problem is an `InputError` naming the option or file. */
export function resolveOptions(options: EugateCdkOptions, cwd: string): ResolvedOptions {
  const { config, source } = baseConfig(options, cwd);
  let merged: EugateConfig;
  try {
    merged = mergeConfig(config, {
      ...(options.profile !== undefined && { profile: options.profile }),
      ...(options.failOn !== undefined && { failOn: options.failOn }),
      ...(options.unknown !== undefined && { unknown: options.unknown }),
    });
  } catch (error) {
    // mergeConfig names the command-line flag (`--fail-on`); here it is an option (`failOn`).
    if (!isInputError(error)) throw error;
    const option = error.file
      .replace(/^--/, '')
      .replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
    throw new InputError(error.code, option, error.problem, error.location);
  }
  if (options.today !== undefined && !isIsoDay(options.today)) {
    throw new InputError('EUGATE_USAGE', 'today', `'${options.today}' is not a real date written YYYY-MM-DD`);
  }
  return {
    config: merged,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    configSource: source,
  };
}

function baseConfig(options: EugateCdkOptions, cwd: string): { config: EugateConfig; source: string } {
  if (options.config !== undefined && typeof options.configFile === 'string') {
    throw new InputError('EUGATE_USAGE', 'config', 'give either `config` or `configFile`, not both');
  }
  if (options.config !== undefined) {
    return { config: parseConfigObject(options.config), source: 'options.config' };
  }
  const file = options.configFile === false ? undefined : (options.configFile ?? findConfigFile(cwd));
  if (file === undefined) return { config: defaultConfig(), source: 'defaults' };
  const shown = isAbsolute(file) ? relativeOrAbsolute(cwd, resolve(cwd, file)) : file;
  return { config: loadConfigFile(cwd, file, shown), source: shown };
}

/** Same checks as a config file: the object is written as JSON and read by `parseConfig`. */
function parseConfigObject(value: EugateConfigInput): EugateConfig {
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError('EUGATE_CONFIG_INVALID', 'options.config', `not serialisable: ${message}`);
  }
  try {
    return parseConfig(text ?? 'null', 'options.config.json');
  } catch (error) {
    if (!isInputError(error)) throw error;
    throw new InputError(error.code, 'options.config', error.problem, error.location);
  }
}

function isIsoDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

function relativeOrAbsolute(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') ? path : rel;
}
