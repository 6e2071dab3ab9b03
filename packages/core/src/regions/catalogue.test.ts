import { describe, expect, it } from 'vitest';
import type { Cloud } from '../model/resource.js';
import { awsPartitionOf, listRegions, lookupRegion, lookupRegionInAnyCloud, regionKey } from './catalogue.js';
import { countriesIn, countryJurisdiction, countryName } from './countries.js';
import type { Jurisdiction, RegionInfo } from './types.js';

describe('lookupRegion', () => {
  it.each<[Cloud, string, string]>([
    ['aws', 'eu-west-1', 'eu-west-1'],
    ['aws', 'EU-West-1', 'eu-west-1'],
    ['aws', ' eu-central-1 ', 'eu-central-1'],
    ['aws', 'eusc-de-east-1', 'eusc-de-east-1'],
    ['azure', 'westeurope', 'westeurope'],
    ['azure', 'West Europe', 'westeurope'],
    ['azure', 'west europe', 'westeurope'],
    ['azure', 'WestEurope', 'westeurope'],
    ['azure', 'WESTEUROPE', 'westeurope'],
    ['azure', 'Germany West Central', 'germanywestcentral'],
    ['azure', 'West US 2', 'westus2'],
    ['azure', 'UAE North', 'uaenorth'],
    ['azure', 'Australia Central 2', 'australiacentral2'],
    ['gcp', 'europe-west4', 'europe-west4'],
    ['gcp', 'EUROPE-WEST4', 'europe-west4'],
    ['gcp', 'eu', 'EU'],
    ['gcp', 'EU', 'EU'],
    ['gcp', 'eur4', 'EUR4'],
    ['gcp', 'nam4', 'NAM4'],
    ['gcp', 'EUR3', 'eur3'],
  ])('%s %j → %s', (cloud, input, code) => {
    expect(lookupRegion(cloud, input)?.code).toBe(code);
  });

  it.each<[Cloud, string]>([
    ['aws', 'xx-foo-9'],
    ['aws', ''],
    ['aws', 'westeurope'],
    ['aws', 'EU'],
    ['aws', 'us-iso-east-1'],
    ['aws', 'eu-west-1a'],
    ['azure', 'eu-west-1'],
    ['azure', 'West-Europe'],
    ['azure', 'germanycentral'],
    ['gcp', 'europe-west99'],
    ['gcp', 'europe-west4-a'],
    ['gcp', 'EUR5'],
    ['gcp', 'westeurope'],
  ])('%s %j is not catalogued', (cloud, input) => {
    expect(lookupRegion(cloud, input)).toBeUndefined();
  });
});

/** Facts marked *(verify)* in shared/reference/regions.md, as settled (sources in aws.ts, azure.ts, gcp.ts). */
describe('verified facts', () => {
  it.each<[Cloud, string, Partial<RegionInfo>]>([
    ['aws', 'eusc-de-east-1', { country: 'DE', jurisdiction: 'EU', partition: 'aws-eusc' }],
    [
      'aws',
      'ap-southeast-6',
      { country: 'NZ', jurisdiction: 'ADQ', partition: 'aws', name: 'Asia Pacific (New Zealand)' },
    ],
    [
      'aws',
      'ap-east-2',
      { country: 'TW', jurisdiction: 'OTHER', partition: 'aws', name: 'Asia Pacific (Taipei)' },
    ],
    ['aws', 'cn-north-1', { country: 'CN', jurisdiction: 'OTHER', partition: 'aws-cn' }],
    ['aws', 'us-gov-west-1', { country: 'US', jurisdiction: 'OTHER', partition: 'aws-us-gov' }],
    ['aws', 'ca-west-1', { country: 'CA', jurisdiction: 'ADQ', partition: 'aws' }],
    ['aws', 'mx-central-1', { country: 'MX', jurisdiction: 'OTHER', partition: 'aws' }],
    ['azure', 'italynorth', { country: 'IT', jurisdiction: 'EU', pairedRegion: undefined }],
    ['azure', 'polandcentral', { country: 'PL', jurisdiction: 'EU', pairedRegion: undefined }],
    ['azure', 'spaincentral', { country: 'ES', jurisdiction: 'EU', pairedRegion: undefined }],
    ['azure', 'austriaeast', { country: 'AT', jurisdiction: 'EU', pairedRegion: undefined }],
    ['azure', 'belgiumcentral', { country: 'BE', jurisdiction: 'EU', pairedRegion: undefined }],
    ['azure', 'denmarkeast', { country: 'DK', jurisdiction: 'EU', pairedRegion: undefined }],
    ['azure', 'israelcentral', { country: 'IL', jurisdiction: 'ADQ', pairedRegion: undefined }],
    ['azure', 'newzealandnorth', { country: 'NZ', jurisdiction: 'ADQ', pairedRegion: undefined }],
    ['azure', 'brazilsouth', { country: 'BR', jurisdiction: 'OTHER', pairedRegion: 'southcentralus' }],
    ['azure', 'westus3', { country: 'US', jurisdiction: 'OTHER', pairedRegion: 'eastus' }],
    ['gcp', 'EU', { country: 'EU', jurisdiction: 'EU' }],
    ['gcp', 'EUR4', { country: 'EU', jurisdiction: 'EU' }],
    ['gcp', 'NAM4', { country: 'US', jurisdiction: 'OTHER' }],
    ['gcp', 'ASIA1', { country: 'JP', jurisdiction: 'ADQ' }],
    ['gcp', 'ASIA', { country: 'ASIA', jurisdiction: 'OTHER' }],
    ['gcp', 'US', { country: 'US', jurisdiction: 'OTHER' }],
    ['gcp', 'me-west1', { country: 'IL', jurisdiction: 'ADQ' }],
    ['gcp', 'europe-west2', { country: 'GB', jurisdiction: 'ADQ' }],
  ])('%s %s', (cloud, code, expected) => {
    const region = lookupRegion(cloud, code);
    expect(region).toBeDefined();
    for (const [field, value] of Object.entries(expected)) {
      expect({ field, value: region?.[field as keyof RegionInfo] }).toEqual({ field, value });
    }
  });
});

