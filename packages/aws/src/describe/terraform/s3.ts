import type { Scan } from '@eugate/core';
import {
  asBoolean,
  asList,
  asString,
  type EncryptionAtRest,
  type EncryptionInTransit,
  type Evidence,
  evidence,
  type Fact,
  type Flow,
  type FlowEnd,
  knownFact,
  type RawResource,
  readProperty,
  SELF,
  unknownFact,
} from '@eugate/core';
import { bucketNameFromArn, partitionOfRegion } from '../shared/arn.js';
import { keyOwnership } from '../shared/kms-key.js';
import {
  deniedBelowTlsVersion,
  insecureTransportDenials,
  publicStatements,
} from '../shared/policy-document.js';
import { argumentOf, kmsKeyReference, knownString, readBlocks, readConfigured } from './plan-values.js';
import {
  buildResource,
  describeConfiguration,
  type OtherEnd,
  resourceRegion,
  type TypeDescriber,
} from './resource-base.js';
import { policyWildcardAccess, type ReadPolicy, readPolicy, statementEvidence } from './resource-policy.js';

const BUCKET = 'aws_s3_bucket';
/** A companion's `bucket` holds the bucket name, which is also the bucket's id. */
const BUCKET_NAMES = ['bucket', 'id'];

const SSE_CONFIGURATION = 'aws_s3_bucket_server_side_encryption_configuration';
const PUBLIC_ACCESS_BLOCK = 'aws_s3_bucket_public_access_block';
const ACCOUNT_PUBLIC_ACCESS_BLOCK = 'aws_s3_account_public_access_block';
const BUCKET_ACL = 'aws_s3_bucket_acl';
const BUCKET_POLICY = 'aws_s3_bucket_policy';
const BUCKET_LOGGING = 'aws_s3_bucket_logging';
const BUCKET_REPLICATION = 'aws_s3_bucket_replication_configuration';

/** Provider v4+ split the bucket's settings into these resources; each configures the bucket named by `bucket`. */
const BUCKET_COMPANIONS = [
  SSE_CONFIGURATION,
  PUBLIC_ACCESS_BLOCK,
  BUCKET_ACL,
  BUCKET_POLICY,
  BUCKET_LOGGING,
  BUCKET_REPLICATION,
  'aws_s3_bucket_accelerate_configuration',
  'aws_s3_bucket_analytics_configuration',
  'aws_s3_bucket_cors_configuration',
  'aws_s3_bucket_intelligent_tiering_configuration',
  'aws_s3_bucket_inventory',
  'aws_s3_bucket_lifecycle_configuration',
  'aws_s3_bucket_metric',
  'aws_s3_bucket_notification',
  'aws_s3_bucket_object_lock_configuration',
  'aws_s3_bucket_ownership_controls',
  'aws_s3_bucket_request_payment_configuration',
  'aws_s3_bucket_versioning',
  'aws_s3_bucket_website_configuration',
];

/** Canned ACLs that grant access beyond the owner account (AuthenticatedUsers = any AWS account). */
const PUBLIC_CANNED_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);
const PUBLIC_GRANTEE_URIS = new Set([
  'http://acs.amazonaws.com/groups/global/AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
]);

function companions(bucket: RawResource, scan: Scan, type: string): RawResource[] {
  return scan.companionsOf(bucket, type, 'bucket', BUCKET_NAMES);
}

// ── encryption at rest ────────────────────────────────────────────────────────────────────────────

const SSE_S3_DEFAULT = '(not set) — S3 encrypts new objects with SSE-S3 by default since 2023-01-05';

function encryptionAtRest(bucket: RawResource, scan: Scan): Fact<EncryptionAtRest> {
  const [configuration] = companions(bucket, scan, SSE_CONFIGURATION);
  if (configuration !== undefined)
    return defaultEncryption(configuration, scan, 'rule', configuration.address);
  const inline = readBlocks(bucket, 'server_side_encryption_configuration');
  if (inline.state === 'unknown') return unknownFact(inline.reason, inline.evidence);
  if (inline.state === 'absent')
    return knownFact('provider-key', evidence('server_side_encryption_configuration', SSE_S3_DEFAULT));
  return defaultEncryption(bucket, scan, 'server_side_encryption_configuration[0].rule');
}

