import { describe, expect, it } from 'vitest';
import type { ClassifiedResource, PersonalData } from '../../classify/types.js';
import { link } from '../../graph/link.js';
import type { Resource } from '../../model/resource.js';
import type { ProfileName, ResolveProfileOptions } from '../../profiles/index.js';
import { resolveProfile } from '../../profiles/resolve-profile.js';
import type { Rule, RuleContext, RuleResult, RuleStatus } from '../types.js';

/** What one row feeds a rule: the resource it judges and the rest of the input around it. */
export interface RuleInput {
  readonly subject: Resource;
  /** The rest of the input, in order after the subject; they are classified as not personal data. */
  readonly others?: readonly Resource[];
  /** A profile name, or the options `resolveProfile` takes; `eu` unless told. */
  readonly profile?: ProfileName | ResolveProfileOptions;
  /** The subject's classification; declared personal data unless told (null: not personal data). */
  readonly personal?: PersonalData | null;
}

export interface ExpectedResult {
  readonly status: RuleStatus;
  /** The exact message, or a pattern where the message embeds a reason from elsewhere. */
  readonly message: string | RegExp;
  /** Property paths of the evidence, in order, when the row cares about them. */
  readonly evidence?: readonly string[];
}

export interface RuleRow {
  readonly name: string;
  readonly input: RuleInput;
  /** Every result, in order; empty when the rule does not apply. */
  readonly expected: readonly ExpectedResult[];
}

export const DECLARED: PersonalData = {
  reason: 'declared',
  evidence: { path: 'tags.personal-data', value: 'true' },
};

/**
 * Runs a rule the way the engine would, through the real linker and the real profile resolver, and
 * returns what it says about the subject.
 */
export function runRule(rule: Rule, input: RuleInput): readonly RuleResult[] {
  const subject: ClassifiedResource = {
    ...input.subject,
    personalData: input.personal === undefined ? DECLARED : input.personal,
  };
  const others = (input.others ?? []).map((other): ClassifiedResource => ({ ...other, personalData: null }));
  const classified = new Map<string, ClassifiedResource>();
  for (const resource of [subject, ...others]) {
    if (!classified.has(resource.address)) classified.set(resource.address, resource);
  }
  const profile = input.profile ?? 'eu';
  const context: RuleContext = {
    graph: link([subject, ...others]),
    profile: resolveProfile(typeof profile === 'string' ? { profile } : profile),
    resource: (address) => classified.get(address),
  };
  return rule.check(subject, context);
}

/**
 * Checks a table before it runs, as typescript-eslint's RuleTester does: two rows with the same
 * name or the same input are a copy-paste slip that tests one case twice and another not at all.
 */
export function checkRows(rows: readonly RuleRow[]): readonly RuleRow[] {
  const names = new Set<string>();
  const inputs = new Map<string, string>();
  for (const row of rows) {
    if (names.has(row.name)) throw new Error(`duplicate row name: "${row.name}"`);
    names.add(row.name);
    const key = canonical(row.input);
    const first = inputs.get(key);
    if (first !== undefined) throw new Error(`rows "${first}" and "${row.name}" have identical input`);
    inputs.set(key, row.name);
  }
  return rows;
}

/** Registers one test per row: the rule's results for the subject, exactly and in order. */
export function describeRule(rule: Rule, rows: readonly RuleRow[]): void {
  describe(rule.meta.id, () => {
    it.each(checkRows(rows))('$name', ({ input, expected }) => {
      const results = runRule(rule, input);
      expect(results.map(({ status, message }) => ({ status, message }))).toEqual(
        expected.map(({ status, message }) => ({
          status,
          message: typeof message === 'string' ? message : expect.stringMatching(message),
        })),
      );
      expected.forEach((result, index) => {
        if (result.evidence !== undefined)
          expect(results[index]?.evidence.map((item) => item.path)).toEqual(result.evidence);
      });
    });
  });
}

/** JSON with sorted keys, so two inputs written in a different key order still compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
