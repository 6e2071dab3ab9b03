import { findRule } from '../policies/catalogue.js';
import type { RuleMeta } from '../policies/types.js';
import type { Finding } from './types.js';

/**
 * Where each rule's page (`docs/rules/<ID>.md`) is published. SARIF `helpUri` and the Markdown
 * report link to it, so code-scanning UIs and PR comments lead to the fix. One constant: a fork
 * that publishes its docs elsewhere changes it here.
 */
export const RULE_DOCS_BASE_URL = 'https://github.com/eugate/eugate/blob/main/docs/rules';

/** The project's home page, for SARIF `informationUri`. */
export const PROJECT_URL = 'https://github.com/eugate/eugate';

export function ruleDocUrl(id: string): string {
  return `${RULE_DOCS_BASE_URL}/${encodeURIComponent(id)}.md`;
}

/**
 * The metadata of the rules the report's findings name: from the given catalogue, else from the
 * built-in one; a rule in neither (a saved report from another eugate version) gets what the
 * finding itself says about it.
 */
export function ruleMetaFor(finding: Finding, catalogue?: readonly RuleMeta[]): RuleMeta | undefined {
  return catalogue?.find((meta) => meta.id === finding.rule.id) ?? findRule(finding.rule.id)?.meta;
}
