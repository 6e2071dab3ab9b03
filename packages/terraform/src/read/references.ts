import { parseInstanceKey, skipInstanceKey } from './addresses.js';
import type { ConfigResource } from './configuration.js';
import { defineOwn, isJsonObject, type JsonObject } from './json-value.js';

/** A reference in the configuration to a managed resource of the same module. */
interface ResourceReference {
  readonly type: string;
  readonly name: string;
  /** The reference up to the resource (and its key), for when no instance is in the input. */
  readonly text: string;
  /** Set when the expression names one instance (`aws_s3_bucket.b["x"]`, `aws_instance.a[0]`). */
  readonly key?: string | number;
}

/** Every managed resource instance the reader keeps, by module instance, type and name. */
export interface InstanceIndex {
  add(
    moduleAddress: string,
    type: string,
    name: string,
    address: string,
    key: string | number | undefined,
  ): void;
  lookup(moduleAddress: string, type: string, name: string): readonly Instance[] | undefined;
}

interface Instance {
  readonly address: string;
  readonly key: string | number | undefined;
}

export function createInstanceIndex(): InstanceIndex {
  // Nested maps instead of one map keyed by a joined string: no key string is built per resource.
  // Type and name come first: a plan has few resource blocks but may have thousands of module
  // instances, and this way their count makes lists longer, not maps more numerous.
  const byType = new Map<string, Map<string, Map<string, Instance[]>>>();
  return {
    add(moduleAddress, type, name, address, key) {
      let byName = byType.get(type);
      if (byName === undefined) {
        byName = new Map();
        byType.set(type, byName);
      }
      let byModule = byName.get(name);
      if (byModule === undefined) {
        byModule = new Map();
        byName.set(name, byModule);
      }
      const list = byModule.get(moduleAddress);
      if (list === undefined) byModule.set(moduleAddress, [{ address, key }]);
      else list.push({ address, key });
    },
    lookup: (moduleAddress, type, name) => byType.get(type)?.get(name)?.get(moduleAddress),
  };
}

/** Identifiers that start references to things other than managed resources. */
const NOT_A_RESOURCE = new Set([
  'var',
  'local',
  'data',
  'module',
  'each',
  'count',
  'path',
  'terraform',
  'self',
  'ephemeral',
]);

/** Shared by every resource whose configuration block references nothing. */
const NO_REFERENCES: Readonly<Record<string, readonly string[]>> = Object.freeze({});

/** The references of one top-level argument, parsed once per configuration block. */
interface ArgumentReferences {
  readonly argument: string;
  readonly resources: readonly ResourceReference[];
  /** References to anything else (`var.x`, `module.m.out`, `data.t.n`, `each.value`), as Terraform wrote them. */
  readonly others: readonly string[];
}

/**
 * Resolves a resource's `expressions.<arg>.references` to the addresses of resource instances in
 * the same module instance. Nested blocks are flattened into their top-level argument
 * (`replication_configuration.rules.destination.bucket` counts for `replication_configuration`).
 *
 * An argument that references something other than a resource of the input keeps that reference
 * as Terraform wrote it, prefixed with the module instance address (`module.a.var.kms_key_id`):
 * describers read an unknown argument without any reference as "not set, AWS computes it", so a
 * configured argument must never come out with an empty list. A resource without a configuration
 * block gets no `references` at all (undefined: not known), one whose block references nothing `{}`.
 */
