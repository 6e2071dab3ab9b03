import { evidence, type Fact, knownFact, type RawResource, unknownFact } from '@eugate/core';
import { wildcardIdentityStatements } from '../shared/policy-document.js';
import { buildResource, type TypeDescriber } from './resource-base.js';
import { type ReadPolicy, readPolicy, statementEvidence } from './resource-policy.js';
import { listLength } from './template-values.js';

/** Services whose `<service>:*` on every resource hands over the data itself, not only configuration. */
const DATA_SERVICES = ['s3', 'dynamodb', 'rds', 'kms', 'sqs', 'sns', 'secretsmanager'];

function wildcardAccess(policies: readonly ReadPolicy[]): Fact<boolean> {
  for (const policy of policies) {
    if (policy.state !== 'parsed') continue;
    const [statement] = wildcardIdentityStatements(policy, DATA_SERVICES);
    if (statement !== undefined) return knownFact(true, statementEvidence(policy, statement));
  }
  const unknownPolicy = policies.find((p) => p.state === 'unknown');
  if (unknownPolicy?.state === 'unknown') return unknownFact(unknownPolicy.reason, unknownPolicy.evidence);
  const note = `(no statement allows * or ${DATA_SERVICES.map((s) => `${s}:*`).join(', ')} on Resource "*")`;
  const checked = policies.map((p) => (p.state === 'parsed' ? evidence(p.path, note) : p.evidence));
  return knownFact(false, ...(checked.length > 0 ? checked : [evidence('Policies', '(none)')]));
}

function describerFor(type: string, policies: (raw: RawResource) => ReadPolicy[]): TypeDescriber {
  return {
    type,
    describe: (raw) =>
      buildResource(raw, {
        kind: 'access-policy',
        storesData: false,
        identifierPaths: ['PolicyName', 'ManagedPolicyName', 'RoleName', 'UserName', 'GroupName'],
        facts: { wildcardAccess: wildcardAccess(policies(raw)) },
      }),
  };
}

/** Roles, users and groups carry inline `Policies` (trust policies are not access to data). */
const inlinePolicies = (raw: RawResource) =>
  Array.from({ length: listLength(raw, 'Policies') }, (_, i) =>
    readPolicy(raw, `Policies[${i}].PolicyDocument`),
  );
const documentPolicy = (raw: RawResource) => [readPolicy(raw, 'PolicyDocument')];

export const iamDescribers: readonly TypeDescriber[] = [
  ...[
    'AWS::IAM::Policy',
    'AWS::IAM::ManagedPolicy',
    'AWS::IAM::RolePolicy',
    'AWS::IAM::UserPolicy',
    'AWS::IAM::GroupPolicy',
  ].map((type) => describerFor(type, documentPolicy)),
  ...['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'].map((type) =>
    describerFor(type, inlinePolicies),
  ),
];
