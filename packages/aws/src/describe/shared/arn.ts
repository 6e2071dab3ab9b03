/**
 * Amazon Resource Names: `arn:<partition>:<service>:<region>:<account>:<resource>`. Global services
 * (S3 buckets, IAM) leave the region empty, so an ARN tells a region only when it has one.
 */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

export function parseArn(value: string): Arn | undefined {
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition, service, region, account] = parts as [string, string, string, string, string];
  if (partition === '' || service === '') return undefined;
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

/** The region an ARN names, or undefined for global resources and anything that is not an ARN. */
export function regionFromArn(value: string): string | undefined {
  const region = parseArn(value)?.region;
  return region === undefined || region === '' ? undefined : region;
}

/** The bucket an S3 bucket ARN (`arn:aws:s3:::name`) names. */
export function bucketNameFromArn(value: string): string | undefined {
  const arn = parseArn(value);
  if (arn?.service !== 's3' || arn.region !== '' || arn.resource === '' || arn.resource.includes('/'))
    return undefined;
  return arn.resource;
}

/** The partition a region belongs to; ARNs of resources in that region start with it. */
export function partitionOfRegion(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}
