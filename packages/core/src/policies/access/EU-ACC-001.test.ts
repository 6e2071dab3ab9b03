import { resource } from '../../graph/__fixtures__/resource.js';
import { type Fact, knownFact, unknownFact } from '../../model/evidence.js';
import { describeRule } from '../__fixtures__/harness.js';
import { rule } from './EU-ACC-001.js';

const bucket = (publicAccess?: Fact<boolean>) =>
  resource('aws_s3_bucket.customers', { facts: publicAccess === undefined ? {} : { publicAccess } });
const isPublic = (value: boolean) =>
  knownFact(value, { path: 'policy.Statement[0].Principal', value: value ? '*' : 'arn:aws:iam::1:root' });

describeRule(rule, [
  {
    name: 'anonymous access fails',
    input: { subject: bucket(isPublic(true)) },
    expected: [
      {
        status: 'fail',
        message: 'personal data is accessible to anyone (anonymous access is granted)',
        evidence: ['policy.Statement[0].Principal'],
      },
    ],
  },
  {
    name: 'no anonymous access passes',
    input: { subject: bucket(isPublic(false)) },
    expected: [
      {
        status: 'pass',
        message: 'no anonymous access is granted',
        evidence: ['policy.Statement[0].Principal'],
      },
    ],
  },
  {
    name: 'policy known only after apply: unknown with the reason',
    input: { subject: bucket(unknownFact('the bucket policy is known only after apply')) },
    expected: [
      {
        status: 'unknown',
        message: 'public access cannot be determined: the bucket policy is known only after apply',
      },
    ],
  },
  {
    name: 'not applicable: no personal data',
    input: { subject: bucket(isPublic(true)), personal: null },
    expected: [],
  },
  {
    name: 'not applicable: no public-access fact',
    input: { subject: bucket() },
    expected: [],
  },
]);
