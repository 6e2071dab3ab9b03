import {
  asBoolean,
  asList,
  asString,
  type EncryptionAtRest,
  evidence,
  type Fact,
  type Flow,
  knownFact,
  type RawResource,
  SELF,
  unknownFact,
} from '@eugate/core';
import { keyOwnership } from '../shared/kms-key.js';
import { kmsKeyReference } from './encryption.js';
import { buildResource, type OtherEnd, type TypeDescriber } from './resource-base.js';
import type { Scan } from './scan.js';
import { read } from './template-values.js';

const AWS_OWNED_KEY = '(not set) — DynamoDB encrypts every table at rest, by default with an AWS owned key';

/**
 * DynamoDB cannot be unencrypted: `SSEEnabled` only switches from the AWS owned key to a KMS key,
 * the table's own (`keyPath`) or else the AWS managed key aws/dynamodb.
 */
function tableEncryption(raw: RawResource, scan: Scan, keyPaths: readonly string[]): Fact<EncryptionAtRest> {
  const enabled = asBoolean(read(raw, 'SSESpecification.SSEEnabled'));
  if (enabled.state === 'unknown') return unknownFact(enabled.reason, enabled.evidence);
  if (enabled.state !== 'set' || !enabled.value)
    return knownFact(
      'provider-key',
      enabled.state === 'set' ? enabled.evidence : evidence('SSESpecification', AWS_OWNED_KEY),
    );
  const owners = keyPaths.map((path) => ({
    path,
    owner: keyOwnership(asString(read(raw, path)), kmsKeyReference(raw, scan, path)),
  }));
  const unknownOwner = owners.find((o) => o.owner !== undefined && !o.owner.known);
  if (unknownOwner?.owner !== undefined) return unknownOwner.owner;
  const values = new Set(owners.map((o) => (o.owner?.known ? o.owner.value : 'provider-key')));
  const [only] = values;
  if (values.size === 1 && only !== undefined)
    return knownFact(
      only,
      enabled.evidence,
      ...owners.flatMap(
        (o) => o.owner?.evidence ?? [evidence(o.path, '(not set) — AWS managed key aws/dynamodb')],
      ),
    );
  return unknownFact(
    'the replicas use different keys and the stack region, which tells which replica this is, is not known',
    ...owners.flatMap((o) => o.owner?.evidence ?? []),
  );
}

const describeTable: TypeDescriber = {
  type: 'AWS::DynamoDB::Table',
  describe: (table, scan) =>
    buildResource(table, {
      kind: 'nosql-database',
      storesData: true,
      identifierPaths: ['TableName'],
      facts: { encryptionAtRest: tableEncryption(table, scan, ['SSESpecification.KMSMasterKeyId']) },
    }),
};

/**
 * A global table lists every replica, the one in the stack's own region included: that one is this
 * resource, each other one a copy of its data in another region.
 */
const describeGlobalTable: TypeDescriber = {
  type: 'AWS::DynamoDB::GlobalTable',
  describe(table, scan) {
    const replicas = read(table, 'Replicas');
    const count = replicas.state === 'set' ? asList(replicas.value).length : 0;
    const stackRegion = table.region.known ? table.region.value : undefined;
    let self: number | undefined;
    const flows: Flow[] = [];
    for (let index = 0; index < count; index++) {
      const region = asString(read(table, `Replicas[${index}].Region`));
      if (region.state === 'set' && region.value === stackRegion) {
        self = index;
        continue;
      }
      const to: OtherEnd =
        region.state === 'set'
          ? { region: knownFact(region.value, region.evidence) }
          : {
              region: unknownFact(
                region.state === 'unknown' ? region.reason : 'the replica names no region',
                region.evidence,
              ),
            };
      flows.push({ kind: 'replica', from: SELF, to, evidence: [region.evidence] });
    }
    if (replicas.state === 'unknown')
      flows.push({
        kind: 'replica',
        from: SELF,
        to: { region: unknownFact(replicas.reason, replicas.evidence) },
        evidence: [replicas.evidence],
      });
    const keyPaths =
      self !== undefined
        ? [`Replicas[${self}].SSESpecification.KMSMasterKeyId`]
        : Array.from({ length: count }, (_, i) => `Replicas[${i}].SSESpecification.KMSMasterKeyId`);
    return buildResource(table, {
      kind: 'nosql-database',
      storesData: true,
      identifierPaths: ['TableName'],
      facts: { encryptionAtRest: tableEncryption(table, scan, keyPaths) },
      flows,
      ...(self === undefined ? {} : { tagsPath: `Replicas[${self}].Tags` }),
    });
  },
};

export const dynamodbDescribers: readonly TypeDescriber[] = [describeTable, describeGlobalTable];
