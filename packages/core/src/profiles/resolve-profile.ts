import { InputError } from '../model/errors.js';
import { known, unknown } from '../model/knowable.js';
import type { Cloud } from '../model/resource.js';
import { lookupRegion, lookupRegionInAnyCloud } from '../regions/catalogue.js';
import { countryJurisdiction, countryName, isKnownCountry } from '../regions/countries.js';
import type { Jurisdiction, RegionInfo } from '../regions/types.js';
import type { ProfileName, ResolvedProfile } from './types.js';

interface ProfileDefinition {
  readonly jurisdictions: readonly Jurisdiction[];
  readonly description: string;
  readonly requireCustomerManagedKeys: boolean;
}

/*
 * Profiles only decide where personal data may be and whether keys must be the customer's. Each is
 * a superset of the one before it, except eu-strict, which is eu plus customer-managed keys (the
 * "supplementary measures" reading of Schrems II: the provider cannot read what it cannot decrypt).
 */
const PROFILES: Readonly<Record<ProfileName, ProfileDefinition>> = {
  eu: { jurisdictions: ['EU'], description: 'EU member states', requireCustomerManagedKeys: false },
  eea: { jurisdictions: ['EU', 'EEA'], description: 'EU/EEA states', requireCustomerManagedKeys: false },
  adequacy: {
    jurisdictions: ['EU', 'EEA', 'ADQ'],
    description: 'EU/EEA and countries with an EU adequacy decision',
    requireCustomerManagedKeys: false,
  },
  'eu-strict': {
    jurisdictions: ['EU'],
    description: 'EU member states, customer-managed keys required',
    requireCustomerManagedKeys: true,
  },
};

export const PROFILE_NAMES: readonly ProfileName[] = Object.freeze(Object.keys(PROFILES) as ProfileName[]);

/** The narrowest profile that allows a jurisdiction, for "profile X would allow it" hints. */
const NARROWEST_PROFILE: Readonly<Record<Jurisdiction, ProfileName | undefined>> = {
  EU: 'eu',
  EEA: 'eea',
  ADQ: 'adequacy',
  OTHER: undefined,
};

export interface ResolveProfileOptions {
  readonly profile: ProfileName;
  /** ISO 3166-1 alpha-2 codes; a region is allowed only if its country is listed. */
  readonly allowedCountries?: readonly string[];
  /** Exactly these region codes are allowed (each must also satisfy the profile and the countries). */
  readonly allowedRegions?: readonly string[];
}

/**
 * The residency rules in force for one scan. Throws `InputError` (`EUGATE_CONFIG_INVALID`) when the
 * configuration narrows the profile with a country or region the profile cannot allow: a list that
 * silently allowed nothing would only surface later as a confusing wall of failures.
 */
export function resolveProfile(options: ResolveProfileOptions): ResolvedProfile {
  const definition = PROFILES[options.profile];
  if (definition === undefined) {
    throw configError(
      'profile',
      `unknown profile "${String(options.profile)}"; one of: ${PROFILE_NAMES.join(', ')}`,
    );
  }
  const name = options.profile;
  const jurisdictions = definition.jurisdictions;
  const allowedCountries =
    options.allowedCountries === undefined ? undefined : resolveCountries(name, options.allowedCountries);
  const allowedRegions =
    options.allowedRegions === undefined
      ? undefined
      : resolveRegions(name, options.allowedRegions, allowedCountries);

  const countrySet = allowedCountries === undefined ? undefined : new Set(allowedCountries);
  const regionSet = allowedRegions === undefined ? undefined : new Set(allowedRegions);
  const isAllowed = (region: RegionInfo): boolean =>
    jurisdictions.includes(region.jurisdiction) &&
    (countrySet === undefined || countrySet.has(region.country)) &&
    (regionSet === undefined || regionSet.has(region.code));

  let description = definition.description;
  if (allowedCountries !== undefined) description += `, narrowed to ${allowedCountries.join(', ')}`;
  if (allowedRegions !== undefined) description += `, regions: ${allowedRegions.join(', ')}`;

  return {
    name,
    description,
    jurisdictions,
    ...(allowedCountries !== undefined && { allowedCountries }),
    ...(allowedRegions !== undefined && { allowedRegions }),
    requireCustomerManagedKeys: definition.requireCustomerManagedKeys,
    checkRegion(cloud: Cloud, code: string) {
      const region = lookupRegion(cloud, code);
      if (region === undefined)
        return unknown(`region "${code}" is not in eugate's catalogue of ${cloud} regions`);
      return known({ allowed: isAllowed(region), region });
    },
  };
}

function resolveCountries(profile: ProfileName, given: readonly string[]): readonly string[] {
  if (given.length === 0) throw emptyList('allowedCountries', 'country');
  const jurisdictions = PROFILES[profile].jurisdictions;
  const countries: string[] = [];
  given.forEach((raw, index) => {
    const key = `allowedCountries[${index}]`;
    const code = raw.trim().toUpperCase();
    if (!isKnownCountry(code)) {
      throw configError(
        key,
        `"${raw}" is not an ISO 3166-1 alpha-2 country code eugate knows (e.g. "FI", "DE")`,
      );
    }
    const jurisdiction = countryJurisdiction(code)!;
    if (!jurisdictions.includes(jurisdiction)) {
      throw configError(
        key,
        `${countryName(code)} (${code}) is outside profile "${profile}" (${PROFILES[profile].description})` +
          `; ${wouldAllow(jurisdiction)}`,
      );
    }
    if (!countries.includes(code)) countries.push(code);
  });
  return Object.freeze(countries);
}

function resolveRegions(
  profile: ProfileName,
  given: readonly string[],
  allowedCountries: readonly string[] | undefined,
): readonly string[] {
  if (given.length === 0) throw emptyList('allowedRegions', 'region');
  const jurisdictions = PROFILES[profile].jurisdictions;
  const codes: string[] = [];
  given.forEach((raw, index) => {
    const key = `allowedRegions[${index}]`;
    const matches = lookupRegionInAnyCloud(raw);
    if (matches.length === 0) {
      throw configError(key, `region "${raw}" is not in eugate's catalogue of aws, azure or gcp regions`);
    }
    for (const region of matches) {
      const where = `${region.cloud} region ${region.code} (${region.name}) is in ${countryName(region.country)}`;
      if (!jurisdictions.includes(region.jurisdiction)) {
        throw configError(
          key,
          `${where}, outside profile "${profile}" (${PROFILES[profile].description}); ${wouldAllow(region.jurisdiction)}`,
        );
      }
      if (allowedCountries !== undefined && !allowedCountries.includes(region.country)) {
        throw configError(
          key,
          `${where}, which allowedCountries (${allowedCountries.join(', ')}) does not list`,
        );
      }
      if (!codes.includes(region.code)) codes.push(region.code);
    }
  });
  return Object.freeze(codes);
}

function wouldAllow(jurisdiction: Jurisdiction): string {
  const profile = NARROWEST_PROFILE[jurisdiction];
  return profile === undefined
    ? 'no eugate profile allows it'
    : `profile "${profile}" would allow it (${PROFILES[profile].description})`;
}

function emptyList(key: string, what: string): InputError {
  return configError(
    key,
    `${key} is empty, which would allow no ${what}; remove it to allow every ${what} of the profile`,
  );
}

function configError(key: string, message: string): InputError {
  return new InputError('EUGATE_CONFIG_INVALID', 'config', message, { key });
}
