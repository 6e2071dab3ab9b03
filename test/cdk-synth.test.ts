import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EugatePlugin, expectCompliant, findings } from '@eugate/aws/cdk';
import type { Finding, Report } from '@eugate/core';
import { App, type Environment, NestedStack, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runEugate, tempDir } from './support/cli.js';

// Real aws-cdk-lib apps, synthesized in-process; the plugin and the helpers read what CDK wrote.

const TODAY = '2026-12-02';
const ACCOUNT = '111111111111';
const EU: Environment = { account: ACCOUNT, region: 'eu-west-1' };
const US: Environment = { account: ACCOUNT, region: 'us-east-1' };
/** The helpers read `eugate.config.*` from the working directory like the CLI; tests use defaults. */
const OPTIONS = { today: TODAY, configFile: false } as const;

type Row = [rule: string, status: string, construct: string | undefined];

function rows(list: readonly Finding[]): Row[] {
  return list.map((finding) => [finding.rule.id, finding.status, finding.resource.source.construct]);
}

function newApp(): App {
  return new App({ outdir: tempDir() });
}

/** A bucket that passes every rule: TLS enforced, access logged (to itself, under a prefix). */
function compliantBucket(stack: Stack, id: string, props: s3.BucketProps = {}): s3.Bucket {
  return new s3.Bucket(stack, id, { enforceSSL: true, serverAccessLogsPrefix: 'access-logs/', ...props });
}

function replicatedTable(stack: Stack, region: string): dynamodb.TableV2 {
  return new dynamodb.TableV2(stack, 'Orders', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    replicas: [{ region }],
  });
}

// The first synth loads most of aws-cdk-lib and CDK's template validator (seconds on a busy
// machine): done once under the hook timeout rather than inside the first test's.
beforeAll(() => {
  const app = newApp();
  new s3.Bucket(new Stack(app, 'WarmUp', { env: EU }), 'Bucket');
  app.synth();
});

