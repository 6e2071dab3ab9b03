import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError, parseSavedReport, type Report } from '@eugate/core';

/** Reads a JSON report saved by `eugate scan --format json`; anything else is an input error (exit 2). */
export function readSavedReport(file: string, cwd: string): Report {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      'EUGATE_INPUT_NOT_FOUND',
      file,
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, not a report file'
          : `cannot be read (${code})`,
    );
  }
  if (text.trim() === '') throw new InputError('EUGATE_INPUT_EMPTY', file, 'the file is empty');
  return parseSavedReport(text, file);
}
