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
    // Sorted so that a resource carrying two classification tags is judged the same way every run.
    const entries = Object.entries(resource.tags.value)
      .filter(([key]) => tagKeys.has(key.toLowerCase()))
      .sort(([a], [b]) => compareText(a, b));
    // Personal wins over non-personal when two classification tags disagree: the safe reading.
    const personal = entries.find(([, value]) => personalValues.has(value.trim().toLowerCase()));
    if (personal !== undefined)
      return { personal: true, evidence: evidence(`tags.${personal[0]}`, personal[1]) };
    const nonPersonal = entries.find(([, value]) => nonPersonalValues.has(value.trim().toLowerCase()));
    if (nonPersonal !== undefined)
      return { personal: false, evidence: evidence(`tags.${nonPersonal[0]}`, nonPersonal[1]) };
    return undefined;
  };

  const notes: string[] = [];
  const base = new Map<string, PersonalData | null>();
  let untaggedStores = 0;
  for (const resource of graph.resources) {
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
    return { ...resource, personalData };
  });
  return { resources, notes: notes.sort(compareText) };
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
  const originsWith = (reason: PersonalData['reason']): string[] =>
    [...base.entries()]
      .filter(([, data]) => data?.reason === reason)
      .map(([address]) => address)
      .sort(compareText);

  const spread = (origins: readonly string[], mayInherit: (address: string) => boolean): void => {
    const paths = new Map<string, readonly string[]>(origins.map((origin) => [origin, [origin]]));
    const queue = [...origins];
    for (let head = 0; head < queue.length; head++) {
      const current = queue[head]!;
      const path = paths.get(current)!;
      for (const edge of graph.outgoing(current)) {
        if (!DATA_COPYING_FLOWS.has(edge.kind) || edge.to === null || paths.has(edge.to)) continue;
        const next = [...path, edge.to];
        paths.set(edge.to, next);
        queue.push(edge.to);
        if (mayInherit(edge.to) && !result.has(edge.to)) result.set(edge.to, next);
      }
    }
  };

  spread(originsWith('declared'), (address) => base.get(address)?.reason !== 'declared');
  spread(originsWith('assumed'), (address) => {
    const own = base.get(address);
    return own === null || own === undefined;
  });
  return result;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
