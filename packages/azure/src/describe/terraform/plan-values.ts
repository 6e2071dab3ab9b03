import type { Scan } from '@eugate/core';
import {
  asBoolean,
  asString,
  type Evidence,
  evidence,
  type PropertyRead,
  type RawResource,
  readProperty,
  type TypedRead,
} from '@eugate/core';

/** The top-level argument of a property path: `network_rules[0].default_action` → `network_rules`. */
export function argumentOf(path: string): string {
  return path.split(/[.[]/)[0] ?? path;
}

function hasReferences(raw: RawResource, argument: string): boolean {
  return (raw.references?.[argument]?.length ?? 0) > 0;
}

/**
 * Reads an Optional+Computed argument. A plan shows such an argument as "known after apply" both
 * when the configuration leaves it unset (Azure fills in its default) and when it is set from another
 * resource's attribute. The reader records every reference of the configuration, so an unknown
 * value with no reference is the unset case and reads as absent (the service default applies).
 * Without reference information (`references` missing) it stays unknown.
 */
export function readConfigured(raw: RawResource, path: string, from?: string): PropertyRead {
  const read = readProperty(raw.properties, path, from);
  if (read.state !== 'unknown' || raw.references === undefined || hasReferences(raw, argumentOf(path)))
    return read;
  return { state: 'absent', evidence: evidence(path, '(not set; computed by Azure at apply)', from) };
}

/** A nested block's first element as a path prefix, or the read that says why there is none. */
export function readBlock(
  raw: RawResource,
  path: string,
  from?: string,
):
  | { readonly state: 'set'; readonly path: string; readonly evidence: Evidence }
  | Exclude<PropertyRead, { state: 'set' }> {
  const read = readConfigured(raw, path, from);
  if (read.state !== 'set') return read;
  const blocks = Array.isArray(read.value) ? read.value : [read.value];
  if (blocks.length === 0) return { state: 'absent', evidence: evidence(path, [], from) };
  return { state: 'set', path: Array.isArray(read.value) ? `${path}[0]` : path, evidence: read.evidence };
}

/** A boolean argument whose provider versions used two names (`enable_https_traffic_only` → `https_traffic_only_enabled`). */
export function readFlag(raw: RawResource, names: readonly string[], from?: string): TypedRead<boolean> {
  let last: TypedRead<boolean> | undefined;
  for (const name of names) {
    last = asBoolean(readConfigured(raw, name, from));
    if (last.state !== 'absent') return last;
  }
  return last ?? { state: 'absent', evidence: evidence(names.join(' / '), '(not set)', from) };
}

/** A string argument under its current name or an older one. */
export function readText(raw: RawResource, names: readonly string[], from?: string): TypedRead<string> {
  let last: TypedRead<string> | undefined;
  for (const name of names) {
    last = asString(readConfigured(raw, name, from));
    if (last.state !== 'absent') return last;
  }
  return last ?? { state: 'absent', evidence: evidence(names.join(' / '), '(not set)', from) };
}

/**
 * An argument the configuration leaves unset takes the provider's documented default, with evidence
 * saying so: a Terraform JSON configuration or HCL does not write unset arguments (a plan already
 * shows the provider's default). `path` names the current argument when the read tried older names.
 * A value known only after apply stays unknown: it is set, to something not yet known.
 */
export function orDocumentedDefault<T>(
  read: TypedRead<T>,
  value: T,
  path: string = read.evidence.path,
): TypedRead<T> {
  if (read.state !== 'absent') return read;
  return {
    state: 'set',
    value,
    evidence: evidence(path, `(not set) — provider default ${JSON.stringify(value)}`, read.evidence.from),
  };
}

/** A known, non-empty string property, for identifiers. */
export function knownString(raw: RawResource, path: string): string | undefined {
  const read = asString(readProperty(raw.properties, path));
  return read.state === 'set' ? read.value : undefined;
}

const KEY_TYPES = ['azurerm_key_vault_key', 'azurerm_key_vault_managed_hardware_security_module_key'];

/**
 * Who holds the key of an always-encrypted Azure resource: a Key Vault key id (set, or referencing a
 * key in the input) is a customer-managed key. A key id known only after apply that references no
 * key in the input still names a customer key — Azure accepts only Key Vault keys there — so any
 * non-absent value is a customer key. Absent returns undefined for the caller's platform-key default.
 */
export function customerKey(
  raw: RawResource,
  scan: Scan,
  path: string,
  from?: string,
): Evidence[] | undefined {
  const read = asString(readConfigured(raw, path, from));
  if (read.state === 'absent') return undefined;
  const keys = scan.referenced(raw, argumentOf(path), KEY_TYPES);
  return keys.length > 0
    ? [read.evidence, evidence(`references.${argumentOf(path)}`, keys, from)]
    : [read.evidence];
}
