import {
  containsUnknown,
  type Flow,
  type FlowEnd,
  type Knowable,
  known,
  type RawResource,
  type Resource,
  type ResourceFacts,
  type ResourceKind,
  readProperty,
  unknown,
} from '@eugate/core';
import type { Scan } from './scan.js';
import { knownString } from './template-values.js';

/** The end of a flow that is not the declaring resource. */
export type OtherEnd = Exclude<FlowEnd, { readonly self: true }>;

/** Describes one CloudFormation resource type; `scan` gives access to the rest of the input. */
export interface TypeDescriber {
  readonly type: string;
  describe(raw: RawResource, scan: Scan): Resource;
}

export interface ResourceParts {
  readonly kind: ResourceKind;
  readonly storesData: boolean;
  /** Properties whose known values name the resource (`BucketName`, `TableName`). */
  readonly identifierPaths?: readonly string[];
  /** Further identifiers derived by the describer (S3 ARNs and domain names). */
  readonly identifiers?: readonly (string | undefined)[];
  readonly configures?: string;
  readonly facts?: ResourceFacts;
  readonly flows?: readonly Flow[];
  /** Where the resource keeps its tags, when not in `Tags` (a global table's replica). */
  readonly tagsPath?: string;
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
    // CloudFormation deploys every resource of a stack into the stack's region.
    region: raw.region,
    tags: readTags(raw, parts.tagsPath ?? 'Tags'),
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
 * CloudFormation tags are a list of `{Key, Value}` (a few types use a plain map). Any part known only
 * at deployment makes all tags unknown: the unknown one may be the classification tag.
 */
export function readTags(raw: RawResource, path = 'Tags'): Knowable<Readonly<Record<string, string>>> {
  const read = readProperty(raw.properties, path);
  if (read.state === 'absent') return known({});
  if (read.state === 'unknown') return unknown(`${path} is resolved only at deployment`);
  if (containsUnknown(read.value)) return unknown(`part of ${path} is resolved only at deployment`);
  const tags: Record<string, string> = {};
  if (Array.isArray(read.value)) {
    for (const [index, tag] of read.value.entries()) {
      const key = readProperty(tag, 'Key');
      const value = readProperty(tag, 'Value');
      if (key.state !== 'set' || typeof key.value !== 'string')
        return unknown(`${path}[${index}].Key is not a string`);
      tags[key.value] =
        value.state !== 'set'
          ? ''
          : typeof value.value === 'string'
            ? value.value
            : JSON.stringify(value.value);
    }
    return known(tags);
  }
  if (typeof read.value === 'object' && read.value !== null) {
    for (const [key, value] of Object.entries(read.value))
      if (value !== null && value !== undefined)
        tags[key] = typeof value === 'string' ? value : JSON.stringify(value);
    return known(tags);
  }
  return unknown(`${path} is neither a list of {Key, Value} nor a map: ${JSON.stringify(read.value)}`);
}

/** The describer for a type that only configures the resource its `property` designates. */
export function configurationOf(
  type: string,
  property: string,
  targetTypes: readonly string[],
  nameProperties: readonly string[],
): TypeDescriber {
  return {
    type,
    describe: (raw, scan) =>
      describeConfiguration(raw, scan.targetOf(raw, property, targetTypes, nameProperties)),
  };
}
