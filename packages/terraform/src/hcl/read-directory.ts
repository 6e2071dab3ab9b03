import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import { InputError, type ReadResult } from '@eugate/core';
import { buildRawResources } from '../config/evaluate.js';
import { mergeModules, normaliseDocument } from '../config/json-syntax.js';
import type { ModuleConfig } from '../config/model.js';
import type { TerraformConfigOptions } from '../config/options.js';
import { jsonBlockLines } from '../config/read-config.js';
import { decodeArtifactText } from '../read/decode.js';
import { defineOwn, isJsonObject } from '../read/json-value.js';
import { parseArtifactJson } from '../read/parse-json.js';
import { hclBlockLines } from './block-lines.js';
import { parseHcl } from './parse-hcl.js';
import { parseHclSync } from './parse-hcl-sync.js';

/** Local modules nest at most this deep (Terraform has no limit; a deeper chain is almost surely a loop). */
const MAX_MODULE_DEPTH = 16;

/** For the CLI's detection: a directory with at least one `.tf` file in it (not below it). */
export function looksLikeTerraformDirectory(directory: string): boolean {
  try {
    return readdirSync(directory, { withFileTypes: true }).some(
      (entry) => entry.isFile() && entry.name.endsWith('.tf'),
    );
  } catch {
    return false;
  }
}

/**
 * Reads a Terraform root module from its `.tf` (and `.tf.json`) files, without Terraform: `.tf`
 * files are parsed by hcl2json (HashiCorp's HCL parser compiled to WebAssembly, loaded on first
 * use) and evaluated like a JSON configuration (see `readTerraformJsonConfig`). Local modules
 * (`source = "./x"`, `"../x"`) are read and their resources addressed `module.<name>.<type>.<name>`;
 * remote modules are listed in the notes as not scanned. Every resource carries its file and the
 * line of its `resource` block. `display` is the directory as reports should show it (relative).
 */
export async function readTerraformDirectory(
  directory: string,
  display: string = directory,
  options: TerraformConfigOptions = {},
): Promise<ReadResult> {
  const notes: string[] = [];
  const loading = loadRoot(directory, display, notes);
  let step = loading.next();
  while (!step.done) step = loading.next(await parseHcl(step.value.text, step.value.file));
  return finish(step.value, display, notes, options);
}

/**
 * `readTerraformDirectory` for synchronous callers (the CLI): hcl2json runs in a worker thread
 * and this thread waits for each parsed file. Same result, same errors.
 */
export function readTerraformDirectorySync(
  directory: string,
  display: string = directory,
  options: TerraformConfigOptions = {},
): ReadResult {
  const notes: string[] = [];
  const loading = loadRoot(directory, display, notes);
  let step = loading.next();
  while (!step.done) step = loading.next(parseHclSync(step.value.text, step.value.file));
  return finish(step.value, display, notes, options);
}

interface LoadedRoot {
  readonly config: ModuleConfig | undefined;
  /** Values from `terraform.tfvars` and `*.auto.tfvars`, which Terraform reads without being asked. */
  readonly variables: Readonly<Record<string, unknown>>;
}

function finish(
  root: LoadedRoot,
  display: string,
  notes: readonly string[],
  options: TerraformConfigOptions,
): ReadResult {
  if (root.config === undefined) {
    throw new InputError(
      'EUGATE_INPUT_NOT_RECOGNISED',
      display,
      'no .tf or .tf.json files in this directory',
    );
  }
  const result = buildRawResources(root.config, {
    ...options,
    variables: { ...root.variables, ...options.variables },
  });
  return { resources: result.resources, notes: [...notes, ...(result.notes ?? [])] };
}

interface ParseRequest {
  readonly text: string;
  readonly file: string;
}

/**
 * The root module and the variable files Terraform loads automatically: `terraform.tfvars(.json)`,
 * then `*.auto.tfvars(.json)` in name order, later files winning.
 */
