import { type Fact, InputError, type RawResource, type ReadResult, SCHEMA } from '@eugate/core';
import { moduleCallNames, splitModuleAddress } from './addresses.js';
import { type ConfigResource, indexConfiguration, type PlanConfiguration } from './configuration.js';
import { decodeArtifactText } from './decode.js';
import { isJsonObject, type JsonObject, own, ownObject, ownString } from './json-value.js';
import { parseArtifactJson } from './parse-json.js';
import {
  createProviderIdentifier,
  createRegionResolver,
  nonAwsRegion,
  type RegionResolver,
} from './providers.js';
import { createInstanceIndex, createReferenceResolver } from './references.js';
import { applyUnknownMask } from './unknowns.js';

const NOT_A_PLAN = 'not a terraform show -json plan';
/** Keys only a plan has; a state file (`terraform show -json` of state) has `values` instead. */
const PLAN_KEYS = ['planned_values', 'resource_changes', 'configuration'] as const;

/** For the CLI's detection: a parsed JSON value that is a `terraform show -json` plan. */
export function looksLikeTerraformPlan(value: unknown): boolean {
  return (
    isJsonObject(value) &&
    typeof own(value, 'format_version') === 'string' &&
    PLAN_KEYS.some((key) => Object.hasOwn(value, key))
  );
}

/**
 * Reads a `terraform show -json` plan: the managed resources as they will be after apply, with
 * values known only after apply marked unknown, their references, and the region their provider
 * configuration gives them. Throws `InputError` naming `file` for anything that is not such a plan.
 */
export function readTerraformPlan(data: Uint8Array | string, file: string): ReadResult {
  if (data.length === 0) throw new InputError('EUGATE_INPUT_EMPTY', file, 'the file is empty');
  const text = typeof data === 'string' ? data : decodeArtifactText(data, file);
  const parsed = parseArtifactJson(text, file);
  const plan = checkPlan(parsed.value, file);
  const notes: string[] = [];
  if (parsed.stripped !== undefined) {
    const { linesBefore, linesAfter } = parsed.stripped;
    notes.push(
      `${file}: the plan JSON is wrapped in other output (hashicorp/setup-terraform wrapper?); ${linesBefore} line(s) before and ${linesAfter} after it were ignored`,
    );
  }

  const configuration = indexConfiguration(own(plan, 'configuration'));
  const builder = createResourceBuilder(
    file,
    configuration,
    createRegionResolver(configuration, own(plan, 'variables'), ownString(plan, 'terraform_version')),
  );
  const changes = own(plan, 'resource_changes');
  if (changes !== undefined) {
    readResourceChanges(changes, builder, file, notes);
  } else {
    readPlannedValues(own(plan, 'planned_values'), builder);
    if (builder.count() > 0) {
      notes.push(
        `${file}: the plan has no resource_changes; resources were read from planned_values, where values known only after apply are absent rather than marked unknown`,
      );
    }
  }
  return { resources: builder.finish(), notes };
}

function checkPlan(value: unknown, file: string): JsonObject {
  if (!isJsonObject(value)) {
    const what = Array.isArray(value)
      ? 'a JSON array'
      : value === null
        ? 'JSON null'
        : `a JSON ${typeof value}`;
    throw new InputError('EUGATE_INPUT_NOT_RECOGNISED', file, `holds ${what}: ${NOT_A_PLAN}`);
  }
  const version = own(value, 'format_version');
  const hasPlanKey = PLAN_KEYS.some((key) => Object.hasOwn(value, key));
  if (version === undefined || !hasPlanKey) {
    const missing = [
      version === undefined ? 'format_version' : '',
      hasPlanKey ? '' : 'planned_values/resource_changes',
    ]
      .filter(Boolean)
      .join(' and no ');
    throw new InputError('EUGATE_INPUT_NOT_RECOGNISED', file, `no ${missing}: ${NOT_A_PLAN}`);
  }
  const major = typeof version === 'string' ? /^(\d+)\.\d+/.exec(version)?.[1] : undefined;
  if (major === undefined) {
    throw new InputError(
      'EUGATE_INPUT_MALFORMED',
      file,
      `format_version ${JSON.stringify(version)} is not a version number`,
      {
        key: 'format_version',
      },
    );
  }
  // The format promises: a new major version is not backward compatible; reject what we do not know.
  if (Number(major) > 1) {
    throw new InputError(
      'EUGATE_INPUT_UNSUPPORTED_VERSION',
      file,
      `plan format_version ${version} is not supported (eugate reads format versions 0.x and 1.x)`,
      { key: 'format_version' },
    );
  }
  return value;
}

function readResourceChanges(
  changes: unknown,
  builder: ResourceBuilder,
  file: string,
  notes: string[],
): void {
  if (!Array.isArray(changes)) {
    throw new InputError('EUGATE_INPUT_MALFORMED', file, 'resource_changes is not a list', {
      key: 'resource_changes',
    });
  }
  let deleted = 0;
  const otherActions = new Map<string, number>();
  for (let i = 0; i < changes.length; i++) {
    const change: unknown = changes[i];
    if (ownString(change, 'mode') === 'data') continue;
    const details = ownObject(change, 'change');
    const actions = own(details, 'actions');
    if (!Array.isArray(actions)) {
      throw new InputError('EUGATE_INPUT_MALFORMED', file, 'a resource change has no change.actions list', {
        key: `resource_changes[${i}]`,
      });
    }
    if (!actions.some(isDeployingAction)) {
      if (actions.length === 1 && actions[0] === 'delete') deleted++;
      else {
        const label = actions.join('+') || '(none)';
        otherActions.set(label, (otherActions.get(label) ?? 0) + 1);
      }
      continue;
    }
    const after = own(details, 'after');
    const values = applyUnknownMask(isJsonObject(after) ? after : {}, own(details, 'after_unknown'));
    builder.add(change, isJsonObject(values) ? values : {}, i);
  }
  if (deleted > 0) {
    notes.push(
      `${file}: ${deleted} ${deleted === 1 ? 'resource is' : 'resources are'} planned for deletion and ${deleted === 1 ? 'was' : 'were'} not evaluated`,
    );
  }
  for (const [label, count] of [...otherActions].sort(([a], [b]) => a.localeCompare(b))) {
    notes.push(
      `${file}: ${count} ${count === 1 ? 'resource has' : 'resources have'} the planned action "${label}" and ${count === 1 ? 'was' : 'were'} not evaluated`,
    );
  }
}

