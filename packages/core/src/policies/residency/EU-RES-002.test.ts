import { inRegion, makeEdge, makeResource, regionUnknown } from '../../internal/rule-test-builders.js';
import { knownFact } from '../../model/evidence.js';
import type { FlowKind } from '../../model/resource.js';
import { describeRule } from '../__fixtures__/harness.js';
import { rule } from './EU-RES-002.js';

const SOURCE = 'aws_s3_bucket.customers';
const REPLICA = 'aws_s3_bucket.replica';
const source = makeResource(SOURCE);
const EU = 'EU member states';

/** A copy from the subject to a resource of the input, landing where that resource is. */
const copyTo = (to: string, region: string, kind: FlowKind = 'replica') =>
  makeEdge(kind, SOURCE, to, { toRegion: inRegion(region) });

const VAULT = 'arn:aws:backup:us-west-2:123456789012:backup-vault:dr';
// The describer reads the destination region out of the vault ARN and puts it on the flow end.
const backupToOregon = makeEdge('backup-copy', SOURCE, null, {
  externalTarget: VAULT,
  toRegion: knownFact('us-west-2', { path: 'rule[0].copy_action[0].destination_vault_arn', value: VAULT }),
});

describeRule(rule, [
  {
    name: 'replica to a resource in us-east-1 fails',
    input: { subject: source, edges: [copyTo(REPLICA, 'us-east-1')] },
    expected: [
      {
        status: 'fail',
        message: `replicates to ${REPLICA} in us-east-1 (United States), outside the allowed jurisdictions (${EU})`,
        evidence: ['replica.target', 'region'],
      },
    ],
  },
  {
    name: 'replica to a resource in eu-west-1 passes',
    input: { subject: source, edges: [copyTo(REPLICA, 'eu-west-1')] },
    expected: [{ status: 'pass', message: `replicates to ${REPLICA} in eu-west-1 (Ireland)` }],
  },
  {
    name: 'replica to eu-west-2 (London) fails under eu',
    input: { subject: source, edges: [copyTo(REPLICA, 'eu-west-2')] },
    expected: [
      {
        status: 'fail',
        message: `replicates to ${REPLICA} in eu-west-2 (United Kingdom), outside the allowed jurisdictions (${EU})`,
      },
    ],
  },
  {
    name: 'replica to eu-west-2 (London) passes under adequacy',
    input: { subject: source, edges: [copyTo(REPLICA, 'eu-west-2')], profile: 'adequacy' },
    expected: [{ status: 'pass', message: `replicates to ${REPLICA} in eu-west-2 (United Kingdom)` }],
  },
  {
    name: 'replica to an external target without a region: unknown with the reason',
    input: {
      subject: source,
      edges: [
        makeEdge('replica', SOURCE, null, {
          externalTarget: 'arn:aws:s3:::elsewhere',
          toRegion: regionUnknown(
            'target arn:aws:s3:::elsewhere is not in this input and the flow does not state its region',
          ),
        }),
      ],
    },
    expected: [
      {
        status: 'unknown',
        message:
          'replicates to arn:aws:s3:::elsewhere, whose region cannot be determined: target arn:aws:s3:::elsewhere is not in this input and the flow does not state its region',
      },
    ],
  },
  {
    name: 'a flow naming no target and no region: unknown',
    input: {
      subject: source,
      edges: [
        makeEdge('replica', SOURCE, null, {
          toRegion: regionUnknown('the flow does not name its target or state its region'),
        }),
      ],
    },
    expected: [
      {
        status: 'unknown',
        message:
          'replicates to a target outside this input, whose region cannot be determined: the flow does not name its target or state its region',
      },
    ],
  },
  {
    name: 'replica to a resource whose region is known only after apply: unknown',
    input: {
      subject: source,
      edges: [makeEdge('replica', SOURCE, REPLICA, { toRegion: regionUnknown('known only after apply') })],
    },
    expected: [
      {
        status: 'unknown',
        message: `replicates to ${REPLICA}, whose region cannot be determined: known only after apply`,
      },
    ],
  },
  {
    name: 'replica to an uncatalogued region: unknown',
    input: { subject: source, edges: [copyTo(REPLICA, 'xx-mars-1')] },
    expected: [
      {
        status: 'unknown',
        message: `replicates to ${REPLICA}: region "xx-mars-1" is not in eugate's catalogue of aws regions`,
      },
    ],
  },
  {
    name: 'backup copy to a vault whose ARN names us-west-2 fails',
    input: { subject: source, edges: [backupToOregon] },
    expected: [
      {
        status: 'fail',
        message: `copies backups to ${VAULT} in us-west-2 (United States), outside the allowed jurisdictions (${EU})`,
        evidence: ['backup-copy.target', 'rule[0].copy_action[0].destination_vault_arn'],
      },
    ],
  },
  {
    name: 'log delivery to a bucket in us-east-1 fails',
    input: { subject: source, edges: [copyTo('aws_s3_bucket.logs', 'us-east-1', 'log-delivery')] },
    expected: [
      {
        status: 'fail',
        message: `delivers logs to aws_s3_bucket.logs in us-east-1 (United States), outside the allowed jurisdictions (${EU})`,
      },
    ],
  },
  {
    name: 'read replica and log delivery in the EU pass, one result per edge in order',
    input: {
      subject: source,
      edges: [
        copyTo('aws_db_instance.replica', 'eu-north-1', 'read-replica'),
        makeEdge('log-delivery', SOURCE, null, {
          externalTarget: 'logs-bucket',
          toRegion: inRegion('eu-central-1'),
        }),
      ],
    },
    expected: [
      { status: 'pass', message: 'has a read replica aws_db_instance.replica in eu-north-1 (Sweden)' },
      { status: 'pass', message: 'delivers logs to logs-bucket in eu-central-1 (Germany)' },
    ],
  },
  {
    name: 'one copy outside among copies inside: one result each',
    input: {
      subject: source,
      edges: [copyTo(REPLICA, 'eu-central-1'), copyTo('aws_s3_bucket.dr', 'us-west-2')],
    },
    expected: [
      { status: 'pass', message: `replicates to ${REPLICA} in eu-central-1 (Germany)` },
      {
        status: 'fail',
        message: `replicates to aws_s3_bucket.dr in us-west-2 (United States), outside the allowed jurisdictions (${EU})`,
      },
    ],
  },
  {
    name: 'narrowed countries apply to copies too',
    input: {
      subject: source,
      edges: [copyTo(REPLICA, 'eu-west-1')],
      profile: { profile: 'eu', allowedCountries: ['DE'] },
    },
    expected: [
      {
        status: 'fail',
        message: `replicates to ${REPLICA} in eu-west-1 (Ireland), outside the allowed jurisdictions (${EU}, narrowed to DE)`,
      },
    ],
  },
  {
    name: 'azure: a geo-replica in a paired region outside the EU fails',
    input: {
      subject: makeResource('azurerm_storage_account.customers', {
        type: 'azurerm_storage_account',
        cloud: 'azure',
        schema: 'terraform-azurerm',
        region: inRegion('westeurope', 'location'),
      }),
      edges: [
        makeEdge('replica', 'azurerm_storage_account.customers', null, {
          externalTarget: 'secondary of azurerm_storage_account.customers',
          toRegion: inRegion('eastus', 'account_replication_type'),
        }),
      ],
    },
    expected: [
      {
        status: 'fail',
        message: `replicates to secondary of azurerm_storage_account.customers in eastus (United States), outside the allowed jurisdictions (${EU})`,
      },
    ],
  },
  {
    name: 'edge-delivery edges are not judged here (EU-RES-004 judges the distribution)',
    input: { subject: source, edges: [copyTo('aws_cloudfront_distribution.cdn', 'us-east-1', 'edge-delivery')] },
    expected: [],
  },
  {
    name: 'network-ingress edges are not copies',
    input: { subject: source, edges: [copyTo('aws_security_group.db', 'us-east-1', 'network-ingress')] },
    expected: [],
  },
  {
    name: 'a copy flowing into the resource is judged at its source',
    input: {
      subject: source,
      edges: [makeEdge('replica', 'aws_s3_bucket.origin', SOURCE, { toRegion: inRegion('eu-west-1') })],
    },
    expected: [],
  },
  {
    name: 'not applicable: no personal data',
    input: { subject: source, edges: [copyTo(REPLICA, 'us-east-1')], personal: null },
    expected: [],
  },
  {
    name: 'not applicable: no edges',
    input: { subject: source },
    expected: [],
  },
]);
