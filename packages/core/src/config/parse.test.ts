import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../model/errors.js';
import { RULES } from '../policies/catalogue.js';
import { defaultConfig, mergeConfig, parseConfig } from './parse.js';
import type { EugateConfig } from './types.js';

const RULE = RULES[0]!.meta.id;
const fixture = (name: string): string =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

function errorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('defaultConfig', () => {
  it('is the strictest useful setting', () => {
    expect(defaultConfig()).toEqual({
      profile: 'eu',
      classification: {
        mode: 'assume',
        tagKeys: ['data-classification', 'DataClassification', 'dataClassification'],
        personalValues: ['personal', 'pii', 'special-category', 'sensitive'],
        nonPersonalValues: ['public', 'internal', 'non-personal', 'none'],
        overrides: [],
      },
      failOn: 'low',
      unknown: 'fail',
      waivers: [],
      disabledRules: [],
    } satisfies EugateConfig);
  });

  it('returns fresh lists each time', () => {
    expect(defaultConfig().classification.tagKeys).not.toBe(defaultConfig().classification.tagKeys);
  });
});

describe('parseConfig: valid files', () => {
  it.each([
    { name: 'empty JSON object', file: 'eugate.config.json', text: '{}', expected: {} },
    { name: 'empty YAML document', file: 'eugate.config.yaml', text: '# nothing yet\n', expected: {} },
    {
      name: 'JSON with every top-level key',
      file: 'eugate.config.json',
      text: JSON.stringify({
        profile: 'eea',
        allowedCountries: ['FI', 'SE'],
        failOn: 'high',
        unknown: 'warn',
        disabledRules: [RULE],
        region: 'eu-north-1',
      }),
      expected: {
        profile: 'eea',
        allowedCountries: ['FI', 'SE'],
        failOn: 'high',
        unknown: 'warn',
        disabledRules: [RULE],
        region: 'eu-north-1',
      },
    },
    {
      name: 'YAML classification: resources become overrides, missing keys defaulted',
      file: 'eugate.config.yml',
      text: 'classification:\n  mode: tagged-only\n  resources:\n    - match: "stack:marketing-*"\n      personal: false\n',
      expected: {
        classification: {
          mode: 'tagged-only',
          tagKeys: ['data-classification', 'DataClassification', 'dataClassification'],
          personalValues: ['personal', 'pii', 'special-category', 'sensitive'],
          nonPersonalValues: ['public', 'internal', 'non-personal', 'none'],
          overrides: [{ match: 'stack:marketing-*', personal: false }],
        },
      },
    },
    {
      name: 'YAML waiver with an unquoted date',
      file: 'eugate.config.yaml',
      text: `waivers:\n  - rule: ${RULE}\n    resource: aws_s3_bucket.legacy\n    reason: migration in Q3\n    owner: team-data\n    expires: 2026-09-30\n`,
      expected: {
        waivers: [
          {
            rule: RULE,
            resource: 'aws_s3_bucket.legacy',
            reason: 'migration in Q3',
            owner: 'team-data',
            expires: '2026-09-30',
          },
        ],
      },
    },
    {
      name: 'YAML 1.1 timestamp for expires is accepted as the date',
      file: 'eugate.config.yaml',
      text: `%YAML 1.1\n---\nwaivers:\n  - rule: ${RULE}\n    resource: "*"\n    reason: r\n    owner: o\n    expires: 2026-09-30\n`,
      expected: {
        waivers: [{ rule: RULE, resource: '*', reason: 'r', owner: 'o', expires: '2026-09-30' }],
      },
    },
    {
      name: 'ARM resource-group location, programmatic or display name, kept as written',
      file: 'eugate.config.yaml',
      text: 'location: West Europe\n',
      expected: { location: 'West Europe' },
    },
    {
      name: 'byte-order mark',
      file: 'eugate.config.json',
      text: '\uFEFF{"profile":"adequacy"}',
      expected: { profile: 'adequacy' },
    },
    {
      name: 'extension is case-insensitive',
      file: 'EUGATE.CONFIG.JSON',
      text: '{"failOn":"critical"}',
      expected: { failOn: 'critical' },
    },
  ])('$name', ({ file, text, expected }) => {
    expect(parseConfig(text, file)).toEqual({ ...defaultConfig(), ...expected });
  });

  it('reads the documented example files to the same config', () => {
    const json = parseConfig(fixture('eugate.config.json'), 'eugate.config.json');
    const yaml = parseConfig(fixture('eugate.config.yaml'), 'eugate.config.yaml');
    expect(yaml).toEqual(json);
    expect(json.waivers).toHaveLength(1);
    expect(json.classification.overrides).toHaveLength(2);
  });
});

