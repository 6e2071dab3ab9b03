import {
  asBoolean,
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
import { accessLoggingFromDiagnostics } from './monitor.js';
import { networkAclExposure, publicNetworkAccess } from './network.js';
import {
  type ArmScan,
  type ArmTypeDescriber,
  armLocation,
  buildArmResource,
  defaultEvidence,
  describeArmConfiguration,
  namePath,
  readEnum,
} from './resource-base.js';

export const STORAGE_ACCOUNT = 'Microsoft.Storage/storageAccounts';
const CONTAINER = `${STORAGE_ACCOUNT}/blobServices/containers`;

// ── encryption ────────────────────────────────────────────────────────────────────────────────────

/**
 * Azure Storage encrypts everything; `encryption.keySource: Microsoft.Keyvault` makes the key the
 * customer's. `requireInfrastructureEncryption` (a second layer) is shown as evidence.
 */
function encryptionAtRest(account: RawResource): Fact<EncryptionAtRest> {
  const infrastructure = readProperty(
    account.properties,
    'properties.encryption.requireInfrastructureEncryption',
  ).evidence;
  const source = readEnum(account, 'properties.encryption.keySource');
  if (source.state === 'unknown') return unknownFact(source.reason, source.evidence);
  if (source.state === 'set' && source.value === 'microsoft.keyvault')
    return knownFact(
      'customer-key',
      source.evidence,
      readProperty(account.properties, 'properties.encryption.keyvaultproperties.keyname').evidence,
      infrastructure,
    );
  return knownFact(
    'provider-key',
    source.state === 'set'
      ? source.evidence
      : defaultEvidence(source.evidence.path, 'Azure Storage encrypts all data with Microsoft-managed keys'),
    infrastructure,
  );
}

/** `supportsHttpsTrafficOnly` defaults to true (API 2019-04-01 on); `minimumTlsVersion` sets the floor. */
function encryptionInTransit(account: RawResource): Fact<EncryptionInTransit> {
  const https = asBoolean(readProperty(account.properties, 'properties.supportsHttpsTrafficOnly'));
  if (https.state === 'unknown') return unknownFact(https.reason, https.evidence);
  const httpsEvidence =
    https.state === 'set' ? https.evidence : defaultEvidence(https.evidence.path, 'defaults to true');
  const enforced = https.state === 'absent' || https.value;
  const tls = readEnum(account, 'properties.minimumTlsVersion');
  if (tls.state === 'unknown') return unknownFact(tls.reason, httpsEvidence, tls.evidence);
  if (tls.state === 'absent') return knownFact({ enforced }, httpsEvidence, tls.evidence);
  const version = tlsVersion(tls.value);
  if (version === undefined)
    return unknownFact(`unrecognised minimumTlsVersion ${JSON.stringify(tls.evidence.value)}`, tls.evidence);
  return knownFact({ enforced, minTlsVersion: version }, httpsEvidence, tls.evidence);
}

// ── public access ─────────────────────────────────────────────────────────────────────────────────

const PUBLIC_CONTAINER_ACCESS = new Set(['blob', 'container']);

/** The anonymous access a container asks for; `publicAccess` defaults to `None`. */
export function containerAccess(container: RawResource): Fact<boolean> {
  const read = readEnum(container, 'properties.publicAccess', container.address);
  if (read.state === 'unknown') return unknownFact(read.reason, read.evidence);
  if (read.state === 'absent')
    return knownFact(
      false,
      defaultEvidence('properties.publicAccess', 'defaults to None', container.address),
    );
  return knownFact(PUBLIC_CONTAINER_ACCESS.has(read.value), read.evidence);
}

/**
 * `allowBlobPublicAccess` defaults to false from API version 2023-01-01 on (new accounts refuse
 * anonymous access); with older API versions an unset flag permits it.
 */
function allowsPublicBlobs(account: RawResource) {
  const read = asBoolean(readProperty(account.properties, 'properties.allowBlobPublicAccess'));
  if (read.state !== 'absent') return read;
  const api = account.properties.apiVersion;
  if (typeof api === 'string' && api >= '2023-01-01')
    return {
      state: 'set' as const,
      value: false,
      evidence: defaultEvidence(
        read.evidence.path,
        `defaults to false from API version 2023-01-01 (apiVersion ${api})`,
      ),
    };
  return read;
}

/**
 * Anonymous reads need a container that asks for them and an account that permits them; Azure
 * refuses a public container in an account that forbids it (as the azurerm describer judges).
 */
function publicAccess(account: RawResource, scan: ArmScan): Fact<boolean> {
  const allowed = allowsPublicBlobs(account);
  const containers = containersOf(account, scan).map(containerAccess);
  const open = containers.find((c) => c.known && c.value);
  const undecided = containers.find((c) => !c.known);
  if (allowed.state === 'set' && !allowed.value)
    return knownFact(false, allowed.evidence, ...(open?.evidence ?? []));
  if (open !== undefined) {
    if (allowed.state === 'set') return knownFact(true, allowed.evidence, ...open.evidence);
    return unknownFact(
      allowed.state === 'unknown'
        ? `a container allows anonymous access and whether the account permits it is unknown: ${allowed.reason}`
        : 'a container allows anonymous access and the account does not state whether it permits it (allowBlobPublicAccess)',
      allowed.evidence,
      ...open.evidence,
    );
  }
  if (undecided !== undefined && !undecided.known)
    return unknownFact(`a container's access level is unknown: ${undecided.reason}`, ...undecided.evidence);
  return knownFact(
    false,
    evidence(CONTAINER, containers.length === 0 ? '(none in the input)' : 'all private'),
    allowed.evidence,
  );
}

function containersOf(account: RawResource, scan: ArmScan): RawResource[] {
  return scan.resources.filter(
    (r) =>
      r.type.toLowerCase() === CONTAINER.toLowerCase() && scan.ancestorOf(r, [STORAGE_ACCOUNT]) === account,
  );
}

// ── network exposure and replication ──────────────────────────────────────────────────────────────

function networkExposure(account: RawResource): Fact<boolean> {
  const gate = publicNetworkAccess(account);
  if ('closed' in gate) return gate.closed;
  return networkAclExposure(account, 'properties.networkAcls', gate.open);
}

const GEO_REDUNDANT = new Set(['grs', 'ragrs', 'gzrs', 'ragzrs']);

/** `sku.name` `Standard_GRS` (and RAGRS, GZRS, RAGZRS) keeps a second copy in the paired region. */
function replicationFlows(account: RawResource, scan: ArmScan): Flow[] {
  const sku = readEnum(account, 'sku.name');
  if (sku.state === 'absent') return [];
  if (sku.state === 'unknown')
    return [
      {
        kind: 'replica',
        from: SELF,
        to: { region: unknownFact(`the replication of sku.name is unknown: ${sku.reason}`, sku.evidence) },
        evidence: [sku.evidence],
      },
    ];
  const replication = sku.value.split('_')[1] ?? '';
  if (!GEO_REDUNDANT.has(replication)) return [];
  return [
    {
      kind: 'replica',
      from: SELF,
      to: { region: pairedRegion(armLocation(account, scan), sku.evidence) },
      evidence: [sku.evidence],
    },
  ];
}

const ENDPOINTS = ['blob', 'dfs', 'file', 'queue', 'table', 'web'];

const describeAccount: ArmTypeDescriber = {
  type: STORAGE_ACCOUNT,
  describe(account, scan) {
    const name = typeof account.properties.name === 'string' ? namePath(account) : undefined;
    return buildArmResource(account, scan, {
      kind: 'object-storage',
      storesData: true,
      identifiers:
        name === undefined ? [] : ENDPOINTS.map((endpoint) => `${name}.${endpoint}.core.windows.net`),
      facts: {
        encryptionAtRest: encryptionAtRest(account),
        encryptionInTransit: encryptionInTransit(account),
        publicAccess: publicAccess(account, scan),
        networkExposure: networkExposure(account),
        accessLogging: accessLoggingFromDiagnostics(account, scan),
      },
      flows: replicationFlows(account, scan),
    });
  },
};

/** A container configures its account; its own `publicAccess` records the access it asks for. */
const describeContainer: ArmTypeDescriber = {
  type: CONTAINER,
  describe(container, scan) {
    const account = scan.ancestorOf(container, [STORAGE_ACCOUNT]);
    return buildArmResource(container, scan, {
      kind: 'configuration',
      storesData: false,
      ...(account === undefined ? {} : { configures: account.address }),
      facts: { publicAccess: containerAccess(container) },
    });
  },
};

/** Every other child of an account (blob/file/queue/table services, shares, policies, scopes) configures it. */
export const STORAGE_CHILD_PREFIX = `${STORAGE_ACCOUNT}/`;

export const describeStorageChild = (raw: RawResource, scan: ArmScan) =>
  describeArmConfiguration(raw, scan, scan.ancestorOf(raw, [STORAGE_ACCOUNT]));

export const storageDescribers: readonly ArmTypeDescriber[] = [describeAccount, describeContainer];
