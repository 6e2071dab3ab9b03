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
import { accessLoggingFromDiagnostics } from './monitor.js';
import { internetWideCidr, publicNetworkAccess } from './network.js';
import {
  customerKey,
  knownString,
  orDocumentedDefault,
  readBlock,
  readConfigured,
  readFlag,
  readText,
} from './plan-values.js';
import {
  buildResource,
  defaultEvidence,
  describeConfiguration,
  parentLocation,
  resourceLocation,
  type TypeDescriber,
} from './resource-base.js';

export const STORAGE_ACCOUNT = 'azurerm_storage_account';
const CONTAINER = 'azurerm_storage_container';
const CUSTOMER_MANAGED_KEY = 'azurerm_storage_account_customer_managed_key';
const NETWORK_RULES = 'azurerm_storage_account_network_rules';
const STATIC_WEBSITE = 'azurerm_storage_account_static_website';

/** Resources that live in or configure one storage account, named by `storage_account_id` (v3.x+) or `storage_account_name`. */
const ACCOUNT_CHILDREN = [
  CONTAINER,
  CUSTOMER_MANAGED_KEY,
  NETWORK_RULES,
  STATIC_WEBSITE,
  'azurerm_storage_share',
  'azurerm_storage_queue',
  'azurerm_storage_table',
  'azurerm_storage_data_lake_gen2_filesystem',
  'azurerm_storage_encryption_scope',
  'azurerm_storage_management_policy',
  'azurerm_storage_blob_inventory_policy',
  'azurerm_storage_account_local_user',
];

/** The storage account a child resource belongs to. */
export function accountOf(raw: RawResource, scan: Scan): RawResource | undefined {
  return (
    scan.targetOf(raw, 'storage_account_id', [STORAGE_ACCOUNT], ['id']) ??
    scan.targetOf(raw, 'storage_account_name', [STORAGE_ACCOUNT], ['name'])
  );
}

function children(account: RawResource, scan: Scan, type: string): RawResource[] {
  return [
    ...scan.companionsOf(account, type, 'storage_account_id', ['id']),
    ...scan.companionsOf(account, type, 'storage_account_name', ['name']),
  ].filter((child, index, all) => all.indexOf(child) === index);
}

// ── encryption ────────────────────────────────────────────────────────────────────────────────────

/** Azure Storage encrypts everything (SSE, AES-256); the question is only whose key. */
function encryptionAtRest(account: RawResource, scan: Scan): Fact<EncryptionAtRest> {
  const infrastructure = readConfigured(account, 'infrastructure_encryption_enabled').evidence;
  const [companion] = children(account, scan, CUSTOMER_MANAGED_KEY);
  if (companion !== undefined) {
    const key =
      customerKey(companion, scan, 'key_vault_key_id', companion.address) ??
      customerKey(companion, scan, 'managed_hsm_key_id', companion.address) ??
      customerKey(companion, scan, 'key_name', companion.address);
    if (key !== undefined) return knownFact('customer-key', ...key, infrastructure);
  }
  const inline = readBlock(account, 'customer_managed_key');
  if (inline.state === 'unknown') return unknownFact(inline.reason, inline.evidence);
  if (inline.state === 'set') {
    const key =
      customerKey(account, scan, `${inline.path}.key_vault_key_id`) ??
      customerKey(account, scan, `${inline.path}.managed_hsm_key_id`);
    return knownFact('customer-key', ...(key ?? [inline.evidence]), infrastructure);
  }
  return knownFact(
    'provider-key',
    defaultEvidence('customer_managed_key', 'Azure Storage encrypts all data with Microsoft-managed keys'),
    infrastructure,
  );
}

/**
 * `https_traffic_only_enabled` (v4; `enable_https_traffic_only` before) defaults to true since
 * provider 2.0; `min_tls_version` defaults to TLS1_2 since provider 3.0 (a plan states it; a
 * configuration that leaves it unset takes that default).
 */
