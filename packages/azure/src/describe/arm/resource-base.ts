import {
  asString,
  type Evidence,
  type Fact,
  type Flow,
  knownFact,
  type RawResource,
  type Resource,
  type ResourceFacts,
  type ResourceKind,
  readProperty,
  type TypedRead,
  unknownFact,
} from '@eugate/core';
import { isArmResourceReference, isSymbolicValue } from '../../arm/evaluate.js';
import { locationFact } from '../shared/location.js';
import { azureResource } from '../shared/resource.js';

/** Describes one ARM resource type; `scan` finds its parent, children and the resources it names. */
export interface ArmTypeDescriber {
  readonly type: string;
  describe(raw: RawResource, scan: ArmScan): Resource;
}

/**
 * The name path of an ARM resource (`account/default/logs`): `properties.name` when it is a string
 * (or a name the reader could still spell, `[parameters('account')]/default`), else the address.
 */
export function namePath(raw: RawResource): string {
  const name = raw.properties.name;
  if (typeof name === 'string' && name !== '') return name;
  if (isSymbolicValue(name)) return name.text;
  return raw.address;
}

/** Splits a name path on `/` outside `[...]` (a symbolic part may contain slashes inside its brackets). */
export function nameSegments(path: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of path) {
    if (c === '[') depth++;
    if (c === ']') depth = Math.max(0, depth - 1);
    if (c === '/' && depth === 0) {
      segments.push(current);
      current = '';
    } else current += c;
  }
  segments.push(current);
  return segments;
}

const key = (type: string, name: string) => `${type.toLowerCase()}|${name.toLowerCase()}`;

/** All ARM resources of one describe call, indexed by type and name path. */
export interface ArmScan {
  readonly resources: readonly RawResource[];
  /** The resource of `type` named `name` (a name path), case-insensitively. */
  find(type: string, name: string): RawResource | undefined;
  /** The parent of a child resource: its type minus the last segment, its name path minus the last. */
  parentOf(raw: RawResource): RawResource | undefined;
  /** The nearest ancestor of one of `types`. */
  ancestorOf(raw: RawResource, types: readonly string[]): RawResource | undefined;
  /** Ancestors in the input, nearest first (intermediate ones may be missing). */
  ancestors(raw: RawResource): RawResource[];
  /** Direct children of `parent` of the child type `parent.type + '/' + childType`. */
  childrenOf(parent: RawResource, childType: string): RawResource[];
  /** The resource a reference names: a `resourceId(...)` value or an ARM resource id string. */
  referenced(value: unknown): RawResource | undefined;
}

export function createArmScan(resources: readonly RawResource[]): ArmScan {
  const byKey = new Map<string, RawResource>();
  const children = new Map<string, RawResource[]>();
  for (const raw of resources) byKey.set(key(raw.type, namePath(raw)), raw);
  const parentKey = (raw: RawResource): string | undefined => {
    const types = raw.type.split('/');
    const names = nameSegments(namePath(raw));
    if (types.length <= 2 || names.length < 2) return undefined;
    return key(types.slice(0, -1).join('/'), names.slice(0, -1).join('/'));
  };
  for (const raw of resources) {
    const parent = parentKey(raw);
    if (parent === undefined) continue;
    const list = children.get(parent);
    if (list === undefined) children.set(parent, [raw]);
    else list.push(raw);
  }
  const scan: ArmScan = {
    resources,
    find: (type, name) => byKey.get(key(type, name)),
    parentOf(raw) {
      const parent = parentKey(raw);
      return parent === undefined ? undefined : byKey.get(parent);
    },
    ancestorOf(raw, types) {
      const wanted = new Set(types.map((t) => t.toLowerCase()));
      return scan.ancestors(raw).find((at) => wanted.has(at.type.toLowerCase()));
    },
    ancestors(raw) {
      // By type and name prefix, so a missing intermediate (a container whose blobServices/default
      // is not declared) does not hide the account.
      const types = raw.type.split('/');
      const names = nameSegments(namePath(raw));
      const found: RawResource[] = [];
      for (let depth = types.length - 1; depth >= 2; depth--) {
        const cut = names.length - (types.length - depth);
        if (cut < 1) break;
        const at = byKey.get(key(types.slice(0, depth).join('/'), names.slice(0, cut).join('/')));
        if (at !== undefined) found.push(at);
      }
      return found;
    },
    childrenOf(parent, childType) {
      const type = `${parent.type}/${childType}`.toLowerCase();
      return (children.get(key(parent.type, namePath(parent))) ?? []).filter(
        (c) => c.type.toLowerCase() === type,
      );
    },
    referenced(value) {
      if (isArmResourceReference(value))
        return value.name === undefined ? undefined : scan.find(value.resourceType, value.name);
      if (typeof value !== 'string') return undefined;
      const parsed = parseResourceId(value);
      return parsed === undefined ? undefined : scan.find(parsed.type, parsed.name);
    },
  };
  return scan;
}

