import { knownFact, unknownFact } from '../../model/evidence.js';
import { known, unknown } from '../../model/knowable.js';
import type { Flow, FlowEnd, FlowKind, Resource } from '../../model/resource.js';

/** A described resource for tests: an AWS S3 bucket in eu-west-1 unless told otherwise. */
export function resource(address: string, overrides: Partial<Resource> = {}): Resource {
  return {
    address,
    type: 'aws_s3_bucket',
    cloud: 'aws',
    schema: 'terraform-aws',
    kind: 'object-storage',
    source: { file: 'plan.json' },
    storesData: true,
    region: knownFact('eu-west-1', { path: 'provider_config.aws.expressions.region', value: 'eu-west-1' }),
    tags: known({}),
    identifiers: [],
    facts: {},
    flows: [],
    ...overrides,
  };
}

export function inRegion(region: string): Resource['region'] {
  return knownFact(region, { path: 'region', value: region });
}

export const REGION_UNKNOWN: Resource['region'] = unknownFact('known only after apply');

export function tags(values: Record<string, string>): Resource['tags'] {
  return known(values);
}

export const TAGS_UNKNOWN: Resource['tags'] = unknown('tags are known only after apply');

export function flow(kind: FlowKind, to: FlowEnd, from: FlowEnd = { self: true }): Flow {
  return { kind, from, to, evidence: [{ path: `${kind}.target`, value: 'x' }] };
}
