import {
  asList,
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
import { fromParent } from '../terraform/derived.js';
import { firewallExposure, publicNetworkAccess } from './network.js';
import {
  type ArmScan,
  type ArmTypeDescriber,
  armLocation,
  buildArmResource,
  defaultEvidence,
  readEnum,
  valueAt,
} from './resource-base.js';

export const SQL_SERVER = 'Microsoft.Sql/servers';
const DATABASE = `${SQL_SERVER}/databases`;

// ── server facts ──────────────────────────────────────────────────────────────────────────────────

/**
 * Transparent data encryption is on for every database with a service-managed key; an
 * `encryptionProtector` of `serverKeyType: AzureKeyVault`, or the server's own `keyId`, makes it the customer's.
 */
function serverEncryption(server: RawResource, scan: ArmScan): Fact<EncryptionAtRest> {
  for (const protector of scan.childrenOf(server, 'encryptionProtector')) {
    const type = readEnum(protector, 'properties.serverKeyType', protector.address);
    if (type.state === 'unknown') return unknownFact(type.reason, type.evidence);
    if (type.state === 'set' && type.value === 'azurekeyvault')
      return knownFact('customer-key', type.evidence);
  }
  const keyId = readProperty(server.properties, 'properties.keyId');
  if (keyId.state !== 'absent') return knownFact('customer-key', keyId.evidence);
  return knownFact(
    'provider-key',
    defaultEvidence(
      `${SQL_SERVER}/encryptionProtector`,
      'transparent data encryption with a service-managed key is on by default',
    ),
  );
}

/**
 * Azure SQL refuses unencrypted connections, always; `minimalTlsVersion` (`1.0`–`1.3`) sets the
 * floor, and `None` accepts every TLS version down to 1.0.
 */
function serverTransit(server: RawResource): Fact<EncryptionInTransit> {
  const always = evidence('(service)', 'Azure SQL Database accepts encrypted connections only');
  const read = readEnum(server, 'properties.minimalTlsVersion');
  if (read.state === 'unknown') return unknownFact(read.reason, read.evidence);
  if (read.state === 'absent') return knownFact({ enforced: true }, always, read.evidence);
  if (read.value === 'none' || read.value === 'disabled')
    return knownFact({ enforced: true, minTlsVersion: '1.0' }, always, read.evidence);
  const version = tlsVersion(read.value);
  if (version === undefined)
    return unknownFact(
      `unrecognised minimalTlsVersion ${JSON.stringify(read.evidence.value)}`,
      read.evidence,
    );
  return knownFact({ enforced: true, minTlsVersion: version }, always, read.evidence);
}

/** Firewall rules decide, including `AllowAllWindowsAzureIps` (0.0.0.0–0.0.0.0, every Azure tenant). */
function serverExposure(server: RawResource, scan: ArmScan): Fact<boolean> {
  const gate = publicNetworkAccess(server);
  if ('closed' in gate) return gate.closed;
  return firewallExposure(
    scan.childrenOf(server, 'firewallRules'),
    gate.open,
    knownFact(
      false,
      gate.open,
      evidence('firewallRules', '(none) — Azure SQL refuses public connections without one'),
    ),
  );
}

const AUDITING_CHILDREN = ['auditingSettings', 'extendedAuditingSettings'];

/** Auditing: an `auditingSettings` (or `extendedAuditingSettings`) child with `state: Enabled`. */
function auditing(raw: RawResource, scan: ArmScan): Fact<boolean> {
  const settings = AUDITING_CHILDREN.flatMap((child) => scan.childrenOf(raw, child));
  for (const setting of settings) {
    const state = readEnum(setting, 'properties.state', setting.address);
    if (state.state === 'unknown') return unknownFact(state.reason, state.evidence);
    if (state.state === 'set' && state.value === 'enabled') return knownFact(true, state.evidence);
  }
  return knownFact(
    false,
    ...(settings.length === 0
      ? [evidence(`${raw.type}/auditingSettings`, '(none)')]
      : settings.map((s) => readProperty(s.properties, 'properties.state', s.address).evidence)),
  );
}

const describeServer: ArmTypeDescriber = {
  type: SQL_SERVER,
  describe(server, scan) {
    const name = typeof server.properties.name === 'string' ? server.properties.name : undefined;
    return buildArmResource(server, scan, {
      kind: 'relational-database',
      storesData: true,
      identifiers: [name === undefined ? undefined : `${name}.database.windows.net`],
      facts: {
        encryptionAtRest: serverEncryption(server, scan),
        encryptionInTransit: serverTransit(server),
        networkExposure: serverExposure(server, scan),
        accessLogging: auditing(server, scan),
      },
    });
  },
};

// ── databases ─────────────────────────────────────────────────────────────────────────────────────

/** `transparentDataEncryption/current` with `state: Disabled` turns encryption off; otherwise the server's. */
function databaseEncryption(
  database: RawResource,
  server: RawResource | undefined,
  scan: ArmScan,
): Fact<EncryptionAtRest> {
  for (const tde of scan.childrenOf(database, 'transparentDataEncryption')) {
    const state = readEnum(tde, 'properties.state', tde.address);
    if (state.state === 'unknown') return unknownFact(state.reason, state.evidence);
    if (state.state === 'set' && state.value === 'disabled') return knownFact('none', state.evidence);
  }
  const own = readProperty(database.properties, 'properties.encryptionProtector');
  if (own.state !== 'absent') return knownFact('customer-key', own.evidence);
  return fromParent(server, 'encryption at rest', (s) => serverEncryption(s, scan));
}

const GEO_BACKUP = new Set(['geo', 'geozone']);
const SECONDARY_MODES = new Set(['secondary', 'onlinesecondary']);

/**
 * Backups are geo-redundant unless `requestedBackupStorageRedundancy` says Local or Zone: a copy in
 * the paired region. A database created as a geo-secondary (`createMode: Secondary`) replicates its source.
 */
function databaseFlows(database: RawResource, scan: ArmScan, region: Fact<string>): Flow[] {
  const flows: Flow[] = [];
  const redundancy = readEnum(database, 'properties.requestedBackupStorageRedundancy');
  if (redundancy.state === 'unknown')
    flows.push({
      kind: 'backup-copy',
      from: SELF,
      to: { region: unknownFact(redundancy.reason, redundancy.evidence) },
      evidence: [redundancy.evidence],
    });
  else if (redundancy.state === 'absent' || GEO_BACKUP.has(redundancy.value)) {
    const because =
      redundancy.state === 'absent'
        ? defaultEvidence(redundancy.evidence.path, 'backups are geo-redundant by default')
        : redundancy.evidence;
    flows.push({
      kind: 'backup-copy',
      from: SELF,
      to: { region: pairedRegion(region, because) },
      evidence: [because],
    });
  }
  const mode = readEnum(database, 'properties.createMode');
  if (mode.state === 'set' && SECONDARY_MODES.has(mode.value)) {
    const sourceValue = valueAt(database.properties, 'properties.sourceDatabaseId');
    const source = scan.referenced(sourceValue);
    const id = readProperty(database.properties, 'properties.sourceDatabaseId');
    flows.push({
      kind: 'replica',
      from: {
        ...(source === undefined ? {} : { address: source.address }),
        ...(typeof sourceValue === 'string' ? { identifier: sourceValue } : {}),
      },
      to: SELF,
      evidence: [mode.evidence, id.evidence],
    });
  }
  return flows;
}

const describeDatabase: ArmTypeDescriber = {
  type: DATABASE,
  describe(database, scan) {
    const server = scan.parentOf(database);
    const region = armLocation(database, scan);
    const ownAuditing = AUDITING_CHILDREN.some((child) => scan.childrenOf(database, child).length > 0);
    return buildArmResource(database, scan, {
      kind: 'relational-database',
      storesData: true,
      region,
      facts: {
        encryptionAtRest: databaseEncryption(database, server, scan),
        encryptionInTransit: fromParent(server, 'encryption in transit', serverTransit),
        networkExposure: fromParent(server, 'network exposure', (s) => serverExposure(s, scan)),
        accessLogging:
          ownAuditing || server === undefined
            ? auditing(database, scan)
            : fromParent(server, 'auditing', (s) => auditing(s, scan)),
      },
      flows: databaseFlows(database, scan, region),
    });
  },
};

// ── failover groups ───────────────────────────────────────────────────────────────────────────────

/** A failover group replicates its databases to each partner server: a `replica` flow to it. */
const describeFailoverGroup: ArmTypeDescriber = {
  type: `${SQL_SERVER}/failoverGroups`,
  describe(group, scan) {
    const server = scan.parentOf(group);
    const partners = readProperty(group.properties, 'properties.partnerServers');
    const flows: Flow[] = [];
    if (partners.state === 'unknown')
      flows.push({
        kind: 'replica',
        from: SELF,
        to: { region: unknownFact(partners.reason, partners.evidence) },
        evidence: [partners.evidence],
      });
    for (const index of asList(partners.state === 'set' ? partners.value : undefined).keys()) {
      const path = `properties.partnerServers[${index}].id`;
      const value = valueAt(group.properties, path);
      const partner = scan.referenced(value);
      const read = readProperty(group.properties, path);
      flows.push({
        kind: 'replica',
        from: SELF,
        to: {
          ...(partner === undefined ? {} : { address: partner.address, region: armLocation(partner, scan) }),
          ...(typeof value === 'string' ? { identifier: value } : {}),
          ...(partner === undefined
            ? {
                region: unknownFact<string>(`partner server ${index + 1} is not in the input`, read.evidence),
              }
            : {}),
        },
        evidence: [read.evidence],
      });
    }
    return buildArmResource(group, scan, {
      kind: 'configuration',
      storesData: false,
      ...(server === undefined ? {} : { configures: server.address }),
      flows,
    });
  },
};

export const SQL_SERVER_CHILDREN_ANCESTOR = SQL_SERVER;

export const sqlDescribers: readonly ArmTypeDescriber[] = [
  describeServer,
  describeDatabase,
  describeFailoverGroup,
];