/** The first rule's `apply_server_side_encryption_by_default`, the encryption of objects written without their own. */
function defaultEncryption(
  raw: RawResource,
  scan: Scan,
  rulesPath: string,
  from?: string,
): Fact<EncryptionAtRest> {
  const rules = readProperty(raw.properties, rulesPath, from);
  if (rules.state === 'unknown') return unknownFact(rules.reason, rules.evidence);
  for (const index of asList(rules.state === 'set' ? rules.value : undefined).keys()) {
    const base = `${rulesPath}[${index}].apply_server_side_encryption_by_default[0]`;
    const algorithm = asString(readProperty(raw.properties, `${base}.sse_algorithm`, from));
    if (algorithm.state === 'absent') continue;
    if (algorithm.state === 'unknown') return unknownFact(algorithm.reason, algorithm.evidence);
    if (algorithm.value === 'AES256') return knownFact('provider-key', algorithm.evidence);
    if (algorithm.value === 'aws:kms' || algorithm.value === 'aws:kms:dsse') {
      const key = asString(readProperty(raw.properties, `${base}.kms_master_key_id`, from));
      // aws:kms without a key id uses the AWS managed key aws/s3.
      return (
        keyOwnership(key, kmsKeyReference(raw, scan, argumentOf(rulesPath), from)) ??
        knownFact('provider-key', algorithm.evidence, key.evidence)
      );
    }
    return unknownFact(`unrecognised sse_algorithm ${JSON.stringify(algorithm.value)}`, algorithm.evidence);
  }
  return knownFact('provider-key', evidence(`${rulesPath}`, SSE_S3_DEFAULT, from));
}

// ── public access ─────────────────────────────────────────────────────────────────────────────────

type Signal = {
  readonly state: 'public' | 'unknown';
  readonly reason: string;
  readonly evidence: Evidence[];
};
type Neutralised = { readonly state: 'yes' | 'no' | 'unknown'; readonly evidence: Evidence[] };

/** Whether a Block Public Access flag set on the bucket or the account neutralises one kind of grant. */
function neutralisedBy(blocks: readonly RawResource[], flag: string): Neutralised {
  let state: Neutralised['state'] = 'no';
  const found: Evidence[] = [];
  for (const block of blocks) {
    const read = asBoolean(readProperty(block.properties, flag, block.address));
    if (read.state === 'set' && read.value) return { state: 'yes', evidence: [read.evidence] };
    if (read.state === 'unknown') state = 'unknown';
    found.push(read.evidence);
  }
  return { state, evidence: found };
}

function aclSignals(bucket: RawResource, scan: Scan): Signal[] {
  const signals: Signal[] = [];
  const sources: [RawResource, string | undefined][] = [
    [bucket, undefined],
    ...companions(bucket, scan, BUCKET_ACL).map((acl): [RawResource, string] => [acl, acl.address]),
  ];
  for (const [raw, from] of sources) {
    const cannedRead = asString(readConfigured(raw, 'acl', from));
    if (cannedRead.state === 'unknown')
      signals.push({ state: 'unknown', reason: cannedRead.reason, evidence: [cannedRead.evidence] });
    if (cannedRead.state === 'set' && PUBLIC_CANNED_ACLS.has(cannedRead.value))
      signals.push({ state: 'public', reason: `ACL ${cannedRead.value}`, evidence: [cannedRead.evidence] });
    const grantsPath = from === undefined ? 'grant' : 'access_control_policy[0].grant';
    const grants = readConfigured(raw, grantsPath, from);
    if (grants.state === 'unknown') {
      signals.push({ state: 'unknown', reason: grants.reason, evidence: [grants.evidence] });
      continue;
    }
    for (const index of asList(grants.state === 'set' ? grants.value : undefined).keys()) {
      const uriPath = from === undefined ? `grant[${index}].uri` : `${grantsPath}[${index}].grantee[0].uri`;
      const uri = asString(readProperty(raw.properties, uriPath, from));
      if (uri.state === 'set' && PUBLIC_GRANTEE_URIS.has(uri.value))
        signals.push({ state: 'public', reason: `ACL grant to ${uri.value}`, evidence: [uri.evidence] });
      if (uri.state === 'unknown')
        signals.push({ state: 'unknown', reason: uri.reason, evidence: [uri.evidence] });
    }
  }
  return signals;
}

function readPolicies(bucket: RawResource, scan: Scan): ReadPolicy[] {
  return [
    readPolicy(bucket, 'policy'),
    ...companions(bucket, scan, BUCKET_POLICY).map((policy) => readPolicy(policy, 'policy', policy.address)),
  ];
}

