import type { Scan } from '@eugate/core';
import {
  asList,
  asString,
  evidence,
  type Flow,
  knownFact,
  knownStrings,
  type RawResource,
  readProperty,
} from '@eugate/core';
import { parseArn, regionFromArn } from '../shared/arn.js';
import { encryptionByKey } from './encryption.js';
import {
  buildResource,
  describeConfiguration,
  type OtherEnd,
  resourceRegion,
  type TypeDescriber,
} from './resource-base.js';

const VAULT = 'aws_backup_vault';
const PLAN = 'aws_backup_plan';
const SELECTION = 'aws_backup_selection';

/** Vault names are unique per account and region: prefer the one in the region of `near`. */
function vaultNamed(scan: Scan, name: string, region: string | undefined): RawResource | undefined {
  const named = scan.named([VAULT], 'name', name);
  if (named.length <= 1) return named[0];
  const inRegion = named.filter((v) => {
    const r = resourceRegion(v);
    return r.known && r.value === region;
  });
  return inRegion.length === 1 ? inRegion[0] : undefined;
}

function vaultByArn(scan: Scan, arn: string): RawResource | undefined {
  const exact = scan.named([VAULT], 'arn', arn)[0];
  if (exact !== undefined) return exact;
  const parsed = parseArn(arn);
  const name = parsed?.resource.startsWith('backup-vault:')
    ? parsed.resource.slice('backup-vault:'.length)
    : undefined;
  if (parsed === undefined || name === undefined || parsed.region === '') return undefined;
  const candidate = vaultNamed(scan, name, parsed.region);
  const region = candidate === undefined ? undefined : resourceRegion(candidate);
  return region?.known && region.value === parsed.region ? candidate : undefined;
}

/** The vault a plan rule backs up into (`rule[i].target_vault_name`). */
function targetVault(plan: RawResource, scan: Scan, index: number): OtherEnd {
  const name = asString(readProperty(plan.properties, `rule[${index}].target_vault_name`));
  if (name.state !== 'set') return {};
  const region = resourceRegion(plan);
  const vault = vaultNamed(scan, name.value, region.known ? region.value : undefined);
  return vault === undefined
    ? { identifier: name.value }
    : { address: vault.address, identifier: name.value };
}

function ruleCount(plan: RawResource): number {
  return asList(plan.properties.rule).length;
}

/** Each `copy_action` copies the recovery points of the rule's vault to another vault, often in another region. */
function copyFlows(plan: RawResource, scan: Scan): Flow[] {
  const flows: Flow[] = [];
  for (let rule = 0; rule < ruleCount(plan); rule++) {
    const from = targetVault(plan, scan, rule);
    const actions = readProperty(plan.properties, `rule[${rule}].copy_action`);
    for (const index of asList(actions.state === 'set' ? actions.value : undefined).keys()) {
      const destination = asString(
        readProperty(plan.properties, `rule[${rule}].copy_action[${index}].destination_vault_arn`),
      );
      let to: OtherEnd = {};
      if (destination.state === 'set') {
        const region = regionFromArn(destination.value);
        const vault = vaultByArn(scan, destination.value);
        to = {
          identifier: destination.value,
          ...(vault === undefined ? {} : { address: vault.address }),
          ...(region === undefined ? {} : { region: knownFact(region, destination.evidence) }),
        };
      } else {
        const others = scan.referenced(plan, 'rule', [VAULT]).filter((a) => a !== from.address);
        if (others.length === 1 && others[0] !== undefined) to = { address: others[0] };
      }
      flows.push({ kind: 'backup-copy', from, to, evidence: [destination.evidence] });
    }
  }
  return flows;
}

/** A selection puts resources into its plan's vaults: each selected resource flows into each target vault. */
function selectionFlows(selection: RawResource, scan: Scan): Flow[] {
  const plan = scan.targetOf(selection, 'plan_id', [PLAN], ['id']);
  const vaults: OtherEnd[] =
    plan === undefined ? [{}] : Array.from({ length: ruleCount(plan) }, (_, i) => targetVault(plan, scan, i));
  const referenced = scan.referenced(selection, 'resources');
  const referencedArns = new Set(referenced.map((a) => scan.get(a)?.properties.arn));
  const sources: { end: OtherEnd; evidence: ReturnType<typeof evidence> }[] = [
    ...referenced.map((address) => ({
      end: { address },
      evidence: evidence('references.resources', address),
    })),
    ...knownStrings(selection.properties.resources)
      .filter((arn) => !arn.includes('*') && !referencedArns.has(arn))
      .map((arn) => ({ end: { identifier: arn }, evidence: evidence('resources', arn) })),
  ];
  return sources.flatMap(({ end, evidence: why }) =>
    vaults.map((to): Flow => ({ kind: 'backup-copy', from: end, to, evidence: [why] })),
  );
}

export const backupDescribers: readonly TypeDescriber[] = [
  {
    type: VAULT,
    describe: (vault, scan) =>
      buildResource(vault, {
        kind: 'backup-vault',
        storesData: true,
        identifierPaths: ['name', 'arn', 'id'],
        facts: {
          encryptionAtRest: encryptionByKey(vault, scan, 'kms_key_arn', () =>
            knownFact(
              'provider-key',
              evidence('kms_key_arn', '(not set) — AWS Backup encrypts with the AWS managed key aws/backup'),
            ),
          ),
        },
      }),
  },
  {
    type: PLAN,
    describe: (plan, scan) =>
      buildResource(plan, {
        kind: 'backup-plan',
        storesData: false,
        identifierPaths: ['id', 'arn', 'name'],
        flows: copyFlows(plan, scan),
      }),
  },
  {
    type: SELECTION,
    describe: (selection, scan) =>
      buildResource(selection, {
        kind: 'configuration',
        storesData: false,
        configures: scan.targetOf(selection, 'plan_id', [PLAN], ['id'])?.address,
        flows: selectionFlows(selection, scan),
      }),
  },
  {
    type: 'aws_backup_vault_policy',
    describe: (raw, scan) =>
      describeConfiguration(raw, scan.targetOf(raw, 'backup_vault_name', [VAULT], ['name', 'id'])),
  },
];
