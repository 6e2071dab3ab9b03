import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { looksLikeCdkAssembly, readCdkAssembly } from '@eugate/aws';
import { InputError, type RawResource, type ReadResult } from '@eugate/core';
import { decodeArtifactText } from '@eugate/terraform';
import {
  ARTIFACT_KINDS,
  type ArtifactKind,
  describeArtifactKinds,
  type ReadContext,
} from './artifact-kinds.js';

export interface CollectedInput {
  /** Files read, relative to the working directory, in the order read. */
  readonly files: readonly string[];
  readonly resources: readonly RawResource[];
  readonly notes: readonly string[];
}

/** Folders never searched: dependencies and VCS metadata hold no deployment artifacts. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.terraform', '.pulumi']);
const MAX_DIRECTORY_DEPTH = 6;

/**
 * Reads every artifact the user named. A file must be a recognised artifact; a directory is
 * searched for recognised artifacts and must contain at least one.
 */
export function collectInputs(
  paths: readonly string[],
  cwd: string,
  context: ReadContext = {},
): CollectedInput {
  const files: string[] = [];
  const resources: RawResource[] = [];
  const notes: string[] = [];
  const take = (display: string, result: ReadResult): void => {
    files.push(display);
    resources.push(...result.resources);
    for (const note of result.notes ?? []) notes.push(`${display}: ${note}`);
  };
  for (const path of paths) {
    const display = displayPath(path, cwd);
    const stat = statOrThrow(path, display);
    if (stat.isDirectory() && looksLikeCdkAssembly(path)) {
      take(display, readCdkAssembly(path, display));
      continue;
    }
    const found = stat.isDirectory() ? findArtifactsIn(path, cwd) : [{ path, display, kind: undefined }];
    if (found.length === 0) {
      throw new InputError(
        'EUGATE_INPUT_NOT_RECOGNISED',
        display,
        `no recognisable artifact in this directory (looked for: ${describeArtifactKinds()})`,
      );
    }
    for (const candidate of found) {
      if (candidate.assembly) {
        take(candidate.display, readCdkAssembly(candidate.path, candidate.display));
        continue;
      }
      const text = readText(candidate.path, candidate.display);
      const kind = candidate.kind ?? detectKind(text, candidate.display);
      take(candidate.display, kind.read(text, candidate.display, context));
    }
  }
  return { files, resources, notes };
}

function statOrThrow(path: string, display: string) {
  try {
    return statSync(path);
  } catch {
    throw new InputError('EUGATE_INPUT_NOT_FOUND', display, 'no such file or directory');
  }
}

function readText(path: string, display: string): string {
  let data: Uint8Array;
  try {
    data = readFileSync(path);
  } catch (error) {
    throw new InputError(
      'EUGATE_INPUT_NOT_FOUND',
      display,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if (data.length === 0) throw new InputError('EUGATE_INPUT_EMPTY', display, 'the file is empty');
  return decodeArtifactText(data, display);
}

function detectKind(text: string, display: string): ArtifactKind {
  const kind = ARTIFACT_KINDS.find((candidate) => candidate.sniff(text));
  if (kind !== undefined) return kind;
  if (text.trim() === '')
    throw new InputError('EUGATE_INPUT_EMPTY', display, 'the file contains only white space');
  throw new InputError(
    'EUGATE_INPUT_NOT_RECOGNISED',
    display,
    `not a recognised artifact (expected one of: ${describeArtifactKinds()})`,
  );
}

interface Candidate {
  readonly path: string;
  readonly display: string;
  readonly kind: ArtifactKind | undefined;
  /** A CDK cloud assembly directory, read as a whole (its templates are not scanned one by one). */
  readonly assembly?: boolean;
}

/** Recognised artifacts below `directory`, sorted by path so the report is deterministic. */
function findArtifactsIn(directory: string, cwd: string, depth = 0): Candidate[] {
  const found: Candidate[] = [];
  const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || depth >= MAX_DIRECTORY_DEPTH) continue;
      if (looksLikeCdkAssembly(path))
        found.push({ path, display: displayPath(path, cwd), kind: undefined, assembly: true });
      else found.push(...findArtifactsIn(path, cwd, depth + 1));
      continue;
    }
    if (!entry.isFile() || !/\.(json|ya?ml|template)$/i.test(entry.name)) continue;
    const display = displayPath(path, cwd);
    let text: string;
    try {
      text = decodeArtifactText(readFileSync(path), display);
    } catch {
      continue; // an unreadable non-artifact in a searched directory is not the user's input
    }
    const kind = ARTIFACT_KINDS.find((candidate) => candidate.sniff(text));
    if (kind !== undefined) found.push({ path, display, kind });
  }
  return found;
}

function displayPath(path: string, cwd: string): string {
  // Relative even when outside the working directory: reports never carry machine paths.
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel;
}