function synthError(app: App): string {
  try {
    app.synth();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('app.synth() did not fail');
}

describe('findings(stack) and expectCompliant(stack)', () => {
  it('a default S3 bucket: access not logged, plain HTTP accepted — by construct path', () => {
    const app = newApp();
    const stack = new Stack(app, 'Data', { env: EU });
    new s3.Bucket(stack, 'Uploads');
    expect(rows(findings(stack, OPTIONS))).toEqual([
      ['EU-ACC-004', 'fail', 'Data/Uploads/Resource'],
      ['EU-ENC-003', 'fail', 'Data/Uploads/Resource'],
    ]);
    expect(() => expectCompliant(stack, OPTIONS)).toThrow(
      /2 blocking findings in stack Data:\n {2}EU-ACC-004 fail Data\/Uploads\/Resource \(Data\/Uploads[0-9A-F]{8}\)/,
    );
  });

  it('expectCompliant passes a compliant bucket and its error lists evidence and the acknowledgement id', () => {
    const good = new Stack(newApp(), 'Good', { env: EU });
    compliantBucket(good, 'Uploads');
    expect(findings(good, OPTIONS)).toEqual([]);
    expect(() => expectCompliant(good, OPTIONS)).not.toThrow();

    const bad = new Stack(newApp(), 'Bad', { env: EU });
    compliantBucket(bad, 'Uploads', { enforceSSL: false });
    let message = '';
    try {
      expectCompliant(bad, OPTIONS);
    } catch (error) {
      message = error instanceof Error ? error.message : '';
    }
    expect(message).toMatch(/^eugate: 1 blocking finding in stack Bad:\n/);
    expect(message).toContain('EU-ENC-003 fail Bad/Uploads/Resource');
    expect(message).toContain('evidence: PolicyDocument');
    expect(message).toContain('acknowledge with: eugate::EU-ENC-003');
  });

  it('an unencrypted, publicly accessible RDS instance fails EU-ENC-001 and EU-ACC-003', () => {
    const app = newApp();
    const stack = new Stack(app, 'Db', { env: EU });
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
    new rds.DatabaseInstance(stack, 'Customers', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      publiclyAccessible: true,
      storageEncrypted: false,
    });
    const list = findings(stack, OPTIONS);
    const encryption = list.find((finding) => finding.rule.id === 'EU-ENC-001');
    expect(encryption).toMatchObject({
      status: 'fail',
      blocking: true,
      resource: {
        type: 'AWS::RDS::DBInstance',
        region: 'eu-west-1',
        source: { construct: 'Db/Customers/Resource' },
      },
      evidence: [{ path: 'StorageEncrypted', value: false }],
    });
    expect(list.find((finding) => finding.rule.id === 'EU-ACC-003')).toMatchObject({
      status: 'fail',
      resource: { source: { construct: 'Db/Customers/Resource' } },
      evidence: [{ path: 'PubliclyAccessible', value: true }],
    });
  });

  it('a DynamoDB TableV2 with a replica in us-east-1 fails EU-RES-002; one in eu-central-1 passes', () => {
    const app = newApp();
    const us = new Stack(app, 'UsReplica', { env: EU });
    replicatedTable(us, 'us-east-1');
    const eu = new Stack(app, 'EuReplica', { env: EU });
    replicatedTable(eu, 'eu-central-1');
    const residency = findings(us, OPTIONS).filter((finding) => finding.rule.id === 'EU-RES-002');
    expect(rows(residency)).toEqual([['EU-RES-002', 'fail', 'UsReplica/Orders/Resource']]);
    expect(residency[0]?.message).toContain('us-east-1');
    expect(findings(eu, OPTIONS)).toEqual([]);
  });

  it('an environment-agnostic stack: the region is unknown (EU-RES-003), never guessed', () => {
    const app = newApp();
    const stack = new Stack(app, 'Anywhere');
    compliantBucket(stack, 'Reports');
    const list = findings(stack, OPTIONS);
    expect(rows(list)).toEqual([['EU-RES-003', 'unknown', 'Anywhere/Reports/Resource']]);
    expect(list[0]).toMatchObject({ blocking: true, resource: { region: null } });
    expect(list[0]?.message).toContain('environment-agnostic');
    expect(() => expectCompliant(stack, { ...OPTIONS, unknown: 'warn' })).not.toThrow();
    expect(findings(stack, { ...OPTIONS, unknown: 'warn' })[0]?.blocking).toBe(false);
  });

  it('CloudFront in front of a bucket fails EU-RES-004 (and, with the default certificate, EU-ENC-003)', () => {
    const app = newApp();
    const stack = new Stack(app, 'Web', { env: { account: ACCOUNT, region: 'eu-central-1' } });
    const site = compliantBucket(stack, 'Site');
    new cloudfront.Distribution(stack, 'Cdn', {
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(site),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      },
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
    });
    const list = findings(stack, OPTIONS);
    expect(rows(list)).toEqual([
      ['EU-ENC-003', 'fail', 'Web/Cdn/Resource'],
      ['EU-RES-004', 'fail', 'Web/Cdn/Resource'],
    ]);
    expect(list[1]?.evidence).toEqual([
      { path: 'DistributionConfig.PriceClass', value: '(not set)' },
      { path: 'DistributionConfig.Restrictions.GeoRestriction.RestrictionType', value: '(not set)' },
    ]);
  });

  it('covers the nested stacks a stack deploys, and a stack inside a Stage', () => {
    const app = newApp();
    const stage = new Stage(app, 'Prod', { env: EU });
    const stack = new Stack(stage, 'Data');
    new s3.Bucket(stack, 'Uploads', { enforceSSL: true });
    const nested = new NestedStack(stack, 'Archive');
    new s3.Bucket(nested, 'Exports', { enforceSSL: true, serverAccessLogsPrefix: 'logs/', versioned: false });
    new rds.CfnDBInstance(nested, 'Db', {
      dbInstanceClass: 'db.t3.micro',
      engine: 'postgres',
      publiclyAccessible: false,
      storageEncrypted: false,
    });
    // In-process synth writes no aws:asset:path: the nested template is found by its asset hash.
    const all = findings(stack, OPTIONS);
    expect(all.map((finding) => [finding.rule.id, finding.status, finding.resource.address])).toEqual([
      ['EU-ACC-004', 'fail', expect.stringMatching(/^Prod\/Data\/Uploads[0-9A-F]{8}$/)],
      [
        'EU-ENC-001',
        'fail',
        expect.stringMatching(/^Prod\/Data\/ArchiveNestedStackArchiveNestedStackResource[0-9A-F]{8}\/Db$/),
      ],
      // The database's TLS setting lives in a parameter group this stack does not define.
      ['EU-ENC-003', 'unknown', expect.stringMatching(/\/Db$/)],
    ]);
    expect(all[0]?.resource.source.construct).toBe('Prod/Data/Uploads/Resource');
    expect(all[1]?.resource).toMatchObject({
      region: 'eu-west-1',
      source: { construct: 'Prod/Data/Archive/Db' },
    });
    expect(findings(nested, OPTIONS).map((finding) => finding.rule.id)).toEqual(['EU-ENC-001', 'EU-ENC-003']);
  });
});

