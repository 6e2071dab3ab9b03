import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfigFile, loadConfigFile } from './load.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'eugate-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('findConfigFile', () => {
  it.each<[Record<string, string>, string | undefined]>([
    [{}, undefined],
    [{ 'eugate.config.yml': 'profile: eea\n' }, 'eugate.config.yml'],
    [{ 'eugate.config.yaml': 'profile: eea\n', 'eugate.config.json': '{}' }, 'eugate.config.json'],
  ])('in %j finds %s', (files, expected) => {
    expect(findConfigFile(project(files))).toBe(expected);
  });
});

describe('loadConfigFile', () => {
  it('reads and checks the file relative to the working directory', () => {
    expect(
      loadConfigFile(project({ 'eugate.config.yaml': 'profile: eea\n' }), 'eugate.config.yaml').profile,
    ).toBe('eea');
  });

  it('names the file as shown when it is missing or wrong', () => {
    const cwd = project({ 'bad.yaml': 'profle: eu\n' });
    expect(() => loadConfigFile(cwd, 'missing.yaml', 'conf/missing.yaml')).toThrow(
      expect.objectContaining({ code: 'EUGATE_INPUT_NOT_FOUND', file: 'conf/missing.yaml' }),
    );
    expect(() => loadConfigFile(cwd, 'bad.yaml')).toThrow(/bad\.yaml.*profle/);
  });
});
