/**
 * Safe access to parsed JSON: only own properties are read, so a `__proto__` key in the input is
 * data, never a prototype. (Each adapter keeps this tiny helper; adapters do not import each other.)
 */

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The own property `key` of `value`, or `undefined`; never an inherited one. */
export function own(value: unknown, key: string): unknown {
  return isJsonObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

export function ownString(value: unknown, key: string): string | undefined {
  const found = own(value, key);
  return typeof found === 'string' ? found : undefined;
}

export function ownObject(value: unknown, key: string): JsonObject | undefined {
  const found = own(value, key);
  return isJsonObject(found) ? found : undefined;
}

/** Sets an own, enumerable property even when `key` is `__proto__`. */
export function defineOwn(target: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
