import { resource } from '../../graph/__fixtures__/resource.js';
import { type Fact, knownFact, unknownFact } from '../../model/evidence.js';
import { describeRule } from '../__fixtures__/harness.js';
import { rule } from './EU-ACC-004.js';

const bucket = (accessLogging?: Fact<boolean>) =>
  resource('aws_s3_bucket.customers', { facts: accessLogging === undefined ? {} : { accessLogging } });
const logging = (value: boolean) =>
  knownFact(value, {
    path: 'target_bucket',
    value: value ? 'access-logs' : '(not set)',
    from: 'aws_s3_bucket_logging.customers',
  });

describeRule(rule, [
  {
    name: 'logging on passes',
    input: { subject: bucket(logging(true)) },
    expected: [{ status: 'pass', message: 'access is logged', evidence: ['target_bucket'] }],
  },
  {
    name: 'logging off fails',
    input: { subject: bucket(logging(false)) },
    expected: [
      { status: 'fail', message: 'access to the personal data is not logged', evidence: ['target_bucket'] },
    ],
  },
  {
    name: 'logging known only after apply: unknown with the reason',
    input: { subject: bucket(unknownFact('target_bucket is known only after apply')) },
    expected: [
      {
        status: 'unknown',
        message: 'access logging cannot be determined: target_bucket is known only after apply',
      },
    ],
  },
  {
    name: 'not applicable: no personal data',
    input: { subject: bucket(logging(false)), personal: null },
    expected: [],
  },
  {
    name: 'not applicable: no access-logging fact',
    input: { subject: bucket() },
    expected: [],
  },
]);
