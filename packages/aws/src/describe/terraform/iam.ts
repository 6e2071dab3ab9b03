import { evidence, knownFact, unknownFact } from '@eugate/core';
import { wildcardIdentityStatements } from '../shared/policy-document.js';
import { buildResource, type TypeDescriber } from './resource-base.js';
import { readPolicy, statementEvidence } from './resource-policy.js';

/** Services whose `<service>:*` on every resource hands over the data itself, not only configuration. */
const DATA_SERVICES = ['s3', 'dynamodb', 'rds', 'kms', 'sqs', 'sns', 'secretsmanager'];

const POLICY_TYPES = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'];

export const iamDescribers: readonly TypeDescriber[] = POLICY_TYPES.map(
  (type): TypeDescriber => ({
    type,
    describe(policy) {
      const read = readPolicy(policy, 'policy');
      const [statement] = read.state === 'parsed' ? wildcardIdentityStatements(read, DATA_SERVICES) : [];
      const wildcardAccess =
        read.state === 'unknown'
          ? unknownFact<boolean>(read.reason, read.evidence)
          : statement !== undefined
            ? knownFact(true, statementEvidence(statement, undefined))
            : knownFact(
                false,
                read.state === 'none'
                  ? read.evidence
                  : evidence(
                      'policy',
                      `(no statement allows * or ${DATA_SERVICES.map((s) => `${s}:*`).join(', ')} on Resource "*")`,
                    ),
              );
      return buildResource(policy, {
        kind: 'access-policy',
        storesData: false,
        identifierPaths: ['name', 'arn', 'id'],
        facts: { wildcardAccess },
      });
    },
  }),
);
