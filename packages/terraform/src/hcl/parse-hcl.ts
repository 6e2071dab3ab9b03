import { createRequire } from 'node:module';
import { InputError } from '@eugate/core';

type Parse = (filename: string, contents: string) => Promise<Record<string, unknown>>;

let loaded: Promise<Parse> | undefined;

/**
 * hcl2json, loaded on first use: importing it reads and instantiates a 20 MB WebAssembly module,
 * which no scan without `.tf` files should pay for (the CLI keeps it out of its bundle).
 */
function hcl2json(): Promise<Parse> {
  loaded ??= import('@cdktf/hcl2json').then((module) => {
    const parse =
      (module as { parse?: Parse }).parse ?? (module as { default?: { parse?: Parse } }).default?.parse;
    if (parse === undefined) throw new Error('@cdktf/hcl2json exports no parse function');
    return parse;
  });
  return loaded;
}

/** Where `@cdktf/hcl2json` is installed, for the worker thread of the synchronous parser. */
export function hcl2jsonPath(): string {
  return createRequire(import.meta.url).resolve('@cdktf/hcl2json');
}

/** Parses one `.tf` file into hcl2json's JSON rendering; a syntax error is an `InputError` (see `hclSyntaxError`). */
export async function parseHcl(text: string, file: string): Promise<Record<string, unknown>> {
  const parse = await hcl2json();
  try {
    return await parse(file, text);
  } catch (error) {
    throw hclSyntaxError(error instanceof Error ? error.message : String(error), file);
  }
}

/**
 * hcl2json reports `parse config: [main.tf:12,3-4: Invalid expression; Expected the start of an
 * expression, …]`; the first diagnostic becomes an `InputError` with its file, line and column.
 */
export function hclSyntaxError(message: string, file: string): InputError {
  const diagnostic = /:(\d+),(\d+)(?:-[\d,]+)?: ([^;\]]*)(?:; ([^\]]*))?/.exec(message);
  if (diagnostic === null) {
    return new InputError(
      'EUGATE_INPUT_MALFORMED',
      file,
      `HCL syntax error: ${message.replace(/^parse config: /, '')}`,
    );
  }
  const [, line, column, summary, detail] = diagnostic;
  return new InputError(
    'EUGATE_INPUT_MALFORMED',
    file,
    `HCL syntax error: ${summary?.trim() || 'invalid syntax'}${detail ? ` (${detail.trim()})` : ''}`,
    { line: Number(line), column: Number(column) },
  );
}