function encryptionInTransit(account: RawResource): Fact<EncryptionInTransit> {
  const https = readFlag(account, ['https_traffic_only_enabled', 'enable_https_traffic_only']);
  if (https.state === 'unknown') return unknownFact(https.reason, https.evidence);
  const httpsEvidence =
    https.state === 'set' ? https.evidence : defaultEvidence(https.evidence.path, 'defaults to true');
  const tls = orDocumentedDefault(readText(account, ['min_tls_version']), 'TLS1_2');
  if (tls.state === 'unknown') return unknownFact(tls.reason, httpsEvidence, tls.evidence);
  const enforced = https.state === 'absent' || https.value;
  if (tls.state === 'absent') return knownFact({ enforced }, httpsEvidence, tls.evidence);
  const version = tlsVersion(tls.value);
  if (version === undefined)
    return unknownFact(`unrecognised min_tls_version ${JSON.stringify(tls.value)}`, tls.evidence);
  return knownFact({ enforced, minTlsVersion: version }, httpsEvidence, tls.evidence);
}

// ── public access ─────────────────────────────────────────────────────────────────────────────────

const PUBLIC_CONTAINER_ACCESS = new Set(['blob', 'container']);

/** The anonymous access a container asks for; `container_access_type` defaults to `private`. */
export function containerAccess(container: RawResource): Fact<boolean> {
  const read = asString(readProperty(container.properties, 'container_access_type', container.address));
  if (read.state === 'unknown') return unknownFact(read.reason, read.evidence);
  if (read.state === 'absent')
    return knownFact(
      false,
      defaultEvidence('container_access_type', 'defaults to private', container.address),
    );
  return knownFact(PUBLIC_CONTAINER_ACCESS.has(read.value), read.evidence);
}

/**
 * Anonymous reads need two things: a container that asks for them (`container_access_type` blob or
 * container) and an account that lets nested items be public (`allow_nested_items_to_be_public`,
 * `allow_blob_public_access` before v3). Azure refuses a public container in an account that forbids
 * it, so that combination is not public. A static website serves its `$web` container to anyone.
 */
function publicAccess(account: RawResource, scan: Scan): Fact<boolean> {
  const website = readBlock(account, 'static_website');
  const [websiteResource] = children(account, scan, STATIC_WEBSITE);
  if (website.state === 'set') return knownFact(true, website.evidence);
  if (websiteResource !== undefined)
    return knownFact(true, evidence(STATIC_WEBSITE, websiteResource.address, websiteResource.address));

  // Unset: the provider's default (true since v3; v2's `allow_blob_public_access` defaulted to false).
  const nested = orDocumentedDefault(
    readFlag(account, ['allow_nested_items_to_be_public', 'allow_blob_public_access']),
    true,
    'allow_nested_items_to_be_public',
  );
  const containers = children(account, scan, CONTAINER).map(containerAccess);
  const open = containers.find((c) => c.known && c.value);
  const undecided = containers.find((c) => !c.known);
  if (nested.state === 'set' && !nested.value)
    return knownFact(false, nested.evidence, ...(open?.evidence ?? []));
  if (open !== undefined) {
    if (nested.state === 'set') return knownFact(true, nested.evidence, ...open.evidence);
    return unknownFact(
      `a container allows anonymous access and whether the account permits it is ${nested.state === 'unknown' ? nested.reason : 'not stated'}`,
      nested.evidence,
      ...open.evidence,
    );
  }
  if (undecided !== undefined && !undecided.known)
    return unknownFact(`a container's access type is ${undecided.reason}`, ...undecided.evidence);
  return knownFact(
    false,
    evidence(CONTAINER, containers.length === 0 ? '(none in the input)' : 'all private'),
    nested.evidence,
  );
}

// ── network exposure ──────────────────────────────────────────────────────────────────────────────

/** The public endpoint admits everyone unless `network_rules` (inline or its own resource) default to Deny. */
function networkExposure(account: RawResource, scan: Scan): Fact<boolean> {
  const gate = publicNetworkAccess(account);
  if ('closed' in gate) return gate.closed;
  const [rulesResource] = children(account, scan, NETWORK_RULES);
  const [raw, base, from] =
    rulesResource !== undefined
      ? [rulesResource, '', rulesResource.address]
      : [account, 'network_rules[0].', undefined];
  if (rulesResource === undefined) {
    const block = readBlock(account, 'network_rules');
    if (block.state === 'unknown') return unknownFact(block.reason, gate.open, block.evidence);
    if (block.state === 'absent')
      return knownFact(true, gate.open, defaultEvidence('network_rules', 'every network is allowed'));
  }
  const action = asString(readProperty(raw.properties, `${base}default_action`, from));
  if (action.state === 'unknown') return unknownFact(action.reason, gate.open, action.evidence);
  if (action.state === 'set' && action.value.toLowerCase() === 'allow')
    return knownFact(true, gate.open, action.evidence);
  const ipRules = readProperty(raw.properties, `${base}ip_rules`, from);
  if (ipRules.state === 'unknown') return unknownFact(ipRules.reason, gate.open, ipRules.evidence);
  const wide = internetWideCidr(ipRules.state === 'set' ? ipRules.value : []);
  if (wide.cidr !== undefined) return knownFact(true, gate.open, ipRules.evidence);
  if (wide.unreadable !== undefined)
    return unknownFact(`unreadable ip_rules entry ${JSON.stringify(wide.unreadable)}`, ipRules.evidence);
  return knownFact(false, action.evidence, ipRules.evidence);
}

