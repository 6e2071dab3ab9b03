import {
  type Evidence,
  evidence,
  type Fact,
  isUnknownValue,
  knownFact,
  type RawResource,
  unknownFact,
} from '@eugate/core';
import {
  type PolicyStatement,
  parsePolicyDocument,
  publicStatements,
  wildcardPublicStatements,
} from '../shared/policy-document.js';
import { read } from './template-values.js';

/** One policy document as read from the resource itself or from a companion (`from`). */
export type ReadPolicy =
  | { readonly state: 'none'; readonly evidence: Evidence }
  | { readonly state: 'unknown'; readonly reason: string; readonly evidence: Evidence }
  | {
      readonly state: 'parsed';
      readonly path: string;
      readonly statements: readonly PolicyStatement[];
      readonly from: string | undefined;
    };

const UNRESOLVED = '(resolved at deployment)';

/** Condition values that are unresolved intrinsics become a placeholder string (see readPolicy). */
function pinUnresolvedConditions(document: unknown): unknown {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return document;
  const statements = (document as Record<string, unknown>).Statement;
  if (!Array.isArray(statements)) return document;
  const replace = (value: unknown): unknown =>
    isUnknownValue(value)
      ? UNRESOLVED
      : Array.isArray(value)
        ? value.map(replace)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v)]))
          : value;
  return {
    ...document,
    Statement: statements.map((statement) =>
      typeof statement === 'object' &&
      statement !== null &&
      !isUnknownValue(statement) &&
      'Condition' in statement
        ? { ...statement, Condition: replace((statement as Record<string, unknown>).Condition) }
        : statement,
    ),
  };
}

/**
 * A policy document (an object in templates, a JSON string in some). Statements whose principal or
 * condition values are unresolved intrinsics stay readable: an unknown principal is not `"*"`, and an
 * unknown condition value still names the key that pins the caller.
 */
export function readPolicy(raw: RawResource, path: string, from?: string): ReadPolicy {
  const value = read(raw, path, from);
  if (value.state === 'absent') return { state: 'none', evidence: value.evidence };
  if (value.state === 'unknown')
    return { state: 'unknown', reason: `${path}: ${value.reason}`, evidence: value.evidence };
  const document = parsePolicyDocument(pinUnresolvedConditions(value.value));
  if (document.state === 'unknown')
    return { state: 'unknown', reason: `${path}: ${document.reason}`, evidence: value.evidence };
  return { state: 'parsed', path, statements: document.statements, from };
}

export function statementEvidence(
  policy: { path: string; from: string | undefined },
  statement: PolicyStatement,
): Evidence {
  return evidence(`${policy.path}.Statement[${statement.index}]`, statement.raw, policy.from);
}

function firstUnknown(policies: readonly ReadPolicy[]): Fact<never> | undefined {
  const found = policies.find((p) => p.state === 'unknown');
  return found?.state === 'unknown' ? unknownFact(found.reason, found.evidence) : undefined;
}

function checked(policies: readonly ReadPolicy[], note: string): Evidence[] {
  const seen = policies.flatMap((p) =>
    p.state === 'parsed' ? [evidence(p.path, note, p.from)] : p.state === 'none' ? [p.evidence] : [],
  );
  return seen.length > 0 ? seen : [evidence('PolicyDocument', '(none)')];
}

/** Public when a statement allows everyone without a condition pinning the caller. */
export function policyPublicAccess(policies: readonly ReadPolicy[]): Fact<boolean> {
  for (const policy of policies) {
    if (policy.state !== 'parsed') continue;
    const [statement] = publicStatements(policy);
    if (statement !== undefined) return knownFact(true, statementEvidence(policy, statement));
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
    if (statement !== undefined) return knownFact(true, statementEvidence(policy, statement));
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
