import { InputError } from '@eugate/core';

/** Parses one JSON document; a syntax error is an `InputError` with the line and column. */
export function parseJsonText(text: string, file: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') throw new InputError('EUGATE_INPUT_EMPTY', file, 'the file contains no JSON');
  try {
    return JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const offset = at === null ? source.length : Number(at[1]);
    const before = source.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const problem = offset >= source.trimEnd().length ? 'truncated JSON' : 'malformed JSON';
    throw new InputError('EUGATE_INPUT_MALFORMED', file, problem, { line, column });
  }
}

/** The 1-based line of the first `"urn": "<urn>"` of each URN in a JSON text, for source locations. */
export function urnLines(text: string): ReadonlyMap<string, number> {
  const lines = new Map<string, number>();
  const pattern = /"urn"\s*:\s*("(?:[^"\\]|\\.)*")/g;
  let line = 1;
  let scanned = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1))
      line++;
    scanned = match.index;
    let urn: unknown;
    try {
      urn = JSON.parse(match[1] as string);
    } catch {
      continue;
    }
    if (typeof urn === 'string' && !lines.has(urn)) lines.set(urn, line);
  }
  return lines;
}