/** `/subscriptions/…/providers/Microsoft.Sql/servers/sql2/databases/db` → type and name path. */
export function parseResourceId(id: string): { type: string; name: string } | undefined {
  const match = /\/providers\/([^/]+)\/(.+)$/i.exec(id);
  if (match === null) return undefined;
  const rest = (match[2] as string).split('/');
  if (rest.length < 2 || rest.length % 2 !== 0) return undefined;
  const types = rest.filter((_, i) => i % 2 === 0);
  const names = rest.filter((_, i) => i % 2 === 1);
  return { type: [match[1], ...types].join('/'), name: names.join('/') };
}

/**
 * The raw value at a dotted path, including an `UnknownValue` that stands for a reference (a
 * `resourceId(...)`): `readProperty` reports those as unknown, while a describer may still want to
 * know which resource they name.
 */
export function valueAt(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (current === null || typeof current !== 'object') return undefined;
    const segment = match[2] !== undefined ? Number(match[2]) : (match[1] as string);
    current = Object.hasOwn(current, segment)
      ? (current as Record<string | number, unknown>)[segment]
      : undefined;
  }
  return current;
}

export interface ArmResourceParts {
  readonly kind: ResourceKind;
  readonly storesData: boolean;
  readonly configures?: string;
  /** The region, when the describer decided it (a child resource takes its parent's). */
  readonly region?: Fact<string>;
  readonly identifiers?: readonly (string | undefined)[];
  readonly facts?: ResourceFacts;
  readonly flows?: readonly Flow[];
}

export function buildArmResource(raw: RawResource, scan: ArmScan, parts: ArmResourceParts): Resource {
  const identifiers = new Set<string>();
  const name = raw.properties.name;
  if (typeof name === 'string' && name !== '') identifiers.add(name);
  for (const value of parts.identifiers ?? [])
    if (value !== undefined && value !== '') identifiers.add(value);
  return azureResource(raw, { ...parts, region: parts.region ?? armLocation(raw, scan), identifiers });
}

/**
 * A resource's own `location`; a child without one lives where its parent does; otherwise the
 * deployment's resource-group location when the user gave it. Never guessed.
 */
export function armLocation(raw: RawResource, scan: ArmScan): Fact<string> {
  const read = asString(readProperty(raw.properties, 'location'));
  if (read.state === 'set') return locationFact(read.value, read.evidence);
  if (read.state === 'unknown') return unknownFact(`location is unknown: ${read.reason}`, read.evidence);
  const parent = scan.ancestors(raw)[0];
  if (parent !== undefined) {
    const region = armLocation(parent, scan);
    const evidenceFromParent = region.evidence.map((e) =>
      e.from === undefined ? { ...e, from: parent.address } : e,
    );
    return region.known
      ? knownFact(region.value, ...evidenceFromParent)
      : unknownFact(region.reason, ...evidenceFromParent);
  }
  if (raw.region.known) return raw.region;
  return unknownFact(
    `${raw.type} states no location: ${raw.region.reason}`,
    read.evidence,
    ...raw.region.evidence,
  );
}

export { defaultEvidence, readTags } from '../shared/resource.js';

/** A string property compared case-insensitively (ARM enum values are case-insensitive). */
export function readEnum(raw: RawResource, path: string, from?: string): TypedRead<string> {
  const read = asString(readProperty(raw.properties, path, from));
  return read.state === 'set' ? { ...read, value: read.value.toLowerCase() } : read;
}

/** A configuration resource (a child that only configures its parent): located with it. */
export function describeArmConfiguration(
  raw: RawResource,
  scan: ArmScan,
  configures: RawResource | undefined,
): Resource {
  return buildArmResource(raw, scan, {
    kind: 'configuration',
    storesData: false,
    ...(configures === undefined ? {} : { configures: configures.address }),
  });
}

/** Adds evidence that does not decide a fact but a reviewer wants to see next to it. */
export function withEvidence<T>(fact: Fact<T>, ...extra: Evidence[]): Fact<T> {
  return { ...fact, evidence: [...fact.evidence, ...extra] };
}
