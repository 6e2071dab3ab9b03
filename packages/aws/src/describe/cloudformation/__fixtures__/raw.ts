import {
  type DescribeResult,
  evidence,
  type Fact,
  type FlowEnd,
  knownFact,
  type RawResource,
  type Resource,
  SCHEMA,
  UnknownValue,
  unknownFact,
} from '@eugate/core';
import { cloudFormationDescriber } from '../index.js';

/** What a reader puts where an intrinsic (`Ref`, `Fn::GetAtt`) could not be resolved. */
export const UNRESOLVED = new UnknownValue('Fn::GetAtt is resolved only at deployment');

/** A raw resource shaped like a template resource's resolved `Properties`. */
export function cfn(
  address: string,
  type: string,
  properties: Record<string, unknown>,
  options: { references?: Record<string, string[]>; region?: string | null } = {},
): RawResource {
  const region = options.region === undefined ? 'eu-central-1' : options.region;
  return {
    address,
    type,
    schema: SCHEMA.cloudformation,
    properties,
    ...(options.references === undefined ? {} : { references: options.references }),
    region:
      region === null
        ? unknownFact('the stack has no environment region')
        : knownFact(region, evidence('stack.environment.region', region)),
    source: { file: 'cdk.out/Stack.template.json', construct: `Stack/${address}` },
  };
}

export function describeAll(...resources: RawResource[]): DescribeResult {
  return cloudFormationDescriber.describe(resources);
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

/** The facts named in `expected`, as comparable values. */
export function factsOf(resource: Resource, expected: Record<string, unknown>): Record<string, unknown> {
  const facts = resource.facts as Record<string, Fact<unknown> | undefined>;
  return Object.fromEntries(Object.keys(expected).map((key) => [key, factValue(facts[key])]));
}

function end(flowEnd: FlowEnd): string {
  if (flowEnd.self === true) return 'self';
  const parts = [
    flowEnd.address,
    flowEnd.identifier,
    flowEnd.region === undefined ? undefined : flowEnd.region.known ? `@${flowEnd.region.value}` : '@?',
  ].filter((p) => p !== undefined);
  return parts.length === 0 ? '?' : parts.join(' ');
}

/** Flows as `kind from -> to`, e.g. `replica self -> @us-east-1`. */
export function flowsOf(resource: Resource): string[] {
  return resource.flows.map((f) => `${f.kind} ${end(f.from)} -> ${end(f.to)}`);
}
