import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '@eugate/core';
import { LineCounter, parseDocument } from 'yaml';
import { isJsonObject } from './json-value.js';

/** A stack's configuration (`Pulumi.<stack>.yaml`): the values default providers are built from. */
export interface PulumiStackConfig {
  /** The file, as shown in evidence and messages (a relative path). */
  readonly file: string;
  /** Keys as written (`aws:region`); secure values are absent from here. */
  readonly values: ReadonlyMap<string, unknown>;
  /** Keys whose values are encrypted (`secure:`), so unknown to eugate. */
  readonly secure: ReadonlySet<string>;
}

/** Anchors and aliases are legal YAML, but a stack file needs few; this stops alias bombs. */
const MAX_ALIAS_COUNT = 1_000;

/** Parses the text of a `Pulumi.<stack>.yaml`; malformed YAML is an `InputError` with its line. */
export function parseStackConfig(text: string, file: string): PulumiStackConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  if (error !== undefined) {
    const position = lineCounter.linePos(error.pos[0]);
    throw new InputError('EUGATE_INPUT_MALFORMED', file, `malformed YAML: ${firstLine(error.message)}`, {
      line: position.line,
      column: position.col,
    });
  }
  let root: unknown;
  try {
    root = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    throw new InputError('EUGATE_INPUT_MALFORMED', file, `unreadable YAML: ${firstLine(String(cause))}`);
  }
  if (root === null || root === undefined) return { file, values: new Map(), secure: new Set() };
  if (!isJsonObject(root))
    throw new InputError('EUGATE_INPUT_MALFORMED', file, 'a Pulumi stack config file is a YAML mapping');
  const config = Object.hasOwn(root, 'config') ? root.config : undefined;
  if (config !== undefined && config !== null && !isJsonObject(config))
    throw new InputError('EUGATE_INPUT_MALFORMED', file, '`config` is not a mapping', { key: 'config' });
  const values = new Map<string, unknown>();
  const secure = new Set<string>();
  for (const [key, value] of Object.entries(config ?? {})) {
    if (isJsonObject(value) && Object.hasOwn(value, 'secure')) secure.add(key);
    else values.set(key, value);
  }
  return { file, values, secure };
}

/** Reads a stack config file the user named (`--stack-config`); `display` is its path as shown. */
export function loadStackConfig(path: string, display: string): PulumiStackConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(
      'EUGATE_INPUT_NOT_FOUND',
      display,
      `the Pulumi stack config file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return parseStackConfig(text, display);
}

/**
 * The `Pulumi.<stack>.yaml` beside an artifact, as `pulumi preview --json > preview.json` run in
 * the project directory leaves it; undefined when there is none.
 */
export function findStackConfig(
  artifactPath: string,
  artifactDisplay: string,
  stack: string,
): PulumiStackConfig | undefined {
  const name = `Pulumi.${stack}.yaml`;
  const path = join(dirname(artifactPath), name);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined; // absent: default providers' regions are then unknown, with that reason
  }
  return parseStackConfig(text, join(dirname(artifactDisplay), name));
}

/** A string config value, if set and a string. */
export function configString(config: PulumiStackConfig | undefined, key: string): string | undefined {
  const value = config?.values.get(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
