import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { InputError } from '../model/errors.js';

/** A parsed JSON document that can tell the line of any value in it. */
export interface LocatedJson {
  readonly value: unknown;
  /** 1-based line where the value at `path` starts; undefined when there is no such value. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/**
 * Parses JSON (comments allowed, as ARM templates allow them) and keeps positions, so a reader can
 * give each resource its line. Malformed input is an `InputError` naming `file`, line and column.
 * Keys are defined as own properties: a `__proto__` key is data, never a prototype.
 */
export function parseLocatedJson(text: string, file: string): LocatedJson {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '')
    throw new InputError(
      'EUGATE_INPUT_EMPTY',
      file,
      source === '' ? 'the file is empty' : 'the file contains only white space',
    );
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { allowTrailingComma: false, disallowComments: false });
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const position = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] as number) + 1 };
  };
  const first = errors[0];
  if (first !== undefined || root === undefined) {
    const offset = first?.offset ?? 0;
    const problem =
      first === undefined
        ? 'no JSON value'
        : offset >= source.trimEnd().length
          ? 'truncated JSON: the file ends before the document is complete'
          : `malformed JSON: ${describeError(printParseErrorCode(first.error))}`;
    throw new InputError('EUGATE_INPUT_MALFORMED', file, problem, position(offset));
  }
  return {
    value: toValue(root),
    lineOf(path) {
      let node: Node | undefined = root;
      for (const segment of path) {
        if (node === undefined) return undefined;
        node = child(node, segment);
      }
      return node === undefined ? undefined : position(node.offset).line;
    },
  };
}

function child(node: Node, segment: string | number): Node | undefined {
  if (node.type === 'array' && typeof segment === 'number') return node.children?.[segment];
  if (node.type !== 'object') return undefined;
  // The last of duplicate keys wins, as in JSON.parse.
  let found: Node | undefined;
  for (const property of node.children ?? [])
    if (property.children?.[0]?.value === String(segment)) found = property.children[1];
  return found;
}

function toValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key === undefined || value === undefined) continue;
        Object.defineProperty(object, String(key.value), {
          value: toValue(value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return object;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}

function describeError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
