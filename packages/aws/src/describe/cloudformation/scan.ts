import type { RawResource } from '@eugate/core';
import { isUnknownValue } from '@eugate/core';

/**
 * All CloudFormation resources of one describe call, indexed so a describer can find the companions
 * of a resource (a bucket's `AWS::S3::BucketPolicy`) and what a property references.
 */
export interface Scan {
  readonly resources: readonly RawResource[];
  get(address: string): RawResource | undefined;
  ofType(...types: string[]): readonly RawResource[];
  /** Addresses in the input that `raw.references[property]` names, optionally only of `types`. */
  referenced(raw: RawResource, property: string, types?: readonly string[]): string[];
  /**
   * The one resource of `types` that `raw`'s `property` designates: by reference, else by the
   * property's value equalling one of the target's `nameProperties` (a literal `BucketName`).
   */
  targetOf(
    raw: RawResource,
    property: string,
    types: readonly string[],
    nameProperties: readonly string[],
  ): RawResource | undefined;
  /** Like `targetOf`, for a property holding a list (`Queues`, `Topics`): every designated resource. */
  targetsOf(
    raw: RawResource,
    property: string,
    types: readonly string[],
    nameProperties: readonly string[],
  ): RawResource[];
  /** Resources of `companionType` whose `property` designates `target`. */
  companionsOf(
    target: RawResource,
    companionType: string,
    property: string,
    nameProperties: readonly string[],
  ): RawResource[];
}

export function createScan(resources: readonly RawResource[]): Scan {
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  const byType = new Map<string, RawResource[]>();
  for (const r of resources) {
    const list = byType.get(r.type);
    if (list === undefined) byType.set(r.type, [r]);
    else list.push(r);
  }
  const companionIndexes = new Map<string, Map<string, RawResource[]>>();

  function named(types: readonly string[], nameProperties: readonly string[], value: unknown): RawResource[] {
    if (typeof value !== 'string' || value === '') return [];
    return scan
      .ofType(...types)
      .filter((target) => nameProperties.some((name) => target.properties[name] === value));
  }

  const scan: Scan = {
    resources,
    get: (address) => byAddress.get(address),
    ofType: (...types) => types.flatMap((t) => byType.get(t) ?? []),
    referenced(raw, property, types) {
      const out = new Set<string>();
      for (const address of raw.references?.[property] ?? []) {
        const target = byAddress.get(address);
        if (
          target !== undefined &&
          address !== raw.address &&
          (types === undefined || types.includes(target.type))
        )
          out.add(address);
      }
      return [...out].sort();
    },
    targetOf(raw, property, types, nameProperties) {
      const found = scan.targetsOf(raw, property, types, nameProperties);
      return found.length === 1 ? found[0] : undefined;
    },
    targetsOf(raw, property, types, nameProperties) {
      const referenced = scan.referenced(raw, property, types);
      const out = new Map(referenced.map((a) => [a, byAddress.get(a) as RawResource]));
      const value = raw.properties[property];
      const values = Array.isArray(value) ? value : [value];
      for (const item of values) {
        if (isUnknownValue(item)) continue;
        const matches = named(types, nameProperties, item);
        if (matches.length === 1 && matches[0] !== undefined) out.set(matches[0].address, matches[0]);
      }
      return [...out.values()];
    },
    companionsOf(target, companionType, property, nameProperties) {
      const key = `${companionType}|${property}|${target.type}|${nameProperties.join(',')}`;
      let index = companionIndexes.get(key);
      if (index === undefined) {
        index = new Map();
        for (const companion of scan.ofType(companionType))
          for (const designated of scan.targetsOf(companion, property, [target.type], nameProperties)) {
            const list = index.get(designated.address);
            if (list === undefined) index.set(designated.address, [companion]);
            else list.push(companion);
          }
        companionIndexes.set(key, index);
      }
      return [...(index.get(target.address) ?? [])];
    },
  };
  return scan;
}

/**
 * Addresses in the input that the value at exactly `path` references, when the references say so
 * (`references["DistributionConfig.Origins[0].DomainName"]`); undefined when only the top-level
 * property's references are known.
 */
export function referencedAt(
  scan: Scan,
  raw: RawResource,
  path: string,
  accept: (target: RawResource) => boolean = () => true,
): string[] | undefined {
  const listed = raw.references?.[path];
  if (listed === undefined || path === path.split(/[.[]/)[0]) return undefined;
  return [...new Set(listed)].filter((address) => {
    const target = scan.get(address);
    return target !== undefined && address !== raw.address && accept(target);
  });
}
