import { describe, expect, it } from 'vitest';
import { InputError } from '../model/errors.js';
import type { Cloud } from '../model/resource.js';
import { PROFILE_NAMES, type ResolveProfileOptions, resolveProfile } from './resolve-profile.js';

describe('resolveProfile', () => {
  it('knows the four profiles', () => {
    expect(PROFILE_NAMES).toEqual(['eu', 'eea', 'adequacy', 'eu-strict']);
  });

  it.each<[ResolveProfileOptions, object]>([
    [
      { profile: 'eu' },
      {
        name: 'eu',
        description: 'EU member states',
        jurisdictions: ['EU'],
        requireCustomerManagedKeys: false,
      },
    ],
    [
      { profile: 'eea' },
      {
        name: 'eea',
        description: 'EU/EEA states',
        jurisdictions: ['EU', 'EEA'],
        requireCustomerManagedKeys: false,
      },
    ],
    [
      { profile: 'adequacy' },
      {
        name: 'adequacy',
        description: 'EU/EEA and countries with an EU adequacy decision',
        jurisdictions: ['EU', 'EEA', 'ADQ'],
        requireCustomerManagedKeys: false,
      },
    ],
    [
      { profile: 'eu-strict' },
      {
        name: 'eu-strict',
        description: 'EU member states, customer-managed keys required',
        jurisdictions: ['EU'],
        requireCustomerManagedKeys: true,
      },
    ],
    [
      { profile: 'eu', allowedCountries: ['fi', 'FI', ' de '] },
      { description: 'EU member states, narrowed to FI, DE', allowedCountries: ['FI', 'DE'] },
    ],
    [
      { profile: 'eu', allowedRegions: ['EU-North-1', 'West Europe', 'eu-north-1'] },
      {
        description: 'EU member states, regions: eu-north-1, westeurope',
        allowedRegions: ['eu-north-1', 'westeurope'],
      },
    ],
    [
      { profile: 'eu-strict', allowedCountries: ['SE'], allowedRegions: ['eu-north-1'] },
      {
        description: 'EU member states, customer-managed keys required, narrowed to SE, regions: eu-north-1',
        allowedCountries: ['SE'],
        allowedRegions: ['eu-north-1'],
      },
    ],
  ])('%j', (options, expected) => {
    expect(resolveProfile(options)).toMatchObject(expected);
  });

  it('leaves the narrowing fields out when config does not narrow', () => {
    const profile = resolveProfile({ profile: 'eu' });
    expect('allowedCountries' in profile).toBe(false);
    expect('allowedRegions' in profile).toBe(false);
  });
});

describe('checkRegion', () => {
  type Row = [string, ResolveProfileOptions, Cloud, string, boolean];
  it.each<Row>([
    ['eu allows an EU region', { profile: 'eu' }, 'aws', 'eu-west-1', true],
    ['eu allows the sovereign cloud', { profile: 'eu' }, 'aws', 'eusc-de-east-1', true],
    ['eu refuses the UK', { profile: 'eu' }, 'aws', 'eu-west-2', false],
    ['eu refuses Norway', { profile: 'eu' }, 'azure', 'norwayeast', false],
    ['eu refuses the US', { profile: 'eu' }, 'aws', 'us-east-1', false],
    ['eu allows an Azure display name', { profile: 'eu' }, 'azure', 'West Europe', true],
    ['eu allows the GCP EU multi-region', { profile: 'eu' }, 'gcp', 'eu', true],
    ['eu refuses the GCP US multi-region', { profile: 'eu' }, 'gcp', 'US', false],
    ['eea allows Norway', { profile: 'eea' }, 'azure', 'norwayeast', true],
    ['eea refuses Switzerland', { profile: 'eea' }, 'azure', 'switzerlandnorth', false],
    ['adequacy allows Switzerland', { profile: 'adequacy' }, 'azure', 'switzerlandnorth', true],
    ['adequacy allows New Zealand', { profile: 'adequacy' }, 'aws', 'ap-southeast-6', true],
    ['adequacy refuses the US', { profile: 'adequacy' }, 'gcp', 'us-central1', false],
    ['adequacy refuses Taiwan', { profile: 'adequacy' }, 'aws', 'ap-east-2', false],
    ['eu-strict allows an EU region', { profile: 'eu-strict' }, 'gcp', 'europe-west4', true],
    [
      'narrowed to FI allows Finland',
      { profile: 'eu', allowedCountries: ['FI'] },
      'gcp',
      'europe-north1',
      true,
    ],
    [
      'narrowed to FI refuses Sweden',
      { profile: 'eu', allowedCountries: ['FI'] },
      'aws',
      'eu-north-1',
      false,
    ],
    [
      'narrowed to FI refuses EUR4 (also NL)',
      { profile: 'eu', allowedCountries: ['FI'] },
      'gcp',
      'eur4',
      false,
    ],
    [
      'narrowed to FI refuses the EU multi-region',
      { profile: 'eu', allowedCountries: ['FI'] },
      'gcp',
      'EU',
      false,
    ],
    [
      'narrowed to NO, CH under adequacy',
      { profile: 'adequacy', allowedCountries: ['NO', 'CH'] },
      'azure',
      'switzerlandwest',
      true,
    ],
    [
      'regions: allows the listed region',
      { profile: 'eu', allowedRegions: ['eu-central-1'] },
      'aws',
      'EU-CENTRAL-1',
      true,
    ],
    [
      'regions: refuses another EU region',
      { profile: 'eu', allowedRegions: ['eu-central-1'] },
      'aws',
      'eu-west-1',
      false,
    ],
    [
      'regions: refuses the same code in the wrong cloud',
      { profile: 'eu', allowedRegions: ['westeurope'] },
      'aws',
      'eu-west-1',
      false,
    ],
  ])('%s', (_title, options, cloud, region, allowed) => {
    const verdict = resolveProfile(options).checkRegion(cloud, region);
    expect(verdict.known && verdict.value.allowed).toBe(allowed);
    expect(verdict.known && verdict.value.region.cloud).toBe(cloud);
  });

  it.each<[Cloud, string]>([
    ['aws', 'xx-foo-9'],
    ['azure', 'Mars Central'],
    ['gcp', 'EUR5'],
  ])('an uncatalogued %s region is unknown, never allowed: %s', (cloud, region) => {
    expect(resolveProfile({ profile: 'adequacy' }).checkRegion(cloud, region)).toEqual({
      known: false,
      reason: `region "${region}" is not in eugate's catalogue of ${cloud} regions`,
    });
  });
});

