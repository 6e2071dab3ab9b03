import type { PersonalDataReason } from '../classify/types.js';
import type { Evidence } from '../model/evidence.js';
import type { Cloud } from '../model/resource.js';
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
  readonly waivers: {
    readonly expired: readonly WaiverNotice[];
    readonly unused: readonly WaiverNotice[];
  };
  readonly disabledRules: readonly string[];
  readonly notes: readonly string[];
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

export interface WaiverNotice {
  readonly rule: string;
  readonly resource: string;
  readonly owner: string;
  readonly expires: string;
  readonly reason: string;
}
