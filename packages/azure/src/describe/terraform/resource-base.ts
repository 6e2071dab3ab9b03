import type { Scan } from '@eugate/core';
import {
  asString,
  type Fact,
  type Flow,
  type FlowEnd,
  knownFact,
  type RawResource,
  type Resource,
  type ResourceFacts,
  type ResourceKind,
  readProperty,
  unknownFact,
} from '@eugate/core';
import { locationFact } from '../shared/location.js';
import { azureResource } from '../shared/resource.js';
import { knownString } from './plan-values.js';

/** The end of a flow that is not the declaring resource. */
export type OtherEnd = Exclude<FlowEnd, { readonly self: true }>;

/** Describes one azurerm resource type; `scan` gives access to its parent and companions in the same input. */
export interface TypeDescriber {
  readonly type: string;
  describe(raw: RawResource, scan: Scan): Resource;
}

export const RESOURCE_GROUP = 'azurerm_resource_group';

export interface ResourceParts {
  readonly kind: ResourceKind;
  readonly storesData: boolean;
  /** Properties whose known values name the resource (`name`, `id`). */
  readonly identifierPaths?: readonly string[];
  /** Further identifiers derived by the describer (storage host names). */
  readonly identifiers?: readonly (string | undefined)[];
  readonly configures?: string;
  /** The region, when the describer decided it (a child resource takes its parent's). */
  readonly region?: Fact<string>;
  readonly facts?: ResourceFacts;
  readonly flows?: readonly Flow[];
}

export function buildResource(raw: RawResource, scan: Scan, parts: ResourceParts): Resource {
  const identifiers = new Set<string>();
  for (const path of parts.identifierPaths ?? ['name', 'id']) {
    const value = knownString(raw, path);
    if (value !== undefined) identifiers.add(value);
  }
  for (const value of parts.identifiers ?? [])
    if (value !== undefined && value !== '') identifiers.add(value);
  return azureResource(raw, { ...parts, region: parts.region ?? resourceLocation(raw, scan), identifiers });
}

/**
 * A resource's own `location`. When it is known only after apply because it is copied from a
 * resource group in the same input (`location = azurerm_resource_group.rg.location`), the group's
 * location is the resource's, with the group as evidence. Otherwise it stays unknown: never guessed.
 */
export function resourceLocation(raw: RawResource, scan: Scan): Fact<string> {
  const read = asString(readProperty(raw.properties, 'location'));
  if (read.state === 'set') return locationFact(read.value, read.evidence);
  if (read.state === 'absent')
    return raw.region.known ? raw.region : unknownFact(`${raw.type} states no location`, read.evidence);
  const groups = scan.referenced(raw, 'location', [RESOURCE_GROUP]);
  const group = groups.length === 1 && groups[0] !== undefined ? scan.get(groups[0]) : undefined;
  if (group === undefined)
    return unknownFact(`location is ${read.reason} and copies no resource group in the input`, read.evidence);
  const inherited = asString(readProperty(group.properties, 'location', group.address));
  if (inherited.state === 'set') return locationFact(inherited.value, read.evidence, inherited.evidence);
  return unknownFact(
    `location comes from ${group.address}, whose location is ${inherited.state === 'unknown' ? inherited.reason : 'not set'}`,
    read.evidence,
    inherited.evidence,
  );
}

/** A child resource (container, database, firewall rule) lives where its parent does. */
export function parentLocation(raw: RawResource, scan: Scan, parent: RawResource | undefined): Fact<string> {
  const own = asString(readProperty(raw.properties, 'location'));
  if (own.state !== 'absent') return resourceLocation(raw, scan);
  if (parent === undefined)
    return unknownFact(`${raw.type} has no location of its own and its parent is not in the input`);
  const region = resourceLocation(parent, scan);
  const fromParent = region.evidence.map((e) => (e.from === undefined ? { ...e, from: parent.address } : e));
  return region.known ? knownFact(region.value, ...fromParent) : unknownFact(region.reason, ...fromParent);
}

/** A configuration resource: speaks for the resource it configures and is located with it. */
export function describeConfiguration(
  raw: RawResource,
  scan: Scan,
  configures: RawResource | undefined,
): Resource {
  return buildResource(raw, scan, {
    kind: 'configuration',
    storesData: false,
    configures: configures?.address,
    region: parentLocation(raw, scan, configures),
  });
}

/** `tags` as azurerm resources carry them; a tag value known only after apply makes the tags unknown. */
export { defaultEvidence, readTags } from '../shared/resource.js';