function policySignals(policies: readonly ReadPolicy[]): Signal[] {
  return policies.flatMap((policy): Signal[] => {
    if (policy.state === 'none') return [];
    if (policy.state === 'unknown')
      return [{ state: 'unknown', reason: policy.reason, evidence: [policy.evidence] }];
    return publicStatements(policy).map((statement) => ({
      state: 'public',
      reason: 'a policy statement allows everyone',
      evidence: [statementEvidence(statement, policy.from)],
    }));
  });
}

function publicAccess(bucket: RawResource, scan: Scan, policies: readonly ReadPolicy[]): Fact<boolean> {
  const blocks = [
    ...companions(bucket, scan, PUBLIC_ACCESS_BLOCK),
    ...scan.ofType(ACCOUNT_PUBLIC_ACCESS_BLOCK),
  ];
  const checks: [Signal[], Neutralised][] = [
    [aclSignals(bucket, scan), neutralisedBy(blocks, 'ignore_public_acls')],
    [policySignals(policies), neutralisedBy(blocks, 'restrict_public_buckets')],
  ];
  for (const [signals, neutralised] of checks) {
    const grant = signals.find((s) => s.state === 'public');
    if (grant !== undefined && neutralised.state === 'no') return knownFact(true, ...grant.evidence);
  }
  for (const [signals, neutralised] of checks) {
    const open = signals.find(() => neutralised.state !== 'yes');
    if (open !== undefined)
      return unknownFact(
        open.state === 'public'
          ? `${open.reason}, and whether Block Public Access neutralises it is known only after apply`
          : open.reason,
        ...open.evidence,
        ...neutralised.evidence,
      );
  }
  if (blocks.length === 0)
    return knownFact(
      false,
      evidence(
        PUBLIC_ACCESS_BLOCK,
        '(none) — no public ACL or bucket policy is configured; S3 blocks public access on new buckets by default since April 2023',
      ),
    );
  return knownFact(false, ...checks.flatMap(([, neutralised]) => neutralised.evidence));
}

function encryptionInTransit(policies: readonly ReadPolicy[]): Fact<EncryptionInTransit> {
  for (const policy of policies) {
    if (policy.state !== 'parsed') continue;
    const [denial] = insecureTransportDenials(policy);
    if (denial === undefined) continue;
    const tls = deniedBelowTlsVersion(policy);
    return knownFact(
      tls === undefined ? { enforced: true } : { enforced: true, minTlsVersion: tls.version },
      statementEvidence(denial, policy.from),
      ...(tls === undefined ? [] : [statementEvidence(tls.statement, policy.from)]),
    );
  }
  const unknownPolicy = policies.find((p) => p.state === 'unknown');
  if (unknownPolicy?.state === 'unknown') return unknownFact(unknownPolicy.reason, unknownPolicy.evidence);
  return knownFact(
    { enforced: false },
    evidence('policy', '(no policy statement denies aws:SecureTransport=false; S3 accepts plain HTTP)'),
  );
}

// ── access logging and replication ────────────────────────────────────────────────────────────────

function bucketEnd(
  scan: Scan,
  declaredBy: RawResource,
  argument: string,
  self: RawResource,
  name?: string,
): OtherEnd {
  if (name !== undefined) {
    const named = scan.named([BUCKET], 'bucket', name);
    return named.length === 1 && named[0] !== undefined
      ? { address: named[0].address, identifier: name }
      : { identifier: name };
  }
  const referenced = scan.referenced(declaredBy, argument, [BUCKET]).filter((a) => a !== self.address);
  return referenced.length === 1 && referenced[0] !== undefined ? { address: referenced[0] } : {};
}

function accessLogging(bucket: RawResource, scan: Scan): { fact: Fact<boolean>; flows: Flow[] } {
  const [logging] = companions(bucket, scan, BUCKET_LOGGING);
  let target: ReturnType<typeof asString>;
  let to: OtherEnd;
  if (logging !== undefined) {
    target = asString(readProperty(logging.properties, 'target_bucket', logging.address));
    to = bucketEnd(scan, logging, 'target_bucket', bucket, target.state === 'set' ? target.value : undefined);
  } else {
    const inline = readBlocks(bucket, 'logging');
    if (inline.state === 'unknown') return { fact: unknownFact(inline.reason, inline.evidence), flows: [] };
    if (inline.state === 'absent')
      return {
        fact: knownFact(false, evidence('logging', '(not set)'), evidence(BUCKET_LOGGING, '(none)')),
        flows: [],
      };
    target = asString(readProperty(bucket.properties, 'logging[0].target_bucket'));
    to = bucketEnd(scan, bucket, 'logging', bucket, target.state === 'set' ? target.value : undefined);
  }
  return {
    fact: knownFact(true, target.evidence),
    flows: [{ kind: 'log-delivery', from: SELF, to, evidence: [target.evidence] }],
  };
}

