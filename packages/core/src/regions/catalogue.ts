import type { Cloud } from '../model/resource.js';
import { AWS_REGIONS } from './aws.js';
import { AZURE_REGIONS } from './azure.js';
import { GCP_REGIONS } from './gcp.js';
import type { RegionInfo } from './types.js';

const CLOUDS: readonly Cloud[] = ['aws', 'azure', 'gcp'];

/**
 * The key a region is found by. Case never matters; Azure also accepts display names, which are
 * the programmatic name with spaces and capitals (`West Europe`, `WestEurope` → `westeurope`).
 */
export function regionKey(cloud: Cloud, code: string): string {
  const key = code.trim().toLowerCase();
  return cloud === 'azure' ? key.replace(/\s+/g, '') : key;
}

/** One collator for the whole sort: `localeCompare` with options builds a new one per call. */
const NUMERIC_EN = new Intl.Collator('en', { numeric: true });

function compareRegions(a: RegionInfo, b: RegionInfo): number {
  if (a.cloud !== b.cloud) return CLOUDS.indexOf(a.cloud) - CLOUDS.indexOf(b.cloud);
  // Numeric collation keeps europe-west10 after europe-west9 and is the same on every machine.
  return NUMERIC_EN.compare(a.code, b.code);
}

function indexByKey(regions: readonly RegionInfo[]): ReadonlyMap<string, RegionInfo> {
  const index = new Map<string, RegionInfo>();
  for (const region of regions) {
    const key = regionKey(region.cloud, region.code);
    // A duplicate is a bug in the catalogue, not something a user can cause.
    if (index.has(key)) throw new Error(`duplicate ${region.cloud} region in catalogue: ${region.code}`);
    index.set(key, region);
  }
  return index;
}

const INDEX: Readonly<Record<Cloud, ReadonlyMap<string, RegionInfo>>> = {
  aws: indexByKey(AWS_REGIONS),
  azure: indexByKey(AZURE_REGIONS),
  gcp: indexByKey(GCP_REGIONS),
};

const SORTED: Readonly<Record<Cloud, readonly RegionInfo[]>> = {
  aws: Object.freeze([...AWS_REGIONS].sort(compareRegions)),
  azure: Object.freeze([...AZURE_REGIONS].sort(compareRegions)),
  gcp: Object.freeze([...GCP_REGIONS].sort(compareRegions)),
};

const ALL_SORTED: readonly RegionInfo[] = Object.freeze(CLOUDS.flatMap((cloud) => SORTED[cloud]));

/**
 * The catalogue entry for a region, or `undefined` when eugate does not know it. Callers must treat
 * `undefined` as unknown — never as allowed.
 */
export function lookupRegion(cloud: Cloud, code: string): RegionInfo | undefined {
  return INDEX[cloud]?.get(regionKey(cloud, code));
}

/** Every catalogued region of one cloud, or of all three (AWS, Azure, GCP), sorted by code. */
export function listRegions(cloud?: Cloud): readonly RegionInfo[] {
  return cloud === undefined ? ALL_SORTED : (SORTED[cloud] ?? []);
}

/** The AWS partition of a catalogued region (`aws`, `aws-cn`, `aws-us-gov`, `aws-eusc`). */
export function awsPartitionOf(region: string): string | undefined {
  return lookupRegion('aws', region)?.partition;
}

/** Every cloud's entry for a code: region codes are written without their cloud in configuration. */
export function lookupRegionInAnyCloud(code: string): readonly RegionInfo[] {
  return CLOUDS.flatMap((cloud) => {
    const region = lookupRegion(cloud, code);
    return region === undefined ? [] : [region];
  });
}
