import type { Knowable } from './knowable.js';

/** Where a fact came from: the property path in the artifact and the value found there. */
export interface Evidence {
  /** Property path, e.g. `server_side_encryption_configuration[0].rule[0].apply_server_side_encryption_by_default[0].sse_algorithm`, or `provider_config.aws.expressions.region`. */
  readonly path: string;
  /** The value at that path (JSON-like), or a short description such as `(not set)`. */
  readonly value: unknown;
  /** Address of the resource the evidence was read from, when it is not the resource itself (a companion resource, a provider block). */
  readonly from?: string;
}

/** A knowable value plus the evidence that decided it. */
export type Fact<T> = Knowable<T> & { readonly evidence: readonly Evidence[] };

export function knownFact<T>(value: T, ...evidence: Evidence[]): Fact<T> {
  return { known: true, value, evidence };
}

export function unknownFact<T = never>(reason: string, ...evidence: Evidence[]): Fact<T> {
  return { known: false, reason, evidence };
}

export function evidence(path: string, value: unknown, from?: string): Evidence {
  return from === undefined ? { path, value } : { path, value, from };
}

/** Value shown in evidence when a property is absent. */
export const NOT_SET = '(not set)';
