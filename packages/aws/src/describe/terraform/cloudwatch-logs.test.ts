import { expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

it.each<[string, Record<string, unknown>, unknown]>([
  ['no key (checkov route53 plan): service-managed encryption', { kms_key_id: null }, 'provider-key'],
  ['empty key id of an existing group (terraform-compliance plan)', { kms_key_id: '' }, 'provider-key'],
  ['customer key', { kms_key_id: 'arn:aws:kms:eu-central-1:1:key/x' }, 'customer-key'],
])('%s', (_, properties, expected) => {
  const group = raw('aws_cloudwatch_log_group.g', {
    name: '/aws/route53/example.com',
    retention_in_days: 30,
    arn: AFTER_APPLY,
    ...properties,
  });
  const described = resourceOf(describeAll(group), 'aws_cloudwatch_log_group.g');
  expect(described).toMatchObject({
    kind: 'log-store',
    storesData: true,
    identifiers: ['/aws/route53/example.com'],
  });
  expect(factValue(described.facts.encryptionAtRest)).toBe(expected);
});
