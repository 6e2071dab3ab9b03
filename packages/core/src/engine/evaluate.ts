import { classifyWithNotes } from '../classify/classify.js';
import type { ClassifiedResource, PersonalData } from '../classify/types.js';
import type { EugateConfig } from '../config/types.js';
import { link } from '../graph/link.js';
import type { Evidence } from '../model/evidence.js';
import type { Resource } from '../model/resource.js';
import type { SourceLocation } from '../model/source.js';
import { RULES } from '../policies/catalogue.js';
import {
  type Rule,
  type RuleContext,
  type RuleResult,
  SEVERITIES,
  type Severity,
} from '../policies/types.js';
import { resolveProfile } from '../profiles/index.js';
import { lookupRegion } from '../regions/index.js';
import type { Finding, FindingResource, InventoryEntry, PassedCheck, Report } from '../report/types.js';
import { applyWaivers } from '../waivers/apply.js';
import { personalDataFlows } from './flows.js';

export interface EvaluationInput {
  /** Described resources from every input of the scan. */
  readonly resources: readonly Resource[];
  /** Raw resources no describer models: counted by type in the report, never dropped. */
  readonly notModelled: readonly { readonly type: string; readonly address: string }[];
  /** The inputs as the user named them (relative paths), in the order given. */
  readonly inputs: readonly string[];
  /** Notes from the readers, e.g. "3 resources are being deleted and were not evaluated". */
  readonly notes?: readonly string[];
}

export interface EvaluateOptions {
  /** `YYYY-MM-DD`; decides which waivers have expired. Passed in so that evaluation stays pure. */
  readonly today: string;
  readonly toolVersion: string;
  /** The rule catalogue; tests pass their own. */
  readonly rules?: readonly Rule[];
  /** List every passed (rule, resource) check in `report.passedChecks` (JUnit); off by default, it costs memory. */
  readonly listPassedChecks?: boolean;
}

/**
 * The whole judgement: link, classify, run every enabled rule on every resource, apply waivers and
 * decide the verdict. Pure and deterministic: no I/O, no clock, output sorted.
 */
export function evaluate(input: EvaluationInput, config: EugateConfig, options: EvaluateOptions): Report {
  const profile = resolveProfile({
    profile: config.profile,
    ...(config.allowedCountries !== undefined && { allowedCountries: config.allowedCountries }),
    ...(config.allowedRegions !== undefined && { allowedRegions: config.allowedRegions }),
  });
  const graph = link(input.resources);
  const classification = classifyWithNotes(graph, config.classification);
  const byAddress = new Map<string, ClassifiedResource>();
  for (let r = 0; r < classification.resources.length; r++) {
    const resource = classification.resources[r]!;
    if (!byAddress.has(resource.address)) byAddress.set(resource.address, resource);
  }
  const context: RuleContext = { graph, profile, resource: (address) => byAddress.get(address) };

  const disabled = new Set(config.disabledRules);
  const rules = (options.rules ?? RULES).filter((rule) => !disabled.has(rule.meta.id));
  const raised: Finding[] = [];
  let passed = 0;
  const passedChecks: PassedCheck[] | undefined = options.listPassedChecks === true ? [] : undefined;
  const resources = classification.resources;
  // Indexed loops: this runs rules × resources times, and for-of would allocate an iterator for each.
  for (const rule of rules) {
    for (let r = 0; r < resources.length; r++) {
      const resource = resources[r]!;
      const results = runRule(rule, resource, context);
      for (let i = 0; i < results.length; i++) {
        const result = results[i]!;
        if (result.status === 'pass') {
          passed++;
          passedChecks?.push({ rule: rule.meta.id, resource: resource.address });
        } else raised.push(toFinding(rule, resource, result));
      }
    }
  }

  const waived = applyWaivers(raised, config.waivers, options.today);
  const findings = waived.findings.map((finding) => withBlocking(finding, isBlocking(finding, config)));
  findings.sort(compareFindings);

  const counts = { fail: 0, unknown: 0, waived: 0 };
  for (const finding of findings) counts[finding.status]++;
  let personalData = 0;
  for (let r = 0; r < resources.length; r++) if (resources[r]!.personalData !== null) personalData++;
  return {
    version: 1,
    tool: { name: 'eugate', version: options.toolVersion },
    verdict: findings.some((finding) => finding.blocking) ? 'fail' : 'pass',
    profile: { name: profile.name, description: profile.description },
    gate: { failOn: config.failOn, unknown: config.unknown },
    inputs: [...input.inputs],
    summary: {
      resources: input.resources.length + input.notModelled.length,
      described: input.resources.length,
      notModelled: input.notModelled.length,
      personalData,
      fail: counts.fail,
      unknown: counts.unknown,
      waived: counts.waived,
      passed,
    },
    findings,
    notModelled: groupNotModelled(input.notModelled),
    inventory: inventory(classification.resources),
    flows: personalDataFlows(classification.resources, graph, profile),
    waivers: { expired: waived.expired, unused: waived.unused },
    disabledRules: [...disabled].sort(compareText),
    notes: [...(input.notes ?? []), ...classification.notes],
    ...(passedChecks !== undefined && { passedChecks: sortedChecks(passedChecks) }),
  };
}

