import type { BlockLines } from '../config/json-syntax.js';

interface BlockHeader {
  readonly keyword: string;
  readonly labels: readonly string[];
  readonly line: number;
}

/**
 * Lines of the top-level block headers of a `.tf` file (`resource "aws_s3_bucket" "b" {` → its
 * line). hcl2json gives no positions, so the source text is scanned once: comments (`#`, `//`,
 * `/* *\/`), quoted strings (with their `${…}` interpolations) and heredocs (`<<EOT` … `EOT`) are
 * skipped, brackets are counted, and at depth 0 an identifier followed by quoted or bare labels
 * and `{` is a block header. Text inside a string, comment or heredoc that looks like a header
 * is therefore never taken for one.
 */
export function hclBlockLines(text: string): BlockLines {
  const headers = scanBlockHeaders(text);
  const byKey = new Map<string, number[]>();
  for (const header of headers) {
    const key = [header.keyword, ...header.labels].join('\u0000');
    const lines = byKey.get(key);
    if (lines === undefined) byKey.set(key, [header.line]);
    else lines.push(header.line);
  }
  return (keyword, labels, occurrence = 0) => byKey.get([keyword, ...labels].join('\u0000'))?.[occurrence];
}

export function scanBlockHeaders(text: string): BlockHeader[] {
  const headers: BlockHeader[] = [];
  let line = 1;
  let depth = 0;
  let i = 0;
  const n = text.length;

  const skipString = (): void => {
    // at the opening quote
    i++;
    while (i < n && text[i] !== '"') {
      if (text[i] === '\\') i += 2;
      else if ((text[i] === '$' || text[i] === '%') && text[i + 1] === '{') skipInterpolation();
      else {
        if (text[i] === '\n') line++;
        i++;
      }
    }
    i++;
  };

  const skipInterpolation = (): void => {
    // at `${`: skip to the matching `}`
    i += 2;
    let inner = 1;
    while (i < n && inner > 0) {
      const c = text[i];
      if (c === '"') {
        skipString();
        continue;
      }
      if (c === '{') inner++;
      else if (c === '}') inner--;
      else if (c === '\n') line++;
      i++;
    }
  };

  const skipLine = (): void => {
    while (i < n && text[i] !== '\n') i++;
  };

  const skipHeredoc = (marker: string, openerLength: number): void => {
    i += openerLength; // past `<<-EOT` and its newline
    line++;
    while (i < n) {
      const end = text.indexOf('\n', i);
      const content = text.slice(i, end === -1 ? n : end).trim();
      i = end === -1 ? n : end + 1;
      if (content === marker) {
        // leave the newline after the closing marker to the main loop
        if (end !== -1) i = end;
        return;
      }
      if (end !== -1) line++;
    }
  };

  while (i < n) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === '\n') {
      line++;
      i++;
    } else if (c === '#' || (c === '/' && next === '/')) {
      skipLine();
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      for (let j = i; j < stop; j++) if (text[j] === '\n') line++;
      i = stop;
    } else if (c === '"') {
      skipString();
    } else if (c === '<' && next === '<') {
      const heredoc = /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 200));
      if (heredoc?.[1] !== undefined) skipHeredoc(heredoc[1], heredoc[0].length);
      else i += 2;
    } else if (c === '{' || c === '[' || c === '(') {
      depth++;
      i++;
    } else if (c === '}' || c === ']' || c === ')') {
      depth = Math.max(0, depth - 1);
      i++;
    } else if (depth === 0 && /[A-Za-z_]/.test(c)) {
      const header = /^([A-Za-z_][\w-]*)((?:[ \t]+(?:"(?:[^"\\\n]|\\.)*"|[A-Za-z_][\w-]*))*)[ \t]*\{/.exec(
        text.slice(i, i + 1000),
      );
      if (header?.[1] !== undefined) {
        const labels = [...(header[2] ?? '').matchAll(/"((?:[^"\\\n]|\\.)*)"|([A-Za-z_][\w-]*)/g)].map(
          (match) =>
            match[1] !== undefined ? (JSON.parse(`"${match[1]}"`) as string) : (match[2] as string),
        );
        headers.push({ keyword: header[1], labels, line });
        i += header[0].length - 1; // the `{` is counted by the loop
      } else {
        const word = /^[A-Za-z_][\w-]*/.exec(text.slice(i))?.[0] ?? c;
        i += word.length;
      }
    } else {
      i++;
    }
  }
  return headers;
}
