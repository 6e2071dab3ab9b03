import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Describer,
  defaultConfig,
  type EugateConfig,
  InputError,
  mergeConfig,
  type ReadResult,
  type Report,
  scanRawResources,
} from '@eugate/core';
import * as pulumi from '@pulumi/pulumi';
import type {
  MockCallArgs,
  MockResourceArgs,
  MockResourceResult,
  Mocks,
} from '@pulumi/pulumi/runtime/mocks.js';
import * as runtimeState from '@pulumi/pulumi/runtime/state.js';
import { decodeProperties } from '../read/property-values.js';
import { buildRawResources } from '../read/resources.js';
import type { PulumiStackConfig } from '../read/stack-config.js';
import type { PulumiResourceState } from '../read/state.js';
import { RecordingMonitor, type Registration } from './monitor.js';

export interface PulumiProgramOptions {
  /** Stack config, as in `Pulumi.<stack>.yaml`: `{ 'aws:region': 'eu-central-1' }`. Keys without a namespace get the project's. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Config keys whose values are secrets (`pulumi config set --secret`). */
  readonly secretConfigKeys?: readonly string[];
  readonly stack?: string;
  readonly project?: string;
  /** eugate's configuration (profile, classification, waivers…); default: `defaultConfig()`. */
  readonly eugateConfig?: EugateConfig;
  /** Overrides of the configuration, as `--profile`, `--fail-on` and `--unknown` are for the CLI. */
  readonly profile?: string;
  readonly failOn?: string;
  readonly unknown?: string;
  /** `YYYY-MM-DD` for waiver expiry; default: today (UTC). */
  readonly today?: string;
  /** How the program is named in the report's inputs; default `pulumi:<project>/<stack>`. */
  readonly name?: string;
  /** Source positions in the report are relative to this directory; default `process.cwd()`. */
  readonly cwd?: string;
  /**
   * Results of provider functions (`aws.getCallerIdentity()`, …) and, optionally, resource outputs.
   * Resources default to their inputs as outputs (and an unknown id in a preview).
   */
  readonly mocks?: Partial<Mocks>;
  /**
   * Run as `pulumi preview` does (default): outputs the mocks do not return, such as a new
   * bucket's ARN, are unknown, as they are until the update. `false` runs as `pulumi up` under
   * mocks, where such outputs are simply absent.
   */
  readonly preview?: boolean;
  /** Describers to use; default: Terraform AWS, CloudFormation, Terraform azurerm and ARM. */
  readonly describers?: readonly Describer[];
}

/** This package's version goes into the report, as the CLI puts its own. */
const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

type RuntimeStateModule = {
  withLocalStorage<T>(callback: () => Promise<T>): Promise<T>;
  getStore(): Record<string, unknown>;
};

type RuntimeSettings = {
  setMockOptions(monitor: unknown, project?: string, stack?: string, preview?: boolean): void;
  waitForRPCs(): Promise<void>;
};

/** A resource's outputs are its inputs; its id is unknown in a preview (as for a resource about to be created). */
function defaultMocks(preview: boolean): Mocks {
  return {
    newResource: (args: MockResourceArgs): MockResourceResult => ({
      id: preview ? undefined : `${args.name}-id`,
      state: args.inputs,
    }),
    call: (_args: MockCallArgs) => ({}),
  };
}

/**
 * Runs the program under the mocks and returns its registrations as the engine receives them
 * (URNs, types, inputs in wire form, providers, property dependencies): what `readPulumiProgram`
 * reads, and what a policy pack's test hands its policies.
 */
export async function recordPulumiProgram(
  program: () => unknown,
  options: PulumiProgramOptions = {},
): Promise<readonly Registration[]> {
  const project = options.project ?? 'project';
  const stack = options.stack ?? 'stack';
  const preview = options.preview ?? true;
  const defaults = defaultMocks(preview);
  const mocks: Mocks = {
    newResource: options.mocks?.newResource ?? defaults.newResource,
    call: options.mocks?.call ?? defaults.call,
  };
  const monitor = new RecordingMonitor(mocks);
  let failure: { readonly error: unknown } | undefined;
  const state = runtimeState as unknown as RuntimeStateModule;
  const settings = pulumi.runtime as unknown as RuntimeSettings;
  await state.withLocalStorage(async () => {
    settings.setMockOptions(monitor, project, stack, preview);
    // The features the runtime's own setMocks() switches on, except output values (as there).
    Object.assign(state.getStore(), {
      supportsSecrets: true,
      supportsResourceReferences: true,
      supportsOutputValues: false,
      supportsDeletedWith: true,
      supportsAliasSpecs: true,
      supportsTransforms: false,
    });
    pulumi.runtime.setAllConfig(runtimeConfig(options.config ?? {}, project), [
      ...(options.secretConfigKeys ?? []),
    ]);
    await pulumi.runtime.runInPulumiStack(async () => {
      // A program that throws is rethrown below: letting it reject inside the runtime would leave
      // the stack's derived promises rejected with no handler (unhandled rejections in the test run).
      try {
        await program();
      } catch (error) {
        failure = { error };
      }
    });
    await settings.waitForRPCs();
  });
  if (failure !== undefined) throw failure.error;

  return monitor.registrations;
}

