import { type Evidence, evidence, type Fact, knownFact, type RawResource, unknownFact } from '@eugate/core';
import {
  type PolicyStatement,
  parsePolicyDocument,
  publicStatements,
  wildcardPublicStatements,
} from '../shared/policy-document.js';
import { readConfigured } from './plan-values.js';

/** One resource policy as read from the resource itself or from a companion (`from`). */
export type ReadPolicy =
  | { readonly state: 'none'; readonly evidence: Evidence }
  | { readonly state: 'unknown'; readonly reason: string; readonly evidence: Evidence }
  | {
      readonly state: 'parsed';
      readonly statements: readonly PolicyStatement[];
      readonly from: string | undefined;
    };

export function readPolicy(raw: RawResource, path: string, from?: string): ReadPolicy {
  const read = readConfigured(raw, path, from);
  if (read.state === 'absent') return { state: 'none', evidence: read.evidence };
  if (read.state === 'unknown')
    return { state: 'unknown', reason: `${path}: ${read.reason}`, evidence: read.evidence };
  const document = parsePolicyDocument(read.value);
  if (document.state === 'unknown')
    return { state: 'unknown', reason: document.reason, evidence: read.evidence };
  return { state: 'parsed', statements: document.statements, from };
}

export function statementEvidence(statement: PolicyStatement, from: string | undefined): Evidence {
  return evidence(`policy.Statement[${statement.index}]`, statement.raw, from);
}

function firstUnknown(policies: readonly ReadPolicy[]): Fact<never> | undefined {
  const found = policies.find((p) => p.state === 'unknown');
  return found?.state === 'unknown' ? unknownFact(found.reason, found.evidence) : undefined;
}

function checked(policies: readonly ReadPolicy[], note: string): Evidence[] {
  const read = policies.flatMap((p) =>
    p.state === 'parsed' ? [evidence('policy', note, p.from)] : p.state === 'none' ? [p.evidence] : [],
  );
  return read.length > 0 ? read : [evidence('policy', '(none)')];
}

/** Public when a statement allows everyone without a condition pinning the caller. */
export function policyPublicAccess(policies: readonly ReadPolicy[]): Fact<boolean> {
  for (const policy of policies) {
    if (policy.state !== 'parsed') continue;
    const [statement] = publicStatements(policy);
    if (statement !== undefined) return knownFact(true, statementEvidence(statement, policy.from));
  }
  return (
    firstUnknown(policies) ?? knownFact(false, ...checked(policies, '(no statement allows Principal "*")'))
  );
}

/** Wildcard when a statement grants every action of the service (or `*`) to everyone. */
export function policyWildcardAccess(
  policies: readonly ReadPolicy[],
  services: readonly string[],
): Fact<boolean> {
  for (const policy of policies) {
    if (policy.state !== 'parsed') continue;
    const [statement] = wildcardPublicStatements(policy, services);
    if (statement !== undefined) return knownFact(true, statementEvidence(statement, policy.from));
  }
  return (
    firstUnknown(policies) ??
    knownFact(
      false,
      ...checked(
        policies,
        `(no statement grants ${services.map((s) => `${s}:*`).join('/')} or * to Principal "*")`,
      ),
    )
  );
}
