import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { looksLikeCdkAssembly, readCdkAssembly } from '@eugate/aws';
import { looksLikeArmParameters } from '@eugate/azure';
import { InputError, type RawResource, type ReadResult } from '@eugate/core';
import {
  decodeArtifactText,
  looksLikeCdktfOutput,
  looksLikeTerraformDirectory,
  readCdktfOutput,
  readTerraformDirectorySync,
} from '@eugate/terraform';
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
  // ARM parameters files named on the command line are paired with the templates read with them.
  const readContext: ReadContext = { ...context, armParametersFiles: armParametersFilesIn(paths) };
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
    const whole = stat.isDirectory() ? readWholeDirectory(path, display) : undefined;
    if (whole !== undefined) {
      take(display, whole);
      continue;
    }
    if (stat.isDirectory() && looksLikeCdkAssembly(path)) {
      take(display, readCdkAssembly(path, display));
      continue;
    }
    // `cdk.out/manifest.json` or `cdktf.out/manifest.json` named directly: the assembly is its directory.
    if (stat.isFile() && basename(path) === 'manifest.json') {
      const directory = dirname(path);
      const shown = displayPath(directory, cwd);
      const assembly = looksLikeCdktfOutput(directory)
        ? readWholeDirectory(directory, shown)
        : looksLikeCdkAssembly(directory)
          ? readCdkAssembly(directory, shown)
          : undefined;
      if (assembly !== undefined) {
        take(shown, assembly);
        continue;
      }
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
      const whole = candidate.whole ? readWholeDirectory(candidate.path, candidate.display) : undefined;
      if (whole !== undefined) {
        take(candidate.display, whole);
        continue;
      }
      const text = readText(candidate.path, candidate.display);
      const kind = candidate.kind ?? detectKind(text, candidate.display);
      take(candidate.display, kind.read(text, candidate.display, readContext));
    }
  }
  return { files, resources, notes };
}

/** The files among `paths` that are ARM parameters files (a missing or unreadable path is reported later). */
function armParametersFilesIn(paths: readonly string[]): string[] {
  return paths.filter((path) => {
    try {
      return statSync(path).isFile() && /\.json$/i.test(path) && looksLikeArmParameters(readHead(path));
    } catch {
      return false; // reported with its own message when it is read as an artifact
    }
  });
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

/** Files of a CDK cloud assembly that hold no resources themselves, named on their own. */
function cdkFileHint(text: string): string | undefined {
  const head = text.slice(0, 4096);
  if (/^\s*\{\s*"version"\s*:\s*"tree-/.test(head) || /"tree"\s*:\s*\{\s*"id"\s*:\s*"App"/.test(head)) {
    return 'a CDK construct tree (tree.json) holds no resources: scan the cdk.out directory it belongs to';
  }
  if (
    /"artifacts"\s*:/.test(head) &&
    /"version"\s*:/.test(head) &&
    /"aws:cloudformation:stack"|"cdk:/.test(text)
  ) {
    return 'a CDK cloud assembly manifest whose templates are not beside it: scan the complete cdk.out directory';
  }
  return undefined;
}

function detectKind(text: string, display: string): ArtifactKind {
  const kind = ARTIFACT_KINDS.find((candidate) => candidate.sniff(text));
  if (kind !== undefined) return kind;
  if (text.trim() === '')
    throw new InputError('EUGATE_INPUT_EMPTY', display, 'the file contains only white space');
  const hint = cdkFileHint(text);
  if (hint !== undefined) throw new InputError('EUGATE_INPUT_NOT_RECOGNISED', display, hint);
  if (/\.tf$/i.test(display)) {
    throw new InputError(
      'EUGATE_INPUT_NOT_RECOGNISED',
      display,
      'a .tf file is read with the rest of its module: scan the directory it is in',
    );
  }
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
  /** A CDKTF synth output or a Terraform configuration directory, read as a whole. */
  readonly whole?: boolean;
}

/** Recognised artifacts below `directory`, sorted by path so the report is deterministic. */
function findArtifactsIn(directory: string, cwd: string, depth = 0): Candidate[] {
  const found: Candidate[] = [];
  const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || depth >= MAX_DIRECTORY_DEPTH) continue;
      // A CDKTF manifest.json is checked first: a CDK assembly is recognised by its manifest.json too.
      if (looksLikeCdktfOutput(path) || isTerraformConfigurationDirectory(path))
        found.push({ path, display: displayPath(path, cwd), kind: undefined, whole: true });
      else if (looksLikeCdkAssembly(path))
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

/**
 * Directories read as one artifact: a CDKTF synth output (`cdktf.out`, all stacks of its manifest)
 * and a Terraform configuration (a directory with `.tf` files: its root module, with the local
 * modules it calls; other files in it, such as a saved plan, are not read then).
 */
function readWholeDirectory(path: string, display: string): ReadResult | undefined {
  if (looksLikeCdktfOutput(path)) return readCdktfOutput(path, display);
  if (isTerraformConfigurationDirectory(path)) return readTerraformDirectorySync(path, display);
  return undefined;
}

/**
 * A directory with `.tf` files, unless it also holds a saved plan (`terraform show -json`): the
 * plan states what Terraform will deploy more exactly than the configuration, and reading both
 * would count every resource twice, so such a directory is searched for artifacts instead.
 */
function isTerraformConfigurationDirectory(path: string): boolean {
  if (!looksLikeTerraformDirectory(path)) return false;
  const plan = ARTIFACT_KINDS.find((kind) => kind.name === 'terraform-plan');
  const names = readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.json$/i.test(entry.name) && !/\.tf\.json$/i.test(entry.name))
    .map((entry) => entry.name);
  return !names.some((name) => plan?.sniff(readHead(join(path, name))) === true);
}

/** The first 64 KiB of a file, decoded leniently: enough for a cheap sniff. */
function readHead(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(65_536);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, length).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function displayPath(path: string, cwd: string): string {
  // Relative even when outside the working directory: reports never carry machine paths.
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel;
}
