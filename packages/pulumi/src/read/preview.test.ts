import { isUnknownValue, type RawResource } from '@eugate/core';
import { describe, expect, test } from 'vitest';
import { readPulumiPreview } from './preview.js';
import { parseStackConfig } from './stack-config.js';
import { readPulumiStackExport } from './stack-export.js';

const STACK = 'urn:pulumi:dev::shop';
const AWS_DEFAULT = `${STACK}::pulumi:providers:aws::default_7_48_0`;
const AWS_EU = `${STACK}::pulumi:providers:aws::eu`;
const UNKNOWN = '04da6b54-80a4-46f7-9f9e-8d4b4b2c5b5f';
const UNKNOWN_ID = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

interface Step {
  op: string;
  urn: string;
  type: string;
  inputs?: Record<string, unknown>;
  provider?: string;
  outputs?: Record<string, unknown>;
  propertyDependencies?: Record<string, string[]>;
}

function preview(...steps: Step[]): string {
  return JSON.stringify(
    {
      steps: steps.map(({ op, urn, type, inputs, provider, outputs, propertyDependencies }) => ({
        op,
        urn,
        ...(provider !== undefined && { provider }),
        newState: {
          urn,
          custom: !type.startsWith('pulumi:pulumi:'),
          type,
          inputs: inputs ?? {},
          ...(outputs !== undefined && { outputs }),
          ...(provider !== undefined && { provider }),
          ...(propertyDependencies !== undefined && { propertyDependencies }),
        },
      })),
      changeSummary: {},
    },
    null,
    2,
  );
}

const byName = (resources: readonly RawResource[], name: string) =>
  resources.find((resource) => resource.address.endsWith(`::${name}`)) as RawResource;

