import { describe, expect, it } from 'vitest';
import type { InventoryEntry, Report } from '../types.js';
import { allowedJurisdictions, groupByJurisdiction } from './residency.js';

function entry(address: string, region: string | null, country: string | null, jurisdiction: string | null) {
  return {
    address,
    type: 'aws_s3_bucket',
    cloud: 'aws',
    kind: 'object-storage',
    region,
    country,
    jurisdiction,
    personalData: { reason: 'declared' },
    encryptionAtRest: null,
    source: { file: 'plan.json' },
  } as InventoryEntry;
}

describe('groupByJurisdiction', () => {
  const groups = groupByJurisdiction([
    entry('z', 'eu-west-1', 'IE', 'EU'),
    entry('a', 'eu-central-1', 'DE', 'EU'),
    entry('b', 'eu-west-1', 'IE', 'EU'),
    entry('us', 'us-east-1', 'US', 'OTHER'),
    entry('pending', null, null, null),
    entry('mars', 'mars-1', null, null),
    entry('newer', 'x-1', 'XX', 'SPACE'),
    entry('oslo', 'eu-north-2', 'NO', 'EEA'),
  ]);

  it('has every jurisdiction in a fixed order, empty ones included', () => {
    expect(groups.map((group) => [group.jurisdiction, group.count])).toEqual([
      ['EU', 3],
      ['EEA', 1],
      ['ADQ', 0],
      ['OTHER', 1],
      ['UNKNOWN', 3],
    ]);
  });

  it('groups by country, sorted, then by region and address', () => {
    const eu = groups[0]!;
    expect(eu.countries.map((country) => [country.country, country.name])).toEqual([
      ['DE', 'Germany'],
      ['IE', 'Ireland'],
    ]);
    expect(eu.countries[1]!.entries.map((e) => e.address)).toEqual(['b', 'z']);
  });

  it('puts unknown regions, uncatalogued regions and unknown jurisdictions under unknown', () => {
    const unknown = groups[4]!;
    expect(
      unknown.countries.map((country) => [country.country, country.entries.map((e) => e.address)]),
    ).toEqual([
      [null, ['pending', 'mars']],
      ['XX', ['newer']],
    ]);
  });
});

describe('allowedJurisdictions', () => {
  const report = (name: string) => ({ profile: { name, description: '' } }) as Report;
  it.each([
    ['eu', ['EU']],
    ['eea', ['EU', 'EEA']],
    ['adequacy', ['EU', 'EEA', 'ADQ']],
    ['eu-strict', ['EU']],
  ])('%s allows %j', (name, jurisdictions) => {
    expect([...allowedJurisdictions(report(name))!]).toEqual(jurisdictions);
  });
  it('is undefined for a profile this version does not know', () => {
    expect(allowedJurisdictions(report('mars'))).toBeUndefined();
  });
});
