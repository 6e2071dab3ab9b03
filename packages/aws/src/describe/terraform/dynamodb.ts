import {
  asBoolean,
  asList,
  asString,
  type EncryptionAtRest,
  evidence,
  type Flow,
  knownFact,
  readProperty,
  SELF,
} from '@eugate/core';
import { regionFromArn } from '../shared/arn.js';
import { encryptionByKey } from './encryption.js';
import { knownString, readConfigured } from './plan-values.js';
import { buildResource, type OtherEnd, type TypeDescriber } from './resource-base.js';

const TABLE = 'aws_dynamodb_table';
const TABLE_REPLICA = 'aws_dynamodb_table_replica';

const AWS_OWNED_KEY = '(not set) — DynamoDB encrypts every table at rest, by default with an AWS owned key';

const describeTable: TypeDescriber = {
  type: TABLE,
  describe(table, scan) {
    // DynamoDB cannot be unencrypted: `enabled` only switches from the AWS owned key to a KMS key.
    const enabled = asBoolean(readConfigured(table, 'server_side_encryption[0].enabled'));
    const encryptionAtRest =
      enabled.state === 'set' && enabled.value
        ? encryptionByKey(table, scan, 'server_side_encryption[0].kms_key_arn', (keyEvidence) =>
            knownFact('provider-key', enabled.evidence, keyEvidence),
          )
        : knownFact<EncryptionAtRest>(
            'provider-key',
            enabled.state === 'set' ? enabled.evidence : evidence('server_side_encryption', AWS_OWNED_KEY),
          );
    const replicas = readConfigured(table, 'replica');
    const flows = asList(replicas.state === 'set' ? replicas.value : undefined).map((_, index): Flow => {
      const region = asString(readProperty(table.properties, `replica[${index}].region_name`));
      const to: OtherEnd = region.state === 'set' ? { region: knownFact(region.value, region.evidence) } : {};
      return { kind: 'replica', from: SELF, to, evidence: [region.evidence] };
    });
    return buildResource(table, {
      kind: 'nosql-database',
      storesData: true,
      identifierPaths: ['name', 'arn', 'id'],
      facts: { encryptionAtRest },
      flows,
    });
  },
};

/** A replica resource lives in its own provider's region: it is the copy, so the flow runs from the table to it. */
const describeTableReplica: TypeDescriber = {
  type: TABLE_REPLICA,
  describe(replica, scan) {
    const source = readProperty(replica.properties, 'global_table_arn');
    const arn = knownString(replica, 'global_table_arn');
    const table = scan.targetOf(replica, 'global_table_arn', [TABLE], ['arn']);
    const region = arn === undefined ? undefined : regionFromArn(arn);
    const from: OtherEnd = {
      ...(table === undefined ? {} : { address: table.address }),
      ...(arn === undefined ? {} : { identifier: arn }),
      ...(region === undefined ? {} : { region: knownFact(region, source.evidence) }),
    };
    return buildResource(replica, {
      kind: 'nosql-database',
      storesData: true,
      identifierPaths: ['arn', 'id'],
      facts: {
        encryptionAtRest: encryptionByKey(replica, scan, 'kms_key_arn', (keyEvidence) =>
          knownFact('provider-key', keyEvidence),
        ),
      },
      flows: [{ kind: 'replica', from, to: SELF, evidence: [source.evidence] }],
    });
  },
};

export const dynamodbDescribers: readonly TypeDescriber[] = [describeTable, describeTableReplica];
