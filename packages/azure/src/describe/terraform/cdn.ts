import type { Scan } from '@eugate/core';
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
import { buildResource, type OtherEnd, resourceLocation, type TypeDescriber } from './resource-base.js';
import { STORAGE_ACCOUNT } from './storage.js';

const CDN_PROFILE = 'azurerm_cdn_profile';
const CDN_ENDPOINT = 'azurerm_cdn_endpoint';
const FRONTDOOR_PROFILE = 'azurerm_cdn_frontdoor_profile';
const FRONTDOOR_ORIGIN_GROUP = 'azurerm_cdn_frontdoor_origin_group';
const FRONTDOOR_ORIGIN = 'azurerm_cdn_frontdoor_origin';
const CLASSIC_FRONTDOOR = 'azurerm_frontdoor';

/**
 * Azure CDN and Front Door cache content at points of presence worldwide; neither offers a setting
 * that keeps the cache inside the EU, so every profile is global and not EU-restricted.
 */
function edge(raw: RawResource): Fact<EdgeExposure> {
  return knownFact(
    { global: true, restrictedToEu: false },
    evidence('(service)', `${raw.type}: Azure CDN / Front Door caches at edge locations worldwide`),
  );
}

/** Edge resources state no data location: a stated `location` is metadata; otherwise they are `global`. */
function edgeRegion(raw: RawResource, scan: Scan): Fact<string> {
  const location = readProperty(raw.properties, 'location');
  if (location.state !== 'absent') return resourceLocation(raw, scan);
  return knownFact('global', evidence('location', '(not set) — a global service'));
}

/** Content of each origin is cached at the edge: an `edge-delivery` flow from the origin (a storage account by host name). */
function originFlow(raw: RawResource, scan: Scan, hostPath: string, argument: string): Flow {
  const host = asString(readProperty(raw.properties, hostPath));
  const accounts = scan.referenced(raw, argument, [STORAGE_ACCOUNT]);
  const from: OtherEnd = {
    ...(accounts.length === 1 ? { address: accounts[0] } : {}),
    ...(host.state === 'set' ? { identifier: host.value } : {}),
  };
  return { kind: 'edge-delivery', from, to: SELF, evidence: [host.evidence] };
}

/** Plain HTTP to viewers is allowed unless `is_http_allowed = false` (default true). */
function endpointTransit(endpoint: RawResource): Fact<EncryptionInTransit> {
  const http = asBoolean(readProperty(endpoint.properties, 'is_http_allowed'));
  if (http.state === 'unknown') return unknownFact(http.reason, http.evidence);
  if (http.state === 'absent')
    return knownFact({ enforced: false }, { ...http.evidence, value: '(not set) — defaults to true' });
  return knownFact({ enforced: !http.value }, http.evidence);
}

function profileOf(raw: RawResource, scan: Scan, types: readonly string[]): RawResource | undefined {
  return (
    scan.targetOf(raw, 'cdn_frontdoor_profile_id', types, ['id']) ??
    scan.targetOf(raw, 'profile_name', types, ['name'])
  );
}

const describeCdnProfile: TypeDescriber = {
  type: CDN_PROFILE,
  describe: (profile, scan) =>
    buildResource(profile, scan, {
      kind: 'edge-distribution',
      storesData: false,
      region: edgeRegion(profile, scan),
      facts: { edge: edge(profile) },
    }),
};

const describeCdnEndpoint: TypeDescriber = {
  type: CDN_ENDPOINT,
  describe(endpoint, scan) {
    const origins = readProperty(endpoint.properties, 'origin');
    const count =
      origins.state === 'set' ? asList(origins.value).length : origins.state === 'unknown' ? 1 : 0;
    const flows = Array.from({ length: count }, (_, index) =>
      originFlow(endpoint, scan, origins.state === 'set' ? `origin[${index}].host_name` : 'origin', 'origin'),
    );
    return buildResource(endpoint, scan, {
      kind: 'edge-distribution',
      storesData: true,
      identifierPaths: ['name', 'id', 'fqdn'],
      region: edgeRegion(endpoint, scan),
      facts: { edge: edge(endpoint), encryptionInTransit: endpointTransit(endpoint) },
      flows,
    });
  },
};

