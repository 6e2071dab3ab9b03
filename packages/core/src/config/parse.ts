import YAML from 'yaml';
import type { z } from 'zod';
import { InputError } from '../model/errors.js';
import { RULES } from '../policies/catalogue.js';
import { resolveProfile } from '../profiles/index.js';
import { listRegions, lookupRegion } from '../regions/catalogue.js';
import {
  type ConfigFile,
  classificationSchema,
  configFileSchema,
  overrideSchema,
  profileNames,
  severityNames,
  waiverSchema,
} from './schema.js';
import { closestMatch } from './suggest.js';
import type { EugateConfig } from './types.js';

/** Aliases cap: a config file needs none, and a billion-laughs document must not expand. */
const MAX_YAML_ALIASES = 100;

/** Keys people reach for that are spelled differently here; edit distance would not find them. */
const KEY_ALIASES: Readonly<Record<string, string>> = {
  overrides: 'resources',
  stacks: 'resources',
  rules: 'disabledRules',
  severity: 'failOn',
};

type Path = readonly PropertyKey[];

/** Reads `eugate.config.json` / `.yaml` / `.yml`; format by extension. Every problem is an `InputError` naming the key. */
export function parseConfig(text: string, file: string): EugateConfig {
  const data = parseDocument(text.replace(/^\uFEFF/, ''), file);
  const result = configFileSchema.safeParse(data ?? {});
  if (!result.success) {
    const { key, message } = describeIssues(result.error.issues, data);
    throw configError(file, message, key);
  }
  const config = toConfig(result.data);
  checkRuleIds(config, file);
  checkProfile(config, file);
  checkLocation(config, file);
  return config;
}

/** The configuration used when there is no config file: EU profile, every data store assumed personal, strictest gate. */
export function defaultConfig(): EugateConfig {
  return toConfig(configFileSchema.parse({}));
}

/** Settings the command line can override (`--profile`, `--fail-on`, `--unknown`). */
export type ConfigOverrides = Partial<Record<'profile' | 'failOn' | 'unknown', string>>;

/** Applies command-line overrides on top of a config; an invalid value is a usage error naming the flag. */
export function mergeConfig(config: EugateConfig, overrides: ConfigOverrides): EugateConfig {
  const profile =
    overrides.profile === undefined ? config.profile : pick('--profile', overrides.profile, profileNames);
  const failOn =
    overrides.failOn === undefined ? config.failOn : pick('--fail-on', overrides.failOn, severityNames);
  const unknown =
    overrides.unknown === undefined
      ? config.unknown
      : pick('--unknown', overrides.unknown, ['fail', 'warn'] as const);
  return { ...config, profile, failOn, unknown };
}

function pick<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found !== undefined) return found;
  throw new InputError(
    'EUGATE_USAGE',
    flag,
    `'${value}' is not one of: ${allowed.join(', ')}${didYouMean(value, allowed)}`,
  );
}

function parseDocument(text: string, file: string): unknown {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) return parseJson(text, file);
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return parseYaml(text, file);
  throw configError(file, 'config file must end in .json, .yaml or .yml');
}

function parseJson(text: string, file: string): unknown {
  try {
    // JSON.parse makes `__proto__` an own property (no prototype change); the strict schema then rejects it.
    return JSON.parse(text);
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(raw);
    const problem = `not valid JSON: ${raw.replace(/\s*in JSON at position \d+.*$/s, '')}`;
    if (position === null) throw configError(file, problem);
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new InputError('EUGATE_CONFIG_INVALID', file, problem, { line, column });
  }
}

function parseYaml(text: string, file: string): unknown {
  const document = YAML.parseDocument(text, { uniqueKeys: true });
  const first = document.errors[0];
  if (first !== undefined) {
    const position = first.linePos?.[0];
    const problem = `not valid YAML: ${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
    throw new InputError(
      'EUGATE_CONFIG_INVALID',
      file,
      problem,
      position === undefined ? undefined : { line: position.line, column: position.col },
    );
  }
  try {
    return document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw configError(file, `not usable YAML: ${message}`);
  }
}

function toConfig(file: ConfigFile): EugateConfig {
  return {
    profile: file.profile,
    ...(file.allowedCountries !== undefined && { allowedCountries: file.allowedCountries }),
    ...(file.allowedRegions !== undefined && { allowedRegions: file.allowedRegions }),
    classification: {
      mode: file.classification.mode,
      tagKeys: file.classification.tagKeys,
      personalValues: file.classification.personalValues,
      nonPersonalValues: file.classification.nonPersonalValues,
      overrides: file.classification.resources.map((entry) => ({
        match: entry.match,
        personal: entry.personal,
      })),
    },
    failOn: file.failOn,
    unknown: file.unknown,
    waivers: file.waivers.map((waiver) => ({
      rule: waiver.rule,
      resource: waiver.resource,
      reason: waiver.reason,
      owner: waiver.owner,
      expires: waiver.expires,
    })),
    disabledRules: file.disabledRules,
    ...(file.region !== undefined && { region: file.region }),
    ...(file.location !== undefined && { location: file.location }),
  };
}

function checkRuleIds(config: EugateConfig, file: string): void {
  const ids = RULES.map((rule) => rule.meta.id);
  const known = new Set(ids);
  const check = (id: string, key: string): void => {
    if (known.has(id)) return;
    throw configError(
      file,
      `unknown rule '${id}'${didYouMean(id, ids)} (run \`eugate rules\` for the list)`,
      key,
    );
  };
  for (const [index, waiver] of config.waivers.entries()) check(waiver.rule, `waivers[${index}].rule`);
  for (const [index, id] of config.disabledRules.entries()) check(id, `disabledRules[${index}]`);
}

