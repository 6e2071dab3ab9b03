import type { Knowable } from '../model/knowable.js';
import type { Cloud } from '../model/resource.js';
import type { Jurisdiction, RegionInfo } from '../regions/types.js';

export type ProfileName = 'eu' | 'eea' | 'adequacy' | 'eu-strict';

export interface ResidencyVerdict {
  readonly allowed: boolean;
  readonly region: RegionInfo;
}

/** The residency and key requirements in force for one scan, after config narrowed the profile. */
export interface ResolvedProfile {
  readonly name: ProfileName;
  /** One line for reports: "EU member states", "EU member states, narrowed to FI". */
  readonly description: string;
  readonly jurisdictions: readonly Jurisdiction[];
  readonly allowedCountries?: readonly string[];
  readonly allowedRegions?: readonly string[];
  readonly requireCustomerManagedKeys: boolean;
  /** Known and allowed/not, or unknown when the catalogue does not know the region. */
  checkRegion(cloud: Cloud, region: string): Knowable<ResidencyVerdict>;
}