/** Source in eu-west-1 replicating to a bucket in another stack: one in us-east-1, one in eu-west-1. */
function replicationApp(): { app: App; source: Stack } {
  const app = newApp();
  const usStack = new Stack(app, 'ReplicaUs', { env: US });
  compliantBucket(usStack, 'Replica', { bucketName: 'orders-replica-us', versioned: true });
  const euStack = new Stack(app, 'ReplicaEu', { env: EU });
  const euReplica = compliantBucket(euStack, 'Replica', { versioned: true });
  const source = new Stack(app, 'Source', { env: EU });
  compliantBucket(source, 'Orders', {
    versioned: true,
    replicationRules: [
      {
        destination: s3.Bucket.fromBucketArn(source, 'UsReplica', 'arn:aws:s3:::orders-replica-us'),
        priority: 1,
      },
      // Same region, another stack: CDK writes an export and an Fn::ImportValue.
      { destination: euReplica, priority: 2 },
    ],
  });
  return { app, source };
}

describe('cross-stack S3 replication', () => {
  it('follows the replication rule to the bucket in the other stack and its region', () => {
    const { source } = replicationApp();
    const list = findings(source, OPTIONS);
    expect(rows(list)).toEqual([['EU-RES-002', 'fail', 'Source/Orders/Resource']]);
    expect(list[0]?.message).toMatch(/replicates to ReplicaUs\/Replica[0-9A-F]{8} in us-east-1/);
    // The replica resolved through Fn::ImportValue is in the EU: no finding names it.
    expect(JSON.stringify(list)).not.toContain('ReplicaEu/');
  });
});

