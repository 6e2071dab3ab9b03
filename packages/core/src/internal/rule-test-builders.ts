/**
 * Small builders for the rule tables: a described resource, a graph with hand-written edges, and the
 * context a rule receives. Rules read edges, not flows, so a rule's test states the edges it is
 * about instead of depending on how the linker would derive them.
 */
import type { ClassifiedResource } from '../classify/types.js';
import type { Edge, Graph } from '../graph/types.js';
import { type Evidence, type Fact, knownFact, unknownFact } from '../model/evidence.js';
import { known } from '../model/knowable.js';
import type { FlowKind, Resource } from '../model/resource.js';
import type { RuleContext } from '../policies/types.js';
import type { ResolvedProfile } from '../profiles/types.js';

/** A described resource: an AWS S3 bucket in eu-west-1 (from the provider config) unless told otherwise. */
export function makeResource(address: string, overrides: Partial<Resource> = {}): Resource {
  return {
    address,
    type: 'aws_s3_bucket',
    cloud: 'aws',
    schema: 'terraform-aws',
    kind: 'object-storage',
    source: { file: 'plan.json' },
    storesData: true,
    region: knownFact('eu-west-1', { path: 'provider_config.aws.expressions.region', value: 'eu-west-1' }),
    tags: known({}),
    identifiers: [],
    facts: {},
    flows: [],
    ...overrides,
  };
}

/** A region stated on the resource itself. */
export function inRegion(region: string, path = 'region'): Fact<string> {
  return knownFact(region, { path, value: region });
}

export function regionUnknown(reason: string, ...evidence: Evidence[]): Fact<string> {
  return unknownFact(reason, ...evidence);
}

export interface EdgeOptions {
  /** Where the copy lands; unknown ("no region stated") unless told. */
  readonly toRegion?: Fact<string>;
  readonly externalTarget?: string;
  readonly declaredBy?: string;
  readonly evidence?: readonly Evidence[];
}

/** An edge as the linker would produce it; `from`/`to` null for an end outside the input. */
export function makeEdge(
  kind: FlowKind,
  from: string | null,
  to: string | null,
  options: EdgeOptions = {},
): Edge {
  const target = to ?? options.externalTarget ?? null;
  const edge: Edge = {
    kind,
    from,
    to,
    toRegion: options.toRegion ?? unknownFact('the flow does not state the region of its target'),
    declaredBy: options.declaredBy ?? from ?? to ?? '(unknown)',
    evidence: options.evidence ?? [{ path: `${kind}.target`, value: target }],
  };
  return options.externalTarget === undefined ? edge : { ...edge, externalTarget: options.externalTarget };
}

/** A graph over `resources` whose edges are exactly `edges`, in the order given. */
export function makeGraph(resources: readonly Resource[], edges: readonly Edge[] = []): Graph {
  const byAddress = new Map(resources.map((resource) => [resource.address, resource]));
  return {
    resources,
    edges,
    get: (address) => byAddress.get(address),
    outgoing: (address) => edges.filter((edge) => edge.from === address),
    incoming: (address) => edges.filter((edge) => edge.to === address),
  };
}

/** The context a rule receives; the first resource with an address wins, as in the engine. */
export function makeContext(
  resources: readonly ClassifiedResource[],
  edges: readonly Edge[],
  profile: ResolvedProfile,
): RuleContext {
  const classified = new Map<string, ClassifiedResource>();
  for (const resource of resources) {
    if (!classified.has(resource.address)) classified.set(resource.address, resource);
  }
  return {
    graph: makeGraph(resources, edges),
    profile,
    resource: (address) => classified.get(address),
  };
}
