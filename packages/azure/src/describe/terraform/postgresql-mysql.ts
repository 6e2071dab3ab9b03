import type { Scan } from '@eugate/core';
import {
  asString,
  type EncryptionAtRest,
  type EncryptionInTransit,
  type Evidence,
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
import { customerKey, readConfigured, readFlag, readText } from './plan-values.js';
import {
  buildResource,
  defaultEvidence,
  describeConfiguration,
  type OtherEnd,
  resourceLocation,
  type TypeDescriber,
} from './resource-base.js';

/**
 * Azure Database for PostgreSQL and MySQL, flexible server and the retired single server. Both
 * engines share the shape; the table below names each family's resources.
 */
interface ServerFamily {
  readonly server: string;
  readonly flexible: boolean;
  readonly configuration: string;
  readonly firewallRule: string;
  /** Parameter holding the lowest TLS version accepted (flexible servers). */
  readonly tlsParameter?: string;
  readonly serverKey?: string;
  readonly children: readonly string[];
}

const FAMILIES: readonly ServerFamily[] = [
  {
    server: 'azurerm_postgresql_flexible_server',
    flexible: true,
    configuration: 'azurerm_postgresql_flexible_server_configuration',
    firewallRule: 'azurerm_postgresql_flexible_server_firewall_rule',
    tlsParameter: 'ssl_min_protocol_version',
    children: [
      'azurerm_postgresql_flexible_server_database',
      'azurerm_postgresql_flexible_server_active_directory_administrator',
      'azurerm_postgresql_flexible_server_virtual_endpoint',
    ],
  },
  {
    server: 'azurerm_mysql_flexible_server',
    flexible: true,
    configuration: 'azurerm_mysql_flexible_server_configuration',
    firewallRule: 'azurerm_mysql_flexible_server_firewall_rule',
    tlsParameter: 'tls_version',
    children: [
      'azurerm_mysql_flexible_database',
      'azurerm_mysql_flexible_server_active_directory_administrator',
    ],
  },
  {
    server: 'azurerm_postgresql_server',
    flexible: false,
    configuration: 'azurerm_postgresql_configuration',
    firewallRule: 'azurerm_postgresql_firewall_rule',
    serverKey: 'azurerm_postgresql_server_key',
    children: [
      'azurerm_postgresql_database',
      'azurerm_postgresql_virtual_network_rule',
      'azurerm_postgresql_active_directory_administrator',
    ],
  },
  {
    server: 'azurerm_mysql_server',
    flexible: false,
    configuration: 'azurerm_mysql_configuration',
    firewallRule: 'azurerm_mysql_firewall_rule',
    serverKey: 'azurerm_mysql_server_key',
    children: [
      'azurerm_mysql_database',
      'azurerm_mysql_virtual_network_rule',
      'azurerm_mysql_active_directory_administrator',
    ],
  },
];

function serverOf(raw: RawResource, scan: Scan, family: ServerFamily): RawResource | undefined {
  return (
    scan.targetOf(raw, 'server_id', [family.server], ['id']) ??
    scan.targetOf(raw, 'server_name', [family.server], ['name'])
  );
}

function childrenOf(server: RawResource, scan: Scan, type: string): RawResource[] {
  const found = new Set([
    ...scan.companionsOf(server, type, 'server_id', ['id']),
    ...scan.companionsOf(server, type, 'server_name', ['name']),
  ]);
  return [...found];
}

/** A server parameter set by a configuration resource, with its evidence. */
function parameter(server: RawResource, scan: Scan, family: ServerFamily, name: string) {
  for (const configuration of childrenOf(server, scan, family.configuration)) {
    const parameterName = asString(readProperty(configuration.properties, 'name'));
    if (parameterName.state !== 'set' || parameterName.value.toLowerCase() !== name) continue;
    return asString(readProperty(configuration.properties, 'value', configuration.address));
  }
  return undefined;
}

// ── encryption ────────────────────────────────────────────────────────────────────────────────────

function encryptionAtRest(server: RawResource, scan: Scan, family: ServerFamily): Fact<EncryptionAtRest> {
  const infrastructure = readConfigured(server, 'infrastructure_encryption_enabled').evidence;
  const inline = customerKey(server, scan, 'customer_managed_key[0].key_vault_key_id');
  if (inline !== undefined) return knownFact('customer-key', ...inline);
  for (const key of family.serverKey === undefined ? [] : childrenOf(server, scan, family.serverKey)) {
    const id = customerKey(key, scan, 'key_vault_key_id', key.address);
    if (id !== undefined) return knownFact('customer-key', ...id);
  }
  return knownFact(
    'provider-key',
    defaultEvidence('customer_managed_key', 'storage is always encrypted with service-managed keys'),
    ...(family.flexible ? [] : [infrastructure]),
  );
}

const OFF = new Set(['off', '0', 'false', 'disabled']);

/** Flexible servers refuse plain connections while `require_secure_transport` is ON (the default). */
function flexibleTransit(server: RawResource, scan: Scan, family: ServerFamily): Fact<EncryptionInTransit> {
  const secure = parameter(server, scan, family, 'require_secure_transport');
  if (secure?.state === 'unknown') return unknownFact(secure.reason, secure.evidence);
  const secureEvidence =
    secure?.state === 'set'
      ? secure.evidence
      : defaultEvidence('require_secure_transport', 'server parameter defaults to ON');
  const enforced = secure?.state !== 'set' || !OFF.has(secure.value.toLowerCase());
  const tls =
    family.tlsParameter === undefined ? undefined : parameter(server, scan, family, family.tlsParameter);
  if (tls?.state === 'unknown') return unknownFact(tls.reason, secureEvidence, tls.evidence);
  if (tls?.state !== 'set')
    return knownFact(
      { enforced, minTlsVersion: '1.2' },
      secureEvidence,
      defaultEvidence(family.tlsParameter ?? 'tls', 'server parameter defaults to TLSv1.2'),
    );
  const versions = tls.value.split(',').map(tlsVersion);
  const lowest = versions.filter((v): v is string => v !== undefined).sort()[0];
  if (lowest === undefined || versions.includes(undefined))
    return unknownFact(`unrecognised ${family.tlsParameter} ${JSON.stringify(tls.value)}`, tls.evidence);
  return knownFact({ enforced, minTlsVersion: lowest }, secureEvidence, tls.evidence);
}

/** Single servers: `ssl_enforcement_enabled` (`ssl_enforcement` before 2.0) and `ssl_minimal_tls_version_enforced`. */
function singleServerTransit(server: RawResource): Fact<EncryptionInTransit> {
  let enforcement = readFlag(server, ['ssl_enforcement_enabled']);
  if (enforcement.state === 'absent') {
    const legacy = readText(server, ['ssl_enforcement']);
    enforcement =
      legacy.state === 'set'
        ? { state: 'set', value: legacy.value.toLowerCase() === 'enabled', evidence: legacy.evidence }
        : legacy;
  }
  if (enforcement.state === 'unknown') return unknownFact(enforcement.reason, enforcement.evidence);
  if (enforcement.state === 'absent')
    return unknownFact('ssl_enforcement_enabled is required but not in the input', enforcement.evidence);
  if (!enforcement.value) return knownFact({ enforced: false }, enforcement.evidence);
  const tls = readText(server, ['ssl_minimal_tls_version_enforced']);
  if (tls.state === 'unknown') return unknownFact(tls.reason, enforcement.evidence, tls.evidence);
  if (tls.state === 'absent') return knownFact({ enforced: true }, enforcement.evidence, tls.evidence);
  const version = tls.value === 'TLSEnforcementDisabled' ? '1.0' : tlsVersion(tls.value);
  if (version === undefined)
    return unknownFact(
      `unrecognised ssl_minimal_tls_version_enforced ${JSON.stringify(tls.value)}`,
      tls.evidence,
    );
  return knownFact({ enforced: true, minTlsVersion: version }, enforcement.evidence, tls.evidence);
}

// ── network ───────────────────────────────────────────────────────────────────────────────────────

/** A flexible server in a delegated subnet has no public endpoint; otherwise its firewall rules decide. */
function networkExposure(server: RawResource, scan: Scan, family: ServerFamily): Fact<boolean> {
  if (family.flexible) {
    const subnet = readConfigured(server, 'delegated_subnet_id');
    if (subnet.state !== 'absent' && !(subnet.state === 'set' && subnet.value === ''))
      return knownFact(false, subnet.evidence);
  }
  const gate = publicNetworkAccess(server);
  if ('closed' in gate) return gate.closed;
  return firewallExposure(
    childrenOf(server, scan, family.firewallRule),
    gate.open,
    knownFact(
      false,
      gate.open,
      evidence(family.firewallRule, '(none) — the server refuses public connections without one'),
    ),
  );
}

// ── flows ─────────────────────────────────────────────────────────────────────────────────────────

function flows(server: RawResource, scan: Scan, family: ServerFamily): Flow[] {
  const out: Flow[] = [];
  const geo = readFlag(server, ['geo_redundant_backup_enabled']);
  if (geo.state === 'unknown')
    out.push({
      kind: 'backup-copy',
      from: SELF,
      to: { region: unknownFact(geo.reason, geo.evidence) },
      evidence: [geo.evidence],
    });
  if (geo.state === 'set' && geo.value)
    out.push({
      kind: 'backup-copy',
      from: SELF,
      to: { region: pairedRegion(resourceLocation(server, scan), geo.evidence) },
      evidence: [geo.evidence],
    });
  const mode = asString(readProperty(server.properties, 'create_mode'));
  if (mode.state === 'set' && mode.value.toLowerCase() === 'replica') {
    const argument = family.flexible ? 'source_server_id' : 'creation_source_server_id';
    const source = scan.targetOf(server, argument, [family.server], ['id']);
    const id = asString(readProperty(server.properties, argument));
    const from: OtherEnd = {
      ...(source === undefined ? {} : { address: source.address }),
      ...(id.state === 'set' ? { identifier: id.value } : {}),
    };
    const because: Evidence[] = [mode.evidence, id.evidence];
    out.push({ kind: 'read-replica', from, to: SELF, evidence: because });
  }
  return out;
}

function describeServer(family: ServerFamily): TypeDescriber {
  return {
    type: family.server,
    describe(server, scan) {
      return buildResource(server, scan, {
        kind: 'relational-database',
        storesData: true,
        identifierPaths: ['name', 'id', 'fqdn'],
        facts: {
          encryptionAtRest: encryptionAtRest(server, scan, family),
          encryptionInTransit: family.flexible
            ? flexibleTransit(server, scan, family)
            : singleServerTransit(server),
          networkExposure: networkExposure(server, scan, family),
        },
        flows: flows(server, scan, family),
      });
    },
  };
}

export const postgresqlMysqlDescribers: readonly TypeDescriber[] = FAMILIES.flatMap((family) => [
  describeServer(family),
  ...[
    family.configuration,
    family.firewallRule,
    ...(family.serverKey === undefined ? [] : [family.serverKey]),
    ...family.children,
  ].map(
    (type): TypeDescriber => ({
      type,
      describe: (raw, scan) => describeConfiguration(raw, scan, serverOf(raw, scan, family)),
    }),
  ),
]);
