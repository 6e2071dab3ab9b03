import { isUnknownValue } from '@eugate/core';

/**
 * IAM policy documents (identity policies and resource policies: bucket, queue, topic policies),
 * analysed for the grants that matter to "who can reach the data": grants to everyone, grants of
 * every action, and denials of unencrypted transport. Schema-agnostic: the CloudFormation family
 * hands in the same JSON as an object, Terraform as a string.
 */
export interface PolicyStatement {
  /** Position in `Statement`, for evidence. */
  readonly index: number;
  readonly raw: Readonly<Record<string, unknown>>;
  readonly effect: 'Allow' | 'Deny' | undefined;
}

export type PolicyDocument =
  | { readonly state: 'parsed'; readonly statements: readonly PolicyStatement[] }
  | { readonly state: 'unknown'; readonly reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A policy as a JSON string or object. Anything unreadable is unknown with the reason, never "no grants". */
export function parsePolicyDocument(value: unknown): PolicyDocument {
  if (isUnknownValue(value)) return { state: 'unknown', reason: `the policy is known only after apply` };
  let document: unknown = value;
  if (typeof value === 'string') {
    try {
      document = JSON.parse(value);
    } catch {
      return { state: 'unknown', reason: 'the policy is not valid JSON' };
    }
  }
  if (!isRecord(document)) return { state: 'unknown', reason: 'the policy is not a JSON object' };
  const statement = document.Statement;
  if (statement === undefined) return { state: 'parsed', statements: [] };
  const list = Array.isArray(statement) ? statement : [statement];
  const statements: PolicyStatement[] = [];
  for (const [index, item] of list.entries()) {
    if (isUnknownValue(item) || !isRecord(item))
      return { state: 'unknown', reason: `policy Statement[${index}] is not readable` };
    const effect = item.Effect === 'Allow' || item.Effect === 'Deny' ? item.Effect : undefined;
    statements.push({ index, raw: item, effect });
  }
  return { state: 'parsed', statements };
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/** `"*"`, `{"AWS": "*"}` or `{"AWS": ["*"]}`; a `NotPrincipal` in an Allow also reaches (almost) everyone. */
function reachesEveryone(statement: PolicyStatement): boolean {
  if (statement.raw.NotPrincipal !== undefined) return true;
  const principal = statement.raw.Principal;
  if (principal === '*') return true;
  if (isRecord(principal)) return strings(principal.AWS).includes('*');
  return false;
}

/**
 * Condition keys that pin a grant to known callers or networks, as AWS's own "is this policy
 * public" evaluation (S3 Block Public Access, IAM Access Analyzer) treats them. A wildcard value,
 * an `…IfExists` operator (it passes when the key is missing) or a negated operator does not pin.
 */
const RESTRICTING_CONDITION_KEYS = new Set([
  'aws:sourceip',
  'aws:vpcsourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:principalservicename',
  'aws:userid',
  'aws:username',
  's3:dataaccesspointaccount',
  's3:dataaccesspointarn',
]);

const OPEN_NETWORKS = new Set(['0.0.0.0/0', '::/0']);

function isRestrictingCondition(statement: PolicyStatement): boolean {
  const condition = statement.raw.Condition;
  if (!isRecord(condition)) return false;
  for (const [operator, block] of Object.entries(condition)) {
    const bare = operator.replace(/^For(Any|All)Value:/, '');
    if (bare.endsWith('IfExists') || bare.includes('Not') || !isRecord(block)) continue;
    for (const [key, value] of Object.entries(block)) {
      if (!RESTRICTING_CONDITION_KEYS.has(key.toLowerCase())) continue;
      const values = strings(value);
      if (values.length > 0 && values.every((v) => v !== '*' && !OPEN_NETWORKS.has(v))) return true;
    }
  }
  return false;
}

/** Allow statements that reach anonymous / every principal without a condition pinning the caller. */
export function publicStatements(document: { statements: readonly PolicyStatement[] }): PolicyStatement[] {
  return document.statements.filter(
    (s) => s.effect === 'Allow' && reachesEveryone(s) && !isRestrictingCondition(s),
  );
}

/** Action `*`, or `<service>:*` for one of `services`; `NotAction` in an Allow grants everything else. */
export function allowsAllActions(statement: PolicyStatement, services: readonly string[]): boolean {
  if (statement.raw.NotAction !== undefined) return true;
  return strings(statement.raw.Action).some((action) => {
    const lower = action.toLowerCase();
    return lower === '*' || services.some((service) => lower === `${service}:*`);
  });
}

function coversAllResources(statement: PolicyStatement): boolean {
  return strings(statement.raw.Resource).includes('*');
}

/** Resource policies: every action of the service granted to everyone (unrestricted). */
export function wildcardPublicStatements(
  document: { statements: readonly PolicyStatement[] },
  services: readonly string[],
): PolicyStatement[] {
  return publicStatements(document).filter((s) => allowsAllActions(s, services));
}

/** Identity policies: every action (of all services, or of one of `services`) on every resource. */
export function wildcardIdentityStatements(
  document: { statements: readonly PolicyStatement[] },
  services: readonly string[],
): PolicyStatement[] {
  return document.statements.filter(
    (s) =>
      s.effect === 'Allow' &&
      allowsAllActions(s, services) &&
      (coversAllResources(s) || s.raw.NotResource !== undefined),
  );
}

function conditionValues(statement: PolicyStatement, operators: readonly string[], key: string): string[] {
  const condition = statement.raw.Condition;
  if (!isRecord(condition)) return [];
  const out: string[] = [];
  for (const operator of operators) {
    const block = condition[operator];
    if (!isRecord(block)) continue;
    for (const [name, value] of Object.entries(block)) {
      if (name.toLowerCase() !== key) continue;
      // Condition values may be written as JSON booleans and numbers as well as strings.
      for (const item of Array.isArray(value) ? value : [value])
        if (['string', 'boolean', 'number'].includes(typeof item)) out.push(String(item).toLowerCase());
    }
  }
  return out;
}

/** A Deny of requests made without TLS: `"Bool": {"aws:SecureTransport": "false"}`. */
export function insecureTransportDenials(document: {
  statements: readonly PolicyStatement[];
}): PolicyStatement[] {
  return document.statements.filter(
    (s) =>
      s.effect === 'Deny' &&
      conditionValues(s, ['Bool', 'BoolIfExists'], 'aws:securetransport').includes('false'),
  );
}

/** The TLS version below which a Deny refuses requests (`NumericLessThan` on `s3:TlsVersion`). */
export function deniedBelowTlsVersion(document: {
  statements: readonly PolicyStatement[];
}): { version: string; statement: PolicyStatement } | undefined {
  for (const s of document.statements) {
    if (s.effect !== 'Deny') continue;
    const [version] = conditionValues(s, ['NumericLessThan'], 's3:tlsversion');
    if (version !== undefined && /^\d+(\.\d+)?$/.test(version)) return { version, statement: s };
  }
  return undefined;
}
