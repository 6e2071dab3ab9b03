import { asBoolean, type Fact, knownFact, type RawResource, unknownFact } from '@eugate/core';
import { buildResource, describeConfiguration, type TypeDescriber } from './resource-base.js';
import { policyPublicAccess, readPolicy } from './resource-policy.js';
import type { Scan } from './scan.js';
import { knownString, read } from './template-values.js';

const KEY = 'AWS::KMS::Key';
const REPLICA_KEY = 'AWS::KMS::ReplicaKey';
const ALIAS = 'AWS::KMS::Alias';

function keyOf(alias: RawResource, scan: Scan): RawResource | undefined {
  return scan.targetOf(alias, 'TargetKeyId', [KEY, REPLICA_KEY], []);
}

/** Resources name a key by alias too (`KmsKeyId: alias/orders`), so its aliases identify it. */
function aliasIdentifiers(key: RawResource, scan: Scan): (string | undefined)[] {
  return scan
    .ofType(ALIAS)
    .filter((alias) => keyOf(alias, scan) === key)
    .map((alias) => knownString(alias, 'AliasName'));
}

/** Automatic rotation is off unless enabled. */
function rotation(key: RawResource): Fact<boolean> {
  const enabled = asBoolean(read(key, 'EnableKeyRotation'));
  if (enabled.state === 'unknown') return unknownFact(enabled.reason, enabled.evidence);
  return knownFact(enabled.state === 'set' && enabled.value, enabled.evidence);
}

const describeKey: TypeDescriber = {
  type: KEY,
  describe: (key, scan) =>
    buildResource(key, {
      kind: 'encryption-key',
      storesData: false,
      identifiers: aliasIdentifiers(key, scan),
      facts: { keyRotation: rotation(key), publicAccess: policyPublicAccess([readPolicy(key, 'KeyPolicy')]) },
    }),
};

/** A replica of a multi-Region key shares its primary's key material and rotation. */
const describeReplicaKey: TypeDescriber = {
  type: REPLICA_KEY,
  describe(replica, scan) {
    const primary = scan.targetOf(replica, 'PrimaryKeyArn', [KEY], []);
    const keyRotation =
      primary === undefined
        ? unknownFact<boolean>(
            'rotation of a replica key is set on its primary key, which is not in the input',
            read(replica, 'PrimaryKeyArn').evidence,
          )
        : (() => {
            const fact = rotation(primary);
            const evidence = fact.evidence.map((e) => ({ ...e, from: primary.address }));
            return fact.known
              ? knownFact(fact.value, ...evidence)
              : unknownFact<boolean>(fact.reason, ...evidence);
          })();
    return buildResource(replica, {
      kind: 'encryption-key',
      storesData: false,
      identifiers: aliasIdentifiers(replica, scan),
      facts: { keyRotation, publicAccess: policyPublicAccess([readPolicy(replica, 'KeyPolicy')]) },
    });
  },
};

export const kmsDescribers: readonly TypeDescriber[] = [
  describeKey,
  describeReplicaKey,
  { type: ALIAS, describe: (alias, scan) => describeConfiguration(alias, keyOf(alias, scan)) },
];
