import { type Fact, unknownFact } from '../model/evidence.js';
import type { Flow, FlowEnd, Resource } from '../model/resource.js';
import type { Edge, Graph } from './types.js';

type ResolvedEnd = { readonly address: string } | { readonly address: null; readonly name?: string };

/**
 * Resolves every flow to resources of the same input where it can. A flow end names its resource
 * by address or by an identifier (bucket name, ARN, vault name); identifiers are matched exactly.
 * When two resources claim one identifier the first in input order wins, so the result does not
 * depend on anything but the input.
 */
export function link(resources: readonly Resource[]): Graph {
  const byAddress = new Map<string, Resource>();
  // Only identifiers some flow names are indexed: resources carry several each (names, ARNs,
  // domain names), and a large plan has hundreds of thousands that nothing refers to.
  const wanted = new Set<string>();
  for (let r = 0; r < resources.length; r++) {
    const resource = resources[r]!;
    if (!byAddress.has(resource.address)) byAddress.set(resource.address, resource);
    for (let f = 0; f < resource.flows.length; f++) {
      const flow = resource.flows[f]!;
      if (flow.from.self !== true && flow.from.identifier !== undefined) wanted.add(flow.from.identifier);
      if (flow.to.self !== true && flow.to.identifier !== undefined) wanted.add(flow.to.identifier);
    }
  }
  const byIdentifier = new Map<string, string>();
  if (wanted.size > 0) {
    for (let r = 0; r < resources.length; r++) {
      const identifiers = resources[r]!.identifiers;
      for (let i = 0; i < identifiers.length; i++) {
        const identifier = identifiers[i]!;
        if (wanted.has(identifier) && !byIdentifier.has(identifier))
          byIdentifier.set(identifier, resources[r]!.address);
      }
    }
  }

  const resolve = (end: FlowEnd, owner: string): ResolvedEnd => {
    if (end.self === true) return { address: owner };
    if (end.address !== undefined && byAddress.has(end.address)) return { address: end.address };
    if (end.identifier !== undefined) {
      const address = byIdentifier.get(end.identifier);
      if (address !== undefined) return { address };
    }
    const name = end.identifier ?? end.address;
    return name === undefined ? { address: null } : { address: null, name };
  };

  const edges: Edge[] = [];
  for (let r = 0; r < resources.length; r++) {
    const resource = resources[r]!;
    // A configuration resource (an S3 bucket's replication configuration) speaks for the resource
    // it configures: its flows start at that resource, which is what holds the data.
    const owner =
      resource.kind === 'configuration' &&
      resource.configures !== undefined &&
      byAddress.has(resource.configures)
        ? resource.configures
        : resource.address;
    for (let f = 0; f < resource.flows.length; f++) {
      const flow = resource.flows[f]!;
      edges.push(
        toEdge(flow, resolve(flow.from, owner), resolve(flow.to, owner), resource.address, byAddress),
      );
    }
  }

  const outgoing = new Map<string, Edge[]>();
  const incoming = new Map<string, Edge[]>();
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e]!;
    if (edge.from !== null) append(outgoing, edge.from, edge);
    if (edge.to !== null) append(incoming, edge.to, edge);
  }

  return {
    resources,
    edges,
    get: (address) => byAddress.get(address),
    outgoing: (address) => outgoing.get(address) ?? [],
    incoming: (address) => incoming.get(address) ?? [],
  };
}

function toEdge(
  flow: Flow,
  from: ResolvedEnd,
  to: ResolvedEnd,
  declaredBy: string,
  byAddress: ReadonlyMap<string, Resource>,
): Edge {
  const external = to.address === null ? to : from.address === null ? from : undefined;
  const externalTarget = external !== undefined && 'name' in external ? external.name : undefined;
  return {
    kind: flow.kind,
    from: from.address,
    to: to.address,
    toRegion: targetRegion(flow.to, to, byAddress),
    ...(externalTarget !== undefined && { externalTarget }),
    declaredBy,
    evidence: flow.evidence,
  };
}

/**
 * Where the copy lands. The target resource's own region is the strongest evidence; then the
 * region the flow states; then whatever reason the target gives for not knowing; never a guess.
 */
function targetRegion(end: FlowEnd, to: ResolvedEnd, byAddress: ReadonlyMap<string, Resource>): Fact<string> {
  const target = to.address === null ? undefined : byAddress.get(to.address);
  const stated = end.self === true ? undefined : end.region;
  if (target?.region.known === true) return target.region;
  if (stated?.known === true) return stated;
  if (target !== undefined) return target.region;
  if (stated !== undefined) return stated;
  const name = 'name' in to ? to.name : undefined;
  return unknownFact(
    name === undefined
      ? 'the flow does not name its target or state its region'
      : `target ${name} is not in this input and the flow does not state its region`,
  );
}

function append(map: Map<string, Edge[]>, key: string, edge: Edge): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [edge]);
  else list.push(edge);
}
