import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, posix, relative, sep } from 'node:path';
import {
  evidence,
  type Fact,
  InputError,
  type Knowable,
  known,
  knownFact,
  type RawResource,
  type ReadResult,
  UnknownValue,
  unknown,
  unknownFact,
} from '@eugate/core';
import {
  CycleGuard,
  createTemplateResolver,
  type StackContext,
  type TemplateResolver,
} from './intrinsics.js';
import { isJsonObject, type JsonObject, own, ownObject, ownString } from './json-value.js';
import { parseTemplateText } from './parse.js';
import { checkTemplate, type NestedStackReference, readStackResources } from './template.js';

const MANIFEST = 'manifest.json';
const ENVIRONMENT_AGNOSTIC = 'environment-agnostic stack: the region is chosen at deploy time';
/** Nested assemblies (CDK Stages) nest only as deep as the app's constructs; this stops a loop. */
const MAX_ASSEMBLY_DEPTH = 16;

/** For the CLI's detection: a directory holding a cloud assembly manifest (`cdk.out`). */
export function looksLikeCdkAssembly(directory: string): boolean {
  const manifest = join(directory, MANIFEST);
  if (!existsSync(manifest) || !statSync(manifest).isFile()) return false;
  try {
    const value: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    return isJsonObject(own(value, 'artifacts')) || typeof own(value, 'version') === 'string';
  } catch {
    // Not JSON: not an assembly; the CLI says the input was not recognised.
    return false;
  }
}

interface StackArtifact {
  readonly id: string;
  /** `displayName` (the stack's construct path) or the artifact id: addresses and `stack`. */
  readonly name: string;
  /** The deployed stack name (`AWS::StackName`). */
  readonly stackName: string;
  readonly directory: string;
  readonly displayDirectory: string;
  readonly templateFile: string;
  readonly region: Fact<string>;
  readonly regionValue: Knowable<string>;
  readonly account?: string;
  readonly constructs: ReadonlyMap<string, string>;
  /** Every `aws:cdk:logicalId` entry of the stack's metadata, nested stacks' constructs included. */
  readonly constructEntries: readonly ConstructEntry[];
  /** Files of the assembly's asset manifests by asset hash: nested stack templates. */
  readonly assetFiles: ReadonlyMap<string, string>;
}

interface LoadedStack {
  readonly artifact: StackArtifact;
  readonly template: JsonObject;
  readonly file: string;
  readonly resolver: TemplateResolver;
}

interface Export {
  readonly stack: LoadedStack;
  readonly outputId: string;
  readonly value: unknown;
}

/**
 * Reads a CDK cloud assembly (`cdk.out`): every CloudFormation stack artifact of `manifest.json`
 * and of nested assemblies (Stages), the nested stacks their templates deploy, with each stack's
 * environment as region and `Fn::ImportValue` resolved across the stacks of the assembly.
 * `displayDir` is how the user named the directory; files are reported relative to it.
 */
export function readCdkAssembly(directory: string, displayDir: string): ReadResult {
  const artifacts: StackArtifact[] = [];
  collectStacks(directory, displayDir, artifacts, 0);
  const guard = new CycleGuard();
  const exports = new Map<string, Export | 'ambiguous'>();
  const importCache = new Map<string, { value: unknown; references: readonly string[] }>();

  const importValue = (name: string, refs: Set<string>): unknown => {
    const found = exports.get(name);
    if (found === undefined) return undefined;
    if (found === 'ambiguous') {
      return new UnknownValue(`Fn::ImportValue ${name}: several stacks of the assembly export that name`);
    }
    let cached = importCache.get(name);
    if (cached === undefined) {
      const references = new Set<string>();
      const value = guard.run(`export ${name}`, found.stack.file, () =>
        found.stack.resolver.resolve(found.value, references),
      );
      cached = { value, references: [...references] };
      importCache.set(name, cached);
    }
    for (const reference of cached.references) refs.add(reference);
    return cached.value;
  };

  const loaded = artifacts.map((artifact): LoadedStack => {
    const file = posix.join(artifact.displayDirectory, artifact.templateFile);
    const template = loadTemplate(join(artifact.directory, artifact.templateFile), file);
    const context: StackContext = {
      file,
      stackName: artifact.stackName,
      addressPrefix: `${artifact.name}/`,
      region: artifact.regionValue,
      guard,
      importValue,
      ...(artifact.account === undefined ? {} : { account: artifact.account }),
    };
    return { artifact, template, file, resolver: createTemplateResolver(template, context) };
  });

  for (const stack of loaded) {
    for (const [outputId, output] of Object.entries(ownObject(stack.template, 'Outputs') ?? {})) {
      const exported = own(ownObject(output, 'Export'), 'Name');
      if (exported === undefined) continue;
      const condition = ownString(output, 'Condition');
      if (condition !== undefined) {
        const decided = stack.resolver.condition(condition);
        if (decided.known && !decided.value) continue;
      }
      const name = stack.resolver.resolve(exported, new Set());
      if (typeof name !== 'string') continue;
      exports.set(name, exports.has(name) ? 'ambiguous' : { stack, outputId, value: own(output, 'Value') });
    }
  }

  const resources: RawResource[] = [];
  const notes: string[] = [];
  for (const stack of loaded) {
    const read = readStackResources({
      template: stack.template,
      resolver: stack.resolver,
      file: stack.file,
      region: stack.artifact.region,
      stack: stack.artifact.name,
      constructs: stack.artifact.constructs,
      assetFiles: stack.artifact.assetFiles,
    });
    resources.push(...read.resources);
    notes.push(...read.notes);
    readNestedStacks(
      read.nested,
      stack.artifact.constructs,
      stack.artifact,
      stack.artifact.name,
      stack.file,
      guard,
      importValue,
      resources,
      notes,
      0,
    );
  }
  return { resources, notes };
}

