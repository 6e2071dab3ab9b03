import { flow, inRegion, REGION_UNKNOWN, resource } from '../../graph/__fixtures__/resource.js';
import { knownFact } from '../../model/evidence.js';
import type { Flow } from '../../model/resource.js';
import { describeRule } from '../__fixtures__/harness.js';
import { rule } from './EU-RES-002.js';

const SOURCE = 'aws_s3_bucket.customers';
const source = (...flows: Flow[]) => resource(SOURCE, { flows });
const target = (region: string) =>
  resource('aws_s3_bucket.replica', { region: inRegion(region), identifiers: ['arn:aws:s3:::replica'] });
const toReplica = flow('replica', { identifier: 'arn:aws:s3:::replica' });
const EU = 'EU member states';

const VAULT = 'arn:aws:backup:us-west-2:123456789012:backup-vault:dr';
// The describer reads the destination region out of the vault ARN and puts it on the flow end.
const backupToOregon = flow('backup-copy', {
  identifier: VAULT,
  region: knownFact('us-west-2', { path: 'rule[0].copy_action[0].destination_vault_arn', value: VAULT }),
});

// A DynamoDB replica (like a Cosmos DB geo_location): one property both makes the copy and says where it lands.
const REPLICA_REGION = { path: 'replica[0].region_name', value: 'us-east-1' };

describeRule(rule, [
  {
    name: 'replica to a resource in us-east-1 fails',
    input: { subject: source(toReplica), others: [target('us-east-1')] },
    expected: [
      {
        status: 'fail',
        message: `replicates to aws_s3_bucket.replica in us-east-1 (United States), outside the allowed jurisdictions (${EU})`,
        evidence: ['replica.target', 'region'],
      },
    ],
  },
  {
    name: 'replica to a resource in eu-west-1 passes',
    input: { subject: source(toReplica), others: [target('eu-west-1')] },
    expected: [{ status: 'pass', message: 'replicates to aws_s3_bucket.replica in eu-west-1 (Ireland)' }],
  },
  {
    name: "the target's own region outweighs the region the flow states",
    input: {
      subject: source(flow('replica', { identifier: 'arn:aws:s3:::replica', region: inRegion('eu-west-1') })),
      others: [target('us-east-1')],
    },
    expected: [
      {
        status: 'fail',
        message: `replicates to aws_s3_bucket.replica in us-east-1 (United States), outside the allowed jurisdictions (${EU})`,
      },
    ],
  },
  {
    name: 'replica to eu-west-2 (London) passes under adequacy',
    input: { subject: source(toReplica), others: [target('eu-west-2')], profile: 'adequacy' },
    expected: [
      { status: 'pass', message: 'replicates to aws_s3_bucket.replica in eu-west-2 (United Kingdom)' },
    ],
  },
  {
    name: 'replica to an external target without a region: unknown',
    input: { subject: source(flow('replica', { identifier: 'arn:aws:s3:::elsewhere' })) },
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
    input: { subject: source(flow('replica', {})) },
    expected: [
      {
        status: 'unknown',
        message:
          'replicates to a target outside this input, whose region cannot be determined: the flow does not name its target or state its region',
      },
    ],
  },
  {
    name: 'replica to a resource in the input whose region is known only after apply: unknown',
    input: {
      subject: source(toReplica),
      others: [
        resource('aws_s3_bucket.replica', { region: REGION_UNKNOWN, identifiers: ['arn:aws:s3:::replica'] }),
      ],
    },
    expected: [
      {
        status: 'unknown',
        message:
          'replicates to aws_s3_bucket.replica, whose region cannot be determined: known only after apply',
      },
    ],
  },
  {
    name: 'replica to an uncatalogued region: unknown',
    input: { subject: source(toReplica), others: [target('xx-mars-1')] },
    expected: [
      {
        status: 'unknown',
        message: `replicates to aws_s3_bucket.replica: region "xx-mars-1" is not in eugate's catalogue of aws regions`,
      },
    ],
  },
  {
    name: 'backup copy to a vault whose ARN names us-west-2 fails',
    input: { subject: source(backupToOregon) },
    expected: [
      {
        status: 'fail',
        message: `copies backups to ${VAULT} in us-west-2 (United States), outside the allowed jurisdictions (${EU})`,
        evidence: ['backup-copy.target', 'rule[0].copy_action[0].destination_vault_arn'],
      },
    ],
  },
  {
    name: 'read replica and log delivery in the EU pass, one result per flow in order',
    input: {
      subject: source(
        flow('read-replica', { address: 'aws_db_instance.replica' }),
        flow('log-delivery', { identifier: 'logs-bucket', region: inRegion('eu-central-1') }),
      ),
      others: [
        resource('aws_db_instance.replica', { kind: 'relational-database', region: inRegion('eu-north-1') }),
      ],
    },
    expected: [
      { status: 'pass', message: 'has a read replica aws_db_instance.replica in eu-north-1 (Sweden)' },
      { status: 'pass', message: 'delivers logs to logs-bucket in eu-central-1 (Germany)' },
    ],
  },
  {
    name: 'a replication configuration speaks for the bucket it configures',
    input: {
      subject: source(),
      others: [
        resource('aws_s3_bucket_replication_configuration.customers', {
          kind: 'configuration',
          storesData: false,
          configures: SOURCE,
          flows: [toReplica],
        }),
        target('us-east-1'),
      ],
    },
    expected: [
      {
        status: 'fail',
        message: `replicates to aws_s3_bucket.replica in us-east-1 (United States), outside the allowed jurisdictions (${EU})`,
      },
    ],
  },
  {
    name: 'narrowed countries apply to copies too',
    input: {
      subject: source(toReplica),
      others: [target('eu-west-1')],
      profile: { profile: 'eu', allowedCountries: ['DE'] },
    },
    expected: [
      {
        status: 'fail',
        message: `replicates to aws_s3_bucket.replica in eu-west-1 (Ireland), outside the allowed jurisdictions (${EU}, narrowed to DE)`,
      },
    ],
  },
  {
    name: 'evidence the flow and its region share is cited once',
    input: {
      subject: source({
        kind: 'replica',
        from: { self: true },
        to: { region: knownFact('us-east-1', REPLICA_REGION) },
        evidence: [REPLICA_REGION],
      }),
    },
    expected: [
      {
        status: 'fail',
        message: `replicates to a target outside this input in us-east-1 (United States), outside the allowed jurisdictions (${EU})`,
        evidence: ['replica[0].region_name'],
      },
    ],
  },
  {
    name: 'edge-delivery flows are ignored (EU-RES-004 judges them)',
    input: { subject: source(flow('edge-delivery', { identifier: 'cdn', region: inRegion('us-east-1') })) },
    expected: [],
  },
  {
    name: 'network-ingress flows are not copies',
    input: {
      subject: source(flow('network-ingress', { identifier: 'elsewhere', region: inRegion('us-east-1') })),
    },
    expected: [],
  },
  {
    name: 'a copy flowing into the resource is judged at its source',
    input: {
      subject: resource(SOURCE, { identifiers: ['arn:aws:s3:::customers'] }),
      others: [
        resource('aws_s3_bucket.origin', {
          region: inRegion('us-east-1'),
          flows: [flow('replica', { identifier: 'arn:aws:s3:::customers' })],
        }),
      ],
    },
    expected: [],
  },
  {
    name: 'not applicable: no personal data',
    input: { subject: source(toReplica), others: [target('us-east-1')], personal: null },
    expected: [],
  },
  {
    name: 'not applicable: no flows',
    input: { subject: source() },
    expected: [],
  },
]);
