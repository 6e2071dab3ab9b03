import type { ClassifiedResource } from '../../classify/types.js';
import type { Rule, RuleMeta, RuleResult, Severity } from '../../policies/types.js';

function meta(id: string, severity: Severity, title: string): RuleMeta {
  return {
    id,
    title,
    category: 'residency',
    severity,
    legalBasis: ['GDPR Art. 44'],
    rationale: 'test rule',
    appliesTo: 'data stores',
    outcomes: { pass: 'passes', fail: 'fails', unknown: 'unknown' },
    remediation: { terraform: 'fix it', cloudformation: 'fix it', pulumi: 'fix it' },
  };
}

/** Fails data stores outside eu-*, unknown when the region is unknown, passes otherwise. */
export const residencyRule: Rule = {
  meta: meta('TEST-RES-001', 'high', 'Data store outside the EU'),
  check(resource: ClassifiedResource): readonly RuleResult[] {
    if (!resource.storesData) return [];
    if (!resource.region.known) {
      return [
        {
          status: 'unknown',
          message: `region unknown: ${resource.region.reason}`,
          evidence: resource.region.evidence,
        },
      ];
    }
    const region = resource.region.value;
    return region.startsWith('eu-')
      ? [{ status: 'pass', message: 'in the EU', evidence: [] }]
      : [{ status: 'fail', message: `stored in ${region}`, evidence: resource.region.evidence }];
  },
};

/** Fails every data store, at low severity. */
export const lowRule: Rule = {
  meta: meta('TEST-LOW-001', 'low', 'Always a low finding'),
  check: (resource) =>
    resource.storesData ? [{ status: 'fail', message: 'low finding', evidence: [] }] : [],
};

/** Throws on the resource named `aws_s3_bucket.boom`, passes elsewhere. */
export const throwingRule: Rule = {
  meta: meta('TEST-BUG-001', 'medium', 'A rule with a bug'),
  check(resource) {
    if (resource.address === 'aws_s3_bucket.boom')
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    return [{ status: 'pass', message: 'fine', evidence: [] }];
  },
};
