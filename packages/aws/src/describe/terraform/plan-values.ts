import type { Scan } from '@eugate/core';
import {
  asString,
  type Evidence,
  evidence,
  type PropertyRead,
  type RawResource,
  readProperty,
} from '@eugate/core';

// Describers ask about the same few hundred paths for every resource: each is parsed once.
const argumentsOfPaths = new Map<string, string>();

/** The top-level argument of a property path: `rule[0].destination[0].bucket` → `rule`. */
export function argumentOf(path: string): string {
  let argument = argumentsOfPaths.get(path);
  if (argument === undefined) {
    argument = path.split(/[.[]/)[0] ?? path;
    if (argumentsOfPaths.size < 1000) argumentsOfPaths.set(path, argument);
  }
  return argument;
}

function hasReferences(raw: RawResource, argument: string): boolean {
  return (raw.references?.[argument]?.length ?? 0) > 0;
}

/**
 * Reads an Optional+Computed argument. A plan shows such an argument as "known after apply" both
 * when the configuration leaves it unset (AWS fills in its default) and when it is set from another
 * resource's attribute. The reader records every reference of the configuration, so an unknown
 * value with no reference is the unset case and reads as absent (the service default applies).
 * Without reference information (`references` missing) it stays unknown.
 */
export function readConfigured(raw: RawResource, path: string, from?: string): PropertyRead {
  const read = readProperty(raw.properties, path, from);
  if (read.state !== 'unknown' || raw.references === undefined || hasReferences(raw, argumentOf(path)))
    return read;
  return { state: 'absent', evidence: evidence(path, '(not set; computed by AWS at apply)', from) };
}

/** A nested block as a list of objects; an unknown (unset, computed) block counts as no blocks (see readConfigured). */
export function readBlocks(
  raw: RawResource,
  path: string,
):
  | { readonly state: 'set'; readonly blocks: readonly unknown[]; readonly evidence: Evidence }
  | { readonly state: 'absent'; readonly evidence: Evidence }
  | { readonly state: 'unknown'; readonly reason: string; readonly evidence: Evidence } {
  const read = readConfigured(raw, path);
  if (read.state !== 'set') return read;
  const blocks = Array.isArray(read.value) ? read.value : [read.value];
  return blocks.length === 0
    ? { state: 'absent', evidence: evidence(path, []) }
    : { state: 'set', blocks, evidence: read.evidence };
}

const KMS_KEY_TYPES = [
  'aws_kms_key',
  'aws_kms_replica_key',
  'aws_kms_external_key',
  'aws_kms_replica_external_key',
];

/** Evidence that `argument` is configured from a KMS key resource in the input (a customer-managed key). */
export function kmsKeyReference(
  raw: RawResource,
  scan: Scan,
  argument: string,
  from?: string,
): Evidence | undefined {
  const keys = scan.referenced(raw, argument, KMS_KEY_TYPES);
  return keys.length > 0 ? evidence(`references.${argument}`, keys, from) : undefined;
}

const plainKeys = new Map<string, boolean>();

/** A known, non-empty string property, for identifiers. */
export function knownString(raw: RawResource, path: string): string | undefined {
  if (isPlainKey(path)) {
    // A top-level property, read as `asString(readProperty(…))` would without building evidence:
    // describers read several identifiers of every resource this way.
    const value = Object.hasOwn(raw.properties, path) ? raw.properties[path] : undefined;
    if (typeof value === 'string') return value === '' ? undefined : value;
    return typeof value === 'number' ? String(value) : undefined;
  }
  const read = asString(readProperty(raw.properties, path));
  return read.state === 'set' ? read.value : undefined;
}

/** A path that is one property name (`bucket`), not `a.b` or `a[0]`. */
function isPlainKey(path: string): boolean {
  let plain = plainKeys.get(path);
  if (plain === undefined) {
    plain = /^[^.[\]]+$/.test(path);
    if (plainKeys.size < 1000) plainKeys.set(path, plain);
  }
  return plain;
}