function readNestedStacks(
  nested: readonly NestedStackReference[],
  parentConstructs: ReadonlyMap<string, string>,
  artifact: StackArtifact,
  parentStack: string,
  parentFile: string,
  guard: CycleGuard,
  importValue: StackContext['importValue'],
  resources: RawResource[],
  notes: string[],
  depth: number,
): void {
  for (const child of nested) {
    if (depth >= MAX_ASSEMBLY_DEPTH) {
      throw new InputError(
        'EUGATE_INPUT_MALFORMED',
        parentFile,
        `nested stacks nest deeper than ${MAX_ASSEMBLY_DEPTH}`,
      );
    }
    const path = insideAssembly(
      artifact.directory,
      child.templateFile,
      parentFile,
      `Resources.${child.logicalId}.Metadata.aws:asset:path`,
    );
    const file = posix.join(artifact.displayDirectory, child.templateFile);
    if (!existsSync(path)) {
      throw new InputError(
        'EUGATE_INPUT_NOT_FOUND',
        parentFile,
        `nested stack ${child.logicalId} names template ${child.templateFile}, which is not in ${artifact.displayDirectory}`,
      );
    }
    const template = loadTemplate(path, file);
    const stack = `${parentStack}/${child.logicalId}`;
    const context: StackContext = {
      file,
      addressPrefix: `${child.address}/`,
      region: artifact.regionValue,
      guard,
      parameters: child.parameters,
      ...(importValue === undefined ? {} : { importValue }),
      ...(artifact.account === undefined ? {} : { account: artifact.account }),
    };
    const nestedPath = nestedStackPath(parentConstructs.get(child.logicalId));
    const constructs =
      nestedPath === undefined
        ? new Map<string, string>()
        : constructsOf(artifact.constructEntries, nestedPath);
    const read = readStackResources({
      template,
      resolver: createTemplateResolver(template, context),
      file,
      region: artifact.region,
      stack,
      constructs,
      assetFiles: artifact.assetFiles,
    });
    resources.push(...read.resources);
    notes.push(...read.notes);
    readNestedStacks(
      read.nested,
      constructs,
      artifact,
      stack,
      file,
      guard,
      importValue,
      resources,
      notes,
      depth + 1,
    );
  }
}

