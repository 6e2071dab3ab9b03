import type { Describer } from '../model/describer.js';
import type { RawResource, SchemaFamily } from '../model/raw.js';
import type { Resource } from '../model/resource.js';

export interface DescribeAllResult {
  readonly resources: Resource[];
  /** Raw resources no describer models, in input order: the report lists them by type. */
  readonly notModelled: RawResource[];
}

/**
 * Hands each schema family's raw resources, all at once, to the describer registered for it;
 * families with no describer are not modelled. Every raw resource must come back described or
 * not modelled — a describer that loses one is a bug, and a silent drop would look like a pass.
 */
export function describeAll(
  raws: readonly RawResource[],
  describers: readonly Describer[],
): DescribeAllResult {
  const registry = new Map<SchemaFamily, Describer>();
  for (const describer of describers) {
    if (registry.has(describer.schema)) {
      throw new Error(`two describers are registered for schema family '${describer.schema}'`);
    }
    registry.set(describer.schema, describer);
  }

  const groups = new Map<SchemaFamily, RawResource[]>();
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    const group = groups.get(raw.schema);
    if (group === undefined) groups.set(raw.schema, [raw]);
    else group.push(raw);
  }

  const resources: Resource[] = [];
  const notModelled: RawResource[] = [];
  for (const [schema, group] of groups) {
    const describer = registry.get(schema);
    if (describer === undefined) {
      notModelled.push(...group);
      continue;
    }
    const result = describer.describe(group);
    assertNothingDropped(schema, group, result.resources, result.notModelled);
    resources.push(...result.resources);
    notModelled.push(...result.notModelled);
  }
  return { resources, notModelled };
}

function assertNothingDropped(
  schema: SchemaFamily,
  group: readonly RawResource[],
  described: readonly Resource[],
  notModelled: readonly RawResource[],
): void {
  if (inInputOrder(group, described, notModelled)) return;
  const accounted = new Set<string>([
    ...described.map((resource) => resource.address),
    ...notModelled.map((raw) => raw.address),
  ]);
  const lost = group.filter((raw) => !accounted.has(raw.address)).map((raw) => raw.address);
  if (lost.length > 0 || described.length + notModelled.length < group.length) {
    throw new Error(
      `the '${schema}' describer lost ${lost.length > 0 ? lost.length : 'some'} of ${group.length} resources` +
        (lost.length > 0 ? ` (${lost.slice(0, 5).join(', ')}${lost.length > 5 ? ', …' : ''})` : '') +
        ': every resource must be described or listed as not modelled',
    );
  }
}

/**
 * The common case, checked without building a set of every address: the describer returned each
 * raw resource once, in input order, either described (same address) or as not modelled (itself).
 */
function inInputOrder(
  group: readonly RawResource[],
  described: readonly Resource[],
  notModelled: readonly RawResource[],
): boolean {
  if (described.length + notModelled.length !== group.length) return false;
  let d = 0;
  let n = 0;
  for (let i = 0; i < group.length; i++) {
    const raw = group[i]!;
    if (d < described.length && described[d]!.address === raw.address) d++;
    else if (n < notModelled.length && notModelled[n] === raw) n++;
    else return false;
  }
  return true;
}
