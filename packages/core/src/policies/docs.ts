import type { Rule, RuleMeta } from './types.js';

const FLAVOURS = [
  ['terraform', 'Terraform / CDKTF'],
  ['cloudformation', 'CloudFormation / CDK'],
  ['pulumi', 'Pulumi'],
  ['arm', 'ARM / Bicep / azure-native'],
] as const;

const GENERATED = "Generated from the rule's metadata by `pnpm docs`; do not edit.";

/** The rule's page, `docs/rules/<ID>.md`; also what `eugate explain <ID>` prints. */
export function renderRuleDoc(meta: RuleMeta): string {
  const lines = [
    `# ${meta.id}: ${meta.title}`,
    '',
    `- **Category:** ${meta.category}`,
    `- **Severity:** ${meta.severity}`,
    `- **Legal basis:** ${meta.legalBasis.join('; ')}`,
    '',
    '## Why it matters',
    '',
    meta.rationale,
    '',
    '## What is checked',
    '',
    meta.appliesTo,
    '',
    `- **pass:** ${meta.outcomes.pass}`,
    `- **fail:** ${meta.outcomes.fail}`,
    `- **unknown:** ${meta.outcomes.unknown}`,
    '',
    '## How to fix it',
    '',
  ];
  for (const [key, label] of FLAVOURS) {
    const text = meta.remediation[key];
    if (text !== undefined) lines.push(`- **${label}:** ${text}`);
  }
  lines.push(
    '',
    '## Waiving it',
    '',
    'Where the finding is an accepted exception, record a waiver in `eugate.config.yaml` with a reason, an owner and an expiry date:',
    '',
    '```yaml',
    'waivers:',
    `  - rule: ${meta.id}`,
    '    resource: "<address or pattern>"',
    '    reason: "<why this is acceptable>"',
    '    owner: "<who answers for it>"',
    '    expires: "YYYY-MM-DD"',
    '```',
    '',
    `_${GENERATED}_`,
    '',
  );
  return lines.join('\n');
}

/** `docs/rules/README.md`: the catalogue as a table. */
export function renderRuleIndex(rules: readonly Rule[]): string {
  const lines = [
    '# Rules',
    '',
    'Every rule is cloud-agnostic: it reads facts that the describers derive from CloudFormation/CDK, Terraform/CDKTF, Pulumi and ARM alike.',
    '',
    '| id | category | severity | title |',
    '| --- | --- | --- | --- |',
    ...rules.map(
      ({ meta }) => `| [${meta.id}](${meta.id}.md) | ${meta.category} | ${meta.severity} | ${meta.title} |`,
    ),
    '',
    `_${GENERATED}_`,
    '',
  ];
  return lines.join('\n');
}
