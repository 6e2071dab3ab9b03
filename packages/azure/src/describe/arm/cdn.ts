import {
  asBoolean,
  asList,
  asString,
  type EdgeExposure,
  type EncryptionInTransit,
  evidence,
  type Fact,
  type Flow,
  knownFact,
  type RawResource,
  readProperty,
  SELF,
  unknownFact,
} from '@eugate/core';
import {
  type ArmScan,
  type ArmTypeDescriber,
  armLocation,
  buildArmResource,
  readEnum,
} from './resource-base.js';

export const CDN_PROFILE = 'Microsoft.Cdn/profiles';
const CDN_ENDPOINT = `${CDN_PROFILE}/endpoints`;
const AFD_ORIGIN = `${CDN_PROFILE}/originGroups/origins`;
export const CLASSIC_FRONT_DOOR = 'Microsoft.Network/frontDoors';

/**
 * Azure CDN and Front Door cache content at points of presence worldwide; neither offers a setting
 * that keeps the cache inside the EU, so every profile is global and not EU-restricted (as the
 * azurerm describer judges).
 */
function edge(raw: RawResource): Fact<EdgeExposure> {
  return knownFact(
    { global: true, restrictedToEu: false },
    evidence('(service)', `${raw.type}: Azure CDN / Front Door caches at edge locations worldwide`),
  );
}

/** Edge resources state no data location: `location: global` or none at all. */
function edgeRegion(raw: RawResource, scan: ArmScan): Fact<string> {
  if (readProperty(raw.properties, 'location').state !== 'absent') return armLocation(raw, scan);
  return knownFact('global', evidence('location', '(not set) — a global service'));
}

/** Content of an origin is cached at the edge: an `edge-delivery` flow from the origin host (a storage account's blob host). */
function originFlow(raw: RawResource, path: string): Flow {
  const host = asString(readProperty(raw.properties, path));
  return {
    kind: 'edge-delivery',
    from: host.state === 'set' ? { identifier: host.value } : {},
    to: SELF,
    evidence: [host.evidence],
  };
}

/** Plain HTTP to viewers is allowed unless `isHttpAllowed: false` (default true). */
function endpointTransit(endpoint: RawResource): Fact<EncryptionInTransit> {
  const http = asBoolean(readProperty(endpoint.properties, 'properties.isHttpAllowed'));
  if (http.state === 'unknown') return unknownFact(http.reason, http.evidence);
  if (http.state === 'absent')
    return knownFact({ enforced: false }, { ...http.evidence, value: '(not set) — defaults to true' });
  return knownFact({ enforced: !http.value }, http.evidence);
}

const describeProfile: ArmTypeDescriber = {
  type: CDN_PROFILE,
  describe(profile, scan) {
    // A Front Door profile (Standard/Premium_AzureFrontDoor) serves content itself; a classic CDN profile only groups endpoints.
    const sku = readEnum(profile, 'sku.name');
    return buildArmResource(profile, scan, {
      kind: 'edge-distribution',
      storesData: sku.state !== 'set' || sku.value.includes('frontdoor'),
      region: edgeRegion(profile, scan),
      facts: { edge: edge(profile) },
    });
  },
};

const describeEndpoint: ArmTypeDescriber = {
  type: CDN_ENDPOINT,
  describe(endpoint, scan) {
    const origins = readProperty(endpoint.properties, 'properties.origins');
    const flows =
      origins.state === 'unknown'
        ? [originFlow(endpoint, 'properties.origins')]
        : asList(origins.state === 'set' ? origins.value : undefined).map((_, index) =>
            originFlow(endpoint, `properties.origins[${index}].properties.hostName`),
          );
    return buildArmResource(endpoint, scan, {
      kind: 'edge-distribution',
      storesData: true,
      region: edgeRegion(endpoint, scan),
      facts: { edge: edge(endpoint), encryptionInTransit: endpointTransit(endpoint) },
      flows,
    });
  },
};

/** A Front Door origin belongs (through its origin group) to the profile that caches it. */
const describeOrigin: ArmTypeDescriber = {
  type: AFD_ORIGIN,
  describe(origin, scan) {
    const profile = scan.ancestorOf(origin, [CDN_PROFILE]);
    return buildArmResource(origin, scan, {
      kind: 'configuration',
      storesData: false,
      ...(profile === undefined ? {} : { configures: profile.address }),
      region: edgeRegion(profile ?? origin, scan),
      flows: [originFlow(origin, 'properties.hostName')],
    });
  },
};

/** Classic Front Door: each backend of each pool is an origin. */
const describeClassicFrontDoor: ArmTypeDescriber = {
  type: CLASSIC_FRONT_DOOR,
  describe(frontDoor, scan) {
    const flows: Flow[] = [];
    const pools = readProperty(frontDoor.properties, 'properties.backendPools');
    if (pools.state === 'unknown') flows.push(originFlow(frontDoor, 'properties.backendPools'));
    for (const [p, pool] of asList(pools.state === 'set' ? pools.value : undefined).entries()) {
      const backends = (pool as { properties?: { backends?: unknown } } | null)?.properties?.backends;
      for (const b of asList(backends).keys())
        flows.push(originFlow(frontDoor, `properties.backendPools[${p}].properties.backends[${b}].address`));
    }
    return buildArmResource(frontDoor, scan, {
      kind: 'edge-distribution',
      storesData: true,
      region: edgeRegion(frontDoor, scan),
      facts: { edge: edge(frontDoor) },
      flows,
    });
  },
};

/** Routes, rule sets, custom domains and other children configure the profile and are as global as it is. */
export function describeEdgeChild(raw: RawResource, scan: ArmScan) {
  const parent = scan.ancestorOf(raw, [CDN_PROFILE, CLASSIC_FRONT_DOOR]);
  return buildArmResource(raw, scan, {
    kind: 'configuration',
    storesData: false,
    ...(parent === undefined ? {} : { configures: parent.address }),
    region: edgeRegion(parent ?? raw, scan),
  });
}

export const cdnDescribers: readonly ArmTypeDescriber[] = [
  describeProfile,
  describeEndpoint,
  describeOrigin,
  describeClassicFrontDoor,
];
