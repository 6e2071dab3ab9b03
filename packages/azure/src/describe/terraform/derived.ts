import type { Fact, RawResource } from '@eugate/core';
import { knownFact, unknownFact } from '@eugate/core';

/**
 * A fact a child resource takes from its parent (a database's network exposure is its server's),
 * with the parent named in the evidence; unknown when the parent is not in the input.
 */
export function fromParent<T>(
  parent: RawResource | undefined,
  what: string,
  fact: (parent: RawResource) => Fact<T> | undefined,
): Fact<T> {
  if (parent === undefined) return unknownFact(`${what} is decided by the server, which is not in the input`);
  const decided = fact(parent);
  if (decided === undefined) return unknownFact(`${what} is not stated by ${parent.address}`);
  const evidence = decided.evidence.map((e) => (e.from === undefined ? { ...e, from: parent.address } : e));
  return decided.known ? knownFact(decided.value, ...evidence) : unknownFact(decided.reason, ...evidence);
}
