import { asString, evidence, type Flow, knownFact, knownStrings, type RawResource } from '@eugate/core';
import { parseArn, regionFromArn } from '../shared/arn.js';
import { encryptionByKey } from './encryption.js';
import { buildResource, type OtherEnd, type TypeDescriber } from './resource-base.js';
import type { Scan } from './scan.js';
import { listLength, notSet, read } from './template-values.js';

const VAULT = 'AWS::Backup::BackupVault';
const PLAN = 'AWS::Backup::BackupPlan';
const SELECTION = 'AWS::Backup::BackupSelection';
const RULES = 'BackupPlan.BackupPlanRule';

/** Vault names are unique per account and region: only a vault of that name in `region` matches. */
function vaultNamed(scan: Scan, name: string, region: string | undefined): RawResource | undefined {
  const named = scan.ofType(VAULT).filter((v) => v.properties.BackupVaultName === name);
  if (named.length <= 1 && region === undefined) return named[0];
  const inRegion = named.filter((v) => v.region.known && v.region.value === region);
  return inRegion.length === 1 ? inRegion[0] : undefined;
}

/** The vault a rule backs up into (`TargetBackupVault`, a name; `Ref` of a vault gives its name). */
function targetVault(plan: RawResource, scan: Scan, index: number): OtherEnd {
  const name = asString(read(plan, `${RULES}[${index}].TargetBackupVault`));
  if (name.state === 'set') {
    const vault = vaultNamed(scan, name.value, plan.region.known ? plan.region.value : undefined);
    return vault === undefined
      ? { identifier: name.value }
      : { address: vault.address, identifier: name.value };
  }
  const referenced = scan.referenced(plan, 'BackupPlan', [VAULT]);
  return name.state === 'unknown' && referenced.length === 1 && referenced[0] !== undefined
    ? { address: referenced[0] }
    : {};
}

/** Each copy action copies the recovery points of the rule's vault to another vault, often in another region. */
function copyFlows(plan: RawResource, scan: Scan): Flow[] {
  const flows: Flow[] = [];
  for (let rule = 0; rule < listLength(plan, RULES); rule++) {
    const from = targetVault(plan, scan, rule);
    const actions = `${RULES}[${rule}].CopyActions`;
    for (let index = 0; index < listLength(plan, actions); index++) {
      const destination = asString(read(plan, `${actions}[${index}].DestinationBackupVaultArn`));
      let to: OtherEnd = {};
      if (destination.state === 'set') {
        const arn = parseArn(destination.value);
        const region = regionFromArn(destination.value);
        const name = arn?.resource.startsWith('backup-vault:')
          ? arn.resource.slice('backup-vault:'.length)
          : undefined;
        const vault = name === undefined || region === undefined ? undefined : vaultNamed(scan, name, region);
        to = {
          identifier: destination.value,
          ...(vault === undefined ? {} : { address: vault.address }),
          ...(region === undefined ? {} : { region: knownFact(region, destination.evidence) }),
        };
      } else {
        const others = scan.referenced(plan, 'BackupPlan', [VAULT]).filter((a) => a !== from.address);
        if (destination.state === 'unknown' && others.length === 1 && others[0] !== undefined)
          to = { address: others[0] };
      }
      flows.push({ kind: 'backup-copy', from, to, evidence: [destination.evidence] });
    }
  }
  return flows;
}

/** A selection puts resources into its plan's vaults: each selected resource flows into each target vault. */
function selectionFlows(selection: RawResource, scan: Scan): Flow[] {
  const plan = scan.targetOf(selection, 'BackupPlanId', [PLAN], []);
  const vaults: OtherEnd[] =
    plan === undefined
      ? [{}]
      : Array.from({ length: listLength(plan, RULES) }, (_, i) => targetVault(plan, scan, i));
  const resources = read(selection, 'BackupSelection.Resources');
  const sources = [
    ...scan
      .referenced(selection, 'BackupSelection')
      .filter((address) => scan.get(address)?.type !== 'AWS::IAM::Role')
      .map((address) => ({
        end: { address } as OtherEnd,
        why: evidence('references.BackupSelection', address),
      })),
    ...(resources.state === 'set' ? knownStrings(resources.value) : [])
      .filter((arn) => !arn.includes('*'))
      .map((arn) => ({
        end: { identifier: arn } as OtherEnd,
        why: evidence('BackupSelection.Resources', arn),
      })),
  ];
  return sources.flatMap(({ end, why }) =>
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
        identifierPaths: ['BackupVaultName'],
        facts: {
          encryptionAtRest: encryptionByKey(vault, scan, 'EncryptionKeyArn', () =>
            knownFact(
              'provider-key',
              notSet('EncryptionKeyArn', 'AWS Backup encrypts with the AWS managed key aws/backup'),
            ),
          ),
        },
      }),
  },
  {
    type: PLAN,
    describe: (plan, scan) =>
      buildResource(plan, { kind: 'backup-plan', storesData: false, flows: copyFlows(plan, scan) }),
  },
  {
    type: SELECTION,
    describe: (selection, scan) =>
      buildResource(selection, {
        kind: 'configuration',
        storesData: false,
        configures: scan.targetOf(selection, 'BackupPlanId', [PLAN], [])?.address,
        flows: selectionFlows(selection, scan),
      }),
  },
];
