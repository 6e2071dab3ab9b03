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
import { buildResource, type TypeDescriber } from './resource-base.js';
import { policyPublicAccess, readPolicy } from './resource-policy.js';
import { securityGroupIngressFlows } from './security-group.js';
import { read } from './template-values.js';

/** `Policy-Min-TLS-1-2-2019-07`, `Policy-Min-TLS-1-2-PFS-2023-10` → `1.2`. */
function tlsOfPolicy(policy: string): string | undefined {
  const match = /^Policy-Min-TLS-(\d)-(\d)/.exec(policy);
  return match === null ? undefined : `${match[1]}.${match[2]}`;
}

/** HTTPS enforced at the endpoint and node-to-node encryption inside the cluster: both carry the data. */
function transit(domain: RawResource): Fact<EncryptionInTransit> {
  const https = asBoolean(read(domain, 'DomainEndpointOptions.EnforceHTTPS'));
  const nodes = asBoolean(read(domain, 'NodeToNodeEncryptionOptions.Enabled'));
  const policy = asString(read(domain, 'DomainEndpointOptions.TLSSecurityPolicy'));
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
      'DomainEndpointOptions.EnforceHTTPS is not set, and the service default has changed over time',
      https.evidence,
    );
  return knownFact({ enforced: true, ...tls }, https.evidence, nodes.evidence, policy.evidence);
}

/** A domain outside a VPC has a public endpoint (its access policy decides who may use it). */
function networkExposure(domain: RawResource): Fact<boolean> {
  const vpc = read(domain, 'VPCOptions');
  if (vpc.state === 'unknown') return unknownFact(vpc.reason, vpc.evidence);
  return knownFact(vpc.state === 'absent', vpc.evidence);
}

function describerFor(type: string): TypeDescriber {
  return {
    type,
    describe: (domain, scan) =>
      buildResource(domain, {
        kind: 'search',
        storesData: true,
        identifierPaths: ['DomainName'],
        facts: {
          encryptionAtRest: encryptionByFlagAndKey(
            domain,
            scan,
            'EncryptionAtRestOptions.Enabled',
            'EncryptionAtRestOptions.KmsKeyId',
            (flag) =>
              unknownFact(
                'EncryptionAtRestOptions is not set; whether a new domain is encrypted by default depends on the engine version',
                flag,
              ),
          ),
          encryptionInTransit: transit(domain),
          networkExposure: networkExposure(domain),
          publicAccess: policyPublicAccess([readPolicy(domain, 'AccessPolicies')]),
        },
        flows: securityGroupIngressFlows(domain, scan, 'VPCOptions', 'VPCOptions.SecurityGroupIds'),
      }),
  };
}

export const opensearchDescribers: readonly TypeDescriber[] = [
  describerFor('AWS::OpenSearchService::Domain'),
  describerFor('AWS::Elasticsearch::Domain'),
];
