import type { EugateConfig } from '../config/types.js';
import type { Graph } from '../graph/types.js';
import { type Evidence, evidence } from '../model/evidence.js';
import { DATA_COPYING_FLOWS, type Resource } from '../model/resource.js';
import { globToRegExp } from '../waivers/glob.js';
import type { ClassifiedResource, PersonalData } from './types.js';

export type ClassificationConfig = EugateConfig['classification'];

export interface ClassificationResult {
  /** In graph order. */
  readonly resources: readonly ClassifiedResource[];
  /** Things the reader of the report should know about the classification (one line each, sorted). */
  readonly notes: readonly string[];
}

/** What the resource itself (tag) or the config says, before flows are considered. */
type Declaration = { readonly personal: boolean; readonly evidence: Evidence };

/**
 * Decides which resources hold personal data. Precedence, strongest first:
 * 1. a config entry (`classification.resources`, last matching entry wins) or a tag declaring it personal;
 * 2. inherited along a data-copying flow from a resource holding personal data — this also beats a
 *    "not personal" declaration, because a replica of personal data is personal data whatever its tag says;
 * 3. assumed: a data store with no declaration, in mode `assume`.
 * A config entry beats a tag. A tag whose value is neither a personal nor a non-personal value, or
 * tags not known before apply, count as no declaration.
 */
export function classify(graph: Graph, config: ClassificationConfig): ClassifiedResource[] {
  return [...classifyWithNotes(graph, config).resources];
}

export function classifyWithNotes(graph: Graph, config: ClassificationConfig): ClassificationResult {
  const overrides = config.overrides.map((override, index) => ({
    index,
    override,
    stack: override.match.startsWith('stack:'),
    pattern: globToRegExp(
      override.match.startsWith('stack:') ? override.match.slice('stack:'.length) : override.match,
    ),
  }));
  const tagKeys = new Set(config.tagKeys.map((key) => key.toLowerCase()));
  const personalValues = new Set(config.personalValues.map((value) => value.toLowerCase()));
  const nonPersonalValues = new Set(config.nonPersonalValues.map((value) => value.toLowerCase()));

  const declareByConfig = (resource: Resource): Declaration | undefined => {
    let found: Declaration | undefined;
    for (const { index, override, stack, pattern } of overrides) {
      const subject = stack ? resource.stack : resource.address;
      if (subject === undefined || !pattern.test(subject)) continue;
      found = {
        personal: override.personal,
        evidence: evidence(`classification.resources[${index}]`, {
          match: override.match,
          personal: override.personal,
        }),
      };
    }
    return found;
  };

  const declareByTag = (resource: Resource): Declaration | undefined => {
    if (!resource.tags.known) return undefined;
    const tags = resource.tags.value;
    // Of several classification tags, the first key in code-unit order decides, so a resource is
    // judged the same way every run; personal wins over non-personal when they disagree (the safe
    // reading). One pass over the tags, no sorted copy: this runs for every resource of the input.
    let personal: string | undefined;
    let nonPersonal: string | undefined;
    for (const key of Object.keys(tags)) {
      if (!tagKeys.has(key.toLowerCase())) continue;
      const value = (tags[key] as string).trim().toLowerCase();
      if (personalValues.has(value)) {
        if (personal === undefined || compareText(key, personal) < 0) personal = key;
      } else if (nonPersonalValues.has(value)) {
        if (nonPersonal === undefined || compareText(key, nonPersonal) < 0) nonPersonal = key;
      }
    }
    if (personal !== undefined)
      return { personal: true, evidence: evidence(`tags.${personal}`, tags[personal]) };
    if (nonPersonal !== undefined)
      return { personal: false, evidence: evidence(`tags.${nonPersonal}`, tags[nonPersonal]) };
    return undefined;
  };

  const notes: string[] = [];
  const base = new Map<string, PersonalData | null>();
  let untaggedStores = 0;
  // Indexed loops over the resources here and below: for-of allocates per step in code run once.
  const all = graph.resources;
  for (let r = 0; r < all.length; r++) {
    const resource = all[r]!;
    const declaration = declareByConfig(resource) ?? declareByTag(resource);
    if (declaration !== undefined) {
      base.set(
        resource.address,
        declaration.personal ? { reason: 'declared', evidence: declaration.evidence } : null,
      );
      continue;
    }
    if (!resource.storesData) {
      base.set(resource.address, null);
      continue;
    }
    if (config.mode === 'assume') {
      base.set(resource.address, { reason: 'assumed' });
      continue;
    }
    base.set(resource.address, null);
    if (!resource.tags.known) {
      notes.push(
        `${resource.address}: its tags are not known before apply (${resource.tags.reason}), so its classification ` +
          'cannot be read; classification mode tagged-only treats it as not personal data',
      );
    } else {
      untaggedStores++;
    }
  }
  if (untaggedStores > 0) {
    notes.push(
      `${untaggedStores} data store${untaggedStores === 1 ? ' has' : 's have'} no classification tag and ` +
        `${untaggedStores === 1 ? 'was' : 'were'} treated as not personal data (classification mode tagged-only)`,
    );
  }

  const inherited = inherit(graph, base);
  const resources = graph.resources.map((resource): ClassifiedResource => {
    const own = base.get(resource.address) ?? null;
    const via = inherited.get(resource.address);
    const personalData =
      own?.reason === 'declared' || via === undefined ? own : { reason: 'inherited' as const, via };
    return withPersonalData(resource, personalData);
  });
  return { resources, notes: notes.sort(compareText) };
}

