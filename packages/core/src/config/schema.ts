import { z } from 'zod';
import type { Severity } from '../policies/types.js';
import type { ProfileName } from '../profiles/types.js';

// Records rather than arrays so the compiler insists every member of the union is listed.
const PROFILES: Record<ProfileName, true> = { eu: true, eea: true, adequacy: true, 'eu-strict': true };
const SEVERITY_NAMES: Record<Severity, true> = { low: true, medium: true, high: true, critical: true };
export const profileNames = Object.keys(PROFILES) as [ProfileName, ...ProfileName[]];
export const severityNames = Object.keys(SEVERITY_NAMES) as [Severity, ...Severity[]];

export const DEFAULT_TAG_KEYS = ['data-classification', 'DataClassification', 'dataClassification'] as const;
export const DEFAULT_PERSONAL_VALUES = ['personal', 'pii', 'special-category', 'sensitive'] as const;
export const DEFAULT_NON_PERSONAL_VALUES = ['public', 'internal', 'non-personal', 'none'] as const;

/** Rule ids are upper-case words joined by dashes (`EU-RES-001`); anything else is a typo or a pasted title. */
export const RULE_ID_SHAPE = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** `YYYY-MM-DD` that names a real day (no 2025-02-30). YAML 1.1 timestamps arrive as `Date`: accept those too. */
const isoDate = z.preprocess(
  (value) =>
    value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value,
  z
    .string()
    .refine(isRealDate, { error: (issue) => `${quote(issue.input)} is not a real date written YYYY-MM-DD` }),
);

export function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const ruleId = z.string().regex(RULE_ID_SHAPE, {
  error: (issue) => `${quote(issue.input)} does not look like a rule id (e.g. EU-RES-001)`,
});

function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
}

export const waiverSchema = z.strictObject({
  rule: ruleId,
  resource: nonEmpty,
  reason: nonEmpty,
  owner: nonEmpty,
  expires: isoDate,
});

export const overrideSchema = z.strictObject({
  match: nonEmpty,
  personal: z.boolean(),
});

const stringList = z.array(nonEmpty);

export const classificationSchema = z.strictObject({
  mode: z.enum(['assume', 'tagged-only']).default('assume'),
  tagKeys: stringList.min(1, 'must name at least one tag key').default(() => [...DEFAULT_TAG_KEYS]),
  personalValues: stringList.default(() => [...DEFAULT_PERSONAL_VALUES]),
  nonPersonalValues: stringList.default(() => [...DEFAULT_NON_PERSONAL_VALUES]),
  resources: z.array(overrideSchema).default(() => []),
});

/** The file format of `eugate.config.json` / `.yaml`. Strict: an unknown key is an error, never ignored. */
export const configFileSchema = z.strictObject({
  profile: z.enum(profileNames).default('eu'),
  allowedCountries: stringList.optional(),
  allowedRegions: stringList.optional(),
  classification: classificationSchema.default(() => ({
    mode: 'assume' as const,
    tagKeys: [...DEFAULT_TAG_KEYS],
    personalValues: [...DEFAULT_PERSONAL_VALUES],
    nonPersonalValues: [...DEFAULT_NON_PERSONAL_VALUES],
    resources: [],
  })),
  failOn: z.enum(severityNames).default('low'),
  unknown: z.enum(['fail', 'warn']).default('fail'),
  waivers: z.array(waiverSchema).default(() => []),
  disabledRules: z.array(ruleId).default(() => []),
  region: nonEmpty.optional(),
  location: nonEmpty.optional(),
});

export type ConfigFile = z.output<typeof configFileSchema>;
