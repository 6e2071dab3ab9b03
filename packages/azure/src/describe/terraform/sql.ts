import type { Scan } from '@eugate/core';
import {
  asBoolean,
  asList,
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
import { locationFact, pairedRegion } from '../shared/location.js';
import { tlsVersion } from '../shared/tls.js';
import { fromParent } from './derived.js';
import { firewallExposure, publicNetworkAccess } from './network.js';
import { customerKey, orDocumentedDefault, readBlock, readConfigured } from './plan-values.js';
import {
  buildResource,
  defaultEvidence,
  describeConfiguration,
  type OtherEnd,
  parentLocation,
  type TypeDescriber,
} from './resource-base.js';

const MSSQL_SERVER = 'azurerm_mssql_server';
const SQL_SERVER = 'azurerm_sql_server';
const SERVERS = [MSSQL_SERVER, SQL_SERVER];
const MSSQL_DATABASE = 'azurerm_mssql_database';
const SQL_DATABASE = 'azurerm_sql_database';
const DATABASES = [MSSQL_DATABASE, SQL_DATABASE];
const FIREWALL_RULES = ['azurerm_mssql_firewall_rule', 'azurerm_sql_firewall_rule'];
const SERVER_AUDITING = 'azurerm_mssql_server_extended_auditing_policy';
const DATABASE_AUDITING = 'azurerm_mssql_database_extended_auditing_policy';
const SERVER_TDE = 'azurerm_mssql_server_transparent_data_encryption';
const MSSQL_FAILOVER_GROUP = 'azurerm_mssql_failover_group';
const SQL_FAILOVER_GROUP = 'azurerm_sql_failover_group';

/** Resources that configure one server, named by `server_id` (mssql) or `server_name` (sql, and some mssql). */
const SERVER_CHILDREN = [
  ...FIREWALL_RULES,
  SERVER_AUDITING,
  SERVER_TDE,
  'azurerm_mssql_virtual_network_rule',
  'azurerm_sql_virtual_network_rule',
  'azurerm_mssql_outbound_firewall_rule',
  'azurerm_mssql_server_security_alert_policy',
  'azurerm_mssql_server_microsoft_support_auditing_policy',
  'azurerm_mssql_server_dns_alias',
  'azurerm_mssql_elasticpool',
  'azurerm_sql_elasticpool',
  'azurerm_sql_active_directory_administrator',
];

function serverOf(raw: RawResource, scan: Scan): RawResource | undefined {
  return (
    scan.targetOf(raw, 'server_id', SERVERS, ['id']) ??
    scan.targetOf(raw, 'mssql_server_id', SERVERS, ['id']) ??
    scan.targetOf(raw, 'server_name', SERVERS, ['name'])
  );
}

function childrenOf(server: RawResource, scan: Scan, types: readonly string[]): RawResource[] {
  const found = new Set<RawResource>();
  for (const type of types)
    for (const [argument, names] of [
      ['server_id', ['id']],
      ['server_name', ['name']],
    ] as const)
      for (const child of scan.companionsOf(server, type, argument, names)) found.add(child);
  return [...found];
}

// ── server facts ──────────────────────────────────────────────────────────────────────────────────

/** Transparent data encryption is on for every database; a Key Vault key makes it the customer's. */
function serverEncryption(server: RawResource, scan: Scan): Fact<EncryptionAtRest> {
  for (const tde of childrenOf(server, scan, [SERVER_TDE])) {
    const key =
      customerKey(tde, scan, 'key_vault_key_id', tde.address) ??
      customerKey(tde, scan, 'managed_hsm_key_id', tde.address);
    if (key !== undefined) return knownFact('customer-key', ...key);
  }
  const own = customerKey(server, scan, 'transparent_data_encryption_key_vault_key_id');
  if (own !== undefined) return knownFact('customer-key', ...own);
  return knownFact(
    'provider-key',
    defaultEvidence(SERVER_TDE, 'transparent data encryption with a service-managed key is on by default'),
  );
}

/**
 * Azure SQL refuses unencrypted connections, always; `minimum_tls_version` (default `1.2`) sets the
 * floor, and `Disabled` accepts every TLS version down to 1.0.
 */
function serverTransit(server: RawResource): Fact<EncryptionInTransit> {
  const always = evidence('(service)', 'Azure SQL Database accepts encrypted connections only');
  const stated = asString(readConfigured(server, 'minimum_tls_version'));
  // The documented default is azurerm_mssql_server's; the retired azurerm_sql_server's is not stated.
  const read = server.type === SQL_SERVER ? stated : orDocumentedDefault(stated, '1.2');
  if (read.state === 'unknown') return unknownFact(read.reason, read.evidence);
  if (read.state === 'absent') return knownFact({ enforced: true }, always, read.evidence);
  if (read.value.toLowerCase() === 'disabled')
    return knownFact({ enforced: true, minTlsVersion: '1.0' }, always, read.evidence);
  const version = tlsVersion(read.value);
  if (version === undefined)
    return unknownFact(`unrecognised minimum_tls_version ${JSON.stringify(read.value)}`, read.evidence);
  return knownFact({ enforced: true, minTlsVersion: version }, always, read.evidence);
}

function serverExposure(server: RawResource, scan: Scan): Fact<boolean> {
  const gate = publicNetworkAccess(server);
  if ('closed' in gate) return gate.closed;
  return firewallExposure(
    childrenOf(server, scan, FIREWALL_RULES),
    gate.open,
    knownFact(
      false,
      gate.open,
      evidence('firewall rules', '(none) — Azure SQL refuses public connections without one'),
    ),
  );
}

/** Auditing: its own resource (`enabled` defaults to true), or the inline block of older providers. */
function auditing(raw: RawResource, policies: readonly RawResource[]): Fact<boolean> {
  for (const policy of policies) {
    const enabled = asBoolean(readProperty(policy.properties, 'enabled', policy.address));
    if (enabled.state === 'unknown') return unknownFact(enabled.reason, enabled.evidence);
    if (enabled.state === 'absent' || enabled.value)
      return knownFact(
        true,
        enabled.state === 'absent' ? evidence(policy.type, policy.address, policy.address) : enabled.evidence,
      );
  }
  const inline = readBlock(raw, 'extended_auditing_policy');
  if (inline.state === 'unknown') return unknownFact(inline.reason, inline.evidence);
  if (inline.state === 'set') return knownFact(true, inline.evidence);
  return knownFact(false, inline.evidence, evidence(SERVER_AUDITING, '(none)'));
}

const describeServer = (type: string): TypeDescriber => ({
  type,
  describe(server, scan) {
    return buildResource(server, scan, {
      kind: 'relational-database',
      storesData: true,
      identifierPaths: ['name', 'id', 'fully_qualified_domain_name'],
      facts: {
        encryptionAtRest: serverEncryption(server, scan),
        encryptionInTransit: serverTransit(server),
        networkExposure: serverExposure(server, scan),
        accessLogging: auditing(server, childrenOf(server, scan, [SERVER_AUDITING])),
      },
    });
  },
});

// ── databases ─────────────────────────────────────────────────────────────────────────────────────

function databaseEncryption(
  database: RawResource,
  server: RawResource | undefined,
  scan: Scan,
): Fact<EncryptionAtRest> {
  const enabled = asBoolean(readConfigured(database, 'transparent_data_encryption_enabled'));
  if (enabled.state === 'unknown') return unknownFact(enabled.reason, enabled.evidence);
  if (enabled.state === 'set' && !enabled.value) return knownFact('none', enabled.evidence);
  const own = customerKey(database, scan, 'transparent_data_encryption_key_vault_key_id');
  if (own !== undefined) return knownFact('customer-key', ...own);
  return fromParent(server, 'encryption at rest', (s) => serverEncryption(s, scan));
}

const GEO_BACKUP = new Set(['geo', 'geozone']);
const SECONDARY_MODES = new Set(['secondary', 'onlinesecondary']);

/**
 * Backups of Azure SQL are geo-redundant unless `storage_account_type` (v3; `Geo` by default) says
 * Local or Zone: a copy in the paired region. A database created as a geo-secondary of another is a
 * replica of that database.
 */
function databaseFlows(database: RawResource, scan: Scan, region: Fact<string>): Flow[] {
  const flows: Flow[] = [];
  const redundancy = asString(readConfigured(database, 'storage_account_type'));
  if (redundancy.state === 'unknown')
    flows.push({
      kind: 'backup-copy',
      from: SELF,
      to: { region: unknownFact(redundancy.reason, redundancy.evidence) },
      evidence: [redundancy.evidence],
    });
  else if (redundancy.state === 'absent' || GEO_BACKUP.has(redundancy.value.toLowerCase())) {
    const because =
      redundancy.state === 'absent'
        ? defaultEvidence('storage_account_type', 'backups are geo-redundant by default')
        : redundancy.evidence;
    flows.push({
      kind: 'backup-copy',
      from: SELF,
      to: { region: pairedRegion(region, because) },
      evidence: [because],
    });
  }
  const mode = asString(readProperty(database.properties, 'create_mode'));
  if (mode.state === 'set' && SECONDARY_MODES.has(mode.value.toLowerCase())) {
    const source = scan.targetOf(database, 'creation_source_database_id', DATABASES, ['id']);
    const id = asString(readProperty(database.properties, 'creation_source_database_id'));
    const from: OtherEnd = {
      ...(source === undefined ? {} : { address: source.address }),
      ...(id.state === 'set' ? { identifier: id.value } : {}),
    };
    flows.push({ kind: 'replica', from, to: SELF, evidence: [mode.evidence, id.evidence] });
  }
  return flows;
}

const describeDatabase = (type: string): TypeDescriber => ({
  type,
  describe(database, scan) {
    const server = serverOf(database, scan);
    const region = parentLocation(database, scan, server);
    const policies = scan.companionsOf(database, DATABASE_AUDITING, 'database_id', ['id']);
    return buildResource(database, scan, {
      kind: 'relational-database',
      storesData: true,
      region,
      facts: {
        encryptionAtRest: databaseEncryption(database, server, scan),
        encryptionInTransit: fromParent(server, 'encryption in transit', serverTransit),
        networkExposure: fromParent(server, 'network exposure', (s) => serverExposure(s, scan)),
        accessLogging:
          policies.length > 0 || server === undefined
            ? auditing(database, policies)
            : fromParent(server, 'auditing', (s) => auditing(s, childrenOf(s, scan, [SERVER_AUDITING]))),
      },
      flows: databaseFlows(database, scan, region),
    });
  },
});

// ── failover groups ───────────────────────────────────────────────────────────────────────────────

/** A failover group replicates its databases to each partner server: a `replica` flow from the primary. */
function failoverFlows(group: RawResource, scan: Scan, partnersPath: string): Flow[] {
  const partners = readProperty(group.properties, partnersPath);
  const referenced = scan.referenced(group, partnersPath, SERVERS);
  if (
    partners.state === 'unknown' ||
    (partners.state === 'set' && asList(partners.value).length === 0 && referenced.length > 0)
  )
    return referenced.map((address) => ({
      kind: 'replica',
      from: SELF,
      to: { address },
      evidence: [partners.evidence],
    }));
  const flows: Flow[] = [];
  for (const index of asList(partners.state === 'set' ? partners.value : undefined).keys()) {
    const id = asString(readProperty(group.properties, `${partnersPath}[${index}].id`));
    const location = asString(readProperty(group.properties, `${partnersPath}[${index}].location`));
    const byId =
      id.state === 'set'
        ? scan.resources.find((r) => SERVERS.includes(r.type) && r.properties.id === id.value)
        : undefined;
    const address = byId?.address ?? (referenced.length === 1 ? referenced[0] : undefined);
    const to: OtherEnd = {
      ...(address === undefined ? {} : { address }),
      ...(id.state === 'set' ? { identifier: id.value } : {}),
      ...(location.state === 'set' ? { region: locationFact(location.value, location.evidence) } : {}),
    };
    flows.push({ kind: 'replica', from: SELF, to, evidence: [id.evidence] });
  }
  return flows;
}

const describeFailoverGroup = (type: string, partnersPath: string): TypeDescriber => ({
  type,
  describe(group, scan) {
    const server = serverOf(group, scan);
    return buildResource(group, scan, {
      kind: 'configuration',
      storesData: false,
      configures: server?.address,
      region: parentLocation(group, scan, server),
      flows: failoverFlows(group, scan, partnersPath),
    });
  },
});

export const sqlDescribers: readonly TypeDescriber[] = [
  ...SERVERS.map(describeServer),
  ...DATABASES.map(describeDatabase),
  describeFailoverGroup(MSSQL_FAILOVER_GROUP, 'partner_server'),
  describeFailoverGroup(SQL_FAILOVER_GROUP, 'partner_servers'),
  ...SERVER_CHILDREN.map(
    (type): TypeDescriber => ({
      type,
      describe: (raw, scan) => describeConfiguration(raw, scan, serverOf(raw, scan)),
    }),
  ),
  {
    type: DATABASE_AUDITING,
    describe: (raw, scan) =>
      describeConfiguration(raw, scan, scan.targetOf(raw, 'database_id', DATABASES, ['id'])),
  },
];
