import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../model/errors.js';
import { parseConfig } from './parse.js';
import type { EugateConfig } from './types.js';

/** The names every entry point looks for in the working directory, in this order. */
export const CONFIG_FILE_NAMES = ['eugate.config.json', 'eugate.config.yaml', 'eugate.config.yml'] as const;

/** The first of `CONFIG_FILE_NAMES` present in `cwd`, if any. */
export function findConfigFile(cwd: string): string | undefined {
  return CONFIG_FILE_NAMES.find((name) => existsSync(resolve(cwd, name)));
}

/**
 * Reads and checks a config file (`file` relative to `cwd`, or absolute). Every problem, a missing
 * file included, is an `InputError` naming the file as `shown` (default: as given).
 */
export function loadConfigFile(cwd: string, file: string, shown: string = file): EugateConfig {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch {
    throw new InputError('EUGATE_INPUT_NOT_FOUND', shown, 'config file not found');
  }
  return parseConfig(text, shown);
}
