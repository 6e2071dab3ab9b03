import {
  evidence,
  type Fact,
  isUnknownValue,
  knownFact,
  type RawResource,
  type SourceLocation,
  unknownFact,
} from '@eugate/core';
import { awsDefaultTags, toSchemaResource } from '../schema/index.js';
import { defineOwn, isJsonObject, type JsonObject } from './json-value.js';
import { type ProviderContext, packageOf, resolveProvider } from './providers.js';
import type { PulumiStackConfig } from './stack-config.js';
import { type PulumiResourceState, parseUrn } from './state.js';

export interface BuildContext {
  /** The artifact (relative path) or program the resources come from. */
  readonly file: string;
  /** Where a resource sits in the artifact, for the report. */
  readonly locate?: (state: PulumiResourceState) => Omit<SourceLocation, 'file'> & { file?: string };
  readonly stackConfig?: PulumiStackConfig;
  /** Why there is no stack config (used in the reason of an unknown default-provider region). */
  readonly missingConfigReason: string;
}

export interface BuiltResources {
  readonly resources: RawResource[];
  readonly notes: string[];
}

const RESOURCE_GROUP = 'azure-native:resources:ResourceGroup';

/**
 * Pulumi resource states → raw resources of the schema families that describe them. Components
 * (which only group resources), provider resources and the stack itself are not cloud resources;
 * resources read with `.get()` belong to someone else and are noted, not evaluated.
 */
export function buildRawResources(
  states: readonly PulumiResourceState[],
  context: BuildContext,
): BuiltResources {
  const providers = new Map(
    states.filter((state) => state.type.startsWith('pulumi:providers:')).map((state) => [state.urn, state]),
  );
  const providerContext: ProviderContext = {
    providers,
    missingConfigReason: context.missingConfigReason,
    ...(context.stackConfig !== undefined && { stackConfig: context.stackConfig }),
  };
  const resourceGroups = indexResourceGroups(states);
  const resources: RawResource[] = [];
  let external = 0;
  for (const state of states) {
    if (state.type.startsWith('pulumi:') || !state.custom) continue;
    if (state.external) {
      external++;
      continue;
    }
    let properties = currentProperties(state);
    const provider = resolveProvider(state, providerContext);
    const pkg = packageOf(state.type);
    if (pkg === 'aws') properties = withDefaultTags(properties, provider.inputs);
    const mapped = toSchemaResource(state.type, properties, state.propertyDependencies);
    const region =
      pkg === 'azure-native'
        ? azureNativeRegion(state, properties, provider.region, resourceGroups)
        : provider.region;
    const located = context.locate?.(state) ?? {};
    const urn = parseUrn(state.urn);
    resources.push({
      address: state.urn,
      type: mapped.type,
      schema: mapped.schema,
      properties: mapped.properties,
      ...(mapped.references !== undefined && { references: mapped.references }),
      region,
      source: { ...located, file: located.file ?? context.file },
      ...(urn !== undefined && { stack: urn.stack }),
    });
  }
  const notes: string[] = [];
  if (external > 0) {
    notes.push(
      `${external} ${external === 1 ? 'resource is' : 'resources are'} read from existing infrastructure (.get()), not managed by this stack, and ${external === 1 ? 'was' : 'were'} not evaluated`,
    );
  }
  return { resources, notes };
}

function currentProperties(state: PulumiResourceState): JsonObject {
  return state.current === 'outputs' && state.outputs !== undefined ? state.outputs : state.inputs;
}

/** Terraform's `tags_all`: the provider's default tags under the resource's own. */
function withDefaultTags(properties: JsonObject, providerInputs: JsonObject | undefined): JsonObject {
  const defaults = awsDefaultTags(providerInputs);
  if (defaults === undefined || Object.hasOwn(properties, 'tagsAll')) return properties;
  const own = properties.tags;
  if (own !== undefined && !isJsonObject(own)) return properties; // unknown tags: tags_all is unknown too
  const tagsAll: JsonObject = {};
  for (const [key, value] of Object.entries({ ...defaults, ...own })) defineOwn(tagsAll, key, value);
  return { ...properties, tagsAll };
}

interface ResourceGroupLocation {
  readonly urn: string;
  readonly location: unknown;
}

function indexResourceGroups(states: readonly PulumiResourceState[]): {
  byUrn: Map<string, ResourceGroupLocation>;
  byName: Map<string, ResourceGroupLocation[]>;
} {
  const byUrn = new Map<string, ResourceGroupLocation>();
  const byName = new Map<string, ResourceGroupLocation[]>();
  for (const state of states) {
    if (state.type !== RESOURCE_GROUP || state.external) continue;
    const properties = currentProperties(state);
    const entry = { urn: state.urn, location: properties.location };
    byUrn.set(state.urn, entry);
    const name = properties.resourceGroupName ?? properties.name;
    if (typeof name === 'string') byName.set(name, [...(byName.get(name) ?? []), entry]);
  }
  return { byUrn, byName };
}

/**
 * azure-native resources state their `location`, which the ARM describers read. Without it the
 * provider fills it in: from its `location` setting, or from the resource group. When both are
 * known and disagree, eugate does not pick one.
 */
function azureNativeRegion(
  state: PulumiResourceState,
  properties: JsonObject,
  providerLocation: Fact<string>,
  groups: ReturnType<typeof indexResourceGroups>,
): Fact<string> {
  const own = properties.location;
  if (typeof own === 'string' && own !== '') return knownFact(own, evidence('location', own));
  if (isUnknownValue(own))
    return unknownFact(`location is ${own.reason}`, evidence('location', own.toJSON()));
  if (state.type === RESOURCE_GROUP) return providerLocation;
  const group = resourceGroupOf(state, properties, groups);
  const groupLocation =
    group === undefined
      ? undefined
      : typeof group.location === 'string' && group.location !== ''
        ? knownFact(group.location, evidence('location', group.location, group.urn))
        : unknownFact<string>(
            `the location of resource group ${group.urn} is not known`,
            evidence(
              'location',
              isUnknownValue(group.location) ? group.location.toJSON() : '(not set)',
              group.urn,
            ),
          );
  if (groupLocation === undefined) return providerLocation;
  if (!providerLocation.known) return groupLocation;
  if (groupLocation.known && groupLocation.value !== providerLocation.value) {
    return unknownFact(
      `location is not set: the provider's location (${providerLocation.value}) and the resource group's (${groupLocation.value}) differ`,
      ...providerLocation.evidence,
      ...groupLocation.evidence,
    );
  }
  return providerLocation;
}

function resourceGroupOf(
  state: PulumiResourceState,
  properties: JsonObject,
  groups: ReturnType<typeof indexResourceGroups>,
): ResourceGroupLocation | undefined {
  for (const urn of state.propertyDependencies?.resourceGroupName ?? []) {
    const group = groups.byUrn.get(urn);
    if (group !== undefined) return group;
  }
  const name = properties.resourceGroupName;
  const named = typeof name === 'string' ? groups.byName.get(name) : undefined;
  return named?.length === 1 ? named[0] : undefined;
}
