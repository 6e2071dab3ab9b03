import { InputError } from '@eugate/core';
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from 'yaml';
import { defineOwn, type JsonObject } from './json-value.js';

export interface ParsedTemplate {
  readonly value: unknown;
  /** 1-based line of each entry of the top-level `Resources` map; only YAML gives it cheaply. */
  readonly resourceLines: ReadonlyMap<string, number>;
}

/**
 * The YAML short forms CloudFormation defines, and the long form each stands for. `!GetAtt a.b`
 * is the one short form whose scalar is not the long form's argument as it stands.
 */
const SHORT_FORMS: ReadonlyMap<string, string> = new Map([
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ...[
    'Base64',
    'Cidr',
    'FindInMap',
    'GetAtt',
    'GetAZs',
    'ImportValue',
    'Join',
    'Select',
    'Split',
    'Sub',
    'Transform',
    'And',
    'Equals',
    'If',
    'Not',
    'Or',
    'Length',
    'ToJsonString',
  ].map((name): [string, string] => [`!${name}`, `Fn::${name}`]),
]);

/**
 * An alias bomb ("billion laughs") is a few hundred bytes that expand to billions of nodes. Real
 * templates rarely use anchors at all; these caps stop the expansion long before it costs time.
 */
const MAX_ALIAS_EXPANSIONS = 10_000;
const MAX_NODES_VIA_ALIASES = 1_000_000;

/**
 * Parses a CloudFormation template, JSON or YAML, told apart by its first character (a JSON
 * template is an object). YAML short-form tags become the long form (`!GetAtt a.b` →
 * `{ "Fn::GetAtt": ["a", "b"] }`). Malformed input is an `InputError` with the line.
 */
export function parseTemplateText(text: string, file: string): ParsedTemplate {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = source.trimStart();
  if (trimmed === '') {
    throw new InputError(
      'EUGATE_INPUT_EMPTY',
      file,
      source === '' ? 'the file is empty' : 'the file contains only white space',
    );
  }
  if (trimmed.startsWith('{')) return { value: parseJson(source, file), resourceLines: new Map() };
  return parseYaml(source, file);
}

function parseJson(source: string, file: string): unknown {
  try {
    return JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
    const position = /at position (\d+)/.exec(message);
    const location =
      lineColumn !== null
        ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
        : lineAndColumn(source, position !== null ? Number(position[1]) : source.trimEnd().length);
    if (position !== null && Number(position[1]) >= source.trimEnd().length) {
      return throwMalformed(file, 'truncated JSON: the file ends before the document is complete', location);
    }
    const problem = message
      .replace(/\s*(in JSON )?at position \d+.*$/s, '')
      .replace(/\s*\(line \d+ column \d+\)$/, '')
      .replace(/^Unexpected/, 'unexpected')
      .replace(/^Expected/, 'expected');
    return throwMalformed(file, `malformed JSON: ${problem}`, location);
  }
}

function parseYaml(source: string, file: string): ParsedTemplate {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    version: '1.2',
    schema: 'core',
  });
  const first = document.errors[0];
  if (first !== undefined) {
    const at = lineCounter.linePos(first.pos[0]);
    const problem = first.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? first.code;
    throwMalformed(file, `malformed YAML: ${problem}`, { line: at.line, column: at.col });
  }

  // Each alias refers to the closest anchor before it; one pass in document order finds them all.
  const anchors = new Map<string, Node>();
  const aliasTargets = new Map<Node, Node>();
  visit(document, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target !== undefined) aliasTargets.set(node, target);
      } else if (node.anchor !== undefined) anchors.set(node.anchor, node);
    },
  });

  const lineOf = (node: Node): number | undefined =>
    node.range === undefined || node.range === null ? undefined : lineCounter.linePos(node.range[0]).line;
  let aliasExpansions = 0;
  let nodesViaAliases = 0;
  const convert = (node: unknown, viaAlias: boolean): unknown => {
    if (viaAlias && ++nodesViaAliases > MAX_NODES_VIA_ALIASES) aliasBomb(file);
    if (isAlias(node)) {
      if (++aliasExpansions > MAX_ALIAS_EXPANSIONS) aliasBomb(file);
      const target = aliasTargets.get(node);
      if (target === undefined) {
        throwMalformed(file, `malformed YAML: alias *${node.source} has no anchor before it`, {
          line: lineOf(node),
        });
      }
      return convert(target, true);
    }
    if (node === null || node === undefined) return null;
    let value: unknown;
    if (isScalar(node)) value = node.value;
    else if (isSeq(node)) value = node.items.map((item) => convert(item, viaAlias));
    else if (isMap(node)) {
      const object: JsonObject = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : convert(pair.key, viaAlias);
        if (typeof key === 'object' && key !== null) {
          throwMalformed(file, 'malformed YAML: a mapping key is not a scalar', {
            line: lineOf(pair.key as Node),
          });
        }
        defineOwn(object, String(key), convert(pair.value, viaAlias));
      }
      value = object;
    } else return null;
    const tag = (node as Node).tag;
    if (tag === undefined || !tag.startsWith('!') || tag.startsWith('!!')) return value;
    return longForm(tag, value, file, lineOf(node as Node));
  };

  const value = convert(document.contents, false);
  return { value, resourceLines: resourceLinesOf(document.contents, lineOf) };
}

function longForm(tag: string, value: unknown, file: string, line: number | undefined): unknown {
  const name = SHORT_FORMS.get(tag);
  if (name === undefined) {
    return throwMalformed(file, `unknown YAML tag ${tag}: it is not a CloudFormation intrinsic function`, {
      line,
    });
  }
  if (name === 'Fn::GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { [name]: dot === -1 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  if (name === 'Fn::GetAZs' && value === null) return { [name]: '' };
  return { [name]: value };
}

function resourceLinesOf(contents: unknown, lineOf: (node: Node) => number | undefined): Map<string, number> {
  const lines = new Map<string, number>();
  if (!isMap(contents)) return lines;
  const resources = contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'Resources');
  if (resources === undefined || !isMap(resources.value)) return lines;
  for (const pair of resources.value.items) {
    if (!isScalar(pair.key)) continue;
    const line = lineOf(pair.key);
    if (line !== undefined) lines.set(String(pair.key.value), line);
  }
  return lines;
}

function aliasBomb(file: string): never {
  return throwMalformed(
    file,
    `YAML aliases expand to more than ${MAX_ALIAS_EXPANSIONS} references or ${MAX_NODES_VIA_ALIASES} values (an alias bomb?); a CloudFormation template does not need that`,
  );
}

function throwMalformed(
  file: string,
  problem: string,
  location?: { readonly line?: number; readonly column?: number },
): never {
  const clean =
    location === undefined
      ? undefined
      : Object.fromEntries(Object.entries(location).filter(([, v]) => v !== undefined));
  throw new InputError('EUGATE_INPUT_MALFORMED', file, problem, clean);
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
