import type { ClassifiedResource } from '../classify/types.js';
import type { Evidence } from '../model/evidence.js';
import type { Cloud, ResourceKind } from '../model/resource.js';
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

const MAX_VALUE_LENGTH = 80;
const MAX_FINDINGS = 2;

/**
 * What the evidence shows, as `path = value` (`aws_s3_bucket_policy.x.policy = …` when read from a
 * companion resource), so a message names the setting and the value it was decided on.
 */
export function describeEvidence(evidence: readonly Evidence[]): string {
  const shown = evidence.slice(0, MAX_FINDINGS).map((item) => `${where(item)} = ${renderValue(item.value)}`);
  const more = evidence.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}

/** `sentence (path = value)`, or the sentence alone when there is no evidence to show. */
export function withEvidence(sentence: string, evidence: readonly Evidence[]): string {
  return evidence.length === 0 ? sentence : `${sentence} (${describeEvidence(evidence)})`;
}

function where(item: Evidence): string {
  return item.from === undefined ? item.path : `${item.from}.${item.path}`;
}

function renderValue(value: unknown): string {
  // Describers write `(not set)`, `(unknown: …)`, `(no statement allows …)` as descriptions, not values.
  if (typeof value === 'string' && /^\(.*\)$/s.test(value)) return value;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/**
 * A policy statement found as evidence, told as a grant: `grants s3:* on arn:aws:s3:::x/* to
 * Principal "*"`, with where it was found. Undefined when the evidence is not a statement.
 */
export function describeGrant(evidence: readonly Evidence[]): string | undefined {
  for (const item of evidence) {
    const value = item.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const statement = value as Record<string, unknown>;
    if (!('Action' in statement || 'NotAction' in statement || 'Principal' in statement)) continue;
    const parts: string[] = [];
    if (statement.Action !== undefined) parts.push(`grants ${listOf(statement.Action)}`);
    else if (statement.NotAction !== undefined)
      parts.push(`grants all actions except ${listOf(statement.NotAction)}`);
    else parts.push('grants access');
    if (statement.Resource !== undefined) parts.push(`on ${listOf(statement.Resource)}`);
    if (statement.Principal !== undefined) parts.push(`to Principal ${renderValue(statement.Principal)}`);
    return `${parts.join(' ')} (${where(item)})`;
  }
  return undefined;
}

function listOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  return renderValue(value);
}

/** What users call the policy a resource of this kind carries. */
export function policyNoun(kind: ResourceKind): string {
  switch (kind) {
    case 'object-storage':
      return 'bucket policy';
    case 'queue':
      return 'queue policy';
    case 'topic':
      return 'topic policy';
    case 'encryption-key':
      return 'key policy';
    case 'secret':
      return 'secret policy';
    case 'access-policy':
      return 'policy';
    default:
      return 'resource policy';
  }
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
  const verdict = context.profile.checkRegion(cloud, region);
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
