import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, InputError } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { resolveConfig, resolveToday } from './options.js';

function dir(files: Record<string, string> = {}): string {
  const path = mkdtempSync(join(tmpdir(), 'eugate-cdktf-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
  return path;
}

describe('resolveConfig: the configuration the CLI would use', () => {
  it('is the default configuration without a config file', () => {
    expect(resolveConfig({}, dir())).toEqual(defaultConfig());
  });

  it('finds eugate.config.json in the working directory, as the CLI does', () => {
    const cwd = dir({ 'eugate.config.json': JSON.stringify({ profile: 'eu-strict', failOn: 'high' }) });
    const config = resolveConfig({}, cwd);
    expect([config.profile, config.failOn]).toEqual(['eu-strict', 'high']);
  });

  it('reads a named YAML file, and the options win over it', () => {
    const cwd = dir({ 'gate.yaml': 'profile: eea\nfailOn: high\nunknown: warn\n' });
    const config = resolveConfig({ config: 'gate.yaml', failOn: 'medium' }, cwd);
    expect([config.profile, config.failOn, config.unknown]).toEqual(['eea', 'medium', 'warn']);
  });

  it('takes a config value as it is', () => {
    const config = { ...defaultConfig(), disabledRules: ['EU-ACC-004'] };
    expect(resolveConfig({ config, profile: 'adequacy' }, dir())).toEqual({ ...config, profile: 'adequacy' });
  });

  it.each([
    { options: { config: 'missing.json' }, message: /^missing\.json: config file not found$/ },
    { options: { config: 'bad.json' }, message: /^bad\.json.*not valid JSON/ },
    { options: { failOn: 'severe' as never }, message: /--fail-on: 'severe' is not one of/ },
  ])('$message: a bad config is an InputError', ({ options, message }) => {
    const cwd = dir({ 'bad.json': '{ "profile": ' });
    expect(() => resolveConfig(options, cwd)).toThrow(InputError);
    expect(() => resolveConfig(options, cwd)).toThrow(message);
  });
});

describe('resolveToday', () => {
  it('takes a date as given, else today in UTC', () => {
    expect(resolveToday({ today: '2026-11-22' })).toBe('2026-11-22');
    expect(resolveToday({})).toBe(new Date().toISOString().slice(0, 10));
  });

  it('rejects anything but YYYY-MM-DD, as the CLI rejects --date', () => {
    expect(() => resolveToday({ today: '22.11.2026' })).toThrow(
      /^today: "22\.11\.2026" is not a date of the form YYYY-MM-DD$/,
    );
  });
});
