// `node bench/cdk.mjs` (after `pnpm build`): what EugatePlugin adds to the synth time of a
// 500-resource CDK app, side by side with cdk-nag's AwsSolutionsChecks on the same app, same run.
// Target (issue 3): eugate adds < 10% of synth time, and less than cdk-nag does.
// Each synth runs in a fresh Node process, as `cdk synth` does (cold JIT, plugin loaded once);
// only `app.synth()` is timed, not loading aws-cdk-lib or building the construct tree. Variants
// alternate within each round so that machine load affects them alike; medians of the rounds.
// Prints numbers; it does not fail on them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// aws-cdk-lib and cdk-nag are dev dependencies of the end-to-end tests (test/package.json).
const require = createRequire(join(here, '..', 'test', 'package.json'));
const cdk = require('aws-cdk-lib');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const ec2 = require('aws-cdk-lib/aws-ec2');
const iam = require('aws-cdk-lib/aws-iam');
const kms = require('aws-cdk-lib/aws-kms');
const logs = require('aws-cdk-lib/aws-logs');
const rds = require('aws-cdk-lib/aws-rds');
const s3 = require('aws-cdk-lib/aws-s3');
const secretsmanager = require('aws-cdk-lib/aws-secretsmanager');
const sns = require('aws-cdk-lib/aws-sns');
const sqs = require('aws-cdk-lib/aws-sqs');
const { AwsSolutionsChecks } = require('cdk-nag');
const { EugatePlugin } = await import(join(here, '..', 'packages/aws/dist/cdk/index.js'));

const child = process.argv[2] === '--child' ? process.argv[3] : undefined;
const ROUNDS = Number(child === undefined ? (process.argv[2] ?? 5) : 0);
// In-memory mode: a failed validation throws with the report instead of also printing it.
process.env.CDK_APP_MODE = 'inmemory';

