import { describe, expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

describe('Event Hubs and Service Bus namespaces', () => {
  it.each<[string, string, Record<string, unknown>, unknown[]]>([
    [
      'event hubs defaults',
      'azurerm_eventhub_namespace',
      {},
      ['stream', 'provider-key', { enforced: true, minTlsVersion: '1.2' }, true],
    ],
    [
      'event hubs, minimum_tls_version not set (configuration): the provider default 1.2',
      'azurerm_eventhub_namespace',
      { minimum_tls_version: undefined },
      ['stream', 'provider-key', { enforced: true, minTlsVersion: '1.2' }, true],
    ],
    [
      'service bus, TLS 1.0, public off',
      'azurerm_servicebus_namespace',
      { minimum_tls_version: '1.0', public_network_access_enabled: false },
      ['queue', 'provider-key', { enforced: true, minTlsVersion: '1.0' }, false],
    ],
    [
      'service bus with a customer key and deny rules',
      'azurerm_servicebus_namespace',
      {
        customer_managed_key: [{ key_vault_key_id: 'https://kv.vault.azure.net/keys/k/1', identity_id: 'x' }],
        network_rule_set: [],
        network_rulesets: [{ default_action: 'Deny' }],
      },
      ['queue', 'customer-key', { enforced: true, minTlsVersion: '1.2' }, false],
    ],
  ])('%s', (_name, type, properties, expected) => {
    const namespace = raw(`${type}.n`, {
      name: 'n',
      location: 'swedencentral',
      sku: 'Standard',
      minimum_tls_version: '1.2',
      public_network_access_enabled: true,
      id: AFTER_APPLY,
      ...properties,
    });
    const described = resourceOf(describeAll(namespace), namespace.address);
    expect([
      described.kind,
      factValue(described.facts.encryptionAtRest),
      factValue(described.facts.encryptionInTransit),
      factValue(described.facts.networkExposure),
    ]).toEqual(expected);
  });
});