function collectStacks(directory: string, displayDir: string, out: StackArtifact[], depth: number): void {
  const manifestFile = posix.join(displayDir, MANIFEST);
  const manifestPath = join(directory, MANIFEST);
  if (!existsSync(manifestPath)) {
    throw new InputError(
      'EUGATE_INPUT_NOT_FOUND',
      manifestFile,
      'no manifest.json: not a CDK cloud assembly (cdk.out)',
    );
  }
  if (depth > MAX_ASSEMBLY_DEPTH) {
    throw new InputError(
      'EUGATE_INPUT_MALFORMED',
      manifestFile,
      `nested cloud assemblies nest deeper than ${MAX_ASSEMBLY_DEPTH}`,
    );
  }
  const manifest = parseTemplateText(readFileSync(manifestPath, 'utf8'), manifestFile).value;
  const artifacts = own(manifest, 'artifacts');
  if (!isJsonObject(artifacts)) {
    throw new InputError(
      'EUGATE_INPUT_NOT_RECOGNISED',
      manifestFile,
      'has no artifacts: not a CDK cloud assembly manifest',
    );
  }
  const assetFiles = assetFilesOf(artifacts, directory);
  for (const [id, artifact] of Object.entries(artifacts)) {
    const type = ownString(artifact, 'type');
    const properties = ownObject(artifact, 'properties');
    if (type === 'cdk:cloud-assembly') {
      const nested = ownString(properties, 'directoryName');
      if (nested === undefined) {
        throw new InputError(
          'EUGATE_INPUT_MALFORMED',
          manifestFile,
          'a nested cloud assembly names no directoryName',
          {
            key: `artifacts.${id}.properties.directoryName`,
          },
        );
      }
      const path = insideAssembly(
        directory,
        nested,
        manifestFile,
        `artifacts.${id}.properties.directoryName`,
      );
      collectStacks(path, posix.join(displayDir, nested), out, depth + 1);
      continue;
    }
    if (type !== 'aws:cloudformation:stack') continue;
    const templateFile = ownString(properties, 'templateFile');
    const key = `artifacts.${id}.properties.templateFile`;
    if (templateFile === undefined) {
      throw new InputError(
        'EUGATE_INPUT_MALFORMED',
        manifestFile,
        'a stack artifact names no template file',
        { key },
      );
    }
    if (!existsSync(insideAssembly(directory, templateFile, manifestFile, key))) {
      throw new InputError(
        'EUGATE_INPUT_NOT_FOUND',
        manifestFile,
        `stack ${id} names template ${templateFile}, which is not in ${displayDir}`,
        { key },
      );
    }
    const entries = constructEntries([
      own(artifact, 'metadata'),
      additionalMetadata(directory, displayDir, artifact, manifestFile, id),
    ]);
    const environment = own(artifact, 'environment');
    const { region, regionValue, account } = environmentOf(
      environment,
      `${manifestFile} artifacts.${id}.environment`,
    );
    out.push({
      id,
      name: ownString(artifact, 'displayName') ?? id,
      stackName: ownString(properties, 'stackName') ?? id,
      directory,
      displayDirectory: displayDir,
      templateFile,
      region,
      regionValue,
      ...(account === undefined ? {} : { account }),
      constructs: constructsOf(entries, undefined),
      constructEntries: entries,
      assetFiles,
    });
  }
}

function environmentOf(
  environment: unknown,
  path: string,
): { region: Fact<string>; regionValue: Knowable<string>; account?: string } {
  const match = typeof environment === 'string' ? /^aws:\/\/([^/]+)\/(.+)$/.exec(environment) : null;
  if (match === null) {
    const reason = `the assembly states no environment for the stack (${path}); the region is chosen at deploy time`;
    return {
      region: unknownFact(reason, evidence(path, environment ?? '(not set)')),
      regionValue: unknown(reason),
    };
  }
  const [, accountPart, regionPart] = match as unknown as [string, string, string];
  const account = accountPart === 'unknown-account' ? undefined : accountPart;
  if (regionPart === 'unknown-region') {
    return {
      region: unknownFact(ENVIRONMENT_AGNOSTIC, evidence(path, environment)),
      regionValue: unknown(ENVIRONMENT_AGNOSTIC),
      ...(account === undefined ? {} : { account }),
    };
  }
  return {
    region: knownFact(regionPart, evidence(path, environment)),
    regionValue: known(regionPart),
    ...(account === undefined ? {} : { account }),
  };
}

interface ConstructEntry {
  /** Construct path without the leading `/`. */
  readonly path: string;
  readonly logicalId: string;
}

/**
 * The `aws:cdk:logicalId` entries of the manifest's metadata and of the stack's
 * `additionalMetadataFile` (where recent aws-cdk-lib versions write them instead). A stack's
 * metadata also holds its nested stacks' constructs.
 */
