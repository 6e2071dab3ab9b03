import type { ClassifiedResource } from '../classify/types.js';
import type { Graph } from '../graph/types.js';
import type { Evidence } from '../model/evidence.js';
import type { ResolvedProfile } from '../profiles/types.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];
export type Category = 'residency' | 'encryption' | 'access';

/** How to fix it, per IaC flavour. Terraform text also serves CDKTF and `@pulumi/aws`-style programs. */
export interface Remediation {
  readonly terraform: string;
  readonly cloudformation: string;
  readonly pulumi: string;
  readonly arm?: string;
}

export interface RuleMeta {
  readonly id: string;
  readonly title: string;
  readonly category: Category;
  readonly severity: Severity;
  /** E.g. `GDPR Art. 32(1)(a)`; at least one. */
  readonly legalBasis: readonly string[];
  /** Why it matters, with the real-world failure it prevents. */
  readonly rationale: string;
  readonly remediation: Remediation;
  /** Which resources the rule looks at, for the docs. */
  readonly appliesTo: string;
  /** What makes each status, for the docs. */
  readonly outcomes: { readonly pass: string; readonly fail: string; readonly unknown: string };
}

export type RuleStatus = 'pass' | 'fail' | 'unknown';

export interface RuleResult {
  readonly status: RuleStatus;
  readonly message: string;
  readonly evidence: readonly Evidence[];
}

export interface RuleContext {
  readonly graph: Graph;
  readonly profile: ResolvedProfile;
  /** Look up a resource with its classification. */
  resource(address: string): ClassifiedResource | undefined;
}

/**
 * A cloud-agnostic policy. It reads facts, never raw properties. `check` returns no result when
 * the rule does not apply to the resource, and may return several (one per flow, say).
 */
export interface Rule {
  readonly meta: RuleMeta;
  check(resource: ClassifiedResource, context: RuleContext): readonly RuleResult[];
}