describe('listRegions', () => {
  it.each<Cloud>(['aws', 'azure', 'gcp'])('lists only %s, sorted by code with numbers in order', (cloud) => {
    const regions = listRegions(cloud);
    expect(regions.length).toBeGreaterThan(30);
    expect(regions.every((r) => r.cloud === cloud)).toBe(true);
    const codes = regions.map((r) => r.code);
    expect(codes).toEqual([...codes].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
  });

  it('without a cloud lists aws, then azure, then gcp', () => {
    expect(listRegions()).toEqual([...listRegions('aws'), ...listRegions('azure'), ...listRegions('gcp')]);
  });

  it('orders numbered regions numerically', () => {
    const codes = listRegions('gcp').map((r) => r.code);
    expect(codes.indexOf('europe-west9')).toBeLessThan(codes.indexOf('europe-west10'));
  });
});

describe('awsPartitionOf', () => {
  it.each<[string, string | undefined]>([
    ['eu-west-1', 'aws'],
    ['EU-WEST-1', 'aws'],
    ['cn-northwest-1', 'aws-cn'],
    ['us-gov-east-1', 'aws-us-gov'],
    ['eusc-de-east-1', 'aws-eusc'],
    ['xx-foo-9', undefined],
    ['westeurope', undefined],
  ])('%s → %s', (region, partition) => {
    expect(awsPartitionOf(region)).toBe(partition);
  });
});

describe('countryName', () => {
  it.each([
    ['IE', 'Ireland'],
    ['ie', 'Ireland'],
    ['GB', 'United Kingdom'],
    ['KR', 'Republic of Korea'],
    ['US', 'United States'],
    ['XX', 'XX'],
  ])('%s → %s', (code, name) => {
    expect(countryName(code)).toBe(name);
  });

  it('names every country of the catalogue', () => {
    const unnamed = listRegions().filter((r) => countryName(r.country) === r.country);
    expect(unnamed.map((r) => `${r.cloud}:${r.code}:${r.country}`)).toEqual([]);
  });
});

describe('catalogue consistency', () => {
  it.each<[Jurisdiction, string[]]>([
    ['EU', 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' ')],
    ['EEA', ['IS', 'LI', 'NO']],
    ['ADQ', ['AD', 'AR', 'CA', 'CH', 'FO', 'GB', 'GG', 'IL', 'IM', 'JE', 'JP', 'KR', 'NZ', 'UY']],
  ])('the %s countries are exactly the legal list', (jurisdiction, countries) => {
    expect(countriesIn(jurisdiction)).toEqual(countries);
  });

  it("every region's jurisdiction is its country's jurisdiction", () => {
    const wrong = listRegions()
      .filter((r) => countryJurisdiction(r.country) !== r.jurisdiction)
      .map((r) => `${r.cloud}:${r.code} ${r.country} ${r.jurisdiction}`);
    expect(wrong).toEqual([]);
  });

  it('one country has one jurisdiction across the whole catalogue', () => {
    const seen = new Map<string, Set<Jurisdiction>>();
    for (const region of listRegions()) {
      seen.set(region.country, (seen.get(region.country) ?? new Set()).add(region.jurisdiction));
    }
    const conflicting = [...seen].filter(([, set]) => set.size > 1).map(([c]) => c);
    expect(conflicting).toEqual([]);
  });

  it('a region code belongs to one cloud only, so configuration can name it without its cloud', () => {
    const ambiguous = listRegions()
      .filter((r) => lookupRegionInAnyCloud(r.code).length !== 1)
      .map((r) => r.code);
    expect(ambiguous).toEqual([]);
  });

  it('every AWS region names its partition', () => {
    expect(listRegions('aws').filter((r) => r.partition === undefined)).toEqual([]);
  });

  it('no AWS region exists in countries the reference lists as without one', () => {
    const countries = new Set(listRegions('aws').map((r) => r.country));
    expect(['NO', 'IS', 'LI', 'AT', 'BE', 'NL', 'PL', 'FI', 'DK'].filter((c) => countries.has(c))).toEqual(
      [],
    );
  });
});