/** Country and region lists are checked by the profile resolver; its complaint is reported against this file. */
function checkProfile(config: EugateConfig, file: string): void {
  if (config.allowedCountries === undefined && config.allowedRegions === undefined) return;
  try {
    resolveProfile({
      profile: config.profile,
      ...(config.allowedCountries !== undefined && { allowedCountries: config.allowedCountries }),
      ...(config.allowedRegions !== undefined && { allowedRegions: config.allowedRegions }),
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const key =
      error.location?.key ?? (config.allowedCountries !== undefined ? 'allowedCountries' : 'allowedRegions');
    throw configError(file, error.problem, key);
  }
}

/** A misspelt location would leave every ARM resource in an uncatalogued region: say so at load time. */
function checkLocation(config: EugateConfig, file: string): void {
  if (config.location === undefined || lookupRegion('azure', config.location) !== undefined) return;
  const codes = listRegions('azure').map((region) => region.code);
  throw configError(
    file,
    `'${config.location}' is not an Azure location in eugate's catalogue${didYouMean(config.location, codes)} (see docs/regions.md)`,
    'location',
  );
}

function configError(file: string, message: string, key?: string): InputError {
  return new InputError(
    'EUGATE_CONFIG_INVALID',
    file,
    message,
    key === undefined || key === '' ? undefined : { key },
  );
}

/** One line for the most useful issue: an unknown key first, since a misspelt key also causes "missing" issues. */
function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
): { key: string; message: string } {
  const ordered = [...issues].sort((a, b) => rank(a) - rank(b));
  const issue = ordered[0]!;
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  const { key, message } = describeIssue(issue, data);
  return { key, message: `${message}${more}` };
}

function rank(issue: z.core.$ZodIssue): number {
  return issue.code === 'unrecognized_keys' ? 0 : 1;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): { key: string; message: string } {
  const key = formatPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const unknownKey = issue.keys[0]!;
      const valid = validKeysAt(issue.path);
      const alias = Object.hasOwn(KEY_ALIASES, unknownKey) ? KEY_ALIASES[unknownKey] : undefined;
      const suggestion =
        alias !== undefined && valid.includes(alias) ? alias : closestMatch(unknownKey, valid);
      const hint =
        suggestion !== undefined
          ? ` — did you mean '${suggestion}'?`
          : ` (valid keys here: ${valid.join(', ')})`;
      return { key: formatPath([...issue.path, unknownKey]), message: `unknown key '${unknownKey}'${hint}` };
    }
    case 'invalid_type': {
      const { found, value } = valueAt(data, issue.path);
      if (!found || value === undefined) {
        const name = issue.path[issue.path.length - 1];
        return { key, message: `missing required key '${String(name)}'` };
      }
      if (issue.path.length === 0) {
        return { key, message: `the config must be a mapping of settings, not ${describeValue(value)}` };
      }
      return { key, message: `expected ${article(issue.expected)}, got ${describeValue(value)}` };
    }
    case 'invalid_value': {
      const { value } = valueAt(data, issue.path);
      const allowed = issue.values.map(String);
      const given = typeof value === 'string' ? value : JSON.stringify(value);
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
      return { key, message: `'${given}' is not one of: ${allowed.join(', ')}${hint}` };
    }
    default:
      return { key, message: issue.message };
  }
}

function didYouMean(value: string, candidates: readonly string[]): string {
  const suggestion = closestMatch(value, candidates);
  return suggestion === undefined ? '' : ` — did you mean '${suggestion}'?`;
}

function validKeysAt(path: Path): string[] {
  const named = path.filter((segment) => typeof segment === 'string').join('.');
  const shapes: Readonly<Record<string, object>> = {
    '': configFileSchema.shape,
    classification: classificationSchema.shape,
    'classification.resources': overrideSchema.shape,
    waivers: waiverSchema.shape,
  };
  const shape = Object.hasOwn(shapes, named) ? shapes[named] : undefined;
  return shape === undefined ? [] : Object.keys(shape);
}

export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

function valueAt(data: unknown, path: Path): { found: boolean; value: unknown } {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) {
      return { found: false, value: undefined };
    }
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return { found: true, value: current };
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string '${value}'`;
  return `${typeof value} ${String(value)}`;
}

function article(expected: string): string {
  const names: Readonly<Record<string, string>> = {
    string: 'a string',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
    number: 'a number',
  };
  return Object.hasOwn(names, expected) ? names[expected]! : expected;
}
