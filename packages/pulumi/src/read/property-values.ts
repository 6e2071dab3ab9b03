import { UnknownValue } from '@eugate/core';
import { defineOwn, isJsonObject, type JsonObject } from './json-value.js';

/**
 * Pulumi's encodings inside resource inputs and outputs (`pulumi preview --json`, `pulumi stack
 * export`, the language runtime): values unknown until the update runs, secrets, assets and
 * resource references are objects or strings carrying fixed signatures.
 */

/** `computedValuePlaceholder` of the state serializer and the typed `Unknown*Value` sentinels of the RPC layer. */
const UNKNOWN_SENTINELS: ReadonlyMap<string, string> = new Map([
  ['04da6b54-80a4-46f7-9f9e-8d4b4b2c5b5f', 'computed'],
  ['04da6b54-80e4-46f7-96ec-b56ff0331ba9', 'string'],
  ['1c4a061d-8072-4f0a-a4cb-0ff528b18fe7', 'bool'],
  ['3eeb2bf0-c639-47a8-9e75-3b44932eb421', 'number'],
  ['6a19a0b0-7e62-4c92-b797-7f8e31da9cc2', 'array'],
  ['dd056dcd-154b-4c76-9bd3-c8f88648b5ff', 'object'],
  ['030794c1-ac77-496b-92df-f27374a8bd58', 'asset'],
  ['e48ece36-62e2-4504-bad9-02848725956a', 'archive'],
]);

export const SIG_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';
const ASSET_SIG = 'c44067f5952c0a294b673a41bacd8c17';
const ARCHIVE_SIG = '0def7320c3a5731c473e5ecbe6d01bc7';
const RESOURCE_SIG = '5cf8f73096256a8f31e491e813e4eb8e';
const OUTPUT_VALUE_SIG = 'd0e6a833031e9bbcd3f4e8bde6ca49a4';

/** Keys the Pulumi engine and the Terraform bridge add to resource state: bookkeeping, not configuration. */
const BOOKKEEPING_KEYS = new Set(['__defaults', '__meta', '__internal']);

export function isUnknownSentinel(value: unknown): boolean {
  return typeof value === 'string' && UNKNOWN_SENTINELS.has(value);
}

export const UNKNOWN_AT_PREVIEW = 'known only after the update (a Pulumi output)';

/**
 * Decodes a Pulumi property value into plain JSON with `UnknownValue` where the value is not known:
 * unknown sentinels, encrypted secrets and unknown output values. Plain-text secrets (a preview with
 * `--show-secrets`, the in-process runner) keep their value. Assets and archives become a short
 * description; resource references become their URN.
 */
export function decodePropertyValue(value: unknown): unknown {
  if (typeof value === 'string') {
    return UNKNOWN_SENTINELS.has(value) ? new UnknownValue(UNKNOWN_AT_PREVIEW) : value;
  }
  if (Array.isArray(value)) return value.map(decodePropertyValue);
  if (!isJsonObject(value)) return value;
  const signature = Object.hasOwn(value, SIG_KEY) ? value[SIG_KEY] : undefined;
  switch (signature) {
    case undefined:
      break;
    case SECRET_SIG:
      // `value`: the language runtime's plain value; `plaintext`: JSON text in an export made with --show-secrets.
      if (Object.hasOwn(value, 'value')) return decodePropertyValue(value.value);
      if (Object.hasOwn(value, 'plaintext')) return decodeSecretPlaintext(value.plaintext);
      return new UnknownValue('a secret, encrypted in the artifact');
    case ASSET_SIG:
      return '(asset)';
    case ARCHIVE_SIG:
      return '(archive)';
    case RESOURCE_SIG:
      return typeof value.urn === 'string' ? value.urn : new UnknownValue('a resource reference');
    case OUTPUT_VALUE_SIG:
      return Object.hasOwn(value, 'value')
        ? decodePropertyValue(value.value)
        : new UnknownValue(UNKNOWN_AT_PREVIEW);
    default:
      return new UnknownValue(`an encoded Pulumi value of unrecognised kind ${JSON.stringify(signature)}`);
  }
  return decodeObject(value);
}

/** A resource's inputs or outputs: decoded, without the engine's bookkeeping keys. */
export function decodeProperties(value: unknown): JsonObject {
  if (!isJsonObject(value)) return {};
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    if (!BOOKKEEPING_KEYS.has(key)) defineOwn(out, key, decodePropertyValue(item));
  }
  return out;
}

function decodeObject(value: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) defineOwn(out, key, decodePropertyValue(item));
  return out;
}

/** A secret's plain text is stored JSON-encoded in state files. */
function decodeSecretPlaintext(plaintext: unknown): unknown {
  if (typeof plaintext !== 'string') return decodePropertyValue(plaintext);
  try {
    return decodePropertyValue(JSON.parse(plaintext));
  } catch {
    return plaintext;
  }
}
