import { evidence, type Fact, knownFact, unknownFact } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { normaliseLocation, pairedRegion } from './location.js';

describe('normaliseLocation', () => {
  it.each([
    ['West Europe', 'westeurope'],
    ['westeurope', 'westeurope'],
    ['WestEurope', 'westeurope'],
    ['North Europe', 'northeurope'],
    ['Mars Central', 'marscentral'],
  ])('%s → %s', (location, expected) => {
    expect(normaliseLocation(location)).toBe(expected);
  });
});

describe('pairedRegion', () => {
  const at = (code: string): Fact<string> => knownFact(code, evidence('location', code));
  it.each<[string, Fact<string>, string]>([
    ['westeurope', at('westeurope'), 'northeurope'],
    ['germanywestcentral', at('germanywestcentral'), 'germanynorth'],
    ['eastus', at('eastus'), 'westus'],
    ['unpaired', at('italynorth'), 'unknown: italynorth has no paired region'],
    ['uncatalogued', at('marscentral'), 'unknown: marscentral is not in eugate'],
    ['unknown location', unknownFact('location is known only after apply'), 'unknown: the paired region'],
  ])('%s', (_name, region, expected) => {
    const fact = pairedRegion(region);
    const value = fact.known ? fact.value : `unknown: ${fact.reason}`;
    expect(value.startsWith(expected)).toBe(true);
  });
});