describe('EugatePlugin', () => {
  it('makes app.synth() fail, naming rule, construct path and the id to acknowledge', () => {
    const { app } = replicationApp();
    const plugin = new EugatePlugin(OPTIONS);
    Validations.of(app).addPlugins(plugin);
    const message = synthError(app);
    expect(message).toContain('EU-RES-002');
    expect(message).toContain('Source/Orders/Resource');
    expect(message).toContain("Acknowledge with 'eugate::EU-RES-002'");
    // Resources in the US replica stack fail EU-RES-001 themselves.
    expect(plugin.report?.findings.map((f) => [f.rule.id, f.status, f.resource.source.construct])).toEqual([
      ['EU-RES-001', 'fail', 'ReplicaUs/Replica/Resource'],
      ['EU-RES-002', 'fail', 'Source/Orders/Resource'],
    ]);
    expect(plugin.report?.verdict).toBe('fail');
  });

  it('also works through the older policyValidationBeta1 App prop', () => {
    const plugin = new EugatePlugin(OPTIONS);
    const app = new App({ outdir: tempDir(), policyValidationBeta1: [plugin] });
    const stack = new Stack(app, 'Data', { env: EU });
    replicatedTable(stack, 'us-east-1');
    expect(synthError(app)).toContain('EU-RES-002');
    expect(plugin.report?.summary.fail).toBe(1);
  });

  it('lets a compliant app synthesize, and writes the eugate report when asked', () => {
    const dir = tempDir();
    const app = new App({ outdir: join(dir, 'cdk.out') });
    const reportFile = relative(process.cwd(), join(dir, 'eugate-report.json'));
    Validations.of(app).addPlugins(new EugatePlugin({ ...OPTIONS, reportFile }));
    const stack = new Stack(app, 'Data', { env: EU });
    compliantBucket(stack, 'Uploads');
    replicatedTable(stack, 'eu-central-1');
    expect(() => app.synth()).not.toThrow();
    const report = JSON.parse(readFileSync(join(dir, 'eugate-report.json'), 'utf8')) as Report;
    expect(report.verdict).toBe('pass');
    expect(report.inventory.map((entry) => [entry.source.construct, entry.region])).toEqual([
      ['Data/Orders/Resource', 'eu-west-1'],
      ['Data/Uploads/Resource', 'eu-west-1'],
    ]);
  });

  it('turns an acknowledgement into a waiver: reported as waived, synth passes', () => {
    const app = newApp();
    const plugin = new EugatePlugin(OPTIONS);
    Validations.of(app).addPlugins(plugin);
    const stack = new Stack(app, 'Data', { env: EU });
    const table = replicatedTable(stack, 'us-east-1');
    Validations.of(table).acknowledge({ id: 'eugate::EU-RES-002', reason: 'US replica approved by the DPO' });
    const assembly = app.synth();
    expect(plugin.report?.verdict).toBe('pass');
    expect(plugin.report?.findings).toMatchObject([
      {
        rule: { id: 'EU-RES-002' },
        status: 'waived',
        waivedStatus: 'fail',
        blocking: false,
        resource: { source: { construct: 'Data/Orders/Resource' } },
        waiver: { reason: 'US replica approved by the DPO', owner: 'cdk acknowledge at Data/Orders' },
      },
    ]);
    expect(plugin.report?.summary.waived).toBe(1);
    expect(plugin.report?.waivers.unused).toEqual([]);
    // CDK's own report lists it as a suppressed violation of eugate, with the reason.
    const cdkReport = JSON.parse(
      readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'),
    ) as {
      pluginReports: {
        pluginName: string;
        conclusion: string;
        metadata: Record<string, string>;
        suppressedViolations?: { ruleName: string; reason: string; acknowledgedAt: string }[];
      }[];
    };
    const eugate = cdkReport.pluginReports.find((entry) => entry.pluginName === 'eugate');
    expect(eugate?.conclusion).toBe('success');
    expect(eugate?.metadata).toMatchObject({ verdict: 'pass', profile: 'eu', config: 'defaults' });
    expect(eugate?.metadata.summary).toContain('1 waived');
    expect(eugate?.suppressedViolations).toMatchObject([
      { ruleName: 'EU-RES-002', reason: 'US replica approved by the DPO', acknowledgedAt: 'Data/Orders' },
    ]);
  });

  it('an acknowledgement covers only its own construct subtree and the rule it names', () => {
    const app = newApp();
    const plugin = new EugatePlugin(OPTIONS);
    Validations.of(app).addPlugins(plugin);
    const stack = new Stack(app, 'Data', { env: EU });
    new s3.Bucket(stack, 'Uploads', { enforceSSL: true });
    new s3.Bucket(stack, 'Uploads2', { enforceSSL: true });
    Validations.of(stack.node.findChild('Uploads')).acknowledge(
      { id: 'eugate::EU-ACC-004', reason: 'logged by CloudTrail data events' },
      { id: 'eugate::EU-ENC-001', reason: 'stale' },
      { id: 'EU-ACC-003', reason: 'missing prefix' },
    );
    expect(synthError(app)).toContain('Data/Uploads2/Resource');
    expect(plugin.report?.findings.map((f) => [f.resource.source.construct, f.status])).toEqual([
      ['Data/Uploads2/Resource', 'fail'],
      ['Data/Uploads/Resource', 'waived'],
    ]);
    expect(plugin.report?.waivers.unused).toMatchObject([{ rule: 'EU-ENC-001', resource: 'Data/Uploads' }]);
    // Without the `eugate::` prefix CDK files the id under annotations: eugate says how to write it.
    expect(plugin.report?.notes).toContainEqual(
      expect.stringMatching(
        /^acknowledgement '\w+::EU-ACC-003' at Data\/Uploads does not apply to eugate: write 'eugate::EU-ACC-003'$/,
      ),
    );
  });

  it('honours config waivers, failOn and unknown from the options', () => {
    const app = newApp();
    const plugin = new EugatePlugin({
      ...OPTIONS,
      config: {
        failOn: 'high',
        waivers: [
          {
            rule: 'EU-RES-003',
            resource: 'Anywhere/Reports*',
            reason: 'deployed to eu-west-1 by the pipeline',
            owner: 'platform-team',
            expires: '2027-01-31',
          },
        ],
      },
    });
    Validations.of(app).addPlugins(plugin);
    const stack = new Stack(app, 'Anywhere');
    new s3.Bucket(stack, 'Reports', { enforceSSL: true });
    expect(() => app.synth()).not.toThrow();
    expect(plugin.report?.findings.map((f) => [f.rule.id, f.status, f.blocking])).toEqual([
      ['EU-ACC-004', 'fail', false],
      ['EU-RES-003', 'waived', false],
    ]);
  });

  it('a plugin that cannot run is a failed report, not a crash and not a pass', () => {
    const app = newApp();
    Validations.of(app).addPlugins(
      new EugatePlugin({ today: TODAY, configFile: 'no-such-eugate.config.json' }),
    );
    new Stack(app, 'Data', { env: EU });
    expect(synthError(app)).toContain(
      'eugate could not check the app: no-such-eugate.config.json: config file not found',
    );

    const plugin = new EugatePlugin({ ...OPTIONS, config: { profile: 'mars' as 'eu' } });
    const result = plugin.validate({ templatePaths: [], appConstruct: newApp() });
    expect(result.success).toBe(false);
    expect(result.metadata?.error).toMatch(
      /^eugate could not check the app: options\.config \(at profile\): 'mars'/,
    );
  });

  it('agrees with `eugate scan cdk.out` on the same assembly', () => {
    const { app } = replicationApp();
    const plugin = new EugatePlugin(OPTIONS);
    Validations.of(app).addPlugins(plugin);
    synthError(app);
    const outdir = app.outdir;
    expect(existsSync(join(outdir, 'manifest.json'))).toBe(true);
    const run = runEugate(['scan', outdir, '--format', 'json', '--date', TODAY], { cwd: REPO_ROOT });
    expect(run.status).toBe(1);
    const cli = JSON.parse(run.stdout) as Report;
    const key = (f: Finding): string => `${f.rule.id} ${f.status} ${f.resource.address} ${f.message}`;
    expect(cli.findings.map(key)).toEqual(plugin.report?.findings.map(key));
  });
});