describe('configuration errors', () => {
  it.each<[ResolveProfileOptions, string, string]>([
    [
      { profile: 'eu', allowedCountries: ['FI', 'US'] },
      'allowedCountries[1]',
      'United States (US) is outside profile "eu" (EU member states); no eugate profile allows it',
    ],
    [
      { profile: 'eu', allowedCountries: ['NO'] },
      'allowedCountries[0]',
      'Norway (NO) is outside profile "eu" (EU member states); profile "eea" would allow it (EU/EEA states)',
    ],
    [
      { profile: 'eea', allowedCountries: ['CH'] },
      'allowedCountries[0]',
      'Switzerland (CH) is outside profile "eea" (EU/EEA states); profile "adequacy" would allow it ' +
        '(EU/EEA and countries with an EU adequacy decision)',
    ],
    [
      { profile: 'eu', allowedCountries: ['Finland'] },
      'allowedCountries[0]',
      '"Finland" is not an ISO 3166-1 alpha-2 country code eugate knows (e.g. "FI", "DE")',
    ],
    [
      { profile: 'eu', allowedCountries: ['EU'] },
      'allowedCountries[0]',
      '"EU" is not an ISO 3166-1 alpha-2 country code eugate knows (e.g. "FI", "DE")',
    ],
    [
      { profile: 'eu', allowedCountries: [] },
      'allowedCountries',
      'allowedCountries is empty, which would allow no country; remove it to allow every country of the profile',
    ],
    [
      { profile: 'eu', allowedRegions: ['eu-west-1', 'xx-foo-9'] },
      'allowedRegions[1]',
      'region "xx-foo-9" is not in eugate\'s catalogue of aws, azure or gcp regions',
    ],
    [
      { profile: 'eu', allowedRegions: ['eu-west-2'] },
      'allowedRegions[0]',
      'aws region eu-west-2 (Europe (London)) is in United Kingdom, outside profile "eu" (EU member states); ' +
        'profile "adequacy" would allow it (EU/EEA and countries with an EU adequacy decision)',
    ],
    [
      { profile: 'eu-strict', allowedRegions: ['Norway East'] },
      'allowedRegions[0]',
      'azure region norwayeast (Norway East) is in Norway, outside profile "eu-strict" ' +
        '(EU member states, customer-managed keys required); profile "eea" would allow it (EU/EEA states)',
    ],
    [
      { profile: 'adequacy', allowedRegions: ['us-east-1'] },
      'allowedRegions[0]',
      'aws region us-east-1 (US East (N. Virginia)) is in United States, outside profile "adequacy" ' +
        '(EU/EEA and countries with an EU adequacy decision); no eugate profile allows it',
    ],
    [
      { profile: 'eu', allowedCountries: ['FI'], allowedRegions: ['eu-north-1'] },
      'allowedRegions[0]',
      'aws region eu-north-1 (Europe (Stockholm)) is in Sweden, which allowedCountries (FI) does not list',
    ],
    [
      { profile: 'eu', allowedRegions: [] },
      'allowedRegions',
      'allowedRegions is empty, which would allow no region; remove it to allow every region of the profile',
    ],
    [
      { profile: 'gdpr' as ResolveProfileOptions['profile'] },
      'profile',
      'unknown profile "gdpr"; one of: eu, eea, adequacy, eu-strict',
    ],
  ])('%j → %s', (options, key, problem) => {
    let thrown: unknown;
    try {
      resolveProfile(options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    const error = thrown as InputError;
    expect({ code: error.code, file: error.file, key: error.location?.key, problem: error.problem }).toEqual({
      code: 'EUGATE_CONFIG_INVALID',
      file: 'config',
      key,
      problem,
    });
  });
});
