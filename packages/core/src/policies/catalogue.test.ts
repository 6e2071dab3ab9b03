import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findRule, RULES } from './catalogue.js';
import { renderRuleDoc, renderRuleIndex } from './docs.js';
import { type Category, SEVERITIES } from './types.js';

const CATEGORIES: readonly Category[] = ['access', 'encryption', 'residency'];
const POLICIES = new URL('./', import.meta.url);
// packages/core/src/policies/ → repository root
const DOCS = new URL('../../../../docs/rules/', import.meta.url);
const RULE_FILE = /^EU-[A-Z]{3}-\d{3}\.ts$/;

/** Rule files on disk, as `{ id, category }` from their folder and name. */
const ON_DISK = CATEGORIES.flatMap((category) =>
  readdirSync(new URL(`${category}/`, POLICIES))
    .filter((file) => RULE_FILE.test(file))
    .map((file) => ({ id: file.slice(0, -'.ts'.length), category })),
);
const ids = RULES.map((rule) => rule.meta.id);
const byId = RULES.map((rule) => ({ id: rule.meta.id, rule }));

describe('catalogue', () => {
  it('has unique ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is sorted by id', () => {
    expect(ids).toEqual([...ids].sort());
  });

  it('holds every rule file on disk, and each sits in its category folder under its id', () => {
    expect(RULES.map(({ meta }) => ({ id: meta.id, category: meta.category }))).toEqual(
      [...ON_DISK].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
  });

  it('has no other folders of rules', () => {
    const folders = readdirSync(POLICIES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('__'))
      .map((entry) => entry.name);
    expect(folders.sort()).toEqual([...CATEGORIES]);
  });
});

describe.each(byId)('$id', ({ id, rule }) => {
  const { meta } = rule;

  it('is exported by the file named after it', async () => {
    // The source file itself, by the path the meta-data implies (vite resolves `.ts` directly).
    const module: Record<string, unknown> = await import(`./${meta.category}/${id}.ts`);
    expect(Object.keys(module)).toEqual(['rule']);
    expect(module.rule).toBe(rule);
  });

  it('has a test table next to it', () => {
    expect(readdirSync(new URL(`${meta.category}/`, POLICIES))).toContain(`${id}.test.ts`);
  });

  it('is found by findRule', () => {
    expect(findRule(id)).toBe(rule);
  });

  it('has an id of its category', () => {
    expect(id).toMatch(new RegExp(`^EU-${meta.category.slice(0, 3).toUpperCase()}-\\d{3}$`));
  });

  it('cites a legal basis from the GDPR, the CJEU or the EDPB', () => {
    expect(meta.legalBasis.length).toBeGreaterThan(0);
    for (const basis of meta.legalBasis) expect(basis).toMatch(/\b(GDPR|CJEU|EDPB)\b/);
  });

  it('has a valid severity', () => {
    expect(SEVERITIES).toContain(meta.severity);
  });

  it('says what it checks and what makes each outcome', () => {
    for (const text of [meta.title, meta.rationale, meta.appliesTo, ...Object.values(meta.outcomes)])
      expect(text.trim()).not.toBe('');
    expect(Object.keys(meta.outcomes).sort()).toEqual(['fail', 'pass', 'unknown']);
  });

  it('says how to fix it in Terraform, CloudFormation and Pulumi', () => {
    for (const text of [meta.remediation.terraform, meta.remediation.cloudformation, meta.remediation.pulumi])
      expect(text.trim()).not.toBe('');
    if (meta.remediation.arm !== undefined) expect(meta.remediation.arm.trim()).not.toBe('');
  });

  it('has a generated doc that matches its metadata', () => {
    expect(readFileSync(new URL(`${id}.md`, DOCS), 'utf8')).toBe(renderRuleDoc(meta));
  });
});

describe('docs/rules', () => {
  it('has an index that matches the catalogue', () => {
    expect(readFileSync(new URL('README.md', DOCS), 'utf8')).toBe(renderRuleIndex(RULES));
  });

  it('holds nothing but the index and one page per rule', () => {
    expect(readdirSync(DOCS).sort()).toEqual(['README.md', ...ids.map((id) => `${id}.md`)].sort());
  });
});

describe('findRule', () => {
  it.each(['EU-RES-999', 'eu-res-001', '', 'EU-RES-001 '])('finds nothing for %j', (id) => {
    expect(findRule(id)).toBeUndefined();
  });
});