// ── replication ───────────────────────────────────────────────────────────────────────────────────

const GEO_REDUNDANT = new Set(['GRS', 'RAGRS', 'GZRS', 'RAGZRS']);

/** Geo-redundant replication keeps a second copy in the location's paired region. */
function replicationFlows(account: RawResource, scan: Scan): Flow[] {
  const replication = asString(readProperty(account.properties, 'account_replication_type'));
  if (replication.state === 'absent') return [];
  if (replication.state === 'unknown')
    return [
      {
        kind: 'replica',
        from: SELF,
        to: {
          region: unknownFact(`account_replication_type is ${replication.reason}`, replication.evidence),
        },
        evidence: [replication.evidence],
      },
    ];
  if (!GEO_REDUNDANT.has(replication.value.toUpperCase())) return [];
  return [
    {
      kind: 'replica',
      from: SELF,
      to: { region: pairedRegion(resourceLocation(account, scan), replication.evidence) },
      evidence: [replication.evidence],
    },
  ];
}

const ENDPOINTS = ['blob', 'dfs', 'file', 'queue', 'table'];

/** Host names that CDN and Front Door origins use to point at this account. */
function accountIdentifiers(account: RawResource): (string | undefined)[] {
  const name = knownString(account, 'name');
  const hosts = ENDPOINTS.map((endpoint) => knownString(account, `primary_${endpoint}_host`));
  const webHost = knownString(account, 'primary_web_host');
  return [
    ...(name === undefined ? [] : ENDPOINTS.map((endpoint) => `${name}.${endpoint}.core.windows.net`)),
    ...hosts,
    webHost,
  ];
}

const describeAccount: TypeDescriber = {
  type: STORAGE_ACCOUNT,
  describe(account, scan) {
    const sharedKey = readConfigured(account, 'shared_access_key_enabled').evidence;
    const logging = accessLoggingFromDiagnostics(account, scan);
    return buildResource(account, scan, {
      kind: 'object-storage',
      storesData: true,
      identifiers: accountIdentifiers(account),
      facts: {
        encryptionAtRest: encryptionAtRest(account, scan),
        encryptionInTransit: encryptionInTransit(account),
        publicAccess: publicAccess(account, scan),
        networkExposure: withEvidence(networkExposure(account, scan), sharedKey),
        accessLogging: logging,
      },
      flows: replicationFlows(account, scan),
    });
  },
};

/** Adds context evidence (shared key access) that does not decide the fact but a reviewer wants to see. */
function withEvidence<T>(fact: Fact<T>, ...extra: Evidence[]): Fact<T> {
  return { ...fact, evidence: [...fact.evidence, ...extra] };
}

/** A container configures its account; its own `publicAccess` records the access it asks for. */
const describeContainer: TypeDescriber = {
  type: CONTAINER,
  describe(container, scan) {
    const account = accountOf(container, scan);
    return buildResource(container, scan, {
      kind: 'configuration',
      storesData: false,
      configures: account?.address,
      region: parentLocation(container, scan, account),
      facts: { publicAccess: containerAccess(container) },
    });
  },
};

export const storageDescribers: readonly TypeDescriber[] = [
  describeAccount,
  describeContainer,
  ...ACCOUNT_CHILDREN.filter((type) => type !== CONTAINER).map(
    (type): TypeDescriber => ({
      type,
      describe: (raw, scan) => describeConfiguration(raw, scan, accountOf(raw, scan)),
    }),
  ),
];
