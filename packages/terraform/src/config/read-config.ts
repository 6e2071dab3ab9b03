import { InputError, type ReadResult } from '@eugate/core';
import { isJsonObject, ownObject, ownString } from '../read/json-value.js';
import { parseArtifactJson } from '../read/parse-json.js';
import { looksLikeTerraformPlan } from '../read/plan.js';
import { buildRawResources } from './evaluate.js';
import { type BlockLines, normaliseDocument } from './json-syntax.js';
import type { TerraformConfigOptions } from './options.js';

/** Top-level keys of Terraform JSON syntax (`//` is a comment). */
const TOP_LEVEL_KEYS = new Set([
  '//',
  'resource',
  'data',
  'terraform',
  'provider',
  'module',
  'variable',
  'locals',
  'output',
  'check',
  'import',
  'moved',
  'removed',
  'ephemeral',
]);
const DEFINING_KEYS = ['resource', 'terraform', 'provider', 'module'];

/**
 * For the CLI's detection: a parsed JSON value in Terraform JSON syntax (`*.tf.json`, `cdk.tf.json`):
 * an object with a `resource`, `terraform`, `provider` or `module` key and no key Terraform does not
 * know at the top level. A plan (`terraform show -json`) is not one.
 */
export function looksLikeTerraformJsonConfig(value: unknown): boolean {
  return (
    isJsonObject(value) &&
    !looksLikeTerraformPlan(value) &&
    DEFINING_KEYS.some((key) => Object.hasOwn(value, key)) &&
    Object.keys(value).every((key) => TOP_LEVEL_KEYS.has(key))
  );
}

/**
 * Reads a Terraform JSON configuration (`*.tf.json`, CDKTF's `cdk.tf.json`) into raw resources of
 * the same shape the plan reader produces: snake_case properties with single nested blocks as
 * one-element lists, `${…}` references to variables, locals and other resources' arguments
 * resolved, everything else an `UnknownValue` with the reason, `references` per argument, the
 * region of AWS resources from their provider configuration (aliases included), and the CDKTF
 * construct path of each resource (`//.metadata.path`) in its source location.
 */
export function readTerraformJsonConfig(
  text: string,
  file: string,
  options: TerraformConfigOptions = {},
): ReadResult {
  const document = parseArtifactJson(text, file).value;
  if (!looksLikeTerraformJsonConfig(document)) {
    const unknownKey = isJsonObject(document)
      ? Object.keys(document).find((key) => !TOP_LEVEL_KEYS.has(key))
      : undefined;
    throw new InputError(
      'EUGATE_INPUT_NOT_RECOGNISED',
      file,
      looksLikeTerraformPlan(document)
        ? 'is a Terraform plan, not a configuration'
        : unknownKey !== undefined
          ? `has the top-level key "${unknownKey}", which Terraform JSON configuration does not have`
          : 'is not a Terraform JSON configuration (no resource, provider, module or terraform block)',
    );
  }
  const stackName = ownString(ownObject(ownObject(document, '//'), 'metadata'), 'stackName');
  const config = normaliseDocument(document, file, 'json', jsonBlockLines(text));
  return buildRawResources(config, {
    ...options,
    ...(options.stack === undefined && stackName !== undefined ? { stack: stackName } : {}),
  });
}

/**
 * Lines of blocks in a JSON document: the line of the key that names the block
 * (`"resource"` → `"aws_s3_bucket"` → `"b"`), found by one pass over the text that tracks the
 * key path of every object (lists along the path, allowed by JSON syntax at every level, add no
 * key). Only keys up to three deep are kept: block names never lie deeper.
 */
export function jsonBlockLines(text: string): BlockLines {
  const lines = new Map<string, number[]>();
  // Keys of the open containers (undefined for a list, or an object inside a list) and the keys alone.
  const frames: (string | undefined)[] = [];
  const path: string[] = [];
  let pendingKey: string | undefined;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      // a string: a key when a colon follows it
      const start = i;
      let escaped = false;
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) {
        if (text.charCodeAt(i) === 92) {
          escaped = true;
          i++;
        }
      }
      let j = i + 1;
      while (j < text.length && isJsonSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 58) continue;
      pendingKey = undefined;
      if (path.length >= 3) continue; // block names never lie deeper
      let key: string;
      try {
        key = escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : text.slice(start + 1, i);
      } catch {
        continue;
      }
      pendingKey = key;
      const id = path.length === 0 ? key : `${path.join('\u0000')}\u0000${key}`;
      const found = lines.get(id);
      if (found === undefined) lines.set(id, [line]);
      else found.push(line);
    } else if (c === 123 || c === 91) {
      frames.push(pendingKey);
      if (pendingKey !== undefined) path.push(pendingKey);
      pendingKey = undefined;
    } else if (c === 125 || c === 93) {
      if (frames.pop() !== undefined) path.pop();
      pendingKey = undefined;
    } else if (c === 44) pendingKey = undefined;
  }
  return (keyword, labels, occurrence = 0) => lines.get([keyword, ...labels].join('\u0000'))?.[occurrence];
}

function isJsonSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}
