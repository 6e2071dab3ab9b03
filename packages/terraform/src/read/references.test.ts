import { describe, expect, it } from 'vitest';
import { parseReference } from './references.js';

describe('parseReference', () => {
  it.each([
    ['aws_s3_bucket.b', { type: 'aws_s3_bucket', name: 'b', text: 'aws_s3_bucket.b' }],
    ['aws_s3_bucket.b.id', { type: 'aws_s3_bucket', name: 'b', text: 'aws_s3_bucket.b' }],
    ['aws_instance.web[0].id', { type: 'aws_instance', name: 'web', text: 'aws_instance.web[0]', key: 0 }],
    [
      'aws_s3_bucket.this["a.b[c]"].arn',
      { type: 'aws_s3_bucket', name: 'this', text: 'aws_s3_bucket.this["a.b[c]"]', key: 'a.b[c]' },
    ],
    [
      'aws_s3_bucket.this["say \\"hi\\""]',
      { type: 'aws_s3_bucket', name: 'this', text: 'aws_s3_bucket.this["say \\"hi\\""]', key: 'say "hi"' },
    ],
    ['null_resource.x-1.triggers', { type: 'null_resource', name: 'x-1', text: 'null_resource.x-1' }],
    ['var.region', undefined],
    ['local.names', undefined],
    ['data.aws_region.current.name', undefined],
    ['module.vpc.vpc_id', undefined],
    ['each.value', undefined],
    ['count.index', undefined],
    ['path.module', undefined],
    ['terraform.workspace', undefined],
    ['self.id', undefined],
    ['aws_s3_bucket', undefined],
  ])('%s → %j', (reference, expected) => {
    expect(parseReference(reference)).toEqual(expected);
  });
});
