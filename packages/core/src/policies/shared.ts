import type { ClassifiedResource } from '../classify/types.js';
import type { Evidence } from '../model/evidence.js';
import type { Cloud } from '../model/resource.js';
import type { ResolvedProfile } from '../profiles/types.js';
import { countryName } from '../regions/index.js';
import type { RegionInfo } from '../regions/types.js';
import type { RuleContext, RuleResult } from './types.js';

export function pass(message: string, evidence: readonly Evidence[] = []): RuleResult {
  return { status: 'pass', message, evidence };
}

export function fail(message: string, evidence: readonly Evidence[] = []): RuleResult {
  return { status: 'fail', message, evidence };
}

export function undecided(message: string, evidence: readonly Evidence[] = []): RuleResult {
  return { status: 'unknown', message, evidence };
}

export function holdsPersonalData(resource: ClassifiedResource): boolean {
  return resource.personalData !== null;
}

/** `us-east-1 (United States)` — the code users write, and the country a reviewer cares about. */
export function placeOf(region: RegionInfo): string {
  return `${region.code} (${countryName(region.country)})`;
}

export type RegionJudgement =
  | { readonly state: 'allowed' | 'outside'; readonly place: string }
  | { readonly state: 'uncatalogued'; readonly reason: string };

export function judgeRegion(context: RuleContext, cloud: Cloud, region: string): RegionJudgement {
  // Rules judge the same few regions for every resource of a scan: once per profile is enough.
  let byCloud = judgements.get(context.profile);
  if (byCloud === undefined) {
    byCloud = new Map();
    judgements.set(context.profile, byCloud);
  }
  let byRegion = byCloud.get(cloud);
  if (byRegion === undefined) {
    byRegion = new Map();
    byCloud.set(cloud, byRegion);
  }
  let judgement = byRegion.get(region);
  if (judgement === undefined) {
    judgement = judgeUncached(context.profile, cloud, region);
    if (byRegion.size < MAX_JUDGED_REGIONS) byRegion.set(region, judgement);
  }
  return judgement;
}

const judgements = new WeakMap<ResolvedProfile, Map<Cloud, Map<string, RegionJudgement>>>();
/** Region codes come from the input; a bound keeps a hostile one from growing the cache without end. */
const MAX_JUDGED_REGIONS = 1_000;

function judgeUncached(profile: ResolvedProfile, cloud: Cloud, region: string): RegionJudgement {
  const verdict = profile.checkRegion(cloud, region);
  if (!verdict.known) return { state: 'uncatalogued', reason: verdict.reason };
  return { state: verdict.value.allowed ? 'allowed' : 'outside', place: placeOf(verdict.value.region) };
}

/**
 * TLS versions as providers spell them — `1.2`, `TLS1_2`, `TLSv1.2_2021`, `tls1.0` — as a number
 * (1.2). `0` stands for SSL. Undefined when the text names no version.
 */
export function tlsVersionNumber(text: string): number | undefined {
  // CloudFront's `TLSv1_2016` is TLS 1.0 of the 2016 cipher set: drop the year first.
  const version = text.trim().replace(/_(19|20)\d\d$/, '');
  const match = /(\d)[._-](\d)/.exec(version);
  if (match !== null) return Number(`${match[1]}.${match[2]}`);
  if (version === '0' || /ssl/i.test(version)) return 0;
  if (/^tls\s*v?1$/i.test(version)) return 1.0;
  return undefined;
}

export const MINIMUM_TLS = 1.2;
