import { findRule, RULES, renderRuleDoc } from '@eugate/core';

export function renderRulesList(format: 'text' | 'json'): string {
  if (format === 'json') {
    const rules = RULES.map(({ meta }) => ({
      id: meta.id,
      category: meta.category,
      severity: meta.severity,
      title: meta.title,
      legalBasis: meta.legalBasis,
    }));
    return `${JSON.stringify(rules, null, 2)}\n`;
  }
  const width = Math.max(...RULES.map(({ meta }) => meta.id.length));
  const lines = RULES.map(
    ({ meta }) =>
      `${meta.id.padEnd(width)}  ${meta.severity.padEnd(8)}  ${meta.category.padEnd(10)}  ${meta.title}`,
  );
  return `${'ID'.padEnd(width)}  SEVERITY  CATEGORY    TITLE\n${lines.join('\n')}\n\nRun \`eugate explain <ID>\` for a rule's rationale, legal basis and fixes.\n`;
}

/** The rule's full doc (the same text as docs/rules/<ID>.md), or undefined for an unknown id. */
export function explainRule(id: string): string | undefined {
  const rule = findRule(id.toUpperCase());
  return rule === undefined ? undefined : renderRuleDoc(rule.meta);
}
