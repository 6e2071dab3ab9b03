import type { RawResource } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

const R = 'azurerm_redis_cache.r';
const cache = (properties: Record<string, unknown> = {}) =>
  raw(R, {
    name: 'orders-cache',
    location: 'francecentral',
    non_ssl_port_enabled: false,
    minimum_tls_version: '1.2',
    public_network_access_enabled: true,
    id: AFTER_APPLY,
    ...properties,
  });

describe('azurerm_redis_cache', () => {
  it.each<[string, RawResource[], unknown[]]>([
    [
      'TLS only, open network without firewall rules',
      [cache()],
      [{ enforced: true, minTlsVersion: '1.2' }, true],
    ],
    [
      'v3 enable_non_ssl_port',
      [cache({ non_ssl_port_enabled: undefined, enable_non_ssl_port: true, minimum_tls_version: '1.0' })],
      [{ enforced: false, minTlsVersion: '1.0' }, true],
    ],
    [
      'subnet injected',
      [
        cache({
          subnet_id:
            '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/redis',
        }),
      ],
      [{ enforced: true, minTlsVersion: '1.2' }, false],
    ],
    [
      'one firewall rule for an office',
      [
        cache(),
        raw(
          'azurerm_redis_firewall_rule.o',
          {
            name: 'o',
            redis_cache_name: 'orders-cache',
            start_ip_address: '203.0.113.1',
            end_ip_address: '203.0.113.9',
          },
          { redis_cache_name: [R] },
        ),
      ],
      [{ enforced: true, minTlsVersion: '1.2' }, false],
    ],
  ])('%s', (_name, resources, expected) => {
    const described = resourceOf(describeAll(...resources), R);
    expect([
      factValue(described.facts.encryptionInTransit),
      factValue(described.facts.networkExposure),
    ]).toEqual(expected);
  });
});
