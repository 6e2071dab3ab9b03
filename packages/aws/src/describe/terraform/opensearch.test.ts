import { expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

/** The checkov plan's `aws_elasticsearch_domain` (encryption and endpoint options computed). */
const domain = (type: string, properties: Record<string, unknown>) =>
  raw(`${type}.d`, {
    domain_name: 'tg-corp-es',
    ebs_options: [{ ebs_enabled: true, volume_size: 30 }],
    vpc_options: [],
    access_policies: AFTER_APPLY,
    encrypt_at_rest: AFTER_APPLY,
    node_to_node_encryption: AFTER_APPLY,
    domain_endpoint_options: AFTER_APPLY,
    ...properties,
  });

it.each<[string, string, Record<string, unknown>, Record<string, unknown>]>([
  [
    'aws_elasticsearch_domain',
    'nothing set (checkov plan)',
    {},
    {
      encryptionAtRest:
        'unknown: encrypt_at_rest is not set; whether a new domain is encrypted by default depends on the engine version',
      encryptionInTransit: { enforced: false },
      networkExposure: true,
      publicAccess: false,
    },
  ],
  [
    'aws_opensearch_domain',
    'in a VPC, encrypted, HTTPS with TLS 1.2',
    {
      vpc_options: [{ subnet_ids: ['subnet-1'], security_group_ids: ['sg-1'] }],
      encrypt_at_rest: [{ enabled: true, kms_key_id: AFTER_APPLY }],
      node_to_node_encryption: [{ enabled: true }],
      domain_endpoint_options: [{ enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' }],
    },
    {
      encryptionAtRest: 'provider-key',
      encryptionInTransit: { enforced: true, minTlsVersion: '1.2' },
      networkExposure: false,
    },
  ],
  [
    'aws_opensearch_domain',
    'access policy open to everyone',
    {
      access_policies: JSON.stringify({
        Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:*', Resource: '*' }],
      }),
    },
    { publicAccess: true },
  ],
])('%s: %s', (type, _, properties, expected) => {
  const described = resourceOf(describeAll(domain(type, properties)), `${type}.d`);
  expect(described).toMatchObject({ kind: 'search', storesData: true });
  for (const [name, value] of Object.entries(expected))
    expect(factValue(described.facts[name as keyof typeof described.facts])).toEqual(value);
});
