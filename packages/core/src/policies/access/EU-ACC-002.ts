/**
 * EU-ACC-002 — wildcard permissions.
 *
 * Art. 32(1)(b) asks for ongoing confidentiality; Art. 25(2) for access limited to what each purpose
 * needs. `Action: "*"` or `Principal: "*"` grants are how one leaked credential becomes access to
 * every data store — the kind of over-broad access rights the Dutch DPA found in the NVIS decision.
 */
import { fail, holdsPersonalData, pass, undecided } from '../shared.js';
import type { Rule } from '../types.js';

export const rule: Rule = {
  meta: {
    id: 'EU-ACC-002',
    title: 'Wildcard permissions on personal data',
    category: 'access',
    severity: 'high',
    legalBasis: ['GDPR Art. 25(2)', 'GDPR Art. 32(1)(b)', 'GDPR Art. 32(4)'],
    rationale:
      'Access to personal data must be limited to the people and purposes that need it (Art. 25(2), Art. 32(4)). A policy granting all actions, or granting to all principals, turns any compromised identity into access to every record. Identity policies with `Resource: "*"` reach every personal-data store in the account, so they are checked whatever they are attached to.',
    appliesTo:
      'Resource policies of resources holding personal data, and every identity/access policy resource.',
    outcomes: {
      pass: 'No statement grants all actions or to all principals.',
      fail: 'A statement grants `*` actions, or data-service-wide actions, on all resources or to all principals.',
      unknown: 'The policy document is known only after apply.',
    },
    remediation: {
      terraform:
        'Replace `Action = "*"` / `"s3:*"` and `Resource = "*"` with the specific actions and resource ARNs needed (`aws_iam_policy_document` helps); never `Principal = "*"` without a restricting condition.',
      cloudformation:
        'Replace `Action: "*"` and `Resource: "*"` with specific actions and ARNs in `PolicyDocument`.',
      pulumi: 'Use `aws.iam.getPolicyDocument` with specific actions and resource ARNs.',
      arm: 'Assign narrow built-in roles (e.g. Storage Blob Data Reader) at the resource scope instead of Owner/Contributor at subscription scope.',
    },
  },
  check(resource) {
    const fact = resource.facts.wildcardAccess;
    if (fact === undefined || !(holdsPersonalData(resource) || resource.kind === 'access-policy')) return [];
    if (!fact.known)
      return [undecided(`the permissions cannot be determined: ${fact.reason}`, fact.evidence)];
    const subject = resource.kind === 'access-policy' ? 'policy' : 'resource policy';
    return fact.value
      ? [
          fail(
            `${subject} grants wildcard permissions (all actions, all resources or all principals)`,
            fact.evidence,
          ),
        ]
      : [pass(`${subject} grants no wildcard permissions`, fact.evidence)];
  },
};
