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
  readProperty,
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

export function buildResource(raw: RawResource, parts: ResourceParts): Resource {
  const identifiers = new Set<string>();
  for (const path of parts.identifierPaths ?? []) {
    const value = knownString(raw, path);
    if (value !== undefined) identifiers.add(value);
  }
  for (const value of parts.identifiers ?? [])
    if (value !== undefined && value !== '') identifiers.add(value);
  return {
    address: raw.address,
    type: raw.type,
    cloud: 'aws',
    schema: raw.schema,
    kind: parts.kind,
    source: raw.source,
    ...(raw.stack === undefined ? {} : { stack: raw.stack }),
    storesData: parts.storesData,
    region: resourceRegion(raw),
    tags: readTags(raw),
    identifiers: [...identifiers].sort(),
    ...(parts.configures === undefined ? {} : { configures: parts.configures }),
    facts: parts.facts ?? {},
    flows: parts.flows ?? [],
  };
}

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

/**
 * `tags_all` includes the provider's `default_tags`, so it is what AWS will carry; but it is known
 * only after apply in many plans. Then the resource's own `tags` decide: a key set there wins over a
 * default tag of the same key, so a classification tag found in `tags` is exact. Only when neither
 * is known are the tags unknown.
 */
export function readTags(raw: RawResource): Knowable<Readonly<Record<string, string>>> {
  let unknownReason: string | undefined;
  for (const path of ['tags_all', 'tags']) {
    const read = readProperty(raw.properties, path);
    if (read.state === 'absent') continue;
    if (read.state === 'unknown') {
      unknownReason ??= `${path} is known only after apply`;
      continue;
    }
    if (typeof read.value !== 'object' || read.value === null || Array.isArray(read.value))
      return unknown(`${path} is not a map: ${JSON.stringify(read.value)}`);
    const tags: Record<string, string> = {};
    let partlyUnknown: string | undefined;
    for (const [key, value] of Object.entries(read.value)) {
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
