import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, type RawResource, type ReadResult } from '@eugate/core';
import { decodeArtifactText } from '../read/decode.js';
import { isJsonObject, ownObject, ownString } from '../read/json-value.js';
import { parseArtifactJson } from '../read/parse-json.js';
import { readTerraformJsonConfig } from './read-config.js';

/** For the CLI's detection: a directory holding a CDKTF `manifest.json` with a `stacks` object. */
export function looksLikeCdktfOutput(directory: string): boolean {
  let text: string;
  try {
    text = readFileSync(join(directory, 'manifest.json'), 'utf8');
  } catch {
    return false;
  }
  try {
    const manifest: unknown = JSON.parse(text);
    const stacks = ownObject(manifest, 'stacks');
    return (
      stacks !== undefined &&
      Object.values(stacks).some((stack) => ownString(stack, 'synthesizedStackPath') !== undefined)
    );
  } catch {
    return false;
  }
}

/**
 * Reads a CDKTF synth output directory (`cdktf.out`): every stack of `manifest.json`
 * (`stacks.<name>.synthesizedStackPath`). Addresses are prefixed with `<stack>/` so that resources
 * of several stacks stay apart, and each resource's `stack` is its CDKTF stack name.
 * `display` is the directory as reports should show it (relative).
 */
export function readCdktfOutput(directory: string, display: string = directory): ReadResult {
  const manifestFile = join(display, 'manifest.json');
  let data: Uint8Array;
  try {
    data = readFileSync(join(directory, 'manifest.json'));
  } catch {
    throw new InputError(
      'EUGATE_INPUT_NOT_FOUND',
      manifestFile,
      'no manifest.json: not a CDKTF synth output (cdktf.out)',
    );
  }
  const manifest = parseArtifactJson(decodeArtifactText(data, manifestFile), manifestFile).value;
  const stacks = ownObject(manifest, 'stacks');
  if (stacks === undefined) {
    throw new InputError(
      'EUGATE_INPUT_NOT_RECOGNISED',
      manifestFile,
      'has no "stacks" object: not a CDKTF manifest',
    );
  }
  const resources: RawResource[] = [];
  const notes: string[] = [];
  for (const name of Object.keys(stacks).sort()) {
    const stack = stacks[name];
    const path = ownString(stack, 'synthesizedStackPath');
    if (!isJsonObject(stack) || path === undefined) {
      throw new InputError(
        'EUGATE_INPUT_MALFORMED',
        manifestFile,
        `stack "${name}" has no synthesizedStackPath`,
        {
          key: `stacks.${name}`,
        },
      );
    }
    const file = join(display, path);
    let text: string;
    try {
      text = decodeArtifactText(readFileSync(join(directory, path)), file);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(
        'EUGATE_INPUT_NOT_FOUND',
        file,
        `stack "${name}" names this file in manifest.json, but it cannot be read`,
      );
    }
    const result = readTerraformJsonConfig(text, file, { stack: name, addressPrefix: `${name}/` });
    resources.push(...result.resources);
    notes.push(...(result.notes ?? []));
  }
  if (Object.keys(stacks).length === 0) notes.push(`${manifestFile}: the manifest lists no stacks`);
  return { resources, notes };
}