/** Replacements list both `delete` and `create`; only a bare delete (or forget) leaves nothing deployed. */
function isDeployingAction(action: unknown): boolean {
  return action === 'create' || action === 'update' || action === 'no-op';
}

/** Old plans (and `terraform show -json` of an empty configuration) may lack `resource_changes`. */
function readPlannedValues(plannedValues: unknown, builder: ResourceBuilder): void {
  const pending: { module: unknown; where: string }[] = [
    { module: own(plannedValues, 'root_module'), where: 'planned_values.root_module' },
  ];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const resources = own(next.module, 'resources');
    if (Array.isArray(resources)) {
      for (let i = 0; i < resources.length; i++) {
        const resource: unknown = resources[i];
        if (ownString(resource, 'mode') === 'data') continue;
        const values = own(resource, 'values');
        builder.add(resource, isJsonObject(values) ? values : {}, `${next.where}.resources[${i}]`);
      }
    }
    const children = own(next.module, 'child_modules');
    if (Array.isArray(children)) {
      // Reversed so that the stack pops them in document order.
      for (let i = children.length - 1; i >= 0; i--) {
        pending.push({ module: children[i], where: `${next.where}.child_modules[${i}]` });
      }
    }
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface ResourceBuilder {
  /** `where` is an index into resource_changes or a path; it only becomes text for an error. */
  add(entry: unknown, values: JsonObject, where: number | string): void;
  count(): number;
  /** Resolves references (which may point at resources added later) and returns the resources. */
  finish(): RawResource[];
}

interface PendingReferences {
  readonly resource: Mutable<RawResource>;
  readonly block: ConfigResource;
  readonly moduleAddress: string;
  readonly key: string | number | undefined;
}

/**
 * Builds each resource in one step as it is found: this runs once per resource of plans with 50k
 * of them, so it creates one object per resource and no temporary ones. Only references wait for
 * the end, because they may point at resources later in the plan.
 */
function createResourceBuilder(
  file: string,
  configuration: PlanConfiguration,
  regions: RegionResolver,
): ResourceBuilder {
  const resources: Mutable<RawResource>[] = [];
  const pending: PendingReferences[] = [];
  const instances = createInstanceIndex();
  const identifyProvider = createProviderIdentifier();
  const callNamesByModule = new Map<string, readonly string[]>([['', []]]);
  const otherRegions = new Map<string, Fact<string>>();
  const source = { file };

  function add(entry: unknown, values: JsonObject, where: number | string): void {
    const address = ownString(entry, 'address');
    const type = ownString(entry, 'type');
    const name = ownString(entry, 'name');
    if (address === undefined || type === undefined || name === undefined) {
      throw new InputError('EUGATE_INPUT_MALFORMED', file, 'a resource has no address, type or name', {
        key: errorKey(where),
      });
    }
    const moduleAddress =
      ownString(entry, 'module_address') ?? splitModuleAddress(address)?.moduleAddress ?? '';
    let callNames = callNamesByModule.get(moduleAddress);
    if (callNames === undefined) {
      callNames = moduleCallNames(moduleAddress);
      if (callNames === undefined) {
        throw new InputError(
          'EUGATE_INPUT_MALFORMED',
          file,
          `module address "${moduleAddress}" is malformed`,
          {
            key: errorKey(where),
          },
        );
      }
      callNamesByModule.set(moduleAddress, callNames);
    }
    const index = own(entry, 'index');
    const key = typeof index === 'string' || typeof index === 'number' ? index : undefined;
    instances.add(moduleAddress, type, name, address, key);

    const block = configuration.resource(callNames, type, name);
    const provider = identifyProvider(type, ownString(entry, 'provider_name'));
    let region: Fact<string> | undefined;
    if (provider.schema === SCHEMA.terraformAws) region = regions.awsRegion(block, values);
    else {
      region = otherRegions.get(provider.shortName);
      if (region === undefined) {
        region = nonAwsRegion(provider.shortName);
        otherRegions.set(provider.shortName, region);
      }
    }
    const resource: Mutable<RawResource> = {
      address,
      type,
      schema: provider.schema,
      properties: values,
      region,
      source,
      stack: moduleAddress === '' ? 'root' : moduleAddress,
    };
    resources.push(resource);
    if (block !== undefined) pending.push({ resource, block, moduleAddress, key });
  }

  function finish(): RawResource[] {
    const resolve = createReferenceResolver(instances);
    for (let i = 0; i < pending.length; i++) {
      const { resource, block, moduleAddress, key } = pending[i]!;
      const references = resolve(block, moduleAddress, resource.address, key);
      if (references !== undefined) resource.references = references;
    }
    return resources;
  }

  return { add, count: () => resources.length, finish };
}

function errorKey(where: number | string): string {
  return typeof where === 'number' ? `resource_changes[${where}]` : where;
}
