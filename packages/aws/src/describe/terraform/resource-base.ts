import type { Scan } from '@eugate/core';
import {
  evidence,
  type Fact,
  type Flow,
  type FlowEnd,
  isUnknownValue,
  type Knowable,
  known,
  knownFact,
  type RawResource,
  type Resource,
  type ResourceFacts,
  type ResourceKind,
  unknown,
} from '@eugate/core';
import { knownString } from './plan-values.js';

/** The end of a flow that is not the declaring resource. */
export type OtherEnd = Exclude<FlowEnd, { readonly self: true }>;

/** Describes one Terraform resource type; `scan` gives access to its companions in the same input. */
export interface TypeDescriber {
  readonly type: string;
  describe(raw: RawResource, scan: Scan): Resource;
}

export interface ResourceParts {
  readonly kind: ResourceKind;
  readonly storesData: boolean;
  /** Properties whose known values name the resource (`bucket`, `arn`, `id`). */
  readonly identifierPaths?: readonly string[];
  /** Further identifiers derived by the describer (S3 domain names). */
  readonly identifiers?: readonly (string | undefined)[];
  readonly configures?: string;
  readonly facts?: ResourceFacts;
  readonly flows?: readonly Flow[];
}

/** Shared by resources without facts or flows (most configuration resources): they are never changed. */
const NO_FACTS: ResourceFacts = Object.freeze({});
const NO_FLOWS: readonly Flow[] = Object.freeze([]);

export function buildResource(raw: RawResource, parts: ResourceParts): Resource {
  const identifiers: string[] = [];
  for (const path of parts.identifierPaths ?? []) {
    const value = knownString(raw, path);
    if (value !== undefined && !identifiers.includes(value)) identifiers.push(value);
  }
  for (const value of parts.identifiers ?? [])
    if (value !== undefined && value !== '' && !identifiers.includes(value)) identifiers.push(value);
  // Built property by property in the order of `Resource` (no spreads of temporary objects): this
  // runs once per resource of the input.
  const resource: Mutable<Resource> = {
    address: raw.address,
    type: raw.type,
    cloud: 'aws',
    schema: raw.schema,
    kind: parts.kind,
    source: raw.source,
  };
  if (raw.stack !== undefined) resource.stack = raw.stack;
  resource.storesData = parts.storesData;
  resource.region = resourceRegion(raw);
  resource.tags = readTags(raw);
  resource.identifiers = identifiers.sort();
  if (parts.configures !== undefined) resource.configures = parts.configures;
  resource.facts = parts.facts ?? NO_FACTS;
  resource.flows = parts.flows ?? NO_FLOWS;
  return resource as Resource;
}

type Mutable<T> = { -readonly [K in keyof T]?: T[K] };

/** A companion resource: only configures another one, whose facts it feeds. */
export function describeConfiguration(raw: RawResource, configures: RawResource | undefined): Resource {
  return buildResource(raw, { kind: 'configuration', storesData: false, configures: configures?.address });
}

/**
 * The provider region, unless the resource states its own: provider v6 has a per-resource `region`
 * argument, and plans show the actual region of existing S3 buckets. An unknown `region` keeps the
 * provider region (before v6 it is a computed copy of it).
 */
export function resourceRegion(raw: RawResource): Fact<string> {
  const region = knownString(raw, 'region');
  return region === undefined ? raw.region : knownFact(region, evidence('region', region));
}

const TAG_PATHS = ['tags_all', 'tags'] as const;

/**
 * `tags_all` includes the provider's `default_tags`, so it is what AWS will carry; but it is known
 * only after apply in many plans. Then the resource's own `tags` decide: a key set there wins over a
 * default tag of the same key, so a classification tag found in `tags` is exact. Only when neither
 * is known are the tags unknown.
 */
export function readTags(raw: RawResource): Knowable<Readonly<Record<string, string>>> {
  let unknownReason: string | undefined;
  for (const path of TAG_PATHS) {
    // A top-level property: read directly, as `readProperty` would, without building evidence.
    const map = Object.hasOwn(raw.properties, path) ? raw.properties[path] : undefined;
    if (map === undefined || map === null) continue;
    if (isUnknownValue(map)) {
      unknownReason ??= `${path} is known only after apply`;
      continue;
    }
    if (typeof map !== 'object' || Array.isArray(map))
      return unknown(`${path} is not a map: ${JSON.stringify(map)}`);
    const tags: Record<string, string> = {};
    let partlyUnknown: string | undefined;
    for (const [key, value] of Object.entries(map)) {
      if (isUnknownValue(value)) {
        partlyUnknown = `${path}.${key} is known only after apply`;
        break;
      }
      if (value === null || value === undefined) continue;
      tags[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
    if (partlyUnknown !== undefined) {
      unknownReason ??= partlyUnknown;
      continue;
    }
    return known(tags);
  }
  if (unknownReason !== undefined) return unknown(unknownReason);
  return known({});
}
