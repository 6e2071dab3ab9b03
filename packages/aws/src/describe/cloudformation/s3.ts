import {
  asBoolean,
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
import { kmsKeyReference } from './encryption.js';
import { buildResource, configurationOf, type OtherEnd, type TypeDescriber } from './resource-base.js';
import { policyWildcardAccess, type ReadPolicy, readPolicy, statementEvidence } from './resource-policy.js';
import type { Scan } from './scan.js';
import { knownString, listLength, read } from './template-values.js';

const BUCKET = 'AWS::S3::Bucket';
const BUCKET_POLICY = 'AWS::S3::BucketPolicy';
const BUCKET_NAMES = ['BucketName'];

/** Canned ACLs that grant access beyond the owner account (AuthenticatedRead = any AWS account). */
const PUBLIC_CANNED_ACLS = new Set(['PublicRead', 'PublicReadWrite', 'AuthenticatedRead']);

// ── encryption at rest ────────────────────────────────────────────────────────────────────────────

const SSE_S3_DEFAULT = '(not set) — S3 encrypts new objects with SSE-S3 by default since 2023-01-05';
const RULES = 'BucketEncryption.ServerSideEncryptionConfiguration';

/** The first rule's `ServerSideEncryptionByDefault`, the encryption of objects written without their own. */
function encryptionAtRest(bucket: RawResource, scan: Scan): Fact<EncryptionAtRest> {
  const rules = read(bucket, RULES);
  if (rules.state === 'unknown') return unknownFact(rules.reason, rules.evidence);
  for (let index = 0; index < listLength(bucket, RULES); index++) {
    const base = `${RULES}[${index}].ServerSideEncryptionByDefault`;
    const algorithm = asString(read(bucket, `${base}.SSEAlgorithm`));
    if (algorithm.state === 'absent') continue;
    if (algorithm.state === 'unknown') return unknownFact(algorithm.reason, algorithm.evidence);
    if (algorithm.value === 'AES256') return knownFact('provider-key', algorithm.evidence);
    if (algorithm.value === 'aws:kms' || algorithm.value === 'aws:kms:dsse') {
      const key = asString(read(bucket, `${base}.KMSMasterKeyID`));
      // aws:kms without a key id uses the AWS managed key aws/s3.
      return (
        keyOwnership(key, kmsKeyReference(bucket, scan, base)) ??
        knownFact('provider-key', algorithm.evidence, key.evidence)
      );
    }
    return unknownFact(`unrecognised SSEAlgorithm ${JSON.stringify(algorithm.value)}`, algorithm.evidence);
  }
  return knownFact('provider-key', evidence(RULES, SSE_S3_DEFAULT));
}

// ── public access ─────────────────────────────────────────────────────────────────────────────────

type Signal = { readonly state: 'public' | 'unknown'; readonly reason: string; readonly evidence: Evidence };

/** `PublicAccessBlockConfiguration.<flag>`: true neutralises one kind of grant. */
function neutralisedBy(bucket: RawResource, flag: string) {
  return asBoolean(read(bucket, `PublicAccessBlockConfiguration.${flag}`));
}

function aclSignals(bucket: RawResource): Signal[] {
  const acl = asString(read(bucket, 'AccessControl'));
  if (acl.state === 'unknown') return [{ state: 'unknown', reason: acl.reason, evidence: acl.evidence }];
  if (acl.state === 'set' && PUBLIC_CANNED_ACLS.has(acl.value))
    return [{ state: 'public', reason: `ACL ${acl.value}`, evidence: acl.evidence }];
  return [];
}

function policySignals(policies: readonly ReadPolicy[]): Signal[] {
  return policies.flatMap((policy): Signal[] => {
    if (policy.state === 'none') return [];
    if (policy.state === 'unknown')
      return [{ state: 'unknown', reason: policy.reason, evidence: policy.evidence }];
    return publicStatements(policy).map((statement) => ({
      state: 'public',
      reason: 'a policy statement allows everyone',
      evidence: statementEvidence(policy, statement),
    }));
  });
}

/**
 * A public ACL counts unless `IgnorePublicAcls`, a public policy unless `RestrictPublicBuckets`.
 * `BlockPublicAcls`/`BlockPublicPolicy` only reject new grants, so they do not neutralise configured ones.
 */
function publicAccess(bucket: RawResource, policies: readonly ReadPolicy[]): Fact<boolean> {
  const checks = [
    [aclSignals(bucket), neutralisedBy(bucket, 'IgnorePublicAcls')],
    [policySignals(policies), neutralisedBy(bucket, 'RestrictPublicBuckets')],
  ] as const;
  for (const [signals, neutralised] of checks) {
    const grant = signals.find((s) => s.state === 'public');
    if (
      grant !== undefined &&
      neutralised.state !== 'unknown' &&
      !(neutralised.state === 'set' && neutralised.value)
    )
      return knownFact(true, grant.evidence, neutralised.evidence);
  }
  for (const [signals, neutralised] of checks) {
    if (neutralised.state === 'set' && neutralised.value) continue;
    const [open] = signals;
    if (open !== undefined)
      return unknownFact(
        open.state === 'public'
          ? `${open.reason}, and whether Block Public Access neutralises it is resolved only at deployment`
          : open.reason,
        open.evidence,
        neutralised.evidence,
      );
  }
  if (read(bucket, 'PublicAccessBlockConfiguration').state === 'absent')
    return knownFact(
      false,
      evidence(
        'PublicAccessBlockConfiguration',
        '(not set) — no public ACL or bucket policy is configured; S3 blocks public access on new buckets by default since April 2023',
      ),
    );
  return knownFact(false, ...checks.map(([, neutralised]) => neutralised.evidence));
}

function encryptionInTransit(policies: readonly ReadPolicy[]): Fact<EncryptionInTransit> {
  for (const policy of policies) {
    if (policy.state !== 'parsed') continue;
    const [denial] = insecureTransportDenials(policy);
    if (denial === undefined) continue;
    const tls = deniedBelowTlsVersion(policy);
    return knownFact(
      tls === undefined ? { enforced: true } : { enforced: true, minTlsVersion: tls.version },
      statementEvidence(policy, denial),
      ...(tls === undefined ? [] : [statementEvidence(policy, tls.statement)]),
    );
  }
  const unknownPolicy = policies.find((p) => p.state === 'unknown');
  if (unknownPolicy?.state === 'unknown') return unknownFact(unknownPolicy.reason, unknownPolicy.evidence);
  return knownFact(
    { enforced: false },
    evidence(
      'PolicyDocument',
      '(no policy statement denies aws:SecureTransport=false; S3 accepts plain HTTP)',
    ),
  );
}

// ── access logging and replication ────────────────────────────────────────────────────────────────

/** Another bucket, by name (literal) or by the reference of `property` when it names one other bucket. */
function bucketEnd(scan: Scan, bucket: RawResource, property: string, name: string | undefined): OtherEnd {
  if (name !== undefined) {
    const named = scan.ofType(BUCKET).filter((b) => b.properties.BucketName === name);
    return named.length === 1 && named[0] !== undefined
      ? { address: named[0].address, identifier: name }
      : { identifier: name };
  }
  const referenced = scan.referenced(bucket, property, [BUCKET]);
  return referenced.length === 1 && referenced[0] !== undefined ? { address: referenced[0] } : {};
}

function accessLogging(bucket: RawResource, scan: Scan): { fact: Fact<boolean>; flows: Flow[] } {
  const logging = read(bucket, 'LoggingConfiguration');
  if (logging.state === 'unknown') return { fact: unknownFact(logging.reason, logging.evidence), flows: [] };
  if (logging.state === 'absent') return { fact: knownFact(false, logging.evidence), flows: [] };
  const target = asString(read(bucket, 'LoggingConfiguration.DestinationBucketName'));
  // Without a destination, S3 writes the logs into the bucket itself: no data leaves it.
  if (target.state === 'absent') return { fact: knownFact(true, logging.evidence), flows: [] };
  const to = bucketEnd(
    scan,
    bucket,
    'LoggingConfiguration',
    target.state === 'set' ? target.value : undefined,
  );
  return {
    fact: knownFact(true, target.evidence),
    flows: [{ kind: 'log-delivery', from: SELF, to, evidence: [target.evidence] }],
  };
}

function replicationFlows(bucket: RawResource, scan: Scan): Flow[] {
  const path = 'ReplicationConfiguration.Rules';
  const rules = read(bucket, path);
  if (rules.state === 'absent') return [];
  const count = rules.state === 'set' ? listLength(bucket, path) : 1;
  const flows: Flow[] = [];
  for (let index = 0; index < count; index++) {
    const rule = rules.state === 'set' ? `${path}[${index}]` : path;
    const status = asString(read(bucket, `${rule}.Status`));
    if (status.state === 'set' && status.value === 'Disabled') continue;
    const destination = asString(read(bucket, `${rule}.Destination.Bucket`));
    const name =
      destination.state === 'set' ? (bucketNameFromArn(destination.value) ?? destination.value) : undefined;
    const end = bucketEnd(scan, bucket, 'ReplicationConfiguration', name);
    const to: FlowEnd = destination.state === 'set' ? { ...end, identifier: destination.value } : end;
    flows.push({ kind: 'replica', from: SELF, to, evidence: [destination.evidence] });
  }
  return flows;
}

/** The names other resources use for the bucket: its ARN and its global and regional domain names. */
function bucketIdentifiers(bucket: RawResource): (string | undefined)[] {
  const name = knownString(bucket, 'BucketName');
  if (name === undefined) return [];
  const region = bucket.region;
  const partition = region.known ? partitionOfRegion(region.value) : 'aws';
  return [
    `arn:${partition}:s3:::${name}`,
    `${name}.s3.amazonaws.com`,
    region.known ? `${name}.s3.${region.value}.amazonaws.com` : undefined,
  ];
}

function policiesOf(bucket: RawResource, scan: Scan): ReadPolicy[] {
  return scan
    .companionsOf(bucket, BUCKET_POLICY, 'Bucket', BUCKET_NAMES)
    .map((policy) => readPolicy(policy, 'PolicyDocument', policy.address));
}

const describeBucket: TypeDescriber = {
  type: BUCKET,
  describe(bucket, scan) {
    const policies = policiesOf(bucket, scan);
    const logging = accessLogging(bucket, scan);
    return buildResource(bucket, {
      kind: 'object-storage',
      storesData: true,
      identifierPaths: ['BucketName'],
      identifiers: bucketIdentifiers(bucket),
      facts: {
        encryptionAtRest: encryptionAtRest(bucket, scan),
        encryptionInTransit: encryptionInTransit(policies),
        publicAccess: publicAccess(bucket, policies),
        wildcardAccess: policyWildcardAccess(policies, ['s3']),
        accessLogging: logging.fact,
      },
      flows: [...logging.flows, ...replicationFlows(bucket, scan)],
    });
  },
};

export const s3Describers: readonly TypeDescriber[] = [
  describeBucket,
  configurationOf(BUCKET_POLICY, 'Bucket', [BUCKET], BUCKET_NAMES),
];