/** Eleven resources of the kinds a data-heavy service has, some compliant, some not. */
function addService(stack, id, index) {
  const key = new kms.Key(stack, `${id}Key`, { enableKeyRotation: index % 2 === 0 });
  new s3.Bucket(stack, `${id}Uploads`, { enforceSSL: true, encryptionKey: key }); // bucket + policy
  new s3.Bucket(stack, `${id}Exports`, { versioned: index % 3 === 0 });
  new dynamodb.TableV2(stack, `${id}Table`, {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    ...(index % 5 === 0 && { replicas: [{ region: index % 10 === 0 ? 'us-east-1' : 'eu-north-1' }] }),
  });
  const dlq = new sqs.Queue(stack, `${id}Dlq`);
  new sqs.Queue(stack, `${id}Queue`, { deadLetterQueue: { queue: dlq, maxReceiveCount: 3 } });
  new sns.Topic(stack, `${id}Topic`, index % 2 === 0 ? { masterKey: key } : {});
  new logs.LogGroup(stack, `${id}Logs`, { retention: logs.RetentionDays.ONE_MONTH });
  new secretsmanager.Secret(stack, `${id}Secret`);
  new iam.Role(stack, `${id}Role`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
}

/** A VPC with isolated subnets and two Postgres instances, one of them unencrypted. */
function addDatabases(stack) {
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  for (const [id, encrypted] of [
    ['Customers', true],
    ['Legacy', false],
  ]) {
    new rds.DatabaseInstance(stack, id, {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      storageEncrypted: encrypted,
    });
  }
}

/** Milliseconds spent inside the plugin's `validate`: its own work, without CDK's reporting of what it found. */
let insidePlugin = 0;

/** The plugin as it is, with its `validate` timed (same name, so acknowledgements still reach it). */
function timed(plugin) {
  return {
    name: plugin.name,
    version: plugin.version,
    validate(context) {
      const start = performance.now();
      try {
        return plugin.validate(context);
      } finally {
        insidePlugin += performance.now() - start;
      }
    },
  };
}

function buildApp(variant, outdir) {
  const app = new cdk.App({ outdir });
  if (variant === 'eugate') {
    cdk.Validations.of(app).addPlugins(timed(new EugatePlugin({ configFile: false })));
  }
  if (variant === 'cdk-nag') cdk.Validations.of(app).addPlugins(timed(new AwsSolutionsChecks(app)));
  for (const [name, region] of [
    ['Orders', 'eu-central-1'],
    ['Customers', 'eu-west-1'],
  ]) {
    const stack = new cdk.Stack(app, name, { env: { account: '111111111111', region } });
    addDatabases(stack);
    for (let i = 0; i < 21; i++) addService(stack, `Svc${i}`, i);
  }
  return app;
}

function synthMs(variant) {
  const outdir = mkdtempSync(join(tmpdir(), 'eugate-bench-cdk-'));
  try {
    const app = buildApp(variant, outdir);
    const start = performance.now();
    let failed = false;
    try {
      app.synth();
    } catch (error) {
      // aws-cdk-lib throws this when a validation plugin reports a blocking violation.
      if (error?.name !== 'ValidationFailed') throw error;
      failed = true;
    }
    const ms = performance.now() - start;
    return { ms, failed, resources: countResources(outdir), validateMs: insidePlugin };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function countResources(outdir) {
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
  let count = 0;
  for (const artifact of Object.values(manifest.artifacts)) {
    if (artifact.type !== 'aws:cloudformation:stack') continue;
    const template = JSON.parse(readFileSync(join(outdir, artifact.properties.templateFile), 'utf8'));
    count += Object.keys(template.Resources ?? {}).length;
  }
  return count;
}

if (child !== undefined) {
  process.stdout.write(`${JSON.stringify(synthMs(child))}\n`);
  process.exit(0);
}

const VARIANTS = ['baseline', 'eugate', 'cdk-nag'];
const times = Object.fromEntries(VARIANTS.map((variant) => [variant, []]));
const validateTimes = Object.fromEntries(VARIANTS.map((variant) => [variant, []]));
const outcome = {};
let resources = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const variant of VARIANTS) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', variant], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const run = JSON.parse(out.trim().split('\n').pop());
    resources = run.resources;
    outcome[variant] = run.failed ? 'synth fails (findings)' : 'synth passes';
    times[variant].push(run.ms);
    validateTimes[variant].push(run.validateMs);
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const base = median(times.baseline);
console.log(
  `CDK app synth (app.synth() in a fresh process, ${resources} resources in 2 stacks), median of ${ROUNDS} rounds`,
);
console.log(
  'variant                      synth ms  added ms  added %  min ms  max ms  in validate() ms  validate % of synth  outcome',
);
const LABELS = { baseline: 'no plugin', eugate: 'EugatePlugin', 'cdk-nag': 'cdk-nag AwsSolutionsChecks' };
for (const variant of VARIANTS) {
  const m = median(times[variant]);
  const plugin = variant !== 'baseline';
  const validate = median(validateTimes[variant]);
  const cells = [
    LABELS[variant].padEnd(26),
    m.toFixed(0).padStart(9),
    (plugin ? (m - base).toFixed(0) : '').padStart(8),
    (plugin ? `${(((m - base) / base) * 100).toFixed(1)}%` : '').padStart(7),
    Math.min(...times[variant])
      .toFixed(0)
      .padStart(6),
    Math.max(...times[variant])
      .toFixed(0)
      .padStart(6),
    (plugin ? validate.toFixed(0) : '').padStart(16),
    (plugin ? `${((validate / base) * 100).toFixed(1)}%` : '').padStart(19),
    outcome[variant],
  ];
  console.log(cells.join('  '));
}
console.log(
  '\n"added" compares whole synths and carries the machine\'s noise; "in validate()" is the time inside the\n' +
    "plugin's own validate call (reading the assembly and checking it), the part each tool adds by itself.",
);
