import { resource } from '../../graph/__fixtures__/resource.js';
import { type Fact, knownFact, unknownFact } from '../../model/evidence.js';
import { describeRule } from '../__fixtures__/harness.js';
import { rule } from './EU-ACC-002.js';

const bucket = (wildcardAccess?: Fact<boolean>) =>
  resource('aws_s3_bucket.customers', { facts: wildcardAccess === undefined ? {} : { wildcardAccess } });
const policy = (wildcardAccess: Fact<boolean>) =>
  resource('aws_iam_policy.admin', {
    type: 'aws_iam_policy',
    kind: 'access-policy',
    storesData: false,
    facts: { wildcardAccess },
  });
const wildcard = (value: boolean) =>
  knownFact(value, { path: 'policy.Statement[0].Action', value: value ? '*' : 's3:GetObject' });

describeRule(rule, [
  {
    name: 'resource policy with a wildcard fails',
    input: { subject: bucket(wildcard(true)) },
    expected: [
      {
        status: 'fail',
        message: 'resource policy grants wildcard permissions (all actions, all resources or all principals)',
        evidence: ['policy.Statement[0].Action'],
      },
    ],
  },
  {
    name: 'resource policy without a wildcard passes',
    input: { subject: bucket(wildcard(false)) },
    expected: [{ status: 'pass', message: 'resource policy grants no wildcard permissions' }],
  },
  {
    name: 'resource policy known only after apply: unknown with the reason',
    input: { subject: bucket(unknownFact('policy is known only after apply')) },
    expected: [
      {
        status: 'unknown',
        message: 'the permissions cannot be determined: policy is known only after apply',
      },
    ],
  },
  {
    name: 'an access-policy resource without personal data applies, and fails on a wildcard',
    input: { subject: policy(wildcard(true)), personal: null },
    expected: [
      {
        status: 'fail',
        message: 'policy grants wildcard permissions (all actions, all resources or all principals)',
        evidence: ['policy.Statement[0].Action'],
      },
    ],
  },
  {
    name: 'an access-policy resource without a wildcard passes',
    input: { subject: policy(wildcard(false)), personal: null },
    expected: [{ status: 'pass', message: 'policy grants no wildcard permissions' }],
  },
  {
    name: 'an access-policy resource known only after apply: unknown',
    input: { subject: policy(unknownFact('policy document is known only after apply')), personal: null },
    expected: [
      {
        status: 'unknown',
        message: 'the permissions cannot be determined: policy document is known only after apply',
      },
    ],
  },
  {
    name: 'not applicable: a resource policy on data that is not personal',
    input: { subject: bucket(wildcard(true)), personal: null },
    expected: [],
  },
  {
    name: 'not applicable: no wildcard fact',
    input: { subject: bucket() },
    expected: [],
  },
]);
