import { type Describer, type RawResource, type Resource, SCHEMA } from '@eugate/core';
import { backupDescribers } from './backup.js';
import { cloudfrontDescribers } from './cloudfront.js';
import { dynamodbDescribers } from './dynamodb.js';
import { ebsDescribers } from './ebs.js';
import { efsDescribers } from './efs.js';
import { elasticacheDescribers } from './elasticache.js';
import { iamDescribers } from './iam.js';
import { kinesisDescribers } from './kinesis.js';
import { kmsDescribers } from './kms.js';
import { logsDescribers } from './logs.js';
import { opensearchDescribers } from './opensearch.js';
import { rdsDescribers } from './rds.js';
import { redshiftDescribers } from './redshift.js';
import type { TypeDescriber } from './resource-base.js';
import { s3Describers } from './s3.js';
import { createScan } from './scan.js';
import { secretsmanagerDescribers } from './secretsmanager.js';
import { securityGroupDescribers } from './security-group.js';
import { snsDescribers } from './sns.js';
import { sqsDescribers } from './sqs.js';
import { normaliseResource } from './template-values.js';

/** Every modelled CloudFormation resource type, by type. */
const CLOUDFORMATION_DESCRIBERS: ReadonlyMap<string, TypeDescriber> = new Map(
  [
    ...s3Describers,
    ...rdsDescribers,
    ...dynamodbDescribers,
    ...ebsDescribers,
    ...efsDescribers,
    ...sqsDescribers,
    ...snsDescribers,
    ...kinesisDescribers,
    ...elasticacheDescribers,
    ...redshiftDescribers,
    ...opensearchDescribers,
    ...kmsDescribers,
    ...logsDescribers,
    ...securityGroupDescribers,
    ...backupDescribers,
    ...iamDescribers,
    ...cloudfrontDescribers,
    ...secretsmanagerDescribers,
  ].map((describer) => [describer.type, describer]),
);

/**
 * The CloudFormation schema family (`AWS::S3::Bucket`, PascalCase): CloudFormation templates and
 * CDK cloud assemblies. Types not modelled here (custom resources, `AWS::CDK::Metadata`,
 * `AWS::CloudFormation::*`, networking, compute) are returned in `notModelled`, never dropped.
 */
export const cloudFormationDescriber: Describer = {
  schema: SCHEMA.cloudformation,
  describe(resources) {
    const normalised = resources.map(normaliseResource);
    const scan = createScan(normalised);
    const described: Resource[] = [];
    const notModelled: RawResource[] = [];
    for (const [index, raw] of normalised.entries()) {
      const describer = CLOUDFORMATION_DESCRIBERS.get(raw.type);
      // notModelled hands back what the reader gave, not the normalised copy.
      if (describer === undefined) notModelled.push(resources[index] as RawResource);
      else described.push(describer.describe(raw, scan));
    }
    return { resources: described, notModelled };
  },
};
