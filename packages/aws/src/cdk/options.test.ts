import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { type EugateCdkOptions, resolveOptions } from './options.js';

function dir(files: Record<string, string> = {}): string {
  const path = mkdtempSync(join(tmpdir(), 'eugate-cdk-options-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
  return path;
}

describe('resolveOptions', () => {
  it('defaults: eu profile, strictest gate, no waivers', () => {
    const resolved = resolveOptions({ today: '2026-12-02' }, dir());
    expect(resolved).toMatchObject({
      today: '2026-12-02',
      configSource: 'defaults',
      config: { profile: 'eu', failOn: 'low', unknown: 'fail', waivers: [] },
    });
  });

  it('finds eugate.config.* in the working directory like the CLI, unless configFile is false', () => {
    const cwd = dir({ 'eugate.config.yaml': 'failOn: high\n' });
    expect(resolveOptions({}, cwd)).toMatchObject({
      configSource: 'eugate.config.yaml',
      config: { failOn: 'high' },
    });
    expect(resolveOptions({ configFile: false }, cwd).config.failOn).toBe('low');
  });

  it('flags override the config; a config object is checked like a file', () => {
    const resolved = resolveOptions(
      {
        config: { profile: 'eea', failOn: 'high', disabledRules: ['EU-ACC-004'] },
        failOn: 'critical',
        unknown: 'warn',
      },
      dir(),
    );
    expect(resolved.config).toMatchObject({
      profile: 'eea',
      failOn: 'critical',
      unknown: 'warn',
      disabledRules: ['EU-ACC-004'],
    });
  });

  it.each<{ name: string; options: EugateCdkOptions; error: RegExp }>([
    {
      name: 'a config object with a typo',
      options: { config: { failon: 'high' } as EugateCdkOptions['config'] },
      error: /^options\.config \(at failon\): unknown key 'failon' — did you mean 'failOn'\?$/,
    },
    {
      name: 'a waiver without an owner',
      options: {
        config: {
          waivers: [{ rule: 'EU-RES-002', resource: '*', reason: 'r', expires: '2027-01-01' }],
        } as never,
      },
      error: /^options\.config \(at waivers\[0\]\.owner\): missing required key 'owner'/,
    },
    {
      name: 'both config and configFile',
      options: { config: {}, configFile: 'x.json' },
      error: /either `config` or `configFile`/,
    },
    {
      name: 'a missing config file',
      options: { configFile: 'nope.yaml' },
      error: /^nope\.yaml: config file not found$/,
    },
    {
      name: 'a bad failOn',
      options: { failOn: 'hgh' },
      error: /^failOn: 'hgh' is not one of: .* did you mean 'high'\?$/,
    },
    {
      name: 'a date that does not exist',
      options: { today: '2026-02-30' },
      error: /^today: '2026-02-30' is not a real date/,
    },
  ])('$name is an InputError naming the option', ({ options, error }) => {
    const run = () => resolveOptions(options, dir());
    expect(run).toThrow(InputError);
    expect(run).toThrow(error);
  });
});
