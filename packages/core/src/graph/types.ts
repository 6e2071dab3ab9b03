import type { Evidence, Fact } from '../model/evidence.js';
import type { FlowKind, Resource } from '../model/resource.js';

/** A flow with its ends resolved as far as the input allows. */
export interface Edge {
  readonly kind: FlowKind;
  /** Address of the source resource when it is in the input; otherwise null. */
  readonly from: string | null;
  /** Address of the target resource when it is in the input; otherwise null. */
  readonly to: string | null;
  /** Where the target's data lands: the target resource's region, the region the flow states, or unknown. */
  readonly toRegion: Fact<string>;
  /** Identifier of an end that could not be resolved to a resource (ARN, bucket name). */
  readonly externalTarget?: string;
  /** The resource whose configuration declares the flow. */
  readonly declaredBy: string;
  readonly evidence: readonly Evidence[];
}

export interface Graph {
  readonly resources: readonly Resource[];
  readonly edges: readonly Edge[];
  get(address: string): Resource | undefined;
  outgoing(address: string): readonly Edge[];
  incoming(address: string): readonly Edge[];
}
