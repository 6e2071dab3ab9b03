import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isInputError } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { looksLikeCloudFormationTemplate, readCloudFormationTemplate } from './template.js';

// Real templates from public repositories (see test/corpus/SOURCES.tsv): hand-written
// CloudFormation (JSON and YAML) and CDK synth output.
const CORPUS = join(import.meta.dirname, '../../../../test/corpus');

interface Row {
  /** The end of the corpus file name (the repository prefix is left out). */
  readonly file: string;
  readonly resources: number;
  /** Counts of some data-holding types, as read. */
  readonly types: Readonly<Record<string, number>>;
  readonly notes: number;
}

const ROWS: readonly Row[] = [
  {
    file: 'cfn/DMS_DMSAuroraToS3FullLoadAndOngoingReplication.yaml',
    resources: 23,
    types: { 'AWS::RDS::DBCluster': 1, 'AWS::RDS::DBInstance': 1, 'AWS::S3::Bucket': 1 },
    notes: 0,
  },
  {
    file: 'cfn/DynamoDB_DynamoDB_Secondary_Indexes.json',
    resources: 1,
    types: { 'AWS::DynamoDB::Table': 1 },
    notes: 0,
  },
  // DBEC2SecurityGroup's condition IsEC2VPC is false for the default parameters: not deployed, noted.
  {
    file: 'cfn/RDS_RDS_MySQL_With_Read_Replica.json',
    resources: 3,
    types: { 'AWS::RDS::DBInstance': 2 },
    notes: 1,
  },
  {
    file: 'cfn/RDS_RDS_with_DBParameterGroup.yaml',
    resources: 2,
    types: { 'AWS::RDS::DBInstance': 1 },
    notes: 0,
  },
  { file: 'cfn/S3_compliant-bucket.json', resources: 8, types: { 'AWS::S3::Bucket': 3 }, notes: 0 },
  { file: 'cfn/S3_compliant-bucket.yaml', resources: 8, types: { 'AWS::S3::Bucket': 3 }, notes: 0 },
  {
    file: 'cfn/S3_compliant-static-website.json',
    resources: 18,
    types: { 'AWS::S3::Bucket': 6, 'AWS::CloudFront::Distribution': 1 },
    notes: 0,
  },
  {
    file: 'cfn/Solutions_S3CrossAccountReplicationWithKMS_templates_destination.json',
    resources: 4,
    types: { 'AWS::KMS::Key': 1, 'AWS::S3::Bucket': 1 },
    notes: 0,
  },
  {
    file: 'cfn/Solutions_S3CrossAccountReplicationWithKMS_templates_source.json',
    resources: 4,
    types: { 'AWS::KMS::Key': 1, 'AWS::S3::Bucket': 1 },
    notes: 0,
  },
  {
    file: 'cdk/integ.table-v2-global.js.snapshot_aws-cdk-global-table.template.json',
    resources: 2,
    types: { 'AWS::DynamoDB::GlobalTable': 1 },
    notes: 0,
  },
  {
    file: 'cdk/integ.bucket-replication-cross-stack.js.snapshot_SourceStack.template.json',
    resources: 8,
    types: { 'AWS::KMS::Key': 1, 'AWS::S3::Bucket': 1 },
    notes: 0,
  },
  {
    file: 'cdk/integ.albfar-all-new-public-http.js.snapshot_albfar-all-new-public-http.template.json',
    resources: 51,
    types: { 'AWS::S3::Bucket': 1 },
    notes: 0,
  },
  {
    file: 'cdk/integ.apiddb-apigateway-dynamodb-CRUD.js.snapshot_apiddb-apigateway-dynamodb-CRUD.template.json',
    resources: 15,
    types: { 'AWS::DynamoDB::Table': 1 },
    notes: 0,
  },
  {
    file: 'cdk/integ.cftoais3-no-logging.js.snapshot_cftoais3-no-logging.template.json',
    resources: 8,
    types: { 'AWS::S3::Bucket': 1, 'AWS::CloudFront::Distribution': 1 },
    notes: 0,
  },
  {
    file: 'cdk/integ.cfts3-additional-behavior.js.snapshot_cfts3-additional-behavior.template.json',
    resources: 24,
    types: { 'AWS::S3::Bucket': 6, 'AWS::CloudFront::Distribution': 1 },
    notes: 0,
  },
  {
    file: 'cdk/integ.cfts3-bucket-encrypted-with-cmk-provided-as-existingbucket.js.snapshot_cfts3-bucket-encrypted-with-cmk-provided-as-existingbucket.template.json',
    resources: 26,
    types: { 'AWS::KMS::Key': 1, 'AWS::S3::Bucket': 4, 'AWS::CloudFront::Distribution': 1 },
    notes: 0,
  },
  {
    file: 'cdk/integ.cfts3-no-arguments.js.snapshot_cfts3-no-arguments.template.json',
    resources: 17,
    types: { 'AWS::S3::Bucket': 4, 'AWS::CloudFront::Distribution': 1 },
    notes: 0,
  },
  {
    file: 'cdk/integ.facs3-defaults.js.snapshot_facs3-defaults.template.json',
    resources: 7,
    types: { 'AWS::S3::Bucket': 2 },
    notes: 0,
  },
  {
    file: 'cdk/integ.facs3-no-logging.js.snapshot_facs3-no-logging.template.json',
    resources: 2,
    types: { 'AWS::S3::Bucket': 1 },
    notes: 0,
  },
  {
    file: 'cdk/integ.dbslamels-deploy-with-vpc.js.snapshot_dbslamels-deploy-with-vpc.template.json',
    resources: 41,
    types: { 'AWS::DynamoDB::Table': 1, 'AWS::SQS::Queue': 1 },
    notes: 0,
  },
  {
    file: 'cdk/integ.farddb-new-resources.js.snapshot_farddb-new-resources.template.json',
    resources: 43,
    types: { 'AWS::DynamoDB::Table': 1 },
    notes: 0,
  },
  {
    file: 'cdk/integ.fars3-new-resources.js.snapshot_fars3-new-resources.template.json',
    resources: 49,
    types: { 'AWS::S3::Bucket': 2 },
    notes: 0,
  },
  {
    file: 'cdk/integ.iots3-iot-s3-new-encrypted-bucket.js.snapshot_iots3-iot-s3-new-encrypted-bucket.template.json',
    resources: 11,
    types: { 'AWS::KMS::Key': 1, 'AWS::S3::Bucket': 2 },
    notes: 0,
  },
  {
    file: 'cdk/integ.lamcmp-existing-vpc.js.snapshot_lamcmp-existing-vpc.template.json',
    resources: 55,
    types: { 'AWS::S3::Bucket': 4 },
    notes: 0,
  },
  {
    file: 'cdk/integ.lamddb-point-in-time-recovery.js.snapshot_lamddb-point-in-time-recovery.template.json',
    resources: 5,
    types: { 'AWS::DynamoDB::Table': 1 },
    notes: 0,
  },
  {
    file: 'cdk/integ.lamsqs-useCmk.js.snapshot_lamsqs-useCmk.template.json',
    resources: 9,
    types: { 'AWS::SQS::Queue': 2, 'AWS::KMS::Key': 1 },
    notes: 0,
  },
  {
    file: 'cdk/integ.s3sns-noArguments.js.snapshot_s3sns-noArguments.template.json',
    resources: 15,
    types: { 'AWS::S3::Bucket': 2, 'AWS::KMS::Key': 1, 'AWS::SNS::Topic': 1 },
    notes: 0,
  },
  {
    file: 'cdk/integ.s3sqs-existingLoggingBucket.js.snapshot_s3sqs-existingLoggingBucket.template.json',
    resources: 20,
    types: { 'AWS::S3::Bucket': 3, 'AWS::SQS::Queue': 2, 'AWS::KMS::Key': 1 },
    notes: 0,
  },
  {
    file: 'cdk/integ.snssqs-allow-two-instances.js.snapshot_snssqs-allow-two-instances.template.json',
    resources: 18,
    types: { 'AWS::SNS::Topic': 2, 'AWS::SQS::Queue': 4, 'AWS::KMS::Key': 4 },
    notes: 0,
  },
  {
    file: 'cdk/integ.basic-deployment.js.snapshot_ManagerStack.template.json',
    resources: 63,
    types: { 'AWS::S3::Bucket': 2, 'AWS::SNS::Topic': 2 },
    notes: 0,
  },
  {
    file: 'cdk/integ.basic-deployment.js.snapshot_SharedStack.template.json',
    resources: 4,
    types: { 'AWS::DynamoDB::Table': 1 },
    notes: 0,
  },
];