/**
 * The resource with its classification: the same properties as `{ ...resource, personalData }`.
 * `Object.assign` onto a fresh object is several times faster than the spread for the tens of
 * thousands of resources of a large plan, and keeps every property (and its order) alike.
 */
function withPersonalData(resource: Resource, personalData: PersonalData | null): ClassifiedResource {
  const classified = Object.assign({}, resource) as {
    -readonly [K in keyof ClassifiedResource]: ClassifiedResource[K];
  };
  classified.personalData = personalData;
  return classified;
}

/**
 * Paths along data-copying edges to resources that receive personal data. Declared personal data
 * is traced first, so a resource reachable from both a declared and an assumed store names the
 * declared one; within each pass the breadth-first search gives the shortest path, from origins in
 * address order, so `via` is the same every run. Assumed stores do not inherit from each other:
 * that would only replace one assumption with another and let two replicas claim each other.
 */
function inherit(
  graph: Graph,
  base: ReadonlyMap<string, PersonalData | null>,
): Map<string, readonly string[]> {
  const result = new Map<string, readonly string[]>();
  const declared: string[] = [];
  const assumed: string[] = [];
  base.forEach((data, address) => {
    if (data?.reason === 'declared') declared.push(address);
    else if (data?.reason === 'assumed') assumed.push(address);
  });

  const spread = (origins: readonly string[], mayInherit: (address: string) => boolean): void => {
    const paths = new Map<string, readonly string[]>(origins.map((origin) => [origin, [origin]]));
    const queue = [...origins];
    for (let head = 0; head < queue.length; head++) {
      const current = queue[head]!;
      const path = paths.get(current)!;
      const edges = graph.outgoing(current);
      for (let e = 0; e < edges.length; e++) {
        const edge = edges[e]!;
        if (!DATA_COPYING_FLOWS.has(edge.kind) || edge.to === null || paths.has(edge.to)) continue;
        const next = [...path, edge.to];
        paths.set(edge.to, next);
        queue.push(edge.to);
        if (mayInherit(edge.to) && !result.has(edge.to)) result.set(edge.to, next);
      }
    }
  };

  spread(declared.sort(compareText), (address) => base.get(address)?.reason !== 'declared');
  spread(assumed.sort(compareText), (address) => {
    const own = base.get(address);
    return own === null || own === undefined;
  });
  return result;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
