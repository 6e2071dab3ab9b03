import type { RawResource } from '@eugate/core';

/**
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
  for (const r of resources) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);

  /** A reference such as `aws_s3_bucket.b.id` or `aws_s3_bucket.b[count.index]` → resource addresses in the input. */
  function resolve(reference: string): string[] {
    let candidate = reference;
    for (;;) {
      if (byAddress.has(candidate)) return [candidate];
      const dot = candidate.lastIndexOf('.');
      if (dot <= 0) break;
      candidate = candidate.slice(0, dot);
    }
    // `aws_s3_bucket.b` (or `…b[count.index]`) against instances `aws_s3_bucket.b[0]`: only when unambiguous.
    const base = reference.replace(/\[[^\]]*\]$/, '');
    const instances = resources.filter((r) => r.address.replace(/\[[^\]]*\]$/, '') === base);
    return instances.length === 1 && instances[0] !== undefined ? [instances[0].address] : [];
  }

  const scan: Scan = {
    resources,
    get: (address) => byAddress.get(address),
    ofType: (...types) => types.flatMap((t) => byType.get(t) ?? []),
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
    targetOf(raw, argument, types, nameAttributes) {
      const referenced = scan.referenced(raw, argument, types);
      if (referenced.length === 1 && referenced[0] !== undefined) return byAddress.get(referenced[0]);
      if (referenced.length > 1) return undefined;
      const value = raw.properties[argument];
      if (typeof value !== 'string' || value === '') return undefined;
      const named = scan
        .ofType(...types)
        .filter((target) => nameAttributes.some((attribute) => target.properties[attribute] === value));
      return named.length === 1 ? named[0] : undefined;
    },
    companionsOf(target, companionType, argument, nameAttributes) {
      return scan
        .ofType(companionType)
        .filter((companion) => scan.targetOf(companion, argument, [target.type], nameAttributes) === target);
    },
  };
  return scan;
}
