import type { Scan } from '@eugate/core';
import {
  asString,
  type EncryptionInTransit,
  type Fact,
  type Flow,
  knownFact,
  type RawResource,
  SELF,
  unknownFact,
} from '@eugate/core';
import { locationFact } from '../shared/location.js';
import { tlsVersion } from '../shared/tls.js';
import { firewallExposure, publicNetworkAccess } from './network.js';
import { readConfigured, readFlag } from './plan-values.js';
import {
  buildResource,
  defaultEvidence,
  describeConfiguration,
  type OtherEnd,
  parentLocation,
  type TypeDescriber,
} from './resource-base.js';

const CACHE = 'azurerm_redis_cache';
const FIREWALL_RULE = 'azurerm_redis_firewall_rule';
const LINKED_SERVER = 'azurerm_redis_linked_server';

function cacheOf(raw: RawResource, scan: Scan, argument = 'redis_cache_name'): RawResource | undefined {
  return scan.targetOf(raw, argument, [CACHE], argument.endsWith('_id') ? ['id'] : ['name']);
}

/** The non-TLS port 6379 is closed unless `non_ssl_port_enabled` (`enable_non_ssl_port` before v4) opens it. */
function encryptionInTransit(cache: RawResource): Fact<EncryptionInTransit> {
  const plain = readFlag(cache, ['non_ssl_port_enabled', 'enable_non_ssl_port']);
  if (plain.state === 'unknown') return unknownFact(plain.reason, plain.evidence);
  const plainEvidence =
    plain.state === 'set' ? plain.evidence : defaultEvidence(plain.evidence.path, 'defaults to false');
  const enforced = plain.state === 'absent' || !plain.value;
  const tls = asString(readConfigured(cache, 'minimum_tls_version'));
  if (tls.state === 'unknown') return unknownFact(tls.reason, plainEvidence, tls.evidence);
  if (tls.state === 'absent') return knownFact({ enforced }, plainEvidence, tls.evidence);
  const version = tlsVersion(tls.value);
  if (version === undefined)
    return unknownFact(`unrecognised minimum_tls_version ${JSON.stringify(tls.value)}`, tls.evidence);
  return knownFact({ enforced, minTlsVersion: version }, plainEvidence, tls.evidence);
}

/** A cache injected into a subnet is private; a public one admits every address until a firewall rule narrows it. */
function networkExposure(cache: RawResource, scan: Scan): Fact<boolean> {
  const subnet = readConfigured(cache, 'subnet_id');
  if (subnet.state !== 'absent') return knownFact(false, subnet.evidence);
  const gate = publicNetworkAccess(cache);
  if ('closed' in gate) return gate.closed;
  const rules = scan.companionsOf(cache, FIREWALL_RULE, 'redis_cache_name', ['name']);
  return firewallExposure(
    rules,
    gate.open,
    knownFact(true, gate.open, defaultEvidence(FIREWALL_RULE, 'without a rule every address is admitted')),
  );
}

/** Geo-replication links a cache to another: the linked cache holds a replica. */
function linkedFlows(cache: RawResource, scan: Scan): Flow[] {
  return scan.companionsOf(cache, LINKED_SERVER, 'target_redis_cache_name', ['name']).map((link) => {
    const linked = scan.referenced(link, 'linked_redis_cache_id', [CACHE]);
    const location = asString(readConfigured(link, 'linked_redis_cache_location', link.address));
    const to: OtherEnd = {
      ...(linked.length === 1 ? { address: linked[0] } : {}),
      ...(location.state === 'set' ? { region: locationFact(location.value, location.evidence) } : {}),
    };
    return { kind: 'replica', from: SELF, to, evidence: [location.evidence] };
  });
}

/**
 * Azure Cache for Redis encrypts its persistence files and disks with platform-managed keys; data
 * in memory is not "at rest". Customer keys exist only on the Enterprise tiers (another resource).
 */
const describeCache: TypeDescriber = {
  type: CACHE,
  describe(cache, scan) {
    return buildResource(cache, scan, {
      kind: 'cache',
      storesData: true,
      identifierPaths: ['name', 'id', 'hostname'],
      facts: {
        encryptionAtRest: knownFact(
          'provider-key',
          defaultEvidence('(service)', 'persistence and disks use platform-managed keys'),
        ),
        encryptionInTransit: encryptionInTransit(cache),
        networkExposure: networkExposure(cache, scan),
      },
      flows: linkedFlows(cache, scan),
    });
  },
};

export const redisDescribers: readonly TypeDescriber[] = [
  describeCache,
  { type: FIREWALL_RULE, describe: (raw, scan) => describeConfiguration(raw, scan, cacheOf(raw, scan)) },
  {
    type: LINKED_SERVER,
    describe: (raw, scan) => {
      const cache = cacheOf(raw, scan, 'target_redis_cache_name');
      return buildResource(raw, scan, {
        kind: 'configuration',
        storesData: false,
        configures: cache?.address,
        region: parentLocation(raw, scan, cache),
      });
    },
  },
];
