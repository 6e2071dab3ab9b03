import { asString, type Flow, knownFact, type RawResource, SELF, unknownFact } from '@eugate/core';
import { encryptionByKey } from './encryption.js';
import { buildResource, configurationOf, type TypeDescriber } from './resource-base.js';
import { policyPublicAccess, readPolicy } from './resource-policy.js';
import type { Scan } from './scan.js';
import { listLength, notSet, read } from './template-values.js';

const SECRET = 'AWS::SecretsManager::Secret';
const RESOURCE_POLICY = 'AWS::SecretsManager::ResourcePolicy';

/** Each `ReplicaRegions` entry keeps a copy of the secret in its `Region`. */
function replicaFlows(secret: RawResource): Flow[] {
  return Array.from({ length: listLength(secret, 'ReplicaRegions') }, (_, index): Flow => {
    const region = asString(read(secret, `ReplicaRegions[${index}].Region`));
    return {
      kind: 'replica',
      from: SELF,
      to: {
        region:
          region.state === 'set'
            ? knownFact(region.value, region.evidence)
            : unknownFact(
                region.state === 'unknown' ? region.reason : 'the replica names no region',
                region.evidence,
              ),
      },
      evidence: [region.evidence],
    };
  });
}

function describeSecret(secret: RawResource, scan: Scan) {
  const policies = scan
    .companionsOf(secret, RESOURCE_POLICY, 'SecretId', ['Name'])
    .map((p) => readPolicy(p, 'ResourcePolicy', p.address));
  return buildResource(secret, {
    kind: 'secret',
    storesData: true,
    identifierPaths: ['Name'],
    facts: {
      encryptionAtRest: encryptionByKey(secret, scan, 'KmsKeyId', () =>
        knownFact(
          'provider-key',
          notSet('KmsKeyId', 'Secrets Manager encrypts with the AWS managed key aws/secretsmanager'),
        ),
      ),
      publicAccess: policyPublicAccess(policies),
    },
    flows: replicaFlows(secret),
  });
}

export const secretsmanagerDescribers: readonly TypeDescriber[] = [
  { type: SECRET, describe: describeSecret },
  configurationOf(RESOURCE_POLICY, 'SecretId', [SECRET], ['Name']),
];
