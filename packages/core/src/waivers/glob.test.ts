import { describe, expect, it } from 'vitest';
import { matchesGlob } from './glob.js';

describe('matchesGlob', () => {
  it.each([
    ['aws_s3_bucket.logs', 'aws_s3_bucket.logs', true],
    ['aws_s3_bucket.*', 'aws_s3_bucket.logs', true],
    ['aws_s3_bucket.*', 'aws_s3_bucket_policy.logs', false],
    ['*', 'module.a.module.b.aws_s3_bucket.x', true],
    ['module.*.aws_s3_bucket.x', 'module.a.module.b.aws_s3_bucket.x', true],
    ['MyStack/*', 'MyStack/Orders/Table/Resource', true],
    ['MyStack/**', 'MyStack/Orders/Table/Resource', true],
    ['aws_s3_bucket.log?', 'aws_s3_bucket.logs', true],
    ['aws_s3_bucket.log?', 'aws_s3_bucket.log', false],
    // Regex metacharacters are literal.
    ['aws_s3_bucket.x[0]', 'aws_s3_bucket.x[0]', true],
    ['aws_s3_bucket.x[0]', 'aws_s3_bucket.x0', false],
    ['a.b', 'aXb', false],
    ['a+b', 'a+b', true],
    // Anchored at both ends.
    ['bucket', 'my-bucket', false],
    ['aws_s3_bucket.logs', 'aws_s3_bucket.logs2', false],
  ])('%s against %s → %s', (glob, value, expected) => {
    expect(matchesGlob(glob, value)).toBe(expected);
  });
});
