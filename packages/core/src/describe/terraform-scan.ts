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
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  const byType = new Map<string, RawResource[]>();
  // `aws_s3_bucket.b` → its instances `aws_s3_bucket.b[0]`, `aws_s3_bucket.b["x"]`.
  const byBaseAddress = new Map<string, string[]>();
  for (const r of resources) {
    pushTo(byType, r.type, r);
    pushTo(byBaseAddress, r.address.replace(/\[[^\]]*\]$/, ''), r.address);
  }
  // Every lookup below is memoised: describers ask the same questions for each of thousands of
  // resources, and a linear search per question makes a large plan quadratic.
  const resolved = new Map<string, string[]>();
  const nameIndexes = new Map<string, Map<unknown, RawResource[]>>();
  const companionIndexes = new Map<string, Map<string, RawResource[]>>();

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
    const instances = byBaseAddress.get(reference.replace(/\[[^\]]*\]$/, '')) ?? [];
    return instances.length === 1 && instances[0] !== undefined ? [instances[0]] : [];
  }

  function nameIndex(types: readonly string[], attribute: string): Map<unknown, RawResource[]> {
    const key = `${types.join(',')}|${attribute}`;
    let index = nameIndexes.get(key);
    if (index === undefined) {
      index = new Map();
      for (const target of scan.ofType(...types)) pushTo(index, target.properties[attribute], target);
      nameIndexes.set(key, index);
    }
    return index;
  }

  const scan: Scan = {
    resources,
    get: (address) => byAddress.get(address),
    ofType: (...types) =>
      types.length === 1 ? (byType.get(types[0] as string) ?? []) : types.flatMap((t) => byType.get(t) ?? []),
    referenced(raw, argument, types) {
      const out = new Set<string>();
      for (const reference of raw.references?.[argument] ?? []) {
        for (const address of resolve(reference)) {
          const target = byAddress.get(address);
          if (address !== raw.address && (types === undefined || (target && types.includes(target.type))))
            out.add(address);
        }
      }
      return [...out].sort();
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
      const named = new Set(nameAttributes.flatMap((attribute) => scan.named(types, attribute, value)));
      return named.size === 1 ? [...named][0] : undefined;
    },
    companionsOf(target, companionType, argument, nameAttributes) {
      const key = `${companionType}|${argument}|${target.type}|${nameAttributes.join(',')}`;
      let index = companionIndexes.get(key);
      if (index === undefined) {
        index = new Map();
        for (const companion of scan.ofType(companionType)) {
          const designated = scan.targetOf(companion, argument, [target.type], nameAttributes);
          if (designated !== undefined) pushTo(index, designated.address, companion);
        }
        companionIndexes.set(key, index);
      }
      return [...(index.get(target.address) ?? [])];
    },
  };
  return scan;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