describe('parseConfig: invalid files', () => {
  it.each([
    {
      name: 'typo at the top',
      file: 'c.json',
      text: '{"profle":"eu"}',
      key: 'profle',
      message: "unknown key 'profle' — did you mean 'profile'?",
    },
    {
      name: 'kebab-case key',
      file: 'c.yaml',
      text: 'fail-on: high\n',
      key: 'fail-on',
      message: "unknown key 'fail-on' — did you mean 'failOn'?",
    },
    {
      name: 'typo inside classification',
      file: 'c.yaml',
      text: 'classification:\n  tagkey: [x]\n',
      key: 'classification.tagkey',
      message: "unknown key 'tagkey' — did you mean 'tagKeys'?",
    },
    {
      name: 'the internal name for overrides',
      file: 'c.json',
      text: '{"classification":{"overrides":[]}}',
      key: 'classification.overrides',
      message: "unknown key 'overrides' — did you mean 'resources'?",
    },
    {
      name: 'unknown key with nothing close lists the valid ones',
      file: 'c.json',
      text: '{"classification":{"zzz":1}}',
      key: 'classification.zzz',
      message:
        "unknown key 'zzz' (valid keys here: mode, tagKeys, personalValues, nonPersonalValues, resources)",
    },
    {
      name: 'misspelt waiver key: the unknown key is reported, not the missing one',
      file: 'c.json',
      text: JSON.stringify({
        waivers: [{ rule: RULE, resource: 'x', reason: 'r', ownr: 'o', expires: '2030-01-01' }],
      }),
      key: 'waivers[0].ownr',
      message: "unknown key 'ownr' — did you mean 'owner'? (and 1 more problem)",
    },
    {
      name: 'waiver without a reason',
      file: 'c.json',
      text: JSON.stringify({ waivers: [{ rule: RULE, resource: 'x', owner: 'o', expires: '2030-01-01' }] }),
      key: 'waivers[0].reason',
      message: "missing required key 'reason'",
    },
    {
      name: 'waiver with a blank owner',
      file: 'c.json',
      text: JSON.stringify({
        waivers: [{ rule: RULE, resource: 'x', reason: 'r', owner: '  ', expires: '2030-01-01' }],
      }),
      key: 'waivers[0].owner',
      message: 'must not be empty',
    },
    {
      name: 'waiver expiring on a day that does not exist',
      file: 'c.json',
      text: JSON.stringify({
        waivers: [{ rule: RULE, resource: 'x', reason: 'r', owner: 'o', expires: '2026-02-30' }],
      }),
      key: 'waivers[0].expires',
      message: "'2026-02-30' is not a real date written YYYY-MM-DD",
    },
    {
      name: 'waiver expiry in another format',
      file: 'c.json',
      text: JSON.stringify({
        waivers: [{ rule: RULE, resource: 'x', reason: 'r', owner: 'o', expires: '30.09.2026' }],
      }),
      key: 'waivers[0].expires',
      message: "'30.09.2026' is not a real date written YYYY-MM-DD",
    },
    {
      name: 'waiver rule that is not a rule id',
      file: 'c.json',
      text: JSON.stringify({
        waivers: [{ rule: 'bucket in US', resource: 'x', reason: 'r', owner: 'o', expires: '2030-01-01' }],
      }),
      key: 'waivers[0].rule',
      message: "'bucket in US' does not look like a rule id (e.g. EU-RES-001)",
    },
    {
      name: 'waiver for a rule that does not exist',
      file: 'c.json',
      text: JSON.stringify({
        waivers: [{ rule: 'EU-NOPE-999', resource: 'x', reason: 'r', owner: 'o', expires: '2030-01-01' }],
      }),
      key: 'waivers[0].rule',
      message: "unknown rule 'EU-NOPE-999' (run `eugate rules` for the list)",
    },
    {
      name: 'disabled rule that does not exist',
      file: 'c.yaml',
      text: 'disabledRules:\n  - XX-ABC-123\n',
      key: 'disabledRules[0]',
      message: "unknown rule 'XX-ABC-123' (run `eugate rules` for the list)",
    },
    {
      name: 'profile not in the list',
      file: 'c.json',
      text: '{"profile":"eu-strikt"}',
      key: 'profile',
      message: "'eu-strikt' is not one of: eu, eea, adequacy, eu-strict — did you mean 'eu-strict'?",
    },
    {
      name: 'truncated value',
      file: 'c.yaml',
      text: 'classification:\n  mode: tagged\n',
      key: 'classification.mode',
      message: "'tagged' is not one of: assume, tagged-only — did you mean 'tagged-only'?",
    },
    {
      name: 'failOn not a severity',
      file: 'c.json',
      text: '{"failOn":"severe"}',
      key: 'failOn',
      message: "'severe' is not one of: low, medium, high, critical",
    },
    {
      name: 'wrong type',
      file: 'c.json',
      text: '{"disabledRules":"EU-RES-001"}',
      key: 'disabledRules',
      message: "expected a list, got the string 'EU-RES-001'",
    },
    {
      name: 'boolean as a string',
      file: 'c.yaml',
      text: 'classification:\n  resources:\n    - match: x\n      personal: "yes"\n',
      key: 'classification.resources[0].personal',
      message: "expected true or false, got the string 'yes'",
    },
    {
      name: 'not a mapping',
      file: 'c.json',
      text: '[1,2]',
      key: undefined,
      message: 'the config must be a mapping of settings, not a list',
    },
    {
      name: 'country outside the profile (checked by the profile resolver)',
      file: 'c.json',
      text: '{"allowedCountries":["US"]}',
      key: 'allowedCountries[0]',
      message: undefined,
    },
    {
      name: 'location that is not an Azure location',
      file: 'c.yaml',
      text: 'location: westeurpe\n',
      key: 'location',
      message:
        "'westeurpe' is not an Azure location in eugate's catalogue — did you mean 'westeurope'? (see docs/regions.md)",
    },
    {
      name: 'location given an AWS region',
      file: 'c.json',
      text: '{"location":"eu-west-1"}',
      key: 'location',
      message: undefined,
    },
    {
      name: 'blank location',
      file: 'c.json',
      text: '{"location":" "}',
      key: 'location',
      message: 'must not be empty',
    },
    {
      name: 'unsupported extension',
      file: 'eugate.config.toml',
      text: 'profile = "eu"',
      key: undefined,
      message: 'config file must end in .json, .yaml or .yml',
    },
  ])('$name', ({ file, text, key, message }) => {
    const error = errorOf(() => parseConfig(text, file));
    expect(error.code).toBe('EUGATE_CONFIG_INVALID');
    expect(error.file).toBe(file);
    expect(error.location?.key).toBe(key);
    if (message !== undefined) expect(error.problem).toBe(message);
    expect(error.message).not.toContain('\n');
  });

  it('suggests the closest rule id for a near miss', () => {
    const nearMiss = `${RULE.slice(0, -1)}${RULE.endsWith('9') ? '8' : '9'}`;
    const text = JSON.stringify({ disabledRules: [nearMiss] });
    expect(errorOf(() => parseConfig(text, 'c.json')).problem).toContain(`did you mean '`);
  });

  it.each([
    { name: 'JSON syntax error', file: 'c.json', text: '{\n  "profile": "eu",\n}', line: 3, column: 1 },
    { name: 'YAML syntax error', file: 'c.yaml', text: 'profile: eu\nwaivers: [\n', line: 3, column: 1 },
    { name: 'YAML duplicate key', file: 'c.yaml', text: 'profile: eu\nprofile: eea\n', line: 2, column: 1 },
  ])('$name names the line', ({ file, text, line, column }) => {
    const error = errorOf(() => parseConfig(text, file));
    expect(error.code).toBe('EUGATE_CONFIG_INVALID');
    expect(error.location).toEqual({ line, column });
    expect(error.message).toMatch(new RegExp(`^${file}:${line}:${column}: not valid (JSON|YAML): `));
    expect(error.message).not.toContain('\n');
  });

  it('caps YAML aliases (billion laughs)', () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) {
      const refs = Array.from({ length: 9 }, () => `*${String.fromCharCode(97 + i)}`).join(',');
      rows.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${refs}]`);
    }
    const error = errorOf(() => parseConfig(`${rows.join('\n')}\n`, 'c.yaml'));
    expect(error.problem).toMatch(/^not usable YAML: .*alias/i);
  });

  it.each([
    { file: 'c.json', text: '{"__proto__": {"polluted": true}}' },
    { file: 'c.json', text: '{"classification": {"__proto__": {"polluted": true}}}' },
    { file: 'c.yaml', text: '__proto__:\n  polluted: true\n' },
    { file: 'c.json', text: '{"waivers": [{"__proto__": {"polluted": true}}]}' },
  ])('rejects __proto__ keys without touching prototypes: $text', ({ file, text }) => {
    const error = errorOf(() => parseConfig(text, file));
    expect(error.problem).toMatch(/^unknown key '__proto__'/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('mergeConfig', () => {
  it.each([
    { overrides: {}, expected: { profile: 'eu', failOn: 'low', unknown: 'fail' } },
    { overrides: { profile: 'eea' }, expected: { profile: 'eea', failOn: 'low', unknown: 'fail' } },
    {
      overrides: { failOn: 'high', unknown: 'warn' },
      expected: { profile: 'eu', failOn: 'high', unknown: 'warn' },
    },
  ])('$overrides', ({ overrides, expected }) => {
    const merged = mergeConfig(defaultConfig(), overrides);
    expect({ profile: merged.profile, failOn: merged.failOn, unknown: merged.unknown }).toEqual(expected);
    expect(merged.classification).toEqual(defaultConfig().classification);
  });

  it.each([
    { overrides: { profile: 'us' }, flag: '--profile' },
    { overrides: { failOn: 'severe' }, flag: '--fail-on' },
    { overrides: { unknown: 'ignore' }, flag: '--unknown' },
  ])('rejects $overrides naming $flag', ({ overrides, flag }) => {
    const error = errorOf(() => mergeConfig(defaultConfig(), overrides));
    expect(error.code).toBe('EUGATE_USAGE');
    expect(error.file).toBe(flag);
  });
});
