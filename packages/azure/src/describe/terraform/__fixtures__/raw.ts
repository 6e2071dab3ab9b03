import {
  type DescribeResult,
  type Fact,
  type RawResource,
  type Resource,
  SCHEMA,
  typeOfAddress,
  UnknownValue,
  unknownFact,
} from '@eugate/core';
import { terraformAzurermDescriber } from '../index.js';

/** A value a plan shows as "known after apply". */
export const AFTER_APPLY = new UnknownValue('known after apply');

/** A raw resource shaped like a plan's `change.after`, as the Terraform plan reader hands it on. */
export function raw(
  address: string,
  properties: Record<string, unknown>,
  references: Record<string, string[]> = {},
): RawResource {
  return {
    address,
    type: typeOfAddress(address)?.replace(/^data\./, '') ?? address,
    schema: SCHEMA.terraformAzurerm,
    properties,
    references,
    region: unknownFact('azurerm resources carry their own location'),
    source: { file: 'plan.json' },
  };
}

export function describeAll(...resources: RawResource[]): DescribeResult {
  return terraformAzurermDescriber.describe(resources);
}

export function resourceOf(result: DescribeResult, address: string): Resource {
  const found = result.resources.find((r) => r.address === address);
  if (found === undefined) throw new Error(`${address} was not described`);
  return found;
}

/** A fact as one comparable value: its value, or `unknown: <reason>`. */
export function factValue(fact: Fact<unknown> | undefined): unknown {
  if (fact === undefined) return undefined;
  return fact.known ? fact.value : `unknown: ${fact.reason}`;
}

/** Flows as `kind → region/address/identifier` strings, for compact expectations. */
export function flowTargets(resource: Resource): string[] {
  return resource.flows.map((flow) => {
    const end = flow.kind === 'edge-delivery' || flow.to.self === true ? flow.from : flow.to;
    if (end.self === true) return `${flow.kind} self`;
    const region = end.region === undefined ? '' : ` @${factValue(end.region)}`;
    return `${flow.kind} ${end.address ?? end.identifier ?? '?'}${region}`.replace(/ \?( @)/, '$1');
  });
}

export const RG = raw('azurerm_resource_group.rg', { name: 'rg', location: 'West Europe', id: AFTER_APPLY });
