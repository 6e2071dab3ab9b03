import type { Jurisdiction } from './types.js';

/**
 * Every country eugate can name: the EU and EEA states, the countries with an EU adequacy decision
 * (GDPR Art. 45) and every other country that hosts a catalogued region. The jurisdiction of a region
 * follows from its country alone, so this table is the one place a country's class is decided; the
 * catalogue repeats it per region and a test holds the two together.
 *
 * Adequacy decisions (European Commission list): Andorra, Argentina, Canada (commercial
 * organisations — cloud providers are), Faroe Islands, Guernsey, Israel, Isle of Man, Japan, Jersey,
 * New Zealand, Republic of Korea, Switzerland, United Kingdom, Uruguay. The United States' Data
 * Privacy Framework certifies companies, not places, so US regions are OTHER.
 */
interface CountryInfo {
  readonly name: string;
  readonly jurisdiction: Jurisdiction;
  /** A marker for a multi-region spanning several countries (`EU`, `ASIA`), not an ISO 3166 code. */
  readonly multiCountry?: true;
}

const country = (name: string, jurisdiction: Jurisdiction): CountryInfo => ({ name, jurisdiction });

const COUNTRY_TABLE: Readonly<Record<string, CountryInfo>> = {
  // EU member states
  AT: country('Austria', 'EU'),
  BE: country('Belgium', 'EU'),
  BG: country('Bulgaria', 'EU'),
  CY: country('Cyprus', 'EU'),
  CZ: country('Czechia', 'EU'),
  DE: country('Germany', 'EU'),
  DK: country('Denmark', 'EU'),
  EE: country('Estonia', 'EU'),
  ES: country('Spain', 'EU'),
  FI: country('Finland', 'EU'),
  FR: country('France', 'EU'),
  GR: country('Greece', 'EU'),
  HR: country('Croatia', 'EU'),
  HU: country('Hungary', 'EU'),
  IE: country('Ireland', 'EU'),
  IT: country('Italy', 'EU'),
  LT: country('Lithuania', 'EU'),
  LU: country('Luxembourg', 'EU'),
  LV: country('Latvia', 'EU'),
  MT: country('Malta', 'EU'),
  NL: country('Netherlands', 'EU'),
  PL: country('Poland', 'EU'),
  PT: country('Portugal', 'EU'),
  RO: country('Romania', 'EU'),
  SE: country('Sweden', 'EU'),
  SI: country('Slovenia', 'EU'),
  SK: country('Slovakia', 'EU'),
  // EEA states outside the EU
  IS: country('Iceland', 'EEA'),
  LI: country('Liechtenstein', 'EEA'),
  NO: country('Norway', 'EEA'),
  // Countries with an EU adequacy decision
  AD: country('Andorra', 'ADQ'),
  AR: country('Argentina', 'ADQ'),
  CA: country('Canada', 'ADQ'),
  CH: country('Switzerland', 'ADQ'),
  FO: country('Faroe Islands', 'ADQ'),
  GB: country('United Kingdom', 'ADQ'),
  GG: country('Guernsey', 'ADQ'),
  IL: country('Israel', 'ADQ'),
  IM: country('Isle of Man', 'ADQ'),
  JE: country('Jersey', 'ADQ'),
  JP: country('Japan', 'ADQ'),
  KR: country('Republic of Korea', 'ADQ'),
  NZ: country('New Zealand', 'ADQ'),
  UY: country('Uruguay', 'ADQ'),
  // Everything else that hosts a catalogued region
  AE: country('United Arab Emirates', 'OTHER'),
  AU: country('Australia', 'OTHER'),
  BH: country('Bahrain', 'OTHER'),
  BR: country('Brazil', 'OTHER'),
  CL: country('Chile', 'OTHER'),
  CN: country('China', 'OTHER'),
  HK: country('Hong Kong', 'OTHER'),
  ID: country('Indonesia', 'OTHER'),
  IN: country('India', 'OTHER'),
  MX: country('Mexico', 'OTHER'),
  MY: country('Malaysia', 'OTHER'),
  QA: country('Qatar', 'OTHER'),
  SA: country('Saudi Arabia', 'OTHER'),
  SG: country('Singapore', 'OTHER'),
  TH: country('Thailand', 'OTHER'),
  TW: country('Taiwan', 'OTHER'),
  US: country('United States', 'OTHER'),
  ZA: country('South Africa', 'OTHER'),
  // Multi-country markers of multi-regions and dual-regions
  EU: { name: 'European Union (several member states)', jurisdiction: 'EU', multiCountry: true },
  ASIA: { name: 'Asia (several countries)', jurisdiction: 'OTHER', multiCountry: true },
};

const COUNTRIES: ReadonlyMap<string, CountryInfo> = new Map(Object.entries(COUNTRY_TABLE));

/** Country name for reports: `IE` → `Ireland`. An unknown code is returned as given. */
export function countryName(code: string): string {
  return COUNTRIES.get(code.trim().toUpperCase())?.name ?? code;
}

export function countryJurisdiction(code: string): Jurisdiction | undefined {
  return COUNTRIES.get(code)?.jurisdiction;
}

/** An ISO 3166-1 alpha-2 code eugate knows (not a multi-country marker). */
export function isKnownCountry(code: string): boolean {
  const info = COUNTRIES.get(code);
  return info !== undefined && info.multiCountry !== true;
}

/** Known countries (markers excluded) in one jurisdiction, sorted by code. */
export function countriesIn(jurisdiction: Jurisdiction): readonly string[] {
  return [...COUNTRIES]
    .filter(([, info]) => info.jurisdiction === jurisdiction && info.multiCountry !== true)
    .map(([code]) => code)
    .sort();
}
