/**
 * Safe access to parsed templates: a key taken from the input only ever reads or writes an own
 * property, so `"__proto__"` in a template is data, never the object's prototype.
 */

import { isUnknownValue } from '@eugate/core';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isUnknownValue(value);
}

/** The own property `key` of `value`, or `undefined`. */
export function own(value: unknown, key: string): unknown {
  return isJsonObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** The own property of `value` whose name equals `key` ignoring case (ARM names are case-insensitive). */
export function ownIgnoringCase(value: unknown, key: string): { found: boolean; value?: unknown } {
  if (!isJsonObject(value)) return { found: false };
  if (Object.hasOwn(value, key)) return { found: true, value: value[key] };
  const lower = key.toLowerCase();
  for (const name of Object.keys(value))
    if (name.toLowerCase() === lower) return { found: true, value: value[name] };
  return { found: false };
}

export function ownObject(value: unknown, key: string): JsonObject | undefined {
  const found = own(value, key);
  return isJsonObject(found) ? found : undefined;
}

export function ownString(value: unknown, key: string): string | undefined {
  const found = own(value, key);
  return typeof found === 'string' ? found : undefined;
}

/** Sets an own, enumerable property even when `key` is `__proto__`. */
export function defineOwn(target: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
