import type { Scan } from '@eugate/core';
import {
  asBoolean,
  asList,
  asString,
  type EncryptionInTransit,
  type Fact,
  type Flow,
  knownFact,
  type RawResource,
  readProperty,
  SELF,
  unknownFact,
} from '@eugate/core';
import { locationFact, pairedRegion } from '../shared/location.js';
import { cosmosEncryptionInTransit } from '../shared/tls.js';
import { internetWideCidr, publicNetworkAccess } from './network.js';
import { customerKey, orDocumentedDefault, readConfigured } from './plan-values.js';
import {
  buildResource,
  defaultEvidence,
  describeConfiguration,
  resourceLocation,
  type TypeDescriber,
} from './resource-base.js';

const ACCOUNT = 'azurerm_cosmosdb_account';

/** Databases, containers and their settings live in the account named by `account_name` (or `cosmosdb_account_id`). */
const ACCOUNT_CHILDREN = [
  'azurerm_cosmosdb_sql_database',
  'azurerm_cosmosdb_sql_container',
  'azurerm_cosmosdb_sql_role_assignment',
  'azurerm_cosmosdb_sql_role_definition',
  'azurerm_cosmosdb_mongo_database',
  'azurerm_cosmosdb_mongo_collection',
  'azurerm_cosmosdb_cassandra_keyspace',
  'azurerm_cosmosdb_cassandra_table',
  'azurerm_cosmosdb_gremlin_database',
  'azurerm_cosmosdb_gremlin_graph',
  'azurerm_cosmosdb_table',
];

function accountOf(raw: RawResource, scan: Scan): RawResource | undefined {
  return (
    scan.targetOf(raw, 'account_name', [ACCOUNT], ['name']) ??
    scan.targetOf(raw, 'cosmosdb_account_id', [ACCOUNT], ['id'])
  );
}

/** Cosmos DB accepts TLS only; `minimal_tls_version` (`Tls` = 1.0, `Tls11`, `Tls12`; v4 default Tls12) sets the floor. */
function encryptionInTransit(account: RawResource): Fact<EncryptionInTransit> {
  const read = orDocumentedDefault(asString(readConfigured(account, 'minimal_tls_version')), 'Tls12');
  return cosmosEncryptionInTransit(read, 'minimal_tls_version');
}

/**
 * With public network access on, the account admits every network unless a virtual-network filter
 * or an IP filter narrows it. `0.0.0.0` alone in the IP filter admits Azure datacenters only.
 */
function networkExposure(account: RawResource): Fact<boolean> {
  const gate = publicNetworkAccess(account);
  if ('closed' in gate) return gate.closed;
  const ipFilter = readConfigured(account, 'ip_range_filter');
  if (ipFilter.state === 'unknown') return unknownFact(ipFilter.reason, gate.open, ipFilter.evidence);
  const filters = ipFilter.state === 'set' ? ipFilter.value : [];
  const wide = internetWideCidr(filters);
  if (wide.cidr !== undefined) return knownFact(true, gate.open, ipFilter.evidence);
  if (wide.unreadable !== undefined)
    return unknownFact(
      `unreadable ip_range_filter entry ${JSON.stringify(wide.unreadable)}`,
      ipFilter.evidence,
    );
  const vnet = asBoolean(readConfigured(account, 'is_virtual_network_filter_enabled'));
  if (vnet.state === 'unknown') return unknownFact(vnet.reason, gate.open, vnet.evidence);
  const hasIpFilter = typeof filters === 'string' ? filters !== '' : asList(filters).length > 0;
  if (hasIpFilter || (vnet.state === 'set' && vnet.value))
    return knownFact(false, ipFilter.evidence, vnet.evidence);
  return knownFact(true, gate.open, ipFilter.evidence, vnet.evidence);
}

/** Every `geo_location` other than the account's own location holds a full replica. */
function replicaFlows(account: RawResource, region: Fact<string>): Flow[] {
  const flows: Flow[] = [];
  const locations = readProperty(account.properties, 'geo_location');
  if (locations.state === 'unknown')
    return [
      {
        kind: 'replica',
        from: SELF,
        to: { region: unknownFact(locations.reason, locations.evidence) },
        evidence: [locations.evidence],
      },
    ];
  for (const index of asList(locations.state === 'set' ? locations.value : undefined).keys()) {
    const location = asString(readProperty(account.properties, `geo_location[${index}].location`));
    if (location.state === 'absent') continue;
    const target =
      location.state === 'set'
        ? locationFact(location.value, location.evidence)
        : unknownFact<string>(location.reason, location.evidence);
    if (target.known && region.known && target.value === region.value) continue;
    flows.push({ kind: 'replica', from: SELF, to: { region: target }, evidence: [location.evidence] });
  }
  return [...flows, ...backupFlows(account, region)];
}

/** Periodic backups are geo-redundant unless `backup[0].storage_redundancy` says Local or Zone. */
function backupFlows(account: RawResource, region: Fact<string>): Flow[] {
  const type = asString(readConfigured(account, 'backup[0].type'));
  if (type.state === 'set' && type.value.toLowerCase() === 'continuous') return [];
  const redundancy = asString(readConfigured(account, 'backup[0].storage_redundancy'));
  if (redundancy.state === 'unknown')
    return [
      {
        kind: 'backup-copy',
        from: SELF,
        to: { region: unknownFact(redundancy.reason, redundancy.evidence) },
        evidence: [redundancy.evidence],
      },
    ];
  if (redundancy.state === 'set' && redundancy.value.toLowerCase() !== 'geo') return [];
  const because =
    redundancy.state === 'set'
      ? redundancy.evidence
      : defaultEvidence('backup[0].storage_redundancy', 'periodic backups are geo-redundant by default');
  return [
    { kind: 'backup-copy', from: SELF, to: { region: pairedRegion(region, because) }, evidence: [because] },
  ];
}

const describeAccount: TypeDescriber = {
  type: ACCOUNT,
  describe(account, scan) {
    const region = resourceLocation(account, scan);
    const key = customerKey(account, scan, 'key_vault_key_id');
    return buildResource(account, scan, {
      kind: 'nosql-database',
      storesData: true,
      identifierPaths: ['name', 'id', 'endpoint'],
      region,
      facts: {
        encryptionAtRest:
          key === undefined
            ? knownFact(
                'provider-key',
                defaultEvidence('key_vault_key_id', 'Cosmos DB encrypts all data with service-managed keys'),
              )
            : knownFact('customer-key', ...key),
        encryptionInTransit: encryptionInTransit(account),
        networkExposure: networkExposure(account),
      },
      flows: replicaFlows(account, region),
    });
  },
};

export const cosmosdbDescribers: readonly TypeDescriber[] = [
  describeAccount,
  ...ACCOUNT_CHILDREN.map(
    (type): TypeDescriber => ({
      type,
      describe: (raw, scan) => describeConfiguration(raw, scan, accountOf(raw, scan)),
    }),
  ),
];
