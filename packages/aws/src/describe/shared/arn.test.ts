import { describe, expect, it } from 'vitest';
import { bucketNameFromArn, parseArn, partitionOfRegion, regionFromArn } from './arn.js';

describe('ARNs', () => {
  it.each<[string, string | undefined]>([
    ['arn:aws:backup:us-east-1:111122223333:backup-vault:dr', 'us-east-1'],
    ['arn:aws-eusc:rds:eusc-de-east-1:111122223333:db:orders', 'eusc-de-east-1'],
    ['arn:aws:s3:::orders', undefined],
    ['arn:aws:iam::111122223333:role/admin', undefined],
    ['orders', undefined],
    ['arn:aws:kms', undefined],
  ])('region of %s', (arn, region) => {
    expect(regionFromArn(arn)).toBe(region);
  });

  it.each<[string, string | undefined]>([
    ['arn:aws:s3:::orders-replica', 'orders-replica'],
    ['arn:aws:s3:::orders/key', undefined],
    ['arn:aws:dynamodb:eu-central-1:1:table/orders', undefined],
  ])('bucket of %s', (arn, name) => {
    expect(bucketNameFromArn(arn)).toBe(name);
  });

  it('keeps colons inside the resource part', () => {
    expect(parseArn('arn:aws:logs:eu-west-1:1:log-group:/aws/x:*')?.resource).toBe('log-group:/aws/x:*');
  });

  it.each([
    ['eu-central-1', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['eusc-de-east-1', 'aws-eusc'],
  ])('partition of %s', (region, partition) => {
    expect(partitionOfRegion(region)).toBe(partition);
  });
});
