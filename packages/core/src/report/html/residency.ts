import { PROFILE_NAMES, resolveProfile } from '../../profiles/resolve-profile.js';
import type { ProfileName } from '../../profiles/types.js';
import { countryName } from '../../regions/countries.js';
import type { Jurisdiction } from '../../regions/types.js';
import type { InventoryEntry, Report } from '../types.js';

/** A jurisdiction of the residency map; `UNKNOWN` holds resources whose region cannot be placed. */
export type MapJurisdiction = Jurisdiction | 'UNKNOWN';

export const MAP_JURISDICTIONS: readonly MapJurisdiction[] = ['EU', 'EEA', 'ADQ', 'OTHER', 'UNKNOWN'];

export const JURISDICTION_LABEL: Readonly<Record<MapJurisdiction, string>> = {
  EU: 'European Union',
  EEA: 'Other EEA states',
  ADQ: 'Adequacy decision',
  OTHER: 'Other countries',
  UNKNOWN: 'Unknown location',
};

export const JURISDICTION_HINT: Readonly<Record<MapJurisdiction, string>> = {
  EU: 'EU member states',
  EEA: 'Iceland, Liechtenstein, Norway',
  ADQ: 'countries with an EU adequacy decision (GDPR Art. 45)',
  OTHER: 'third countries without an adequacy decision',
  UNKNOWN: 'region not determined by the input, or not in eugate’s catalogue',
};

export interface CountryGroup {
  /** ISO code or multi-country marker; null when the region is unknown or uncatalogued. */
  readonly country: string | null;
  readonly name: string;
  readonly entries: readonly InventoryEntry[];
}

export interface JurisdictionGroup {
  readonly jurisdiction: MapJurisdiction;
  readonly countries: readonly CountryGroup[];
  readonly count: number;
}

/**
 * The residency map: the given inventory entries grouped by jurisdiction (in the fixed order of
 * `MAP_JURISDICTIONS`, every one present even when empty), then by country, sorted by country,
 * region and address, so the same report always draws the same map.
 */
export function groupByJurisdiction(entries: readonly InventoryEntry[]): JurisdictionGroup[] {
  return MAP_JURISDICTIONS.map((jurisdiction) => {
    const inJurisdiction = entries.filter((entry) => mapJurisdiction(entry.jurisdiction) === jurisdiction);
    const byCountry = new Map<string, InventoryEntry[]>();
    for (const entry of inJurisdiction) {
      const key = entry.country ?? '';
      const list = byCountry.get(key);
      if (list === undefined) byCountry.set(key, [entry]);
      else list.push(entry);
    }
    const countries = [...byCountry.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(
        ([key, list]): CountryGroup => ({
          country: key === '' ? null : key,
          name: key === '' ? 'Region unknown or not in the catalogue' : countryName(key),
          entries: [...list].sort(
            (a, b) => compareText(a.region ?? '', b.region ?? '') || compareText(a.address, b.address),
          ),
        }),
      );
    return { jurisdiction, countries, count: inJurisdiction.length };
  });
}

/** A jurisdiction of the map; null, or a value this version does not know (a newer report), is unknown. */
export function mapJurisdiction(jurisdiction: string | null): MapJurisdiction {
  return (MAP_JURISDICTIONS as readonly (string | null)[]).includes(jurisdiction) &&
    jurisdiction !== 'UNKNOWN'
    ? (jurisdiction as MapJurisdiction)
    : 'UNKNOWN';
}

/**
 * The jurisdictions the report's profile allows, or undefined for a profile this version does not
 * know (a report written by another version). A profile narrowed to countries or regions
 * allows less than its jurisdictions: the findings say which.
 */
export function allowedJurisdictions(report: Report): ReadonlySet<Jurisdiction> | undefined {
  const name = report.profile.name;
  if (!(PROFILE_NAMES as readonly string[]).includes(name)) return undefined;
  return new Set(resolveProfile({ profile: name as ProfileName }).jurisdictions);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
