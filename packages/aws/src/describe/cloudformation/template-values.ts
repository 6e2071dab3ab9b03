import {
  asString,
  type Evidence,
  evidence,
  isUnknownValue,
  type PropertyRead,
  type RawResource,
  readProperty,
  UnknownValue,
} from '@eugate/core';

/**
 * A CloudFormation intrinsic left in place (`{"Ref": …}`, `{"Fn::GetAtt": …}`, `{"Fn::If": …}`): a
 * reader that could not resolve it should have put an `UnknownValue` there, but templates handed in
 * as they are still carry them. Its value is not known before deployment.
 */
export function isIntrinsic(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || (keys[0] as string).startsWith('Fn::'));
}

/** Logical ids an intrinsic names: `Ref`, `Fn::GetAtt` (list or `Id.Attr`) and `${Id}` / `${Id.Attr}` in `Fn::Sub`. */
function referencedIds(value: unknown, out: Set<string>): void {
  if (isUnknownValue(value) || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) referencedIds(item, out);
    return;
  }
  const record = value as Record<string, unknown>;
  if (isIntrinsic(record)) {
    const ref = record.Ref;
    if (typeof ref === 'string' && !ref.startsWith('AWS::')) out.add(ref);
    const getAtt = record['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') out.add(getAtt[0]);
    if (typeof getAtt === 'string') out.add(getAtt.split('.')[0] as string);
    const sub = record['Fn::Sub'];
    const template = Array.isArray(sub) ? sub[0] : sub;
    if (typeof template === 'string')
      for (const match of template.matchAll(/\$\{([^!}.][^}.]*)(?:\.[^}]*)?\}/g))
        if (!(match[1] as string).startsWith('AWS::')) out.add(match[1] as string);
  }
  for (const item of Object.values(record)) referencedIds(item, out);
}

function describeIntrinsic(value: Record<string, unknown>): string {
  const [name] = Object.keys(value) as [string];
  const argument = value[name];
  if (name === 'Ref' && typeof argument === 'string') return `Ref ${argument}`;
  if (name === 'Fn::GetAtt' && Array.isArray(argument)) return `Fn::GetAtt ${argument.join('.')}`;
  if (name === 'Fn::GetAtt' && typeof argument === 'string') return `Fn::GetAtt ${argument}`;
  return name;
}

/**
 * Intrinsics below `value` replaced by `UnknownValue`s, so every read treats them as unknown; the
 * logical ids each one names are recorded under its property path (`DistributionConfig.Origins[0].DomainName`).
 */
function withoutIntrinsics(value: unknown, path: string, found: Map<string, Set<string>>): unknown {
  if (isUnknownValue(value) || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, i) => withoutIntrinsics(item, `${path}[${i}]`, found));
  if (isIntrinsic(value)) {
    const ids = new Set<string>();
    referencedIds(value, ids);
    found.set(path, ids);
    return new UnknownValue(`${describeIntrinsic(value)} is resolved only at deployment`);
  }
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, withoutIntrinsics(v, path === '' ? k : `${path}.${k}`, found)]),
  );
}

/**
 * A raw resource as the describers read it: intrinsics left in its properties become unknown, and
 * the logical ids they name are added to `references` (addresses in the same stack:
 * `<stack>/<LogicalId>`, or `<LogicalId>`), under the top-level property when the reader gave
 * none for it, and under the exact property path (see `referencedAt`).
 */
export function normaliseResource(raw: RawResource): RawResource {
  const slash = raw.address.lastIndexOf('/');
  const prefix = slash < 0 ? '' : raw.address.slice(0, slash + 1);
  const found = new Map<string, Set<string>>();
  const properties = withoutIntrinsics(raw.properties, '', found) as Record<string, unknown>;
  if (found.size === 0) return raw;
  const references: Record<string, readonly string[]> = { ...(raw.references ?? {}) };
  const byProperty = new Map<string, Set<string>>();
  for (const [path, ids] of found) {
    if (ids.size === 0) continue;
    const property = propertyOf(path);
    const all = byProperty.get(property) ?? new Set<string>();
    for (const id of ids) all.add(id);
    byProperty.set(property, all);
    references[path] ??= [...ids].sort().map((id) => `${prefix}${id}`);
  }
  for (const [property, ids] of byProperty)
    if (raw.references?.[property] === undefined)
      references[property] = [...ids].sort().map((id) => `${prefix}${id}`);
  return { ...raw, properties, references };
}

/** The top-level property of a path: `BucketEncryption.ServerSideEncryptionConfiguration[0]` → `BucketEncryption`. */
export function propertyOf(path: string): string {
  return path.split(/[.[]/)[0] ?? path;
}

export function read(raw: RawResource, path: string, from?: string): PropertyRead {
  return readProperty(raw.properties, path, from);
}

/** A known, non-empty string property, for identifiers. */
export function knownString(raw: RawResource, path: string): string | undefined {
  const value = asString(read(raw, path));
  return value.state === 'set' ? value.value : undefined;
}

/** The number of elements of a list property (0 when absent or unknown). */
export function listLength(raw: RawResource, path: string): number {
  const value = read(raw, path);
  return value.state === 'set' && Array.isArray(value.value) ? value.value.length : 0;
}

export function notSet(path: string, why: string, from?: string): Evidence {
  return evidence(path, `(not set) — ${why}`, from);
}
