// `@eugate/pulumi/policy`: eugate's rules as a Pulumi CrossGuard policy pack, so that
// `pulumi preview --policy-pack <dir>` and `pulumi up` run them on what is about to be deployed.

import { readFileSync } from 'node:fs';
import { cloudFormationDescriber, terraformAwsDescriber } from '@eugate/aws';
import { armDescriber, terraformAzurermDescriber } from '@eugate/azure';
import {
  type Describer,
  defaultConfig,
  type EugateConfig,
  type Finding,
  type Report,
  RULES,
  SEVERITIES,
  type Severity,
  scanRawResources,
} from '@eugate/core';
import {
  type EnforcementLevel,
  PolicyPack,
  type PolicyResource,
  type ReportViolation,
  type StackValidationArgs,
  type StackValidationPolicy,
} from '@pulumi/policy';
import type { JsonObject } from '../read/json-value.js';
import { decodeProperties } from '../read/property-values.js';
import { buildRawResources } from '../read/resources.js';
import type { PulumiResourceState } from '../read/state.js';

export interface EugatePolicyOptions {
  /** eugate's configuration: profile, classification, waivers, `failOn`, `unknown`, disabled rules. */
  readonly config?: EugateConfig;
  /** `YYYY-MM-DD` for waiver expiry; default today (UTC). */
  readonly today?: string;
  /** Describers; default: Terraform AWS, Terraform azurerm, CloudFormation and ARM. */
  readonly describers?: readonly Describer[];
}

const DESCRIBERS: readonly Describer[] = [
  terraformAwsDescriber,
  terraformAzurermDescriber,
  cloudFormationDescriber,
  armDescriber,
];

const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** The policy pack's `props` proxy hands out its target under this key (`@pulumi/policy` proxy.ts). */
const PROXY_TARGET = '__getSpecialProxyTarget';

/**
 * A rule at or above `failOn` blocks the update (`mandatory`); below it, it is reported
 * (`advisory`); a rule disabled in the config is `disabled`. Pulumi's own policy config can still
 * override any of them per policy.
 */
export function enforcementLevelFor(
  ruleId: string,
  severity: Severity,
  config: EugateConfig,
): EnforcementLevel {
  if (config.disabledRules.includes(ruleId)) return 'disabled';
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(config.failOn) ? 'mandatory' : 'advisory';
}

/**
 * One stack policy per eugate rule. Each validates the whole stack (so flows between resources,
 * a replica in another region, are seen) through the same pipeline as the CLI; the scan runs once
 * per stack and is shared by the policies.
 */
export function eugatePolicies(options: EugatePolicyOptions = {}): StackValidationPolicy[] {
  const config = options.config ?? defaultConfig();
  const describers = options.describers ?? DESCRIBERS;
  // The engine builds each policy's arguments afresh from the same resources: the last scan is
  // reused when the resources are the same, so a stack is scanned once, not once per rule.
  let last: { readonly key: string; readonly report: Report } | undefined;
  const scan = (resources: readonly PolicyResource[]): Report => {
    const key = stackFingerprint(resources);
    if (last?.key !== key)
      last = { key, report: scanPolicyResources(resources, describers, config, options.today) };
    return last.report;
  };
  return RULES.map((rule) => ({
    name: rule.meta.id,
    description: rule.meta.title,
    severity: rule.meta.severity,
    enforcementLevel: enforcementLevelFor(rule.meta.id, rule.meta.severity, config),
    validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
      for (const finding of scan(args.resources).findings) {
        if (finding.rule.id !== rule.meta.id) continue;
        if (finding.status === 'fail') reportViolation(violationMessage(finding), finding.resource.address);
        // Unknown is fail-closed like the CLI's default; `unknown: warn` makes it a note in the message only.
        else if (finding.status === 'unknown' && config.unknown === 'fail')
          reportViolation(violationMessage(finding), finding.resource.address);
      }
    },
  }));
}

/** `new PolicyPack('eugate', …)`: call this in the policy pack's `index.ts`. */
export function createEugatePolicyPack(options: EugatePolicyOptions = {}): PolicyPack {
  return new PolicyPack('eugate', { policies: eugatePolicies(options), enforcementLevel: 'mandatory' });
}

/** The stack's resources as the engine hands them to a stack policy → raw resources → the report. */
export function scanPolicyResources(
  resources: readonly PolicyResource[],
  describers: readonly Describer[],
  config: EugateConfig,
  today?: string,
): Report {
  const states: PulumiResourceState[] = [];
  const providers = new Map<string, PulumiResourceState>();
  for (const resource of resources) {
    const provider = resource.provider;
    if (provider !== undefined && !providers.has(provider.urn)) {
      providers.set(provider.urn, {
        urn: provider.urn,
        type: provider.type,
        custom: true,
        external: false,
        inputs: decodeProperties(unproxied(provider.props)),
        current: 'inputs',
      });
    }
    const dependencies: Record<string, string[]> = {};
    for (const [key, targets] of Object.entries(resource.propertyDependencies ?? {}))
      dependencies[key] = targets.map((target) => target.urn);
    states.push({
      urn: resource.urn,
      type: resource.type,
      // The engine does not say which resources are components: they are listed as not modelled.
      custom: true,
      external: false,
      inputs: decodeProperties(unproxied(resource.props)),
      current: 'inputs',
      ...(provider !== undefined && { provider: `${provider.urn}::policy` }),
      ...(resource.parent !== undefined && { parent: resource.parent.urn }),
      propertyDependencies: dependencies,
    });
  }
  for (const provider of providers.values())
    if (!states.some((s) => s.urn === provider.urn)) states.push(provider);
  const built = buildRawResources(states, {
    file: 'pulumi stack',
    missingConfigReason: 'the engine passed no provider configuration',
  });
  return scanRawResources(
    { resources: built.resources, inputs: ['pulumi stack'], notes: built.notes },
    describers,
    config,
    { today: today ?? new Date().toISOString().slice(0, 10), toolVersion: VERSION },
  );
}

function stackFingerprint(resources: readonly PolicyResource[]): string {
  return JSON.stringify(
    resources.map((resource) => [
      resource.urn,
      resource.type,
      unproxied(resource.props),
      resource.provider?.urn,
      resource.provider === undefined ? null : unproxied(resource.provider.props),
      Object.entries(resource.propertyDependencies ?? {}).map(([key, targets]) => [
        key,
        targets.map((t) => t.urn),
      ]),
    ]),
  );
}

/** The values behind `@pulumi/policy`'s unknown-checking proxy: unknowns stay sentinels, to become unknown facts. */
function unproxied(props: Record<string, unknown>): JsonObject {
  const target = (props as Record<string, unknown>)[PROXY_TARGET];
  return (target ?? props) as JsonObject;
}

function violationMessage(finding: Finding): string {
  const evidence = finding.evidence
    .slice(0, 3)
    .map((item) => `${item.path} = ${JSON.stringify(item.value)}`)
    .join('; ');
  const prefix = finding.status === 'unknown' ? 'cannot be decided (fail closed): ' : '';
  return `${prefix}${finding.message}${evidence === '' ? '' : ` (evidence: ${evidence})`}. Run \`eugate explain ${finding.rule.id}\` for the fix.`;
}
