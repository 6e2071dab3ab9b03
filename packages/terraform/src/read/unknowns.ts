import { UnknownValue } from '@eugate/core';
import { defineOwn, isJsonObject, type JsonObject } from './json-value.js';

/** One shared marker: it is immutable, and 50k resources need not allocate one each. */
export const KNOWN_AFTER_APPLY = new UnknownValue('known only after apply');

/**
 * Puts `KNOWN_AFTER_APPLY` into `value` at every path where Terraform's `after_unknown` mask is `true`.
 * `after` omits (or nulls) what is unknown, so without this a describer would read "not set" where
 * the truth is "not known yet" — the difference between a pass and an unknown.
 *
 * `value` is changed in place and returned: the parsed plan belongs to the reader, and copying every
 * resource's values would cost as much as parsing them. Containers are created only where the mask
 * has a `true` below them. Keys come from the input, so reads and writes touch own properties only.
 */
export function applyUnknownMask(value: unknown, mask: unknown): unknown {
  if (mask === true) return KNOWN_AFTER_APPLY;
  if (mask === null || typeof mask !== 'object') return value;
  if (Array.isArray(mask)) return applyToList(value, mask);
  return applyToObject(value, mask as JsonObject);
}

function applyToList(value: unknown, mask: readonly unknown[]): unknown {
  let target = Array.isArray(value) ? (value as unknown[]) : undefined;
  let created = false;
  for (let i = 0; i < mask.length; i++) {
    const itemMask = mask[i];
    if (itemMask !== true && (itemMask === null || typeof itemMask !== 'object')) continue;
    const current = target !== undefined && i < target.length ? target[i] : undefined;
    const merged = applyUnknownMask(current, itemMask);
    if (merged === current) continue;
    if (target === undefined) {
      target = [];
      created = true;
    }
    target[i] = merged;
  }
  if (created && target !== undefined) {
    for (let i = 0; i < target.length; i++) if (!(i in target)) target[i] = null;
  }
  return target ?? value;
}

function applyToObject(value: unknown, mask: JsonObject): unknown {
  let target = isJsonObject(value) ? value : undefined;
  for (const key of Object.keys(mask)) {
    const keyMask = mask[key];
    if (keyMask !== true && (keyMask === null || typeof keyMask !== 'object')) continue;
    const current = target !== undefined && Object.hasOwn(target, key) ? target[key] : undefined;
    const merged = applyUnknownMask(current, keyMask);
    if (merged === current) continue;
    if (target === undefined) target = {};
    defineOwn(target, key, merged);
  }
  return target ?? value;
}
