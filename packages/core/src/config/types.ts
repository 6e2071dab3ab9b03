import type { Severity } from '../policies/types.js';
import type { ProfileName } from '../profiles/types.js';

export interface Waiver {
  readonly rule: string;
  /** Address glob (`*` any characters, `**` same); matched against resource address and construct path. */
  readonly resource: string;
  readonly reason: string;
  readonly owner: string;
  /** ISO date `YYYY-MM-DD`; the waiver applies up to and including this day. */
  readonly expires: string;
}

export interface ClassificationOverride {
  /** Address glob, or `stack:<glob>` to match a stack/module/project. */
  readonly match: string;
  readonly personal: boolean;
}

export interface EugateConfig {
  readonly profile: ProfileName;
  /** Narrow the profile to these ISO country codes (e.g. `["FI"]`). */
  readonly allowedCountries?: readonly string[];
  /** Allow exactly these region codes (still subject to the profile unless `allowedRegionsOverrideProfile`). */
  readonly allowedRegions?: readonly string[];
  readonly classification: {
    readonly mode: 'assume' | 'tagged-only';
    readonly tagKeys: readonly string[];
    readonly personalValues: readonly string[];
    readonly nonPersonalValues: readonly string[];
    readonly overrides: readonly ClassificationOverride[];
  };
  readonly failOn: Severity;
  /** `fail`: unknown findings on personal data fail the gate (default); `warn`: they are reported only. */
  readonly unknown: 'fail' | 'warn';
  readonly waivers: readonly Waiver[];
  /** Rules switched off by id; they are listed in the report as disabled. */
  readonly disabledRules: readonly string[];
  /** Region for artifacts that cannot state one (plain CloudFormation templates). */
  readonly region?: string;
  /**
   * Location of the resource group ARM templates are deployed to (`resourceGroup().location`), as
   * written; an Azure location in eugate's catalogue. `--location` overrides it.
   */
  readonly location?: string;
}
