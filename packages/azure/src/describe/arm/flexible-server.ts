import {
  asString,
  type EncryptionAtRest,
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
import { pairedRegion } from '../shared/location.js';
import { tlsVersion } from '../shared/tls.js';
import { firewallExposure, publicNetworkAccess } from './network.js';
import {
  type ArmScan,
  type ArmTypeDescriber,
  armLocation,
  buildArmResource,
  defaultEvidence,
  namePath,
  nameSegments,
  readEnum,
  valueAt,
} from './resource-base.js';

/** Azure Database for PostgreSQL and MySQL flexible servers share one shape. */
interface FlexibleFamily {
  readonly server: string;
  /** Server parameter holding the lowest TLS version accepted. */
  readonly tlsParameter: string;
}

export const FLEXIBLE_FAMILIES: readonly FlexibleFamily[] = [
  { server: 'Microsoft.DBforPostgreSQL/flexibleServers', tlsParameter: 'ssl_min_protocol_version' },
  { server: 'Microsoft.DBforMySQL/flexibleServers', tlsParameter: 'tls_version' },
];

/** A server parameter set by a `configurations` child named after it (`server/require_secure_transport`). */
function parameter(server: RawResource, scan: ArmScan, name: string) {
  for (const configuration of scan.childrenOf(server, 'configurations')) {
    const own = nameSegments(namePath(configuration)).at(-1);
    if (own?.toLowerCase() !== name) continue;
    return asString(readProperty(configuration.properties, 'properties.value', configuration.address));
  }
  return undefined;
}

/** `dataEncryption.type: AzureKeyVault` (or a `primaryKeyURI`) is a customer-managed key. */
function encryptionAtRest(server: RawResource): Fact<EncryptionAtRest> {
  const type = readEnum(server, 'properties.dataEncryption.type');
  if (type.state === 'unknown') return unknownFact(type.reason, type.evidence);
  const uri = readProperty(server.properties, 'properties.dataEncryption.primaryKeyURI');
  if ((type.state === 'set' && type.value === 'azurekeyvault') || uri.state !== 'absent')
    return knownFact('customer-key', type.evidence, uri.evidence);
  return knownFact(
    'provider-key',
    defaultEvidence('properties.dataEncryption', 'storage is always encrypted with service-managed keys'),
  );
}

const OFF = new Set(['off', '0', 'false', 'disabled']);

/** Plain connections are refused while `require_secure_transport` is ON (the default); TLS 1.2 is the default floor. */
function encryptionInTransit(
  server: RawResource,
  scan: ArmScan,
  family: FlexibleFamily,
): Fact<EncryptionInTransit> {
  const secure = parameter(server, scan, 'require_secure_transport');
  if (secure?.state === 'unknown') return unknownFact(secure.reason, secure.evidence);
  const secureEvidence =
    secure?.state === 'set'
      ? secure.evidence
      : defaultEvidence('require_secure_transport', 'server parameter defaults to ON');
  const enforced = secure?.state !== 'set' || !OFF.has(secure.value.toLowerCase());
  const tls = parameter(server, scan, family.tlsParameter);
  if (tls?.state === 'unknown') return unknownFact(tls.reason, secureEvidence, tls.evidence);
  if (tls?.state !== 'set')
    return knownFact(
      { enforced, minTlsVersion: '1.2' },
      secureEvidence,
      defaultEvidence(family.tlsParameter, 'server parameter defaults to TLSv1.2'),
    );
  const versions = tls.value.split(',').map(tlsVersion);
  const lowest = versions.filter((v): v is string => v !== undefined).sort()[0];
  if (lowest === undefined || versions.includes(undefined))
    return unknownFact(`unrecognised ${family.tlsParameter} ${JSON.stringify(tls.value)}`, tls.evidence);
  return knownFact({ enforced, minTlsVersion: lowest }, secureEvidence, tls.evidence);
}

/** A server in a delegated subnet has no public endpoint; otherwise `network.publicNetworkAccess` and firewall rules decide. */
function networkExposure(server: RawResource, scan: ArmScan): Fact<boolean> {
  const subnet = readProperty(server.properties, 'properties.network.delegatedSubnetResourceId');
  if (subnet.state !== 'absent' && !(subnet.state === 'set' && subnet.value === ''))
    return knownFact(false, subnet.evidence);
  const gate = publicNetworkAccess(server, 'properties.network.publicNetworkAccess');
  if ('closed' in gate) return gate.closed;
  return firewallExposure(
    scan.childrenOf(server, 'firewallRules'),
    gate.open,
    knownFact(
      false,
      gate.open,
      evidence('firewallRules', '(none) — the server refuses public connections without one'),
    ),
  );
}

/** `backup.geoRedundantBackup: Enabled` copies backups to the paired region; `createMode: Replica` is a read replica. */
function flows(server: RawResource, scan: ArmScan): Flow[] {
  const out: Flow[] = [];
  const geo = readEnum(server, 'properties.backup.geoRedundantBackup');
  if (geo.state === 'unknown')
    out.push({
      kind: 'backup-copy',
      from: SELF,
      to: { region: unknownFact(geo.reason, geo.evidence) },
      evidence: [geo.evidence],
    });
  if (geo.state === 'set' && geo.value === 'enabled')
    out.push({
      kind: 'backup-copy',
      from: SELF,
      to: { region: pairedRegion(armLocation(server, scan), geo.evidence) },
      evidence: [geo.evidence],
    });
  const mode = readEnum(server, 'properties.createMode');
  if (mode.state === 'set' && mode.value === 'replica') {
    const sourceValue = valueAt(server.properties, 'properties.sourceServerResourceId');
    const source = scan.referenced(sourceValue);
    out.push({
      kind: 'read-replica',
      from: {
        ...(source === undefined ? {} : { address: source.address }),
        ...(typeof sourceValue === 'string' ? { identifier: sourceValue } : {}),
      },
      to: SELF,
      evidence: [
        mode.evidence,
        readProperty(server.properties, 'properties.sourceServerResourceId').evidence,
      ],
    });
  }
  return out;
}

export const flexibleServerDescribers: readonly ArmTypeDescriber[] = FLEXIBLE_FAMILIES.map((family) => ({
  type: family.server,
  describe(server, scan) {
    return buildArmResource(server, scan, {
      kind: 'relational-database',
      storesData: true,
      facts: {
        encryptionAtRest: encryptionAtRest(server),
        encryptionInTransit: encryptionInTransit(server, scan, family),
        networkExposure: networkExposure(server, scan),
      },
      flows: flows(server, scan),
    });
  },
}));
