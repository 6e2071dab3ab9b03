import {
  type DescribeResult,
  evidence,
  type Fact,
  knownFact,
  type RawResource,
  type Resource,
  SCHEMA,
  typeOfAddress,
  UnknownValue,
  unknownFact,
} from '@eugate/core';
import { terraformAwsDescriber } from '../index.js';

/** A value a plan shows as "known after apply". */
export const AFTER_APPLY = new UnknownValue('known after apply');

/** A raw resource shaped like a plan's `change.after`; the type comes from the address. */
export function raw(
  address: string,
  properties: Record<string, unknown>,
  options: { references?: Record<string, string[]>; region?: string | null } = {},
): RawResource {
  const region = options.region === undefined ? 'eu-central-1' : options.region;
  return {
    address,
    type: typeOfAddress(address) ?? address,
    schema: SCHEMA.terraformAws,
    properties,
    references: options.references ?? {},
    region:
      region === null
        ? unknownFact('the provider configuration sets no region')
        : knownFact(region, evidence('provider_config.aws.expressions.region', region)),
    source: { file: 'plan.json' },
  };
}

export function describeAll(...resources: RawResource[]): DescribeResult {
  return terraformAwsDescriber.describe(resources);
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
