import type { Scan } from '@eugate/core';
import {
  asList,
  asString,
  evidence,
  type Flow,
  knownFact,
  type RawResource,
  readProperty,
  SELF,
} from '@eugate/core';
import { encryptionByKey } from './encryption.js';
import { readConfigured } from './plan-values.js';
import { buildResource, describeConfiguration, type OtherEnd, type TypeDescriber } from './resource-base.js';
import { policyPublicAccess, readPolicy } from './resource-policy.js';

const SECRET = 'aws_secretsmanager_secret';
const SECRET_POLICY = 'aws_secretsmanager_secret_policy';
const SECRET_NAMES = ['arn', 'id'];

/** Each `replica` block keeps a copy of the secret in `region`. */
function replicaFlows(secret: RawResource): Flow[] {
  const replicas = readConfigured(secret, 'replica');
  return asList(replicas.state === 'set' ? replicas.value : undefined).map((_, index): Flow => {
    const region = asString(readProperty(secret.properties, `replica[${index}].region`));
    const to: OtherEnd = region.state === 'set' ? { region: knownFact(region.value, region.evidence) } : {};
    return { kind: 'replica', from: SELF, to, evidence: [region.evidence] };
  });
}

function describeSecret(secret: RawResource, scan: Scan) {
  const policies = [
    readPolicy(secret, 'policy'),
    ...scan
      .companionsOf(secret, SECRET_POLICY, 'secret_arn', SECRET_NAMES)
      .map((p) => readPolicy(p, 'policy', p.address)),
  ];
  return buildResource(secret, {
    kind: 'secret',
    storesData: true,
    identifierPaths: ['name', 'arn', 'id'],
    facts: {
      encryptionAtRest: encryptionByKey(secret, scan, 'kms_key_id', () =>
        knownFact(
          'provider-key',
          evidence(
            'kms_key_id',
            '(not set) — Secrets Manager encrypts with the AWS managed key aws/secretsmanager',
          ),
        ),
      ),
      publicAccess: policyPublicAccess(policies),
    },
    flows: replicaFlows(secret),
  });
}

export const secretsmanagerDescribers: readonly TypeDescriber[] = [
  { type: SECRET, describe: describeSecret },
  {
    type: SECRET_POLICY,
    describe: (raw, scan) =>
      describeConfiguration(raw, scan.targetOf(raw, 'secret_arn', [SECRET], SECRET_NAMES)),
  },
  {
    type: 'aws_secretsmanager_secret_version',
    describe: (raw, scan) =>
      describeConfiguration(raw, scan.targetOf(raw, 'secret_id', [SECRET], SECRET_NAMES)),
  },
];
