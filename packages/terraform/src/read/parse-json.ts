import { InputError } from '@eugate/core';

export interface ParsedJson {
  readonly value: unknown;
  /** Set when the JSON object had to be cut out of surrounding text (a CI wrapper's log lines). */
  readonly stripped?: { readonly linesBefore: number; readonly linesAfter: number };
}

/**
 * Parses an artifact that should be one JSON document. hashicorp/setup-terraform's wrapper (and
 * similar CI helpers) print a command line before the JSON and `::debug::` lines after it, and users
 * save that output as the plan; such a file is read by taking the first line that starts with `{`
 * through the brace that closes it. Anything else that is not JSON is an error with its position.
 */
export function parseArtifactJson(text: string, file: string): ParsedJson {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = firstNonWhitespace(source);
  if (start === -1) {
    throw new InputError(
      'EUGATE_INPUT_EMPTY',
      file,
      source.length === 0 ? 'the file is empty' : 'the file contains only white space',
    );
  }
  if (source[start] === '{') {
    try {
      return { value: JSON.parse(source) };
    } catch (error) {
      const end = closingBrace(source, start);
      // Trailing text after a complete object: the wrapper's log lines; otherwise a real syntax error.
      if (end === -1 || source.slice(end + 1).trim() === '') throw syntaxError(error, source, 0, file);
      return fromSlice(source, start, end, file);
    }
  }
  let notJson: unknown;
  try {
    // A JSON scalar or array: the caller reports that it is not a plan.
    return { value: JSON.parse(source) };
  } catch (error) {
    notJson = error;
  }
  const objectLine = /^\{/m.exec(source);
  if (objectLine === null) throw syntaxError(notJson, source, 0, file);
  const end = closingBrace(source, objectLine.index);
  if (end === -1) {
    try {
      JSON.parse(source.slice(objectLine.index));
    } catch (error) {
      throw syntaxError(error, source, objectLine.index, file);
    }
  }
  return fromSlice(source, objectLine.index, end, file);
}

function fromSlice(source: string, start: number, end: number, file: string): ParsedJson {
  let value: unknown;
  try {
    value = JSON.parse(source.slice(start, end + 1));
  } catch (error) {
    throw syntaxError(error, source, start, file);
  }
  const before = source.slice(0, start);
  const after = source.slice(end + 1).trim();
  return {
    value,
    stripped: { linesBefore: countLines(before.trim()), linesAfter: after === '' ? 0 : countLines(after) },
  };
}

function countLines(text: string): number {
  if (text === '') return 0;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

function firstNonWhitespace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
  }
  return -1;
}

/** Index of the `}` closing the object that opens at `start`, skipping strings; -1 if it never closes. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Turns V8's `JSON.parse` message into an input error with line and column in the whole file. */
function syntaxError(error: unknown, source: string, offset: number, file: string): InputError {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  const contentEnd = source.trimEnd().length;
  // Some V8 messages ("Unexpected token 'x', ... is not valid JSON") carry no position: find it.
  const at = position !== null ? offset + Number(position[1]) : firstJsonError(source, offset);
  const { line, column } = lineAndColumn(source, Math.min(at, contentEnd));
  if (at >= contentEnd || /Unterminated string|end of JSON/i.test(message)) {
    return new InputError(
      'EUGATE_INPUT_MALFORMED',
      file,
      'truncated JSON: the file ends before the JSON document is complete',
      { line, column },
    );
  }
  const detail = /^Unexpected token '(.)'/.exec(message);
  const problem =
    detail !== null
      ? `unexpected character '${detail[1]}'`
      : message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/^Unexpected/, 'unexpected');
  return new InputError('EUGATE_INPUT_MALFORMED', file, `malformed JSON: ${problem}`, { line, column });
}

/**
 * Index of the first character that makes `text` (from `start`) invalid JSON, or `text.length` when
 * it ends too early. Only used to point at an error `JSON.parse` has already found.
 */
function firstJsonError(text: string, start: number): number {
  let i = start;
  const skipSpace = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i] as string)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string): void => {
    for (const c of word) {
      if (text[i] !== c) fail();
      i++;
    }
  };
  const string = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (match === null || match[0] === '') fail();
    i += (match as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      skipSpace();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          skipSpace();
          if (text[i] !== '"') fail();
          string();
          skipSpace();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        skipSpace();
        if (text[i] === ',') i++;
        else if (text[i] === close) {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  };
  try {
    value();
    skipSpace();
    return i;
  } catch (at) {
    return typeof at === 'number' ? at : text.length;
  }
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}