const describeFrontdoorProfile: TypeDescriber = {
  type: FRONTDOOR_PROFILE,
  describe: (profile, scan) =>
    buildResource(profile, scan, {
      kind: 'edge-distribution',
      storesData: true,
      region: edgeRegion(profile, scan),
      facts: { edge: edge(profile) },
    }),
};

/** A Front Door origin belongs to an origin group, which belongs to the profile that caches it. */
const describeFrontdoorOrigin: TypeDescriber = {
  type: FRONTDOOR_ORIGIN,
  describe(origin, scan) {
    const group = scan.targetOf(origin, 'cdn_frontdoor_origin_group_id', [FRONTDOOR_ORIGIN_GROUP], ['id']);
    const profile = group === undefined ? undefined : profileOf(group, scan, [FRONTDOOR_PROFILE]);
    return buildResource(origin, scan, {
      kind: 'configuration',
      storesData: false,
      configures: profile?.address,
      region: edgeRegion(profile ?? origin, scan),
      flows: [originFlow(origin, scan, 'host_name', 'host_name')],
    });
  },
};

/** Classic Front Door: each backend of each pool is an origin. */
const describeClassicFrontdoor: TypeDescriber = {
  type: CLASSIC_FRONTDOOR,
  describe(frontdoor, scan) {
    const flows: Flow[] = [];
    const pools = readProperty(frontdoor.properties, 'backend_pool');
    if (pools.state === 'unknown') flows.push(originFlow(frontdoor, scan, 'backend_pool', 'backend_pool'));
    for (const [p, pool] of asList(pools.state === 'set' ? pools.value : undefined).entries())
      for (const b of asList((pool as { backend?: unknown } | null)?.backend).keys())
        flows.push(originFlow(frontdoor, scan, `backend_pool[${p}].backend[${b}].address`, 'backend_pool'));
    return buildResource(frontdoor, scan, {
      kind: 'edge-distribution',
      storesData: true,
      identifierPaths: ['name', 'id', 'cname'],
      region: edgeRegion(frontdoor, scan),
      facts: { edge: edge(frontdoor) },
      flows,
    });
  },
};

/** Routes, endpoints and domains configure the profile and are as global as it is. */
function describeEdgeChild(raw: RawResource, scan: Scan, parent: RawResource | undefined) {
  return buildResource(raw, scan, {
    kind: 'configuration',
    storesData: false,
    configures: parent?.address,
    region: edgeRegion(parent ?? raw, scan),
  });
}

const FRONTDOOR_CHILDREN = [
  FRONTDOOR_ORIGIN_GROUP,
  'azurerm_cdn_frontdoor_endpoint',
  'azurerm_cdn_frontdoor_route',
  'azurerm_cdn_frontdoor_rule_set',
  'azurerm_cdn_frontdoor_custom_domain',
  'azurerm_cdn_frontdoor_security_policy',
  'azurerm_cdn_frontdoor_secret',
];

export const cdnDescribers: readonly TypeDescriber[] = [
  describeCdnProfile,
  describeCdnEndpoint,
  describeFrontdoorProfile,
  describeFrontdoorOrigin,
  describeClassicFrontdoor,
  ...FRONTDOOR_CHILDREN.map(
    (type): TypeDescriber => ({
      type,
      describe: (raw, scan) => describeEdgeChild(raw, scan, profileOf(raw, scan, [FRONTDOOR_PROFILE])),
    }),
  ),
  {
    type: 'azurerm_cdn_endpoint_custom_domain',
    describe: (raw, scan) =>
      describeEdgeChild(raw, scan, scan.targetOf(raw, 'cdn_endpoint_id', [CDN_ENDPOINT], ['id'])),
  },
];
