import type { PersonalDataReason } from '../classify/types.js';
import type { Evidence } from '../model/evidence.js';
import type { Cloud, FlowKind } from '../model/resource.js';
import type { SourceLocation } from '../model/source.js';
import type { Category, Severity } from '../policies/types.js';
import type { Jurisdiction } from '../regions/types.js';

/**
 * The JSON report, version 1 — a public contract (docs/report-format.md). Add fields only;
 * never rename or remove one without bumping `version`.
 */
export interface Report {
  readonly version: 1;
  readonly tool: { readonly name: 'eugate'; readonly version: string };
  readonly verdict: 'pass' | 'fail';
  readonly profile: { readonly name: string; readonly description: string };
  readonly gate: { readonly failOn: Severity; readonly unknown: 'fail' | 'warn' };
  readonly inputs: readonly string[];
  readonly summary: ReportSummary;
  readonly findings: readonly Finding[];
  readonly notModelled: readonly { readonly type: string; readonly count: number }[];
  /** Every described data store: where it is and whether it holds personal data (the residency map). */
  readonly inventory: readonly InventoryEntry[];
  /**
   * Copies of personal data (replicas, backup copies, delivered logs, edge caches): every
   * data-copying flow out of a resource holding personal data, where the copy lands and whether
   * that is allowed. Optional because reports written before it was added lack it.
   */
  readonly flows?: readonly DataFlow[];
  readonly waivers: {
    readonly expired: readonly WaiverNotice[];
    readonly unused: readonly WaiverNotice[];
  };
  readonly disabledRules: readonly string[];
  readonly notes: readonly string[];
  /**
   * Every (rule, resource) check that passed, sorted; only when the scan was asked to list them
   * (`EvaluateOptions.listPassedChecks`, e.g. for JUnit). Failed checks are the findings.
   */
  readonly passedChecks?: readonly PassedCheck[];
  /** Present when the findings were compared with a baseline report (`--baseline`, docs/reports.md). */
  readonly baseline?: BaselineSummary;
}

export interface PassedCheck {
  readonly rule: string;
  readonly resource: string;
}

export interface BaselineSummary {
  /** The baseline report as the user named it. */
  readonly file: string;
  /** Findings also in the baseline: reported, not counted against the gate. */
  readonly matched: number;
  /** Failing or unknown findings not in the baseline: these decide the gate. */
  readonly new: number;
  /** Baseline findings no longer raised. */
  readonly fixed: number;
}

export interface ReportSummary {
  /** Resources read from the inputs (deleted resources and data sources excluded). */
  readonly resources: number;
  readonly described: number;
  readonly notModelled: number;
  readonly personalData: number;
  readonly fail: number;
  readonly unknown: number;
  readonly waived: number;
  /** Rule checks that passed. */
  readonly passed: number;
}

export type FindingStatus = 'fail' | 'unknown' | 'waived';

export interface FindingResource {
  readonly address: string;
  readonly type: string;
  readonly cloud: Cloud;
  readonly region: string | null;
  readonly source: SourceLocation;
}

export interface Finding {
  readonly rule: {
    readonly id: string;
    readonly category: Category;
    readonly severity: Severity;
    readonly title: string;
  };
  readonly status: FindingStatus;
  /** For `waived`: what it would have been. */
  readonly waivedStatus?: 'fail' | 'unknown';
  readonly resource: FindingResource;
  readonly message: string;
  readonly evidence: readonly Evidence[];
  readonly personalData: { readonly reason: PersonalDataReason; readonly via?: readonly string[] } | null;
  readonly waiver?: { readonly reason: string; readonly owner: string; readonly expires: string };
  /** Whether this finding counts against the gate. */
  readonly blocking: boolean;
  /** Already in the baseline report (`--baseline`): reported, but never blocking. */
  readonly baselined?: true;
}

export interface InventoryEntry {
  readonly address: string;
  readonly type: string;
  readonly cloud: Cloud;
  readonly kind: string;
  readonly region: string | null;
  readonly country: string | null;
  readonly jurisdiction: Jurisdiction | null;
  readonly personalData: { readonly reason: PersonalDataReason; readonly via?: readonly string[] } | null;
  readonly encryptionAtRest: string | null;
  readonly source: SourceLocation;
}

export interface DataFlow {
  /** `replica`, `read-replica`, `backup-copy`, `log-delivery` or `edge-delivery`. */
  readonly kind: FlowKind;
  /** Address of the resource holding personal data that the copy is made from. */
  readonly from: string;
  readonly fromRegion: string | null;
  /** The target's address when it is in the input, its identifier (ARN, name) when not, null when unnamed. */
  readonly to: string | null;
  /** Where the copy lands; null when unknown, or when it is cached at edge locations worldwide. */
  readonly toRegion: string | null;
  readonly toCountry: string | null;
  readonly toJurisdiction: Jurisdiction | null;
  /** Served through a global edge service not restricted to EU edge locations: copies are cached worldwide. */
  readonly worldwide: boolean;
  /** Whether the profile allows where the copy lands; null when that cannot be told. */
  readonly allowed: boolean | null;
}

export interface WaiverNotice {
  readonly rule: string;
  readonly resource: string;
  readonly owner: string;
  readonly expires: string;
  readonly reason: string;
}
