import { type Evidence, evidence, NOT_SET } from './evidence.js';
import { isUnknownValue } from './knowable.js';

/**
 * Reading raw properties by path. Paths use dots and `[n]` indexes, as they appear in evidence:
 * `versioning[0].enabled`, `Properties.BucketEncryption.ServerSideEncryptionConfiguration[0]`.
 */
export type PropertyRead =
  | { readonly state: 'set'; readonly value: unknown; readonly evidence: Evidence }
  | { readonly state: 'absent'; readonly evidence: Evidence }
  | { readonly state: 'unknown'; readonly reason: string; readonly evidence: Evidence };

const SEGMENT = /([^.[\]]+)|\[(\d+)\]/g;

// Describers read the same few hundred paths for every resource of a plan: parse each path once.
const PARSED_PATHS = new Map<string, readonly (string | number)[]>();
const MAX_PARSED_PATHS = 10_000;

function segments(path: string): readonly (string | number)[] {
  const cached = PARSED_PATHS.get(path);
  if (cached !== undefined) return cached;
  const out: (string | number)[] = [];
  for (const match of path.matchAll(SEGMENT)) {
    out.push(match[2] !== undefined ? Number(match[2]) : (match[1] as string));
  }
  if (PARSED_PATHS.size < MAX_PARSED_PATHS) PARSED_PATHS.set(path, out);
  return out;
}

/** Reads `path` below `root`; an `UnknownValue` anywhere on the way makes the read unknown. */
export function readProperty(root: unknown, path: string, from?: string): PropertyRead {
  let current: unknown = root;
  for (const segment of segments(path)) {
    if (isUnknownValue(current)) {
      return { state: 'unknown', reason: current.reason, evidence: evidence(path, current.toJSON(), from) };
    }
    if (current === null || current === undefined || typeof current !== 'object') {
      return { state: 'absent', evidence: evidence(path, NOT_SET, from) };
    }
    current = Object.hasOwn(current, segment)
      ? (current as Record<string | number, unknown>)[segment]
      : undefined;
  }
  if (isUnknownValue(current)) {
    return { state: 'unknown', reason: current.reason, evidence: evidence(path, current.toJSON(), from) };
  }
  if (current === undefined || current === null)
    return { state: 'absent', evidence: evidence(path, NOT_SET, from) };
  return { state: 'set', value: current, evidence: evidence(path, current, from) };
}

/** Terraform encodes nested blocks as lists; CloudFormation as objects or lists. Always a list here. */
export function asList(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** True when `value` or anything below it is an `UnknownValue`. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknownValue(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    if (containsUnknown(item)) return true;
  }
  return false;
}
