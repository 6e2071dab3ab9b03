import { type DescribeResult, type RawResource, type Resource, SCHEMA, unknownFact } from '@eugate/core';
import { armDescriber } from '../index.js';

/**
 * A raw ARM resource as the template reader hands it on: `properties` is the resource object of
 * the template (`{ name, location, sku, properties: {...} }`), the address its name path.
 */
export function arm(type: string, name: string, body: Record<string, unknown> = {}): RawResource {
  return {
    address: name,
    type,
    schema: SCHEMA.arm,
    properties: { name, ...body },
    region: unknownFact('the resource group location is not given'),
    source: { file: 'azuredeploy.json' },
  };
}

export function describeArm(...resources: RawResource[]): DescribeResult {
  return armDescriber.describe(resources);
}

export function armResource(result: DescribeResult, address: string): Resource {
  const found = result.resources.find((r) => r.address === address);
  if (found === undefined) throw new Error(`${address} was not described`);
  return found;
}