describe('Azure', () => {
  it('every display name folds to its programmatic name', () => {
    const mismatched = listRegions('azure').filter((r) => regionKey('azure', r.name) !== r.code);
    expect(mismatched.map((r) => `${r.name} ≠ ${r.code}`)).toEqual([]);
  });

  it('every paired region is a catalogued Azure region', () => {
    const dangling = listRegions('azure').filter(
      (r) => r.pairedRegion !== undefined && lookupRegion('azure', r.pairedRegion)?.code !== r.pairedRegion,
    );
    expect(dangling.map((r) => `${r.code} → ${r.pairedRegion}`)).toEqual([]);
  });

  it.each([
    ['westeurope', 'northeurope'],
    ['francecentral', 'francesouth'],
    ['germanywestcentral', 'germanynorth'],
    ['swedencentral', 'swedensouth'],
    ['norwayeast', 'norwaywest'],
    ['switzerlandnorth', 'switzerlandwest'],
    ['uksouth', 'ukwest'],
    ['japaneast', 'japanwest'],
    ['koreacentral', 'koreasouth'],
    ['canadacentral', 'canadaeast'],
    ['eastus', 'westus'],
    ['eastus2', 'centralus'],
    ['northcentralus', 'southcentralus'],
    ['westus2', 'westcentralus'],
    ['southafricanorth', 'southafricawest'],
    ['uaenorth', 'uaecentral'],
    ['centralindia', 'southindia'],
    ['eastasia', 'southeastasia'],
    ['australiaeast', 'australiasoutheast'],
  ])('%s and %s are paired with each other', (a, b) => {
    expect([lookupRegion('azure', a)?.pairedRegion, lookupRegion('azure', b)?.pairedRegion]).toEqual([b, a]);
  });

  it('pairs are symmetric except the documented one-way pairs', () => {
    const oneWay = listRegions('azure')
      .filter(
        (r) => r.pairedRegion !== undefined && lookupRegion('azure', r.pairedRegion)?.pairedRegion !== r.code,
      )
      .map((r) => `${r.code} → ${r.pairedRegion}`);
    expect(oneWay).toEqual([
      'brazilsouth → southcentralus',
      'brazilsoutheast → brazilsouth',
      'indiasouthcentral → centralindia',
      'usgovarizona → usgovtexas',
      'westindia → southindia',
      'westus3 → eastus',
    ]);
  });

  it('a region in the EU, the EEA or an adequacy country replicates within its own country', () => {
    const leaving = listRegions('azure').filter((r) => {
      if (r.jurisdiction === 'OTHER' || r.pairedRegion === undefined) return false;
      return (
        lookupRegion('azure', r.pairedRegion)?.country !== r.country &&
        r.code !== 'westeurope' &&
        r.code !== 'northeurope'
      );
    });
    expect(leaving.map((r) => r.code)).toEqual([]);
    // West Europe (NL) and North Europe (IE) pair across a border, but both are EU member states.
    expect(lookupRegion('azure', 'northeurope')?.jurisdiction).toBe(
      lookupRegion('azure', 'westeurope')?.jurisdiction,
    );
  });
});
