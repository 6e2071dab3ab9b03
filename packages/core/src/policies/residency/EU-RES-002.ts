/**
 * EU-RES-002 — personal data replicated, copied, backed up or logged outside the allowed jurisdictions.
 *
 * A transfer is a transfer whether it is the primary copy or a disaster-recovery replica (GDPR
 * Art. 44 applies to "any transfer"). Cross-region replication and backup copy rules are the usual
 * way personal data leaves the EU unnoticed: the primary sits in Frankfurt, the replica in Virginia.
 */
import type { Edge } from '../../graph/types.js';
import type { Evidence } from '../../model/evidence.js';
import { DATA_COPYING_FLOWS, type FlowKind } from '../../model/resource.js';
import { fail, holdsPersonalData, judgeRegion, pass, undecided } from '../shared.js';
import type { Rule } from '../types.js';

const VERB: Record<FlowKind, string> = {
  replica: 'replicates to',
  'read-replica': 'has a read replica',
  'backup-copy': 'copies backups to',
  'log-delivery': 'delivers logs to',
  'edge-delivery': 'is served through',
  'network-ingress': 'admits traffic from',
};

/**
 * The flow and the region it lands in often cite the same property: a Cosmos DB `geo_location`'s
 * location is both the replica and its region; a storage account's `account_replication_type` both
 * makes the geo-copy and picks the paired region. A finding cites each piece of evidence once.
 */
function withoutRepeats(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((item) => {
    const key = JSON.stringify([item.path, item.value, item.from ?? null]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function targetName(edge: Edge): string {
  return edge.to ?? edge.externalTarget ?? 'a target outside this input';
}

export const rule: Rule = {
  meta: {
    id: 'EU-RES-002',
    title: 'Personal data replicated, copied or backed up outside the allowed jurisdictions',
    category: 'residency',
    severity: 'critical',
    legalBasis: ['GDPR Art. 44', 'GDPR Art. 46', 'CJEU C-311/18 (Schrems II)'],
    rationale:
      'Replicas, backup copies and delivered logs are personal data too, and each one that lands outside the allowed jurisdictions is a transfer under GDPR Chapter V. They are configured far from the primary resource (a replication rule, a backup plan, a global table replica), which is why they are missed in review.',
    appliesTo:
      'Every replication, read-replica, backup-copy and log-delivery flow out of a resource holding personal data (edge delivery is judged by EU-RES-004).',
    outcomes: {
      pass: 'The copy lands in an allowed region.',
      fail: 'The copy lands in a region outside the allowed jurisdictions.',
      unknown:
        'Where the copy lands cannot be told: the target is not in the input and the flow states no region, or the region is not in the catalogue.',
    },
    remediation: {
      terraform:
        'Point the replication `destination.bucket`, DynamoDB `replica.region_name`, backup `copy_action.destination_vault_arn` or log target at a resource in an allowed region; remove replicas in other regions.',
      cloudformation:
        'Point `ReplicationConfiguration.Rules[].Destination.Bucket`, `AWS::DynamoDB::GlobalTable` `Replicas[].Region` or `CopyActions[].DestinationBackupVaultArn` at a resource in an allowed region.',
      pulumi:
        'Point the replica/backup/log destination at a resource created through a provider in an allowed region.',
      arm: 'Use a replication setting whose paired region is allowed (e.g. GRS from westeurope pairs with northeurope); remove geo-replicas and failover partners outside the EU.',
    },
  },
  check(resource, context) {
    if (!holdsPersonalData(resource)) return [];
    const results = [];
    for (const edge of context.graph.outgoing(resource.address)) {
      if (!DATA_COPYING_FLOWS.has(edge.kind) || edge.kind === 'edge-delivery') continue;
      const what = `${VERB[edge.kind]} ${targetName(edge)}`;
      const evidence = withoutRepeats([...edge.evidence, ...edge.toRegion.evidence]);
      if (!edge.toRegion.known) {
        results.push(
          undecided(`${what}, whose region cannot be determined: ${edge.toRegion.reason}`, evidence),
        );
        continue;
      }
      const judgement = judgeRegion(context, resource.cloud, edge.toRegion.value);
      if (judgement.state === 'uncatalogued')
        results.push(undecided(`${what}: ${judgement.reason}`, evidence));
      else if (judgement.state === 'allowed') results.push(pass(`${what} in ${judgement.place}`, evidence));
      else
        results.push(
          fail(
            `${what} in ${judgement.place}, outside the allowed jurisdictions (${context.profile.description})`,
            evidence,
          ),
        );
    }
    return results;
  },
};
