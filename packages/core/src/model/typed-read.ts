import type { Evidence } from './evidence.js';
import { isUnknownValue } from './knowable.js';
import type { PropertyRead } from './properties.js';

/** A property read narrowed to one JSON type; a value of another type is unknown, never coerced to a guess. */
export type TypedRead<T> =
  | { readonly state: 'set'; readonly value: T; readonly evidence: Evidence }
  | { readonly state: 'absent'; readonly evidence: Evidence }
  | { readonly state: 'unknown'; readonly reason: string; readonly evidence: Evidence };

function unexpected<T>(read: PropertyRead & { state: 'set' }, expected: string): TypedRead<T> {
  return {
    state: 'unknown',
    reason: `${read.evidence.path} is not a ${expected}: ${JSON.stringify(read.value)}`,
    evidence: read.evidence,
  };
}

/** Booleans; `"true"`/`"false"` strings too, since some tools stringify plan values. */
export function asBoolean(read: PropertyRead): TypedRead<boolean> {
  if (read.state !== 'set') return read;
  if (typeof read.value === 'boolean') return { state: 'set', value: read.value, evidence: read.evidence };
  if (read.value === 'true' || read.value === 'false')
    return { state: 'set', value: read.value === 'true', evidence: read.evidence };
  return unexpected(read, 'boolean');
}

/** Strings; the empty string counts as absent (Terraform shows unset string attributes of existing resources as ""). */
export function asString(read: PropertyRead): TypedRead<string> {
  if (read.state !== 'set') return read;
  if (typeof read.value === 'string') {
    return read.value === ''
      ? { state: 'absent', evidence: read.evidence }
      : { state: 'set', value: read.value, evidence: read.evidence };
  }
  if (typeof read.value === 'number')
    return { state: 'set', value: String(read.value), evidence: read.evidence };
  return unexpected(read, 'string');
}

/** Known, non-empty strings of a list; unknown elements are left out (the caller decides what they mean). */
export function knownStrings(value: unknown): string[] {
  if (!Array.isArray(value)) return typeof value === 'string' && value !== '' ? [value] : [];
  return value.filter(
    (item): item is string => typeof item === 'string' && item !== '' && !isUnknownValue(item),
  );
}