function constructEntries(sources: readonly unknown[]): ConstructEntry[] {
  const entries: ConstructEntry[] = [];
  for (const metadata of sources) {
    if (!isJsonObject(metadata)) continue;
    for (const [path, list] of Object.entries(metadata)) {
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        const logicalId = ownString(entry, 'data');
        if (ownString(entry, 'type') === 'aws:cdk:logicalId' && logicalId !== undefined) {
          entries.push({ path: path.replace(/^\//, ''), logicalId });
        }
      }
    }
  }
  return entries;
}

/** `Stack/Archive.NestedStack/Archive.NestedStackResource` (the stack resource CDK adds) → `Stack/Archive`. */
function nestedStackPath(resourcePath: string | undefined): string | undefined {
  const match =
    resourcePath === undefined
      ? null
      : /^(.*)\/([^/]+)\.NestedStack\/\2\.NestedStackResource$/.exec(resourcePath);
  return match === null ? undefined : `${match[1]}/${match[2]}`;
}

/**
 * Logical id → construct path for the constructs of one stack: the top-level stack (`nested`
 * undefined) or the nested stack at construct path `nested` — each entry belongs to the innermost
 * nested stack around it, as logical ids repeat across a stack and its nested stacks.
 */
function constructsOf(entries: readonly ConstructEntry[], nested: string | undefined): Map<string, string> {
  const nestedPaths = entries
    .map((entry) => nestedStackPath(entry.path))
    .filter((path): path is string => path !== undefined);
  const owner = (path: string): string | undefined => {
    let found: string | undefined;
    for (const candidate of nestedPaths) {
      if (path.startsWith(`${candidate}/`) && (found === undefined || candidate.length > found.length)) {
        found = candidate;
      }
    }
    return found;
  };
  const paths = new Map<string, string>();
  for (const entry of entries) {
    if (owner(entry.path) === nested) paths.set(entry.logicalId, entry.path);
  }
  return paths;
}

/**
 * The stack's metadata kept in a separate file (`additionalMetadataFile`). It only names
 * constructs, and integ-test snapshots leave it out, so a missing file means addresses without
 * construct paths rather than an error.
 */
function additionalMetadata(
  directory: string,
  displayDir: string,
  artifact: unknown,
  manifestFile: string,
  id: string,
): unknown {
  const name = ownString(artifact, 'additionalMetadataFile');
  if (name === undefined) return undefined;
  const path = insideAssembly(directory, name, manifestFile, `artifacts.${id}.additionalMetadataFile`);
  if (!existsSync(path)) return undefined;
  return parseTemplateText(readFileSync(path, 'utf8'), posix.join(displayDir, name)).value;
}

/**
 * Asset hash → file, from the assembly's asset manifests (`cdk:asset-manifest` artifacts). Only
 * names files; an asset manifest that is missing or unreadable just names none (the nested stacks
 * it would have found are reported as not checked).
 */
function assetFilesOf(artifacts: JsonObject, directory: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const artifact of Object.values(artifacts)) {
    if (ownString(artifact, 'type') !== 'cdk:asset-manifest') continue;
    const name = ownString(ownObject(artifact, 'properties'), 'file');
    if (name === undefined) continue;
    const path = normalize(join(directory, name));
    const back = relative(directory, path);
    if (isAbsolute(name) || back.startsWith('..') || !existsSync(path)) continue;
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      // Not JSON: it names no files; the nested stacks it would have named are noted as not checked.
      continue;
    }
    for (const [hash, entry] of Object.entries(ownObject(manifest, 'files') ?? {})) {
      const source = ownObject(entry, 'source');
      const file = ownString(source, 'path');
      if (file === undefined || !file.endsWith('.json') || ownString(source, 'packaging') === 'zip') continue;
      if (existsSync(join(directory, file))) {
        files.set(hash, file);
      }
    }
  }
  return files;
}

function loadTemplate(path: string, file: string): JsonObject {
  // A CDK stack without resources (an integ test's assertion stack) synthesises no Resources.
  return checkTemplate(parseTemplateText(readFileSync(path, 'utf8'), file).value, file, false);
}

/** A path from the manifest, refused when it leaves the assembly directory: input is data, not a pointer. */
function insideAssembly(directory: string, relativePath: string, file: string, key: string): string {
  const path = normalize(join(directory, relativePath));
  const back = relative(directory, path);
  if (isAbsolute(relativePath) || back === '..' || back.startsWith(`..${sep}`)) {
    throw new InputError(
      'EUGATE_INPUT_MALFORMED',
      file,
      `${relativePath} is outside the cloud assembly directory`,
      { key },
    );
  }
  return path;
}
