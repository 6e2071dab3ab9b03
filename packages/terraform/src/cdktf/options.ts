import {
  defaultConfig,
  type EugateConfig,
  findConfigFile,
  InputError,
  loadConfigFile,
  mergeConfig,
  type ProfileName,
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

/** The configuration the CLI would use in `cwd` with these flags; a bad file or value is an `InputError`. */
export function resolveConfig(options: EugateCdktfOptions, cwd: string = process.cwd()): EugateConfig {
  let config: EugateConfig;
  if (typeof options.config === 'object') {
    config = options.config;
  } else {
    const file = options.config ?? findConfigFile(cwd);
    config = file === undefined ? defaultConfig() : loadConfigFile(cwd, file);
  }
  return mergeConfig(config, {
    ...(options.profile !== undefined && { profile: options.profile }),
    ...(options.failOn !== undefined && { failOn: options.failOn }),
    ...(options.unknown !== undefined && { unknown: options.unknown }),
  });
}

/** `options.today`, checked as the CLI checks `--date`, else today (UTC). */
export function resolveToday(options: EugateCdktfOptions): string {
  const { today } = options;
  if (today === undefined) return new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new InputError('EUGATE_USAGE', 'today', `"${today}" is not a date of the form YYYY-MM-DD`);
  return today;
}
