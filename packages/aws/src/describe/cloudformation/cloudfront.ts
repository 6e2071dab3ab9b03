import {
  asBoolean,
  asString,
  type EncryptionInTransit,
  type Evidence,
  evidence,
  type Fact,
  type Flow,
  knownFact,
  type RawResource,
  SELF,
  unknownFact,
} from '@eugate/core';
import { isCloudFormationReference } from '../../read/intrinsics.js';
import { buildResource, type TypeDescriber } from './resource-base.js';
import { referencedAt, type Scan } from './scan.js';
import { listLength, read } from './template-values.js';

const CONFIG = 'DistributionConfig';

/**
 * CloudFront serves from edge locations worldwide. No price class keeps it inside the EU (even
 * PriceClass_100 includes North America), and geo restriction limits viewers, not edge locations.
 */
function edge(distribution: RawResource) {
  return knownFact(
    { global: true, restrictedToEu: false },
    read(distribution, `${CONFIG}.PriceClass`).evidence,
    read(distribution, `${CONFIG}.Restrictions.GeoRestriction.RestrictionType`).evidence,
  );
}

/** `MinimumProtocolVersion` → TLS version. SSLv3 predates TLS and is given as `0`, below every TLS version. */
function tlsVersionOf(policy: string): string | undefined {
  if (policy === 'SSLv3') return '0';
  const match = /^TLSv(\d)(?:\.(\d))?/.exec(policy);
  return match === null ? undefined : `${match[1]}.${match[2] ?? '0'}`;
}

function minimumTls(
  distribution: RawResource,
): { version: string; evidence: Evidence } | { reason: string; evidence: Evidence } {
  const certificate = read(distribution, `${CONFIG}.ViewerCertificate`);
  // Without a ViewerCertificate CloudFront uses its *.cloudfront.net certificate, which accepts TLSv1
  // whatever MinimumProtocolVersion says; so does CloudFrontDefaultCertificate: true.
  if (certificate.state === 'absent')
    return {
      version: '1.0',
      evidence: evidence(
        certificate.evidence.path,
        '(not set) — the *.cloudfront.net certificate accepts TLSv1',
      ),
    };
  const defaultCertificate = asBoolean(
    read(distribution, `${CONFIG}.ViewerCertificate.CloudFrontDefaultCertificate`),
  );
  if (defaultCertificate.state === 'set' && defaultCertificate.value)
    return { version: '1.0', evidence: defaultCertificate.evidence };
  const minimum = asString(read(distribution, `${CONFIG}.ViewerCertificate.MinimumProtocolVersion`));
  if (minimum.state === 'set') {
    const version = tlsVersionOf(minimum.value);
    return version === undefined
      ? { reason: `unrecognised MinimumProtocolVersion ${minimum.value}`, evidence: minimum.evidence }
      : { version, evidence: minimum.evidence };
  }
  return {
    reason:
      minimum.state === 'unknown' ? minimum.reason : 'the viewer certificate sets no MinimumProtocolVersion',
    evidence: minimum.evidence,
  };
}

function encryptionInTransit(distribution: RawResource): Fact<EncryptionInTransit> {
  const plain: Evidence[] = [];
  const unknowns: { reason: string; evidence: Evidence }[] = [];
  const checked: Evidence[] = [];
  const behaviours = [
    `${CONFIG}.DefaultCacheBehavior`,
    ...Array.from(
      { length: listLength(distribution, `${CONFIG}.CacheBehaviors`) },
      (_, i) => `${CONFIG}.CacheBehaviors[${i}]`,
    ),
  ];
  for (const behaviour of behaviours) {
    const policy = asString(read(distribution, `${behaviour}.ViewerProtocolPolicy`));
    if (policy.state === 'unknown') unknowns.push({ reason: policy.reason, evidence: policy.evidence });
    if (policy.state === 'set' && policy.value === 'allow-all') plain.push(policy.evidence);
    checked.push(policy.evidence);
  }
  // Plain HTTP between the edge and a custom origin exposes the data on the way too.
  for (let index = 0; index < listLength(distribution, `${CONFIG}.Origins`); index++) {
    const originPolicy = asString(
      read(distribution, `${CONFIG}.Origins[${index}].CustomOriginConfig.OriginProtocolPolicy`),
    );
    if (originPolicy.state === 'set' && originPolicy.value === 'http-only') plain.push(originPolicy.evidence);
  }
  const tls = minimumTls(distribution);
  const tlsPart = 'version' in tls ? { minTlsVersion: tls.version } : {};
  if (plain.length > 0) return knownFact({ enforced: false, ...tlsPart }, ...plain, tls.evidence);
  const [first] = unknowns;
  if (first !== undefined) return unknownFact(first.reason, ...unknowns.map((u) => u.evidence));
  if (!('version' in tls)) return unknownFact(tls.reason, ...checked, tls.evidence);
  return knownFact({ enforced: true, minTlsVersion: tls.version }, ...checked, tls.evidence);
}

/** Resources a distribution references that are not where content comes from or logs go. */
function couldHoldContent(target: RawResource): boolean {
  return !/^AWS::(CloudFront|Lambda|IAM|WAFv2|WAF|CertificateManager|KMS)::/.test(target.type);
}