export function createReferenceResolver(
  instances: InstanceIndex,
): (
  block: ConfigResource | undefined,
  moduleAddress: string,
  address: string,
  key: string | number | undefined,
) => Readonly<Record<string, readonly string[]>> | undefined {
  // Parsing a block's references once serves all of its count/for_each and module instances.
  const parsed = new Map<ConfigResource, readonly ArgumentReferences[]>();

  return (block, moduleAddress, address, key) => {
    if (block === undefined) return undefined;
    if (block.expressions === undefined) return NO_REFERENCES;
    let byArgument = parsed.get(block);
    if (byArgument === undefined) {
      byArgument = parseBlockReferences(block.expressions);
      parsed.set(block, byArgument);
    }
    if (byArgument.length === 0) return NO_REFERENCES;
    const prefix = moduleAddress === '' ? '' : `${moduleAddress}.`;
    const result: JsonObject = {};
    for (let i = 0; i < byArgument.length; i++) {
      const { argument, resources, others } = byArgument[i]!;
      let first: readonly string[] | undefined;
      if (resources.length === 1 && others.length === 0) {
        // The usual argument: one reference to one resource instance, kept without building a set.
        const reference = resources[0]!;
        first = resolveTargets(
          instances.lookup(moduleAddress, reference.type, reference.name),
          reference,
          key,
        );
        if (first.length === 0) {
          defineOwn(result, argument, [`${prefix}${reference.text}`]);
          continue;
        }
        if (first.length === 1) {
          if (first[0] !== address) defineOwn(result, argument, [first[0]]);
          continue;
        }
      }
      const targets = new Set<string>();
      for (const reference of resources) {
        const found =
          first ??
          resolveTargets(instances.lookup(moduleAddress, reference.type, reference.name), reference, key);
        if (found.length === 0) targets.add(`${prefix}${reference.text}`);
        for (const target of found) if (target !== address) targets.add(target);
      }
      for (const other of others) targets.add(`${prefix}${other}`);
      if (targets.size > 0) defineOwn(result, argument, [...targets]);
    }
    return result as Readonly<Record<string, readonly string[]>>;
  };
}

function resolveTargets(
  candidates: readonly Instance[] | undefined,
  reference: ResourceReference,
  referrerKey: string | number | undefined,
): readonly string[] {
  if (candidates === undefined) return [];
  if (reference.key !== undefined) {
    const exact = candidates.find((candidate) => candidate.key === reference.key);
    return exact === undefined ? [] : [exact.address];
  }
  // `aws_s3_bucket.b[count.index]` / `[each.key]` appear as plain `aws_s3_bucket.b`: the instance
  // with the referrer's own key is the likely one when it exists; otherwise all instances.
  if (referrerKey !== undefined) {
    const same = candidates.find((candidate) => candidate.key === referrerKey);
    if (same !== undefined) return [same.address];
  }
  return candidates.map((candidate) => candidate.address);
}

function parseBlockReferences(expressions: JsonObject): readonly ArgumentReferences[] {
  const result: ArgumentReferences[] = [];
  for (const argument of Object.keys(expressions)) {
    const raw: string[] = [];
    collectReferences(expressions[argument], raw);
    if (raw.length === 0) continue;
    const resources: ResourceReference[] = [];
    const others = new Set<string>();
    const seen = new Set<string>();
    for (const text of raw) {
      const reference = parseReference(text);
      if (reference === undefined) {
        others.add(text);
        continue;
      }
      const id = `${reference.type}.${reference.name}[${String(reference.key)}]`;
      if (seen.has(id)) continue;
      seen.add(id);
      resources.push(reference);
    }
    // Terraform lists `a.b[0].id`, `a.b[0]` and `a.b`: the keyed form wins over the bare one.
    const keyed = new Set(resources.filter((r) => r.key !== undefined).map((r) => `${r.type}.${r.name}`));
    result.push({
      argument,
      resources: resources.filter((r) => r.key !== undefined || !keyed.has(`${r.type}.${r.name}`)),
      others: [...others],
    });
  }
  return result;
}

/** Gathers `references` arrays at any depth: an expression, a nested block, or a list of blocks. */
function collectReferences(expression: unknown, out: string[]): void {
  if (Array.isArray(expression)) {
    for (const item of expression) collectReferences(item, out);
    return;
  }
  if (!isJsonObject(expression)) return;
  for (const key of Object.keys(expression)) {
    const value = expression[key];
    if (key === 'references' && Array.isArray(value)) {
      for (const reference of value) if (typeof reference === 'string') out.push(reference);
    } else if (key !== 'constant_value') {
      collectReferences(value, out);
    }
  }
}

const IDENTIFIER = /^[A-Za-z_][\w-]*/;

export function parseReference(text: string): ResourceReference | undefined {
  const type = IDENTIFIER.exec(text)?.[0];
  if (type === undefined || NOT_A_RESOURCE.has(type) || text[type.length] !== '.') return undefined;
  const rest = text.slice(type.length + 1);
  const name = IDENTIFIER.exec(rest)?.[0];
  if (name === undefined) return undefined;
  const open = type.length + 1 + name.length;
  const bare = { type, name, text: text.slice(0, open) };
  if (text[open] !== '[') return bare;
  const close = skipInstanceKey(text, open);
  if (close === -1) return bare;
  const key = parseInstanceKey(text.slice(open + 1, close - 1));
  return key === undefined ? bare : { type, name, text: text.slice(0, close), key };
}