function* loadRoot(
  directory: string,
  display: string,
  notes: string[],
): Generator<ParseRequest, LoadedRoot, Record<string, unknown>> {
  const config = yield* loadModule(directory, display, [], notes);
  const names = readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /^(terraform|.+\.auto)\.tfvars(\.json)?$/.test(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => variableFileOrder(a) - variableFileOrder(b) || (a < b ? -1 : a > b ? 1 : 0));
  const variables: Record<string, unknown> = {};
  for (const name of names) {
    const file = join(display, name);
    const text = decodeArtifactText(readFileSync(join(directory, name)), file);
    const values: unknown = name.endsWith('.json')
      ? parseArtifactJson(text, file).value
      : yield { text, file };
    if (!isJsonObject(values)) {
      throw new InputError(
        'EUGATE_INPUT_MALFORMED',
        file,
        'a variables file must set variables (name = value)',
      );
    }
    for (const key of Object.keys(values)) defineOwn(variables, key, values[key]);
  }
  return { config, variables };
}

function variableFileOrder(name: string): number {
  return name.startsWith('terraform.tfvars') ? 0 : 1;
}

/** Loads a module and its local modules; yields each `.tf` file to be parsed, by whichever parser the caller has. */
function* loadModule(
  directory: string,
  display: string,
  chain: readonly string[],
  notes: string[],
): Generator<ParseRequest, ModuleConfig | undefined, Record<string, unknown>> {
  let entries: string[];
  try {
    entries = readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  } catch {
    throw new InputError('EUGATE_INPUT_NOT_FOUND', display, 'the directory cannot be read');
  }
  const parts: ModuleConfig[] = [];
  for (const name of entries) {
    const isHcl = name.endsWith('.tf');
    const isJson = name.endsWith('.tf.json');
    if (!isHcl && !isJson) continue;
    const file = join(display, name);
    if (/(^|_)override\.tf(\.json)?$/.test(name)) {
      notes.push(
        `${file}: override files are not merged into the blocks they override; this file was not read`,
      );
      continue;
    }
    const text = decodeArtifactText(readFileSync(join(directory, name)), file);
    if (isHcl) {
      const document = yield { text, file };
      parts.push(normaliseDocument(document, file, 'hcl2json', hclBlockLines(text)));
    } else {
      const document = parseArtifactJson(text, file).value;
      parts.push(normaliseDocument(document, file, 'json', jsonBlockLines(text)));
    }
  }
  if (parts.length === 0) return undefined;
  const merged = mergeModules(parts, display);
  const children = new Map<string, ModuleConfig>();
  const here = resolve(directory);
  for (const call of merged.moduleCalls) {
    const source = call.source;
    if (source === undefined || !/^\.\.?[/\\]/.test(source)) continue;
    const childDirectory = resolve(directory, source);
    const where = call.line === undefined ? undefined : { line: call.line };
    if ([...chain, here].includes(childDirectory)) {
      throw new InputError(
        'EUGATE_INPUT_MALFORMED',
        call.file,
        `module "${call.name}" (source "${source}") includes itself`,
        where,
      );
    }
    if (chain.length >= MAX_MODULE_DEPTH) {
      throw new InputError(
        'EUGATE_INPUT_MALFORMED',
        call.file,
        `local modules nest deeper than ${MAX_MODULE_DEPTH}`,
        where,
      );
    }
    if (!isDirectory(childDirectory)) {
      throw new InputError(
        'EUGATE_INPUT_NOT_FOUND',
        call.file,
        `module "${call.name}": source "${source}" is not a directory`,
        where,
      );
    }
    const child = yield* loadModule(
      childDirectory,
      normalize(join(display, source)),
      [...chain, here],
      notes,
    );
    if (child === undefined) {
      throw new InputError(
        'EUGATE_INPUT_NOT_RECOGNISED',
        call.file,
        `module "${call.name}": source "${source}" has no .tf files`,
        where,
      );
    }
    children.set(call.name, child);
  }
  return { ...merged, children };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
