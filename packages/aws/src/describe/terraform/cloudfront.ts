import type { Scan } from '@eugate/core';
import {
  asBoolean,
  asList,
  asString,
  type EncryptionInTransit,
  type Evidence,
  evidence,
  type Fact,
  type Flow,
  knownFact,
  type RawResource,
  readProperty,
  SELF,
  typeOfAddress,
  unknownFact,
} from '@eugate/core';
import { readConfigured } from './plan-values.js';
import { buildResource, type OtherEnd, type TypeDescriber } from './resource-base.js';

/**
 * CloudFront serves from edge locations worldwide. No price class keeps it inside the EU (even
 * PriceClass_100 includes North America), and geo restriction limits viewers, not edge locations.
 */
function edge(distribution: RawResource) {
  return knownFact(
    { global: true, restrictedToEu: false },
    readProperty(distribution.properties, 'price_class').evidence,
    readProperty(distribution.properties, 'restrictions[0].geo_restriction[0].restriction_type').evidence,
  );
}

/** `minimum_protocol_version` → TLS version. SSLv3 predates TLS and is given as `0`, below every TLS version. */
function tlsVersionOf(policy: string): string | undefined {
  if (policy === 'SSLv3') return '0';
  const match = /^TLSv(\d)(?:\.(\d))?/.exec(policy);
  return match === null ? undefined : `${match[1]}.${match[2] ?? '0'}`;
}

function minimumTls(
  distribution: RawResource,
): { version: string; evidence: Evidence } | { reason: string; evidence: Evidence } {
  const defaultCertificate = asBoolean(
    readProperty(distribution.properties, 'viewer_certificate[0].cloudfront_default_certificate'),
  );
  if (defaultCertificate.state === 'set' && defaultCertificate.value)
    // With the *.cloudfront.net certificate CloudFront accepts TLSv1 whatever minimum_protocol_version says.
    return { version: '1.0', evidence: defaultCertificate.evidence };
  const minimum = asString(readConfigured(distribution, 'viewer_certificate[0].minimum_protocol_version'));
  if (minimum.state === 'set') {
    const version = tlsVersionOf(minimum.value);
    return version === undefined
      ? { reason: `unrecognised minimum_protocol_version ${minimum.value}`, evidence: minimum.evidence }
      : { version, evidence: minimum.evidence };
  }
  return {
    reason:
      minimum.state === 'unknown'
        ? minimum.reason
        : 'the viewer certificate sets no minimum_protocol_version',
    evidence: minimum.evidence,
  };
}

function encryptionInTransit(distribution: RawResource): Fact<EncryptionInTransit> {
  const plain: Evidence[] = [];
  const unknowns: { reason: string; evidence: Evidence }[] = [];
  const checked: Evidence[] = [];
  const behaviours = [
    'default_cache_behavior[0]',
    ...asList(distribution.properties.ordered_cache_behavior).map((_, i) => `ordered_cache_behavior[${i}]`),
  ];
  for (const behaviour of behaviours) {
    const policy = asString(readProperty(distribution.properties, `${behaviour}.viewer_protocol_policy`));
    if (policy.state === 'unknown') unknowns.push({ reason: policy.reason, evidence: policy.evidence });
    if (policy.state === 'set' && policy.value === 'allow-all') plain.push(policy.evidence);
    checked.push(policy.evidence);
  }
  // Plain HTTP between the edge and a custom origin exposes the data on the way too.
  for (const index of asList(distribution.properties.origin).keys()) {
    const originPolicy = asString(
      readProperty(
        distribution.properties,
        `origin[${index}].custom_origin_config[0].origin_protocol_policy`,
      ),
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

/**
 * Resources an `origin` block references that serve no content: CloudFront's own access identities
 * and controls, and the keys, secrets and parameters a `custom_header` value comes from.
 */
const NOT_AN_ORIGIN =
  /^(aws_cloudfront_|aws_iam_|aws_kms_|aws_acm_|aws_wafv2?_|aws_secretsmanager_|aws_ssm_parameter|aws_api_gateway_api_key|random_)/;

/**
 * Each origin's content is cached at the edges: an `edge-delivery` flow from the origin to the
 * distribution. Origins known only after apply are found among the `origin` blocks' references
 * (Terraform gives them per top-level argument): one candidate per such origin is paired with it;
 * otherwise they cannot be told apart and every candidate gets the flow (a copy that may exist is
 * checked rather than missed).
 */
function originFlows(distribution: RawResource, scan: Scan): Flow[] {
  const origins = readConfigured(distribution, 'origin');
  const flows: Flow[] = [];
  const pending: Evidence[] = [];
  for (const index of asList(origins.state === 'set' ? origins.value : undefined).keys()) {
    const domain = asString(readProperty(distribution.properties, `origin[${index}].domain_name`));
    if (domain.state === 'set')
      flows.push({
        kind: 'edge-delivery',
        from: { identifier: domain.value },
        to: SELF,
        evidence: [domain.evidence],
      });
    else pending.push(domain.evidence);
  }
  if (origins.state === 'unknown') pending.push(origins.evidence);
  if (pending.length === 0) return flows;
  const candidates = scan
    .referenced(distribution, 'origin')
    .filter((address) => !NOT_AN_ORIGIN.test(typeOfAddress(address) ?? ''));
  const oneToOne = candidates.length === pending.length;
  for (const [i, address] of candidates.entries())
    flows.push({
      kind: 'edge-delivery',
      from: { address },
      to: SELF,
      evidence: [...(oneToOne ? pending.slice(i, i + 1) : pending), evidence('references.origin', address)],
    });
  // Origins with no candidate left (a module output, a data source): their source stays unknown.
  for (const unresolved of pending.slice(candidates.length))
    flows.push({ kind: 'edge-delivery', from: {}, to: SELF, evidence: [unresolved] });
  return flows;
}

/** Standard access logs (viewer IPs, URLs) are delivered to `logging_config[0].bucket` (`<bucket>.s3.amazonaws.com`). */
function loggingFlows(distribution: RawResource, scan: Scan): Flow[] {
  const logging = readConfigured(distribution, 'logging_config');
  if (logging.state === 'absent' || (logging.state === 'set' && asList(logging.value).length === 0))
    return [];
  const bucket = asString(readProperty(distribution.properties, 'logging_config[0].bucket'));
  const [address, ...more] = scan.referenced(distribution, 'logging_config', ['aws_s3_bucket']);
  const to: OtherEnd = {
    ...(bucket.state === 'set' ? { identifier: bucket.value } : {}),
    ...(address !== undefined && more.length === 0 ? { address } : {}),
  };
  return [{ kind: 'log-delivery', from: SELF, to, evidence: [bucket.evidence] }];
}

export const cloudfrontDescribers: readonly TypeDescriber[] = [
  {
    type: 'aws_cloudfront_distribution',
    describe: (distribution, scan) =>
      buildResource(distribution, {
        kind: 'edge-distribution',
        storesData: true,
        identifierPaths: ['id', 'arn', 'domain_name'],
        facts: { edge: edge(distribution), encryptionInTransit: encryptionInTransit(distribution) },
        flows: [...originFlows(distribution, scan), ...loggingFlows(distribution, scan)],
      }),
  },
];
