import type { RawResource } from '../model/raw.js';

/**
 * For describers of Terraform schema families (AWS, azurerm, and the Pulumi providers generated from
 * them), which all address resources the Terraform way.
 *
 * All raw resources of one describe call, indexed so a describer can find the companions of a
 * resource (an S3 bucket's separate encryption configuration) and what an argument references.
 */
export interface Scan {
  readonly resources: readonly RawResource[];
  get(address: string): RawResource | undefined;
  ofType(...types: string[]): readonly RawResource[];
  /** Addresses in the input that `raw.references[argument]` points at, optionally only of `types`. */
  referenced(raw: RawResource, argument: string, types?: readonly string[]): string[];
  /**
   * The one resource of `types` that `raw`'s `argument` designates: by reference, else by the
   * argument's value equalling one of the target's `nameAttributes`. Undefined when none or ambiguous.
   */
  targetOf(
    raw: RawResource,
    argument: string,
    types: readonly string[],
    nameAttributes: readonly string[],
  ): RawResource | undefined;
  /** Resources of `types` whose `attribute` equals `value` (indexed: O(1) per call). */
  named(types: readonly string[], attribute: string, value: unknown): readonly RawResource[];
  /** Resources of `companionType` whose `argument` designates `target` (see `targetOf`). */
  companionsOf(
    target: RawResource,
    companionType: string,
    argument: string,
    nameAttributes: readonly string[],
  ): RawResource[];
}

/** `module.a.aws_s3_bucket.b[0]` → `aws_s3_bucket`; `data.aws_kms_key.k` → `data.aws_kms_key`. */
export function typeOfAddress(address: string): string | undefined {
  const parts = address.replace(/\[[^\]]*\]/g, '').split('.');
  let i = 0;
  while (parts[i] === 'module' && i + 2 < parts.length) i += 2;
  if (parts[i] === 'data') return parts[i + 1] === undefined ? undefined : `data.${parts[i + 1]}`;
  return parts[i];
}

export function createScan(resources: readonly RawResource[]): Scan {
  const byAddress = new Map<string, RawResource>();
  const byType = new Map<string, RawResource[]>();
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    byAddress.set(r.address, r);
    pushTo(byType, r.type, r);
  }
  // `aws_s3_bucket.b` → its instances `aws_s3_bucket.b[0]`, `aws_s3_bucket.b["x"]`. Built on first
  // use: only a reference that names no resource of the input needs it.
  let byBaseAddress: Map<string, string[]> | undefined;
  const instancesOf = (base: string): readonly string[] => {
    if (byBaseAddress === undefined) {
      byBaseAddress = new Map();
      for (const r of resources) pushTo(byBaseAddress, r.address.replace(/\[[^\]]*\]$/, ''), r.address);
    }
    return byBaseAddress.get(base) ?? [];
  };
  // Every lookup below is memoised: describers ask the same questions for each of thousands of
  // resources, and a linear search per question makes a large plan quadratic.
  // Keyed by nested maps rather than joined strings, so that asking builds no key string.
  const resolved = new Map<string, string[]>();
  const nameIndexes = new Map<string, Map<string, Map<unknown, RawResource[]>>>();
  // companion type → argument → target type → name attributes → target address → companions
  const companionIndexes = new Map<
    string,
    Map<string, Map<string, Map<string, Map<string, RawResource[]>>>>
  >();

  /** A reference such as `aws_s3_bucket.b.id` or `aws_s3_bucket.b[count.index]` → resource addresses in the input. */
  function resolve(reference: string): string[] {
    const cached = resolved.get(reference);
    if (cached !== undefined) return cached;
    const result = resolveUncached(reference);
    resolved.set(reference, result);
    return result;
  }

  function resolveUncached(reference: string): string[] {
    let candidate = reference;
    for (;;) {
      if (byAddress.has(candidate)) return [candidate];
      const dot = candidate.lastIndexOf('.');
      if (dot <= 0) break;
      candidate = candidate.slice(0, dot);
    }
    // `aws_s3_bucket.b` (or `…b[count.index]`) against instances `aws_s3_bucket.b[0]`: only when unambiguous.
    const instances = instancesOf(reference.replace(/\[[^\]]*\]$/, ''));
    return instances.length === 1 && instances[0] !== undefined ? [instances[0]] : [];
  }

  function nameIndex(types: readonly string[], attribute: string): Map<unknown, RawResource[]> {
    let byAttribute = nameIndexes.get(listKey(types));
    if (byAttribute === undefined) {
      byAttribute = new Map();
      nameIndexes.set(listKey(types), byAttribute);
    }
    let index = byAttribute.get(attribute);
    if (index === undefined) {
      index = new Map();
      for (const target of scan.ofType(...types)) pushTo(index, target.properties[attribute], target);
      byAttribute.set(attribute, index);
    }
    return index;
  }

  const scan: Scan = {
    resources,
    get: (address) => byAddress.get(address),
    ofType: (...types) =>
      types.length === 1 ? (byType.get(types[0] as string) ?? []) : types.flatMap((t) => byType.get(t) ?? []),
    referenced(raw, argument, types) {
      const references = raw.references?.[argument];
      if (references === undefined || references.length === 0) return [];
      // Usually one reference to one resource: no set, and sorting only when there are several.
      const out: string[] = [];
      for (let i = 0; i < references.length; i++) {
        const addresses = resolve(references[i]!);
        for (let j = 0; j < addresses.length; j++) {
          const address = addresses[j]!;
          if (address === raw.address) continue;
          if (types !== undefined) {
            const target = byAddress.get(address);
            if (target === undefined || !types.includes(target.type)) continue;
          }
          out.push(address);
        }
      }
      if (out.length < 2) return out;
      out.sort();
      return out.filter((address, index) => index === 0 || address !== out[index - 1]);
    },
    named(types, attribute, value) {
      return nameIndex(types, attribute).get(value) ?? [];
    },
    targetOf(raw, argument, types, nameAttributes) {
      const referenced = scan.referenced(raw, argument, types);
      if (referenced.length === 1 && referenced[0] !== undefined) return byAddress.get(referenced[0]);
      if (referenced.length > 1) return undefined;
      const value = raw.properties[argument];
      if (typeof value !== 'string' || value === '') return undefined;
      // The one resource some name attribute designates (found once or by several attributes).
      let found: RawResource | undefined;
      for (const attribute of nameAttributes) {
        for (const target of scan.named(types, attribute, value)) {
          if (found === undefined) found = target;
          else if (found !== target) return undefined;
        }
      }
      return found;
    },
    companionsOf(target, companionType, argument, nameAttributes) {
      const byTargetType = nested(nested(companionIndexes, companionType), argument);
      const byNames = nested(byTargetType, target.type);
      let index = byNames.get(listKey(nameAttributes));
      if (index === undefined) {
        index = new Map();
        const targetTypes = [target.type];
        for (const companion of scan.ofType(companionType)) {
          const designated = scan.targetOf(companion, argument, targetTypes, nameAttributes);
          if (designated !== undefined) pushTo(index, designated.address, companion);
        }
        byNames.set(listKey(nameAttributes), index);
      }
      const found = index.get(target.address);
      return found === undefined ? [] : found.slice();
    },
  };
  return scan;
}

/** The map under `key`, created when missing. */
function nested<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = map.get(key);
  if (inner === undefined) {
    inner = new Map();
    map.set(key, inner);
  }
  return inner;
}

/** A key for a short list of names; a one-element list (the usual case) needs no new string. */
function listKey(names: readonly string[]): string {
  return names.length === 1 ? (names[0] as string) : names.join('\u0000');
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