/**
 * Runs a Pulumi program in this process under the runtime's mocks (no Pulumi CLI, no cloud
 * credentials, nothing deployed) and reads what it registers, as a preview would record it.
 *
 * Each run has its own runtime state (the runtime's per-run async-local store, which Pulumi's
 * Automation API uses for inline programs), so several runs in one process, even concurrent ones,
 * do not see each other's resources. The program must declare its resources when called: a module
 * whose top level declares them runs once per process, however often it is imported.
 */
export async function readPulumiProgram(
  program: () => unknown,
  options: PulumiProgramOptions = {},
): Promise<ReadResult> {
  const project = options.project ?? 'project';
  const stack = options.stack ?? 'stack';
  const registrations = await recordPulumiProgram(program, options);
  const cwd = options.cwd ?? process.cwd();
  const name = options.name ?? `pulumi:${project}/${stack}`;
  if (registrations.every((registration) => registration.type === 'pulumi:pulumi:Stack')) {
    throw new InputError(
      'EUGATE_INPUT_EMPTY',
      name,
      'the program registered no resources. A module that declares its resources at top level runs once per process (imports are cached): export a function that declares them, or reset the module cache between scans',
    );
  }
  const states = registrations.map(toResourceState);
  const built = buildRawResources(states, {
    file: name,
    locate: (resource) => {
      const registration = registrations.find((r) => r.urn === resource.urn);
      return registration === undefined ? {} : sourceOf(registration, cwd);
    },
    stackConfig: programStackConfig(options, name),
    missingConfigReason: '',
  });
  return { resources: built.resources, notes: built.notes };
}

/**
 * `readPulumiProgram` then the one scan pipeline every entry point uses: the report a user's
 * unit test can assert on (`report.summary.fail`, `report.findings`).
 */
export async function scanPulumiProgram(
  program: () => unknown,
  options: PulumiProgramOptions & { readonly describers: readonly Describer[] },
): Promise<Report> {
  const read = await readPulumiProgram(program, options);
  return scanRawResources(
    {
      resources: read.resources,
      inputs: [options.name ?? `pulumi:${options.project ?? 'project'}/${options.stack ?? 'stack'}`],
      ...(read.notes !== undefined && { notes: read.notes }),
    },
    options.describers,
    mergeConfig(options.eugateConfig ?? defaultConfig(), {
      ...(options.profile !== undefined && { profile: options.profile }),
      ...(options.failOn !== undefined && { failOn: options.failOn }),
      ...(options.unknown !== undefined && { unknown: options.unknown }),
    }),
    { today: options.today ?? new Date().toISOString().slice(0, 10), toolVersion: VERSION },
  );
}

function toResourceState(registration: Registration): PulumiResourceState {
  return {
    urn: registration.urn,
    type: registration.type,
    custom: registration.custom,
    external: registration.external,
    inputs: decodeProperties(registration.inputs),
    current: 'inputs',
    ...(registration.provider !== undefined && { provider: registration.provider }),
    ...(registration.parent !== undefined && { parent: registration.parent }),
    propertyDependencies: registration.propertyDependencies,
  };
}

function sourceOf(registration: Registration, cwd: string): { file?: string; line?: number } {
  const uri = registration.sourceUri;
  if (uri === undefined) return {};
  let path = uri;
  try {
    path = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  } catch {
    return {};
  }
  const file = relative(cwd, path).split('\\').join('/');
  if (file.includes('node_modules/')) return {};
  return {
    file,
    ...(registration.sourceLine !== undefined && { line: registration.sourceLine }),
  };
}

/** The runtime keeps config as `namespace:key` → string (objects JSON-encoded), as the CLI passes it. */
function runtimeConfig(config: Readonly<Record<string, unknown>>, project: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    out[key.includes(':') ? key : `${project}:${key}`] =
      typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

function programStackConfig(options: PulumiProgramOptions, name: string): PulumiStackConfig {
  const secure = new Set(options.secretConfigKeys ?? []);
  const values = new Map<string, unknown>();
  for (const [key, value] of Object.entries(options.config ?? {}))
    if (!secure.has(key)) values.set(key, value);
  return { file: `${name} config`, values, secure };
}