function replicationFlows(bucket: RawResource, scan: Scan): Flow[] {
  const sources: { raw: RawResource; rulesPath: string; from: string | undefined }[] = [
    ...companions(bucket, scan, BUCKET_REPLICATION).map((c) => ({
      raw: c,
      rulesPath: 'rule',
      from: c.address,
    })),
  ];
  // Provider v3's inline block names its rules `rules`.
  const inline = readBlocks(bucket, 'replication_configuration');
  if (inline.state === 'set')
    sources.push({ raw: bucket, rulesPath: 'replication_configuration[0].rules', from: undefined });
  const flows: Flow[] = [];
  if (inline.state === 'unknown')
    flows.push({
      kind: 'replica',
      from: SELF,
      to: bucketEnd(scan, bucket, 'replication_configuration', bucket),
      evidence: [inline.evidence],
    });
  for (const { raw, rulesPath, from } of sources) {
    const rules = readProperty(raw.properties, rulesPath, from);
    const count = rules.state === 'set' ? asList(rules.value).length : rules.state === 'unknown' ? 1 : 0;
    for (let index = 0; index < count; index++) {
      const rule = rules.state === 'set' ? `${rulesPath}[${index}]` : rulesPath;
      const status = asString(readProperty(raw.properties, `${rule}.status`, from));
      if (status.state === 'set' && status.value === 'Disabled') continue;
      const destination = asString(readProperty(raw.properties, `${rule}.destination[0].bucket`, from));
      const name =
        destination.state === 'set' ? (bucketNameFromArn(destination.value) ?? destination.value) : undefined;
      const end = bucketEnd(scan, raw, argumentOf(rulesPath), bucket, name);
      const to: FlowEnd = destination.state === 'set' ? { ...end, identifier: destination.value } : end;
      flows.push({ kind: 'replica', from: SELF, to, evidence: [destination.evidence] });
    }
  }
  return flows;
}

function bucketIdentifiers(bucket: RawResource): (string | undefined)[] {
  const name = knownString(bucket, 'bucket');
  if (name === undefined) return [];
  const region = resourceRegion(bucket);
  const partition = region.known ? partitionOfRegion(region.value) : 'aws';
  return [
    `arn:${partition}:s3:::${name}`,
    `${name}.s3.amazonaws.com`,
    region.known ? `${name}.s3.${region.value}.amazonaws.com` : undefined,
  ];
}

const describeBucket: TypeDescriber = {
  type: BUCKET,
  describe(bucket, scan) {
    const policies = readPolicies(bucket, scan);
    const logging = accessLogging(bucket, scan);
    return buildResource(bucket, {
      kind: 'object-storage',
      storesData: true,
      identifierPaths: ['bucket', 'arn', 'id', 'bucket_domain_name', 'bucket_regional_domain_name'],
      identifiers: bucketIdentifiers(bucket),
      facts: {
        encryptionAtRest: encryptionAtRest(bucket, scan),
        encryptionInTransit: encryptionInTransit(policies),
        publicAccess: publicAccess(bucket, scan, policies),
        wildcardAccess: policyWildcardAccess(policies, ['s3']),
        accessLogging: logging.fact,
      },
      flows: [...logging.flows, ...replicationFlows(bucket, scan)],
    });
  },
};

export const s3Describers: readonly TypeDescriber[] = [
  describeBucket,
  ...BUCKET_COMPANIONS.map(
    (type): TypeDescriber => ({
      type,
      describe: (raw, scan) =>
        describeConfiguration(raw, scan.targetOf(raw, 'bucket', [BUCKET], BUCKET_NAMES)),
    }),
  ),
  {
    type: ACCOUNT_PUBLIC_ACCESS_BLOCK,
    describe: (raw) => describeConfiguration(raw, undefined),
  },
];
