import {
  createScan,
  type Describer,
  type RawResource,
  type Resource,
  SCHEMA,
  typeOfAddress,
} from '@eugate/core';
import { backupDescribers } from './backup.js';
import { cloudfrontDescribers } from './cloudfront.js';
import { cloudwatchLogsDescribers } from './cloudwatch-logs.js';
import { dynamodbDescribers } from './dynamodb.js';
import { ebsDescribers } from './ebs.js';
import { efsDescribers } from './efs.js';
import { elasticacheDescribers } from './elasticache.js';
import { iamDescribers } from './iam.js';
import { kinesisDescribers } from './kinesis.js';
import { kmsDescribers } from './kms.js';
import { opensearchDescribers } from './opensearch.js';
import { rdsDescribers } from './rds.js';
import { redshiftDescribers } from './redshift.js';
import type { TypeDescriber } from './resource-base.js';
import { s3Describers } from './s3.js';
import { secretsmanagerDescribers } from './secretsmanager.js';
import { securityGroupDescribers } from './security-group.js';
import { snsDescribers } from './sns.js';
import { sqsDescribers } from './sqs.js';

/** Every modelled Terraform AWS resource type, by type. */
const TERRAFORM_AWS_DESCRIBERS: ReadonlyMap<string, TypeDescriber> = new Map(
  [
    ...s3Describers,
    ...rdsDescribers,
    ...dynamodbDescribers,
    ...ebsDescribers,
    ...efsDescribers,
    ...sqsDescribers,
    ...snsDescribers,
    ...kmsDescribers,
    ...cloudwatchLogsDescribers,
    ...securityGroupDescribers,
    ...backupDescribers,
    ...iamDescribers,
    ...cloudfrontDescribers,
    ...secretsmanagerDescribers,
    ...elasticacheDescribers,
    ...opensearchDescribers,
    ...redshiftDescribers,
    ...kinesisDescribers,
  ].map((describer) => [describer.type, describer]),
);

/**
 * The Terraform AWS schema family (`aws_s3_bucket`, snake_case): Terraform plans, CDKTF, and
 * Pulumi `@pulumi/aws` once its reader maps camelCase to the same names. Data sources and types
 * not modelled here are returned in `notModelled`, never dropped.
 */
export const terraformAwsDescriber: Describer = {
  schema: SCHEMA.terraformAws,
  describe(resources) {
    const scan = createScan(resources);
    const described: Resource[] = [];
    const notModelled: RawResource[] = [];
    for (let i = 0; i < resources.length; i++) {
      const raw = resources[i]!;
      // Data sources read existing things; they are listed, not described as resources being deployed.
      // (Only an address with `data.` or `data[` in it can be one: most are decided without parsing.)
      const isDataSource =
        (raw.address.includes('data.') || raw.address.includes('data[')) &&
        (typeOfAddress(raw.address)?.startsWith('data.') ?? false);
      const describer = isDataSource ? undefined : TERRAFORM_AWS_DESCRIBERS.get(raw.type);
      if (describer === undefined) notModelled.push(raw);
      else described.push(describer.describe(raw, scan));
    }
    return { resources: described, notModelled };
  },
};
