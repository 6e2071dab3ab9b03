import type { Scan } from '@eugate/core';
import {
  asBoolean,
  asString,
  type EncryptionInTransit,
  type Fact,
  knownFact,
  type RawResource,
  unknownFact,
} from '@eugate/core';
import { encryptionByFlagAndKey } from './encryption.js';
import { readBlocks, readConfigured } from './plan-values.js';
import { buildResource, describeConfiguration, type TypeDescriber } from './resource-base.js';
import { policyPublicAccess, readPolicy } from './resource-policy.js';
import { securityGroupIngressFlows } from './security-group.js';

/** `Policy-Min-TLS-1-2-2019-07`, `Policy-Min-TLS-1-2-PFS-2023-10` → `1.2`. */
function tlsOfPolicy(policy: string): string | undefined {
  const match = /^Policy-Min-TLS-(\d)-(\d)/.exec(policy);
  return match === null ? undefined : `${match[1]}.${match[2]}`;
}

/** HTTPS enforced at the endpoint and node-to-node encryption inside the cluster: both carry the data. */
function transit(domain: RawResource): Fact<EncryptionInTransit> {
  const https = asBoolean(readConfigured(domain, 'domain_endpoint_options[0].enforce_https'));
  const nodes = asBoolean(readConfigured(domain, 'node_to_node_encryption[0].enabled'));
  const policy = asString(readConfigured(domain, 'domain_endpoint_options[0].tls_security_policy'));
  const version = policy.state === 'set' ? tlsOfPolicy(policy.value) : undefined;
  const tls = version === undefined ? {} : { minTlsVersion: version };
  if (
    (https.state === 'set' && !https.value) ||
    (nodes.state !== 'unknown' && !(nodes.state === 'set' && nodes.value))
  )
    return knownFact({ enforced: false, ...tls }, https.evidence, nodes.evidence);
  if (https.state === 'unknown') return unknownFact(https.reason, https.evidence);
  if (nodes.state === 'unknown') return unknownFact(nodes.reason, nodes.evidence);
  if (https.state === 'absent')
    return unknownFact(
      'domain_endpoint_options.enforce_https is not set, and its default differs between provider versions',
      https.evidence,
    );
  return knownFact({ enforced: true, ...tls }, https.evidence, nodes.evidence, policy.evidence);
}

/** A domain outside a VPC has a public endpoint (its access policy decides who may use it). */
function networkExposure(domain: RawResource): Fact<boolean> {
  const vpc = readBlocks(domain, 'vpc_options');
  if (vpc.state === 'unknown') return unknownFact(vpc.reason, vpc.evidence);
  return knownFact(vpc.state === 'absent', vpc.evidence);
}

function describerFor(type: string, policyType: string): TypeDescriber[] {
  return [
    {
      type,
      describe: (domain: RawResource, scan: Scan) =>
        buildResource(domain, {
          kind: 'search',
          storesData: true,
          identifierPaths: ['domain_name', 'arn', 'id', 'domain_id', 'endpoint'],
          facts: {
            encryptionAtRest: encryptionByFlagAndKey(
              domain,
              scan,
              'encrypt_at_rest[0].enabled',
              'encrypt_at_rest[0].kms_key_id',
              (flag) =>
                unknownFact(
                  'encrypt_at_rest is not set; whether a new domain is encrypted by default depends on the engine version',
                  flag,
                ),
            ),
            encryptionInTransit: transit(domain),
            networkExposure: networkExposure(domain),
            publicAccess: policyPublicAccess([
              readPolicy(domain, 'access_policies'),
              ...scan
                .companionsOf(domain, policyType, 'domain_name', ['domain_name'])
                .map((p) => readPolicy(p, 'access_policies', p.address)),
            ]),
          },
          flows: securityGroupIngressFlows(domain, scan, 'vpc_options', 'vpc_options[0].security_group_ids'),
        }),
    },
    {
      type: policyType,
      describe: (raw, scan) =>
        describeConfiguration(raw, scan.targetOf(raw, 'domain_name', [type], ['domain_name'])),
    },
  ];
}

export const opensearchDescribers: readonly TypeDescriber[] = [
  ...describerFor('aws_opensearch_domain', 'aws_opensearch_domain_policy'),
  ...describerFor('aws_elasticsearch_domain', 'aws_elasticsearch_domain_policy'),
];