type Pending = { readonly evidence: Evidence; readonly exact: string[] | undefined };

/** The value at `path` as the reader left it: an `UnknownValue` is handed back, not read as unknown. */
function valueAt(raw: RawResource, path: string): unknown {
  let current: unknown = raw.properties;
  for (const [, key, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (current === null || typeof current !== 'object') return undefined;
    const segment = key ?? Number(index);
    current = Object.hasOwn(current, segment)
      ? (current as Record<string | number, unknown>)[segment]
      : undefined;
  }
  return current;
}

/**
 * The resources the value at `path` comes from, when that is known exactly: the reader left a
 * `CloudFormationReference` there (`Fn::GetAtt Bucket.RegionalDomainName`), or the references name
 * the path (intrinsics handed in unresolved). Undefined when only the references of the whole
 * `DistributionConfig` are known — the reader records references per top-level property, and
 * `DistributionConfig` holds origins and the logging bucket alike.
 */
function sourcesAt(scan: Scan, distribution: RawResource, path: string): string[] | undefined {
  const value = valueAt(distribution, path);
  if (isCloudFormationReference(value)) {
    const target = scan.get(value.address);
    return target !== undefined && value.address !== distribution.address && couldHoldContent(target)
      ? [value.address]
      : [];
  }
  return referencedAt(scan, distribution, path, couldHoldContent);
}

/**
 * Each origin's content is cached at the edges (`edge-delivery` from the origin), and viewer logs
 * (IP addresses, URLs) go to the logging bucket (`log-delivery`). Ends known only at deployment are
 * found through references: exactly, when the value is a reference to one resource or the
 * references name the property path (`sourcesAt`); else among the distribution's references, and
 * when those cannot be told apart (`Fn::Join` of a bucket name, say), every candidate gets the flow
 * (a copy that may exist is checked rather than missed).
 */
function flows(distribution: RawResource, scan: Scan): Flow[] {
  const out: Flow[] = [];
  const pendingOrigins: Pending[] = [];
  for (let index = 0; index < listLength(distribution, `${CONFIG}.Origins`); index++) {
    const path = `${CONFIG}.Origins[${index}].DomainName`;
    const domain = asString(read(distribution, path));
    if (domain.state === 'set')
      out.push({
        kind: 'edge-delivery',
        from: { identifier: domain.value },
        to: SELF,
        evidence: [domain.evidence],
      });
    else
      pendingOrigins.push({
        evidence: domain.evidence,
        exact: sourcesAt(scan, distribution, path),
      });
  }
  const logging = read(distribution, `${CONFIG}.Logging`);
  let pendingLog: Pending | undefined;
  if (logging.state !== 'absent') {
    const path = `${CONFIG}.Logging.Bucket`;
    const bucket = asString(read(distribution, path));
    if (bucket.state === 'set')
      out.push({
        kind: 'log-delivery',
        from: SELF,
        to: { identifier: bucket.value },
        evidence: [bucket.evidence],
      });
    else
      pendingLog = {
        evidence: bucket.evidence,
        exact: sourcesAt(scan, distribution, path),
      };
  }
  const exactlyKnown = new Set(
    [...pendingOrigins, ...(pendingLog ? [pendingLog] : [])].flatMap((p) => p.exact ?? []),
  );
  const candidates = scan
    .referenced(distribution, CONFIG)
    .filter((address) => couldHoldContent(scan.get(address) as RawResource) && !exactlyKnown.has(address));
  const vague = pendingOrigins.filter((p) => p.exact === undefined);
  const vagueLog = pendingLog !== undefined && pendingLog.exact === undefined;
  const oneToOne = !vagueLog && candidates.length === vague.length;
  for (const origin of pendingOrigins) {
    const sources = origin.exact ?? (oneToOne ? [candidates[vague.indexOf(origin)] as string] : candidates);
    for (const address of sources)
      out.push({
        kind: 'edge-delivery',
        from: { address },
        to: SELF,
        evidence: [origin.evidence, evidence(`references.${CONFIG}`, address)],
      });
    if (sources.length === 0)
      out.push({ kind: 'edge-delivery', from: {}, to: SELF, evidence: [origin.evidence] });
  }
  if (pendingLog !== undefined) {
    const buckets = pendingLog.exact ?? candidates.filter((a) => scan.get(a)?.type === 'AWS::S3::Bucket');
    for (const address of buckets)
      out.push({
        kind: 'log-delivery',
        from: SELF,
        to: { address },
        evidence: [pendingLog.evidence, evidence(`references.${CONFIG}`, address)],
      });
    if (buckets.length === 0)
      out.push({ kind: 'log-delivery', from: SELF, to: {}, evidence: [pendingLog.evidence] });
  }
  return out;
}

export const cloudfrontDescribers: readonly TypeDescriber[] = [
  {
    type: 'AWS::CloudFront::Distribution',
    describe: (distribution, scan) =>
      buildResource(distribution, {
        kind: 'edge-distribution',
        storesData: true,
        facts: { edge: edge(distribution), encryptionInTransit: encryptionInTransit(distribution) },
        flows: flows(distribution, scan),
      }),
  },
];
