import { InputError } from '@eugate/core';

/** Every report format, as named on the command line. */
export const FORMAT_NAMES = ['text', 'json', 'sarif', 'junit', 'md', 'codequality', 'html'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

const ALIASES: Readonly<Record<string, FormatName>> = { markdown: 'md' };

/** One report to write: a format, to a file or (no file) to standard output. */
export interface OutputTarget {
  readonly format: FormatName;
  readonly file?: string;
}

/**
 * The reports a command writes, from its `--format` and `--output` values (each repeatable, each
 * value may list several, comma-separated):
 *
 * - `--format text,sarif` or `--format text --format sarif`: the formats;
 * - `--output sarif=eugate.sarif`: where one format goes; naming a format here also asks for it
 *   (without `--format`, next to the default one: `scan plan.json -o sarif=x.sarif` logs text too);
 * - `--output FILE` without `format=`: the file of the only format asked for (the original
 *   `--format json --output report.json`), a usage error when several are;
 * - formats without a file go to standard output, and at most one may.
 *
 * Without `--format`, `defaultFormat` is asked for.
 */
export function planOutputs(
  formatValues: readonly string[],
  outputValues: readonly string[],
  defaultFormat: FormatName,
): OutputTarget[] {
  const formats: FormatName[] = [];
  const add = (format: FormatName): void => {
    if (!formats.includes(format)) formats.push(format);
  };
  const asked = splitValues(formatValues);
  for (const value of asked) add(formatName(value, '--format'));
  if (asked.length === 0) add(defaultFormat);

  const files = new Map<FormatName, string>();
  const bare: string[] = [];
  for (const value of outputValues) {
    const match = /^([a-z]+)=(.+)$/.exec(value);
    const named = match === null ? undefined : lookupFormat(match[1]!);
    if (named === undefined) {
      bare.push(value);
      continue;
    }
    if (files.has(named)) {
      throw new InputError(
        'EUGATE_USAGE',
        '--output',
        `${named} is given two files: '${files.get(named)}' and '${match![2]}'`,
      );
    }
    files.set(named, match![2]!);
    add(named);
  }

  if (bare.length > 1) {
    throw new InputError(
      'EUGATE_USAGE',
      '--output',
      `several files without a format (${bare.join(', ')}); write --output <format>=<file>`,
    );
  }
  if (bare.length === 1) {
    const unassigned = formats.filter((format) => !files.has(format));
    if (unassigned.length !== 1) {
      throw new InputError(
        'EUGATE_USAGE',
        '--output',
        `'${bare[0]}' does not say which of ${unassigned.join(', ')} it is for; write --output <format>=<file>`,
      );
    }
    files.set(unassigned[0]!, bare[0]!);
  }

  const toStdout = formats.filter((format) => !files.has(format));
  if (toStdout.length > 1) {
    throw new InputError(
      'EUGATE_USAGE',
      '--format',
      `${toStdout.join(', ')} would all go to standard output; give all but one a file with --output <format>=<file>`,
    );
  }
  const written = new Map<string, FormatName>();
  for (const [format, file] of files) {
    const other = written.get(file);
    if (other !== undefined) {
      throw new InputError(
        'EUGATE_USAGE',
        '--output',
        `${other} and ${format} would both be written to '${file}'`,
      );
    }
    written.set(file, format);
  }
  return formats.map((format) => {
    const file = files.get(format);
    return file === undefined ? { format } : { format, file };
  });
}

function splitValues(values: readonly string[]): string[] {
  return values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

function lookupFormat(value: string): FormatName | undefined {
  const lower = value.toLowerCase();
  return ALIASES[lower] ?? FORMAT_NAMES.find((name) => name === lower);
}

function formatName(value: string, flag: string): FormatName {
  const found = lookupFormat(value);
  if (found !== undefined) return found;
  throw new InputError(
    'EUGATE_USAGE',
    flag,
    `'${value}' is not a report format (one of: ${FORMAT_NAMES.join(', ')})`,
  );
}