describe('readPulumiPreview', () => {
  test('unknown outputs become unknown values; encrypted secrets too; bookkeeping keys go', () => {
    const { resources } = readPulumiPreview(
      preview({
        op: 'create',
        urn: `${STACK}::aws:rds/instance:Instance::db`,
        type: 'aws:rds/instance:Instance',
        inputs: {
          __defaults: ['identifier'],
          kmsKeyId: UNKNOWN,
          password: {
            '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270',
            ciphertext: 'v1:x',
          },
          storageEncrypted: true,
        },
      }),
      'preview.json',
    );
    const db = byName(resources, 'db');
    expect(db.type).toBe('aws_db_instance');
    expect(Object.keys(db.properties).sort()).toEqual(['kms_key_id', 'password', 'storage_encrypted']);
    expect(isUnknownValue(db.properties.kms_key_id)).toBe(true);
    expect(isUnknownValue(db.properties.password)).toBe(true);
    expect(db.source).toEqual({ file: 'preview.json', line: 5 });
  });

  test('an explicit provider (unknown id in a preview) gives its region; the default one the stack config', () => {
    const config = parseStackConfig('config:\n  aws:region: us-east-1\n', 'Pulumi.dev.yaml');
    const { resources } = readPulumiPreview(
      preview(
        { op: 'create', urn: AWS_EU, type: 'pulumi:providers:aws', inputs: { region: 'eu-west-3' } },
        {
          op: 'create',
          urn: `${STACK}::aws:s3/bucket:Bucket::eu`,
          type: 'aws:s3/bucket:Bucket',
          provider: `${AWS_EU}::${UNKNOWN_ID}`,
        },
        {
          op: 'create',
          urn: `${STACK}::aws:s3/bucket:Bucket::us`,
          type: 'aws:s3/bucket:Bucket',
          provider: `${AWS_DEFAULT}::${UNKNOWN_ID}`,
        },
      ),
      'preview.json',
      { stackConfig: config },
    );
    expect(resources.map((r) => r.address.split('::').pop())).toEqual(['eu', 'us']);
    expect(byName(resources, 'eu').region).toEqual({
      known: true,
      value: 'eu-west-3',
      evidence: [{ path: 'inputs.region', value: 'eu-west-3', from: AWS_EU }],
    });
    expect(byName(resources, 'us').region).toMatchObject({
      known: true,
      value: 'us-east-1',
      evidence: [{ path: 'config.aws:region', value: 'us-east-1', from: 'Pulumi.dev.yaml' }],
    });
  });

  test('an explicit provider without a region, or not in the input, leaves the region unknown', () => {
    const { resources } = readPulumiPreview(
      preview(
        { op: 'create', urn: AWS_EU, type: 'pulumi:providers:aws', inputs: { profile: 'x' } },
        {
          op: 'create',
          urn: `${STACK}::aws:sqs/queue:Queue::a`,
          type: 'aws:sqs/queue:Queue',
          provider: `${AWS_EU}::id`,
        },
        {
          op: 'create',
          urn: `${STACK}::aws:sqs/queue:Queue::b`,
          type: 'aws:sqs/queue:Queue',
          provider: `${STACK}::pulumi:providers:aws::elsewhere::id`,
        },
      ),
      'preview.json',
      { stackConfig: parseStackConfig('config:\n  aws:region: eu-west-1\n', 'Pulumi.dev.yaml') },
    );
    expect(byName(resources, 'a').region).toMatchObject({
      known: false,
      reason: expect.stringContaining('sets no region'),
    });
    expect(byName(resources, 'b').region).toMatchObject({
      known: false,
      reason: expect.stringContaining('not in the input'),
    });
  });

  test('a replacement counts once; deletes and reads are noted, not deployed', () => {
    const urn = `${STACK}::aws:sqs/queue:Queue::q`;
    const result = readPulumiPreview(
      preview(
        {
          op: 'create-replacement',
          urn,
          type: 'aws:sqs/queue:Queue',
          inputs: { sqsManagedSseEnabled: true },
        },
        { op: 'replace', urn, type: 'aws:sqs/queue:Queue', inputs: { sqsManagedSseEnabled: true } },
        { op: 'delete-replaced', urn, type: 'aws:sqs/queue:Queue' },
        { op: 'delete', urn: `${STACK}::aws:sqs/queue:Queue::gone`, type: 'aws:sqs/queue:Queue' },
        { op: 'read', urn: `${STACK}::aws:sqs/queue:Queue::theirs`, type: 'aws:sqs/queue:Queue' },
      ),
      'preview.json',
    );
    expect(result.resources.map((r) => r.address)).toEqual([urn]);
    expect(result.notes).toEqual([
      '1 resource is being deleted and was not evaluated',
      '1 read step(s) of existing resources were not evaluated',
    ]);
  });

  test("property dependencies become references; the provider's default tags fold into tags_all", () => {
    const bucket = `${STACK}::aws:s3/bucket:Bucket::b`;
    const { resources } = readPulumiPreview(
      preview(
        {
          op: 'create',
          urn: AWS_EU,
          type: 'pulumi:providers:aws',
          inputs: {
            region: 'eu-west-1',
            defaultTags: { tags: { DataClassification: 'personal', team: 'a' } },
          },
        },
        {
          op: 'create',
          urn: bucket,
          type: 'aws:s3/bucket:Bucket',
          provider: `${AWS_EU}::x`,
          inputs: { tags: { team: 'b' } },
        },
        {
          op: 'create',
          urn: `${STACK}::aws:s3/bucketVersioning:BucketVersioning::v`,
          type: 'aws:s3/bucketVersioning:BucketVersioning',
          provider: `${AWS_EU}::x`,
          inputs: { bucket: UNKNOWN, versioningConfiguration: { status: 'Enabled' } },
          propertyDependencies: { bucket: [bucket], versioningConfiguration: [] },
        },
      ),
      'preview.json',
    );
    expect(byName(resources, 'b').properties.tags_all).toEqual({ DataClassification: 'personal', team: 'b' });
    expect(byName(resources, 'v')).toMatchObject({
      type: 'aws_s3_bucket_versioning',
      references: { bucket: [bucket], versioning_configuration: [] },
      properties: { versioning_configuration: [{ status: 'Enabled' }] },
    });
  });

  test('azure-native: a resource without location lives where its resource group is', () => {
    const group = `${STACK}::azure-native:resources:ResourceGroup::rg`;
    const { resources } = readPulumiPreview(
      preview(
        {
          op: 'create',
          urn: group,
          type: 'azure-native:resources:ResourceGroup',
          inputs: { location: 'northeurope', resourceGroupName: 'rg1' },
        },
        {
          op: 'create',
          urn: `${STACK}::azure-native:storage:StorageAccount::sa`,
          type: 'azure-native:storage:StorageAccount',
          inputs: {
            resourceGroupName: UNKNOWN,
            accountName: 'sa1',
            enableHttpsTrafficOnly: false,
            sku: { name: 'Standard_GRS' },
          },
          propertyDependencies: { resourceGroupName: [group] },
        },
      ),
      'preview.json',
    );
    const account = byName(resources, 'sa');
    expect(account).toMatchObject({
      schema: 'arm',
      type: 'Microsoft.Storage/storageAccounts',
      properties: {
        name: 'sa1',
        sku: { name: 'Standard_GRS' },
        properties: { supportsHttpsTrafficOnly: false },
      },
      region: {
        known: true,
        value: 'northeurope',
        evidence: [{ path: 'location', value: 'northeurope', from: group }],
      },
    });
  });

  test('other packages keep their token under their own family (listed as not modelled)', () => {
    const { resources } = readPulumiPreview(
      preview({
        op: 'create',
        urn: `${STACK}::random:index/randomId:RandomId::r`,
        type: 'random:index/randomId:RandomId',
      }),
      'preview.json',
    );
    expect(resources[0]).toMatchObject({ schema: 'pulumi:random', type: 'random:index/randomId:RandomId' });
  });
});

describe('readPulumiStackExport', () => {
  test('reads outputs; resources pending deletion are noted', () => {
    const text = JSON.stringify({
      version: 3,
      deployment: {
        manifest: {},
        resources: [
          {
            urn: `${STACK}::aws:sns/topic:Topic::t`,
            type: 'aws:sns/topic:Topic',
            custom: true,
            inputs: {},
            outputs: { kmsMasterKeyId: 'alias/aws/sns' },
          },
          {
            urn: `${STACK}::aws:sns/topic:Topic::old`,
            type: 'aws:sns/topic:Topic',
            custom: true,
            delete: true,
          },
        ],
      },
    });
    const result = readPulumiStackExport(text, 'state.json');
    expect(result.resources).toHaveLength(1);
    expect(result.resources[0]?.properties).toEqual({ kms_master_key_id: 'alias/aws/sns' });
    expect(result.notes).toContain('1 resource(s) are pending deletion (replaced) and were not evaluated');
  });

  test.each([
    [{ version: 2, deployment: {} }, 'deployment version 2 is a legacy Pulumi state format'],
    [{ version: 7, checkpoint: { latest: {} } }, 'checkpoint version 7 is not supported'],
  ])('rejects %j', (value, message) => {
    expect(() => readPulumiStackExport(JSON.stringify(value), 'state.json')).toThrow(message);
  });
});
