import type { Cloud } from '../model/resource.js';

/** EU member state, other EEA state, country with an EU adequacy decision, or anything else. */
export type Jurisdiction = 'EU' | 'EEA' | 'ADQ' | 'OTHER';

export interface RegionInfo {
  readonly cloud: Cloud;
  /** Canonical code: `eu-west-1`, `westeurope`, `europe-west4`. */
  readonly code: string;
  /** Human name: `Europe (Ireland)`, `West Europe`. */
  readonly name: string;
  /** ISO 3166-1 alpha-2, or a multi-country marker for multi-regions (`EU`, `US`). */
  readonly country: string;
  readonly jurisdiction: Jurisdiction;
  /** AWS partition (`aws`, `aws-eusc`, `aws-cn`, `aws-us-gov`). */
  readonly partition?: string;
  /** Azure paired region (GRS target), when it has one. */
  readonly pairedRegion?: string;
}
