import { readPulumiProgram, scanPulumiProgram } from '@eugate/pulumi/program';
import { describe, expect, test } from 'vitest';
import { bucketIn } from './fixtures/pulumi/bucket-in-region/index.js';

// Real Pulumi TypeScript programs (test/fixtures/pulumi/*/index.ts), run in-process by
// @pulumi/pulumi's runtime under mocks: no Pulumi CLI, no credentials, nothing deployed.

type Report = Awaited<ReturnType<typeof scanPulumiProgram>>;

function findingsOf(report: Report, name: string): string[] {
  return report.findings
    .filter((finding) => finding.resource.address.endsWith(`::${name}`))
    .map((finding) => `${finding.rule.id} ${finding.status}`)
    .sort();
}

describe('Pulumi programs under mocks', () => {
  test('a bucket on the default provider takes the stack config region (us-east-1) and fails EU-RES-001', async () => {
    const report = await scanPulumiProgram(() => import('./fixtures/pulumi/aws-default-region/index.js'), {
      config: { 'aws:region': 'us-east-1' },
      stack: 'dev',
      project: 'shop',
      today: '2026-01-01',
    });
    expect(report.inputs).toEqual(['pulumi:shop/dev']);
    const residency = report.findings.find((finding) => finding.rule.id === 'EU-RES-001');
    expect(residency).toMatchObject({
      status: 'fail',
      resource: {
        address: 'urn:pulumi:dev::shop::aws:s3/bucket:Bucket::customer-data',
        type: 'aws_s3_bucket',
      },
    });
    expect(residency?.evidence).toContainEqual({
      path: 'config.aws:region',
      value: 'us-east-1',
      from: 'pulumi:shop/dev config',
    });
  });

  test('an explicit provider in eu-central-1 wins over the default region, and a well-configured bucket passes', async () => {
    const report = await scanPulumiProgram(() => import('./fixtures/pulumi/aws-eu-provider/index.js'), {
      config: { 'aws:region': 'us-east-1' },
      today: '2026-01-01',
    });
    // The companion resources (SSE with the stack's KMS key, public access block, logging, a
    // TLS-only policy) are linked to the bucket through the program's property dependencies.
    expect(findingsOf(report, 'customer-data')).toEqual([]);
    expect(report.summary).toMatchObject({ resources: 7, described: 7, notModelled: 0, unknown: 0 });
    expect(report.findings.some((finding) => finding.rule.id.startsWith('EU-RES'))).toBe(false);
    // The access-log bucket holds logs of personal data (inherited along the log-delivery flow),
    // and is neither logged nor TLS-only itself.
    expect(findingsOf(report, 'access-logs')).toEqual(['EU-ACC-004 fail', 'EU-ENC-003 fail']);
    expect(
      report.findings.find((f) => f.resource.address.endsWith('::access-logs'))?.personalData,
    ).toMatchObject({
      reason: 'inherited',
    });
  });

  test('an RDS instance with storageEncrypted: false fails EU-ENC-001', async () => {
    const report = await scanPulumiProgram(() => import('./fixtures/pulumi/aws-rds-unencrypted/index.js'), {
      today: '2026-01-01',
    });
    const finding = report.findings.find((f) => f.rule.id === 'EU-ENC-001');
    expect(finding).toMatchObject({
      status: 'fail',
      resource: {
        type: 'aws_db_instance',
        address: 'urn:pulumi:stack::project::aws:rds/instance:Instance::customers',
      },
    });
    expect(finding?.evidence).toContainEqual({ path: 'storage_encrypted', value: false });
    expect(findingsOf(report, 'customers')).not.toContain('EU-RES-001 fail');
  });

  test('an azure-native storage account in eastus fails EU-RES-001 (ARM schema)', async () => {
    const report = await scanPulumiProgram(
      () => import('./fixtures/pulumi/azure-native-storage-eastus/index.js'),
      { today: '2026-01-01' },
    );
    const account = 'urn:pulumi:stack::project::azure-native:storage:StorageAccount::customerfiles';
    const residency = report.findings.find((f) => f.rule.id === 'EU-RES-001');
    expect(residency).toMatchObject({
      status: 'fail',
      resource: { address: account, type: 'Microsoft.Storage/storageAccounts' },
    });
    expect(residency?.evidence).toContainEqual({ path: 'location', value: 'eastus' });
    // enableHttpsTrafficOnly / minimumTlsVersion reach the ARM describer as supportsHttpsTrafficOnly / minimumTlsVersion.
    expect(findingsOf(report, 'customerfiles')).not.toContain('EU-ENC-003 fail');
    // The container is described as part of the account, not dropped.
    expect(report.summary.described).toBe(2);
    expect(report.notModelled).toEqual([{ type: 'Microsoft.Resources/resourceGroups', count: 1 }]);
  });

  test('an azure-native Cosmos DB account replicated to eastus fails EU-RES-002', async () => {
    const report = await scanPulumiProgram(
      () => import('./fixtures/pulumi/azure-native-cosmos-us/index.js'),
      {
        today: '2026-01-01',
      },
    );
    const replication = report.findings.find((f) => f.rule.id === 'EU-RES-002');
    expect(replication).toMatchObject({
      status: 'fail',
      resource: { type: 'Microsoft.DocumentDB/databaseAccounts' },
    });
    expect(replication?.message).toContain('eastus');
    expect(findingsOf(report, 'orders')).not.toContain('EU-RES-001 fail');
  });

  test('several scans in one process, sequential and concurrent, each see only their own resources', async () => {
    const eu = await scanPulumiProgram(() => bucketIn('eu-west-1'), { today: '2026-01-01' });
    const us = await scanPulumiProgram(() => bucketIn('us-west-2'), { today: '2026-01-01' });
    const [de, sa] = await Promise.all([
      scanPulumiProgram(() => bucketIn('eu-central-1'), { today: '2026-01-01' }),
      scanPulumiProgram(() => bucketIn('sa-east-1'), { today: '2026-01-01' }),
    ]);
    const residency = (report: Report) =>
      report.findings.filter((f) => f.rule.id === 'EU-RES-001').map((f) => f.resource.region);
    expect([eu, us, de, sa].map((report) => report.summary.resources)).toEqual([1, 1, 1, 1]);
    expect(residency(eu)).toEqual([]);
    expect(residency(us)).toEqual(['us-west-2']);
    expect(residency(de)).toEqual([]);
    expect(residency(sa)).toEqual(['sa-east-1']);
  });

  test('eugate options override the configuration as the CLI flags do (London: EU profile fails, adequacy passes)', async () => {
    const eu = await scanPulumiProgram(() => bucketIn('eu-west-2'), { today: '2026-01-01' });
    const adequacy = await scanPulumiProgram(() => bucketIn('eu-west-2'), {
      today: '2026-01-01',
      profile: 'adequacy',
    });
    expect(eu.findings.map((f) => f.rule.id)).toContain('EU-RES-001');
    expect(adequacy.findings.map((f) => f.rule.id)).not.toContain('EU-RES-001');
    await expect(scanPulumiProgram(() => bucketIn('eu-west-2'), { profile: 'mars' })).rejects.toThrow(
      /'mars' is not one of/,
    );
  });

  test('a program that throws rejects with its own error (and leaves no unhandled rejection behind)', async () => {
    await expect(
      scanPulumiProgram(() => {
        throw new Error('no such config key');
      }),
    ).rejects.toThrow('no such config key');
    await expect(
      scanPulumiProgram(async () => {
        bucketIn('eu-west-1');
        await Promise.resolve();
        throw new Error('later');
      }),
    ).rejects.toThrow('later');
  });

  test('a module that already ran (imports are cached) is an error, never an empty pass', async () => {
    const program = () => import('./fixtures/pulumi/aws-default-region/index.js');
    await expect(readPulumiProgram(program, {})).rejects.toThrow(/registered no resources/);
  });

  test('without a region in the config, the default provider region is unknown (EU-RES-003), not guessed', async () => {
    const report = await scanPulumiProgram(() => bucketInDefault(), { today: '2026-01-01' });
    expect(report.findings.find((f) => f.rule.id === 'EU-RES-003')).toMatchObject({ status: 'unknown' });
  });
});

async function bucketInDefault(): Promise<void> {
  const aws = await import('@pulumi/aws');
  new aws.s3.Bucket('no-region', { tags: { DataClassification: 'personal' } });
}
