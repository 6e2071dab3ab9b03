import type { ClassifiedResource } from '../classify/types.js';
import type { Edge, Graph } from '../graph/types.js';
import { DATA_COPYING_FLOWS } from '../model/resource.js';
import type { ResolvedProfile } from '../profiles/types.js';
import type { DataFlow } from '../report/types.js';

/**
 * Where the copies of personal data go: every data-copying flow out of a resource holding personal
 * data, with where the copy lands and whether the profile allows it. Only personal-data resources'
 * outgoing edges are visited, so this stays linear in the flows that matter. Sorted, deduplicated.
 */
export function personalDataFlows(
  resources: readonly ClassifiedResource[],
  graph: Graph,
  profile: ResolvedProfile,
): DataFlow[] {
  const flows = new Map<string, DataFlow>();
  for (const resource of resources) {
    if (resource.personalData === null) continue;
    for (const edge of graph.outgoing(resource.address)) {
      if (!DATA_COPYING_FLOWS.has(edge.kind)) continue;
      const flow = toDataFlow(resource, edge, graph, profile);
      const key = JSON.stringify([flow.from, flow.kind, flow.to, flow.toRegion, flow.worldwide]);
      if (!flows.has(key)) flows.set(key, flow);
    }
  }
  return [...flows.values()].sort(compareFlows);
}

function toDataFlow(
  source: ClassifiedResource,
  edge: Edge,
  graph: Graph,
  profile: ResolvedProfile,
): DataFlow {
  const target = edge.to === null ? undefined : graph.get(edge.to);
  const base = {
    kind: edge.kind,
    from: source.address,
    fromRegion: source.region.known ? source.region.value : null,
    to: edge.to ?? edge.externalTarget ?? null,
  };
  // An edge service's own region says nothing about where it caches: its edge fact does.
  const exposure = edge.kind === 'edge-delivery' ? target?.facts.edge : undefined;
  if (exposure !== undefined && !(exposure.known && !exposure.value.global)) {
    const euOnly = exposure.known && exposure.value.restrictedToEu;
    return {
      ...base,
      toRegion: null,
      toCountry: null,
      toJurisdiction: euOnly ? 'EU' : null,
      worldwide: exposure.known && !euOnly,
      allowed: exposure.known ? euOnly : null,
    };
  }
  const region = edge.toRegion.known ? edge.toRegion.value : null;
  const verdict = region === null ? undefined : profile.checkRegion((target ?? source).cloud, region);
  const info = verdict?.known === true ? verdict.value : undefined;
  return {
    ...base,
    toRegion: region,
    toCountry: info?.region.country ?? null,
    toJurisdiction: info?.region.jurisdiction ?? null,
    worldwide: false,
    allowed: info?.allowed ?? null,
  };
}

function compareFlows(a: DataFlow, b: DataFlow): number {
  return (
    compareText(a.from, b.from) ||
    compareText(a.kind, b.kind) ||
    compareText(a.to ?? '', b.to ?? '') ||
    compareText(a.toRegion ?? '', b.toRegion ?? '')
  );
}

/** Code-unit order, not `localeCompare`: the report must not depend on the machine's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