/** Every corpus file the reader should read: all of cfn/, and the CDK templates. */
const TEMPLATES = ['cfn', 'cdk'].flatMap((dir) =>
  readdirSync(join(CORPUS, dir))
    .filter((name) => dir === 'cfn' || name.endsWith('.template.json'))
    .map((name) => `${dir}/${name}`),
);
const OTHERS = readdirSync(join(CORPUS, 'cdk'))
  .filter((name) => !name.endsWith('.template.json'))
  .map((name) => `cdk/${name}`);

function pathOf(row: Row): string {
  const [dir, tail] = row.file.split('/') as [string, string];
  const matches = TEMPLATES.filter((path) => path.startsWith(`${dir}/`) && path.endsWith(tail));
  if (matches.length !== 1) throw new Error(`${row.file} matches ${matches.length} corpus files`);
  return join(CORPUS, matches[0] as string);
}

describe('CloudFormation and CDK templates from the corpus', () => {
  it('has a row for every template', () => {
    expect(ROWS.map((row) => pathOf(row)).sort()).toEqual(TEMPLATES.map((path) => join(CORPUS, path)).sort());
  });

  it.each(ROWS)('$file', (row) => {
    const text = readFileSync(pathOf(row), 'utf8');
    expect(looksLikeCloudFormationTemplate(text)).toBe(true);
    const result = readCloudFormationTemplate(text, row.file, { region: 'eu-west-1', stackName: 'S' });
    expect(result.resources.length).toBe(row.resources);
    const counts: Record<string, number> = {};
    for (const resource of result.resources) {
      if (Object.hasOwn(row.types, resource.type)) counts[resource.type] = (counts[resource.type] ?? 0) + 1;
    }
    expect(counts).toEqual(row.types);
    expect(result.notes?.length).toBe(row.notes);
    expect(new Set(result.resources.map((resource) => resource.address)).size).toBe(row.resources);
  });

  it('reads the YAML and JSON versions of compliant-bucket to the same resources', () => {
    const [yaml, json] = ['yaml', 'json'].map((extension) => {
      const row = ROWS.find((candidate) => candidate.file === `cfn/S3_compliant-bucket.${extension}`) as Row;
      const result = readCloudFormationTemplate(readFileSync(pathOf(row), 'utf8'), 'x', {
        region: 'eu-west-1',
      });
      return JSON.stringify(
        result.resources.map((resource) => [resource.address, resource.properties, resource.references]),
      );
    });
    expect(yaml).toBe(json);
  });

  it.each(OTHERS)('%s is not a template', (file) => {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    expect(looksLikeCloudFormationTemplate(text)).toBe(false);
    let error: unknown;
    try {
      readCloudFormationTemplate(text, 'x.json');
    } catch (caught) {
      error = caught;
    }
    expect(isInputError(error) ? error.message : error).toBe(
      'x.json: has no Resources section: not a CloudFormation template',
    );
  });
});
