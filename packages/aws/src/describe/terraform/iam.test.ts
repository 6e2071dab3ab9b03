import { expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

it.each<[string, string, unknown, unknown]>([
  // The checkov plan's aws_iam_role_policy.ec2policy, verbatim.
  [
    'aws_iam_role_policy',
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Action": [\n        "s3:*",\n        "ec2:*",\n        "rds:*"\n      ],\n      "Effect": "Allow",\n      "Resource": "*"\n    }\n  ]\n}\n',
    true,
    'policy.Statement[0]',
  ],
  ['aws_iam_policy', doc({ Effect: 'Allow', Action: '*', Resource: '*' }), true, 'policy.Statement[0]'],
  // The checkov for_each plan's aws_iam_policy.policy: "*" on one role only.
  [
    'aws_iam_policy',
    doc({ Action: ['*'], Effect: 'Allow', Resource: 'arn:aws:iam::995112413069:role/admin' }),
    false,
    'policy',
  ],
  [
    'aws_iam_user_policy',
    doc({ Effect: 'Allow', Action: ['logs:PutLogEvents', 'logs:CreateLogStream'], Resource: '*' }),
    false,
    'policy',
  ],
  ['aws_iam_group_policy', doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }), false, 'policy'],
  ['aws_iam_group_policy', doc({ Effect: 'Deny', Action: '*', Resource: '*' }), false, 'policy'],
  [
    'aws_iam_role_policy',
    doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
    true,
    'policy.Statement[0]',
  ],
])('%s: %s', (type, policy, wildcard, evidencePath) => {
  const described = resourceOf(
    describeAll(raw(`${type}.p`, { name: 'p', policy, id: AFTER_APPLY })),
    `${type}.p`,
  );
  expect(described).toMatchObject({ kind: 'access-policy', storesData: false });
  expect(factValue(described.facts.wildcardAccess)).toBe(wildcard);
  expect(described.facts.wildcardAccess?.evidence[0]?.path).toBe(evidencePath);
});

it('a policy known only after apply is unknown', () => {
  const described = resourceOf(
    describeAll(
      raw(
        'aws_iam_policy.p',
        { name: 'p', policy: AFTER_APPLY },
        { references: { policy: ['data.aws_iam_policy_document.d'] } },
      ),
    ),
    'aws_iam_policy.p',
  );
  expect(factValue(described.facts.wildcardAccess)).toBe('unknown: policy: known after apply');
});