/** One entry per (rule, resource), however many results passed, sorted like the findings. */
function sortedChecks(checks: PassedCheck[]): PassedCheck[] {
  checks.sort((a, b) => compareText(a.rule, b.rule) || compareText(a.resource, b.resource));
  return checks.filter(
    (check, index) =>
      index === 0 || check.rule !== checks[index - 1]!.rule || check.resource !== checks[index - 1]!.resource,
  );
}

/** 1 when the gate fails, else 0. Usage and input errors (exit 2) never reach a report. */
export function exitCodeFor(report: Report): 0 | 1 {
  return report.verdict === 'fail' ? 1 : 0;
}

/** A rule that throws has not shown the resource is fine, so it counts as a failure of that rule (fail closed). */
function runRule(rule: Rule, resource: ClassifiedResource, context: RuleContext): readonly RuleResult[] {
  try {
    const results = rule.check(resource, context);
    // Iterated here, inside the guard, so a rule returning something other than a list fails closed too.
    if (!Array.isArray(results))
      throw new TypeError(`check() returned ${typeof results}, not a list of results`);
    return results;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [
      { status: 'fail', message: `rule ${rule.meta.id} failed on this resource: ${message}`, evidence: [] },
    ];
  }
}

/** `{ ...finding, blocking }`, with `blocking` in its place: `Object.assign` is much faster than the spread. */
function withBlocking(finding: Finding, blocking: boolean): Finding {
  const copy = Object.assign({}, finding) as { -readonly [K in keyof Finding]: Finding[K] };
  copy.blocking = blocking;
  return copy;
}

function isBlocking(finding: Finding, config: EugateConfig): boolean {
  if (!atLeast(finding.rule.severity, config.failOn)) return false;
  if (finding.status === 'fail') return true;
  return finding.status === 'unknown' && config.unknown === 'fail' && finding.personalData !== null;
}

function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(threshold);
}

/** Built key by key, in the order of `Finding`, so the JSON report is byte-stable. */
function toFinding(rule: Rule, resource: ClassifiedResource, result: RuleResult): Finding {
  return {
    rule: {
      id: rule.meta.id,
      category: rule.meta.category,
      severity: rule.meta.severity,
      title: rule.meta.title,
    },
    status: result.status === 'unknown' ? 'unknown' : 'fail',
    resource: findingResource(resource),
    message: result.message,
    evidence: result.evidence.map(copyEvidence),
    personalData: personalDataSummary(resource.personalData),
    blocking: false,
  };
}

function findingResource(resource: Resource): FindingResource {
  return {
    address: resource.address,
    type: resource.type,
    cloud: resource.cloud,
    region: resource.region.known ? resource.region.value : null,
    source: copySource(resource.source),
  };
}

function copySource(source: SourceLocation): SourceLocation {
  return {
    file: source.file,
    ...(source.line !== undefined && { line: source.line }),
    ...(source.column !== undefined && { column: source.column }),
    ...(source.construct !== undefined && { construct: source.construct }),
  };
}

function copyEvidence(item: Evidence): Evidence {
  return item.from === undefined
    ? { path: item.path, value: item.value }
    : { path: item.path, value: item.value, from: item.from };
}

function personalDataSummary(data: PersonalData | null): Finding['personalData'] {
  if (data === null) return null;
  return data.via === undefined ? { reason: data.reason } : { reason: data.reason, via: [...data.via] };
}

function groupNotModelled(raws: EvaluationInput['notModelled']): Report['notModelled'] {
  const counts = new Map<string, number>();
  for (const raw of raws) counts.set(raw.type, (counts.get(raw.type) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([type, count]) => ({ type, count }));
}

/** The residency map: every data store and every resource holding personal data, with where it is. */
function inventory(resources: readonly ClassifiedResource[]): InventoryEntry[] {
  return resources
    .filter((resource) => resource.storesData || resource.personalData !== null)
    .map((resource): InventoryEntry => {
      const region = resource.region.known ? resource.region.value : null;
      const info = region === null ? undefined : lookupRegion(resource.cloud, region);
      const encryption = resource.facts.encryptionAtRest;
      return {
        address: resource.address,
        type: resource.type,
        cloud: resource.cloud,
        kind: resource.kind,
        region,
        country: info?.country ?? null,
        jurisdiction: info?.jurisdiction ?? null,
        personalData: personalDataSummary(resource.personalData),
        encryptionAtRest: encryption?.known === true ? encryption.value : null,
        source: copySource(resource.source),
      };
    })
    .sort((a, b) => compareText(a.address, b.address));
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.rule.id, b.rule.id) ||
    compareText(a.resource.address, b.resource.address) ||
    compareText(a.message, b.message) ||
    compareText(a.status, b.status) ||
    compareText(JSON.stringify(a.evidence), JSON.stringify(b.evidence))
  );
}

/** Code-unit order, not `localeCompare`: the report must not depend on the machine's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
