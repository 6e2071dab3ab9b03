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
import { internetWideCidr } from '../terraform/network.js';
import { publicNetworkAccess } from './network.js';
import {
  type ArmScan,
  type ArmTypeDescriber,
  armLocation,
  buildArmResource,
  defaultEvidence,
  readEnum,
} from './resource-base.js';

export const COSMOS_ACCOUNT = 'Microsoft.DocumentDB/databaseAccounts';

/** Cosmos DB accepts TLS only; `minimalTlsVersion` (`Tls`, `Tls11`, `Tls12`) sets the floor. */
function encryptionInTransit(account: RawResource): Fact<EncryptionInTransit> {
  const read = asString(readProperty(account.properties, 'properties.minimalTlsVersion'));
  return cosmosEncryptionInTransit(read, 'minimalTlsVersion');
}

/**
 * With public network access on, the account admits every network unless an IP filter
 * (`ipRules[].ipAddressOrRange`) or a virtual-network filter narrows it.
 */
function networkExposure(account: RawResource): Fact<boolean> {
  const gate = publicNetworkAccess(account);
  if ('closed' in gate) return gate.closed;
  const rules = readProperty(account.properties, 'properties.ipRules');
  if (rules.state === 'unknown') return unknownFact(rules.reason, gate.open, rules.evidence);
  const values = asList(rules.state === 'set' ? rules.value : undefined).map((rule) =>
    typeof rule === 'object' && rule !== null
      ? (rule as { ipAddressOrRange?: unknown }).ipAddressOrRange
      : rule,
  );
  const wide = internetWideCidr(values);
  if (wide.cidr !== undefined) return knownFact(true, gate.open, rules.evidence);
  if (wide.unreadable !== undefined)
    return unknownFact(`unreadable ipRules entry ${JSON.stringify(wide.unreadable)}`, rules.evidence);
  const vnet = asBoolean(readProperty(account.properties, 'properties.isVirtualNetworkFilterEnabled'));
  if (vnet.state === 'unknown') return unknownFact(vnet.reason, gate.open, vnet.evidence);
  if (values.length > 0 || (vnet.state === 'set' && vnet.value))
    return knownFact(false, rules.evidence, vnet.evidence);
  return knownFact(true, gate.open, rules.evidence, vnet.evidence);
}

/** Every entry of `locations` other than the account's own location holds a full replica. */
function replicaFlows(account: RawResource, region: Fact<string>): Flow[] {
  const locations = readProperty(account.properties, 'properties.locations');
  if (locations.state === 'unknown')
    return [
      {
        kind: 'replica',
        from: SELF,
        to: { region: unknownFact(locations.reason, locations.evidence) },
        evidence: [locations.evidence],
      },
      ...backupFlows(account, region),
    ];
  const flows: Flow[] = [];
  for (const index of asList(locations.state === 'set' ? locations.value : undefined).keys()) {
    const location = asString(
      readProperty(account.properties, `properties.locations[${index}].locationName`),
    );
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

/** Periodic backups (the default) are geo-redundant unless `backupStorageRedundancy` says Local or Zone. */
function backupFlows(account: RawResource, region: Fact<string>): Flow[] {
  const type = readEnum(account, 'properties.backupPolicy.type');
  if (type.state === 'set' && type.value === 'continuous') return [];
  const redundancy = readEnum(
    account,
    'properties.backupPolicy.periodicModeProperties.backupStorageRedundancy',
  );
  if (redundancy.state === 'unknown')
    return [
      {
        kind: 'backup-copy',
        from: SELF,
        to: { region: unknownFact(redundancy.reason, redundancy.evidence) },
        evidence: [redundancy.evidence],
      },
    ];
  if (redundancy.state === 'set' && redundancy.value !== 'geo') return [];
  const because =
    redundancy.state === 'set'
      ? redundancy.evidence
      : defaultEvidence(redundancy.evidence.path, 'periodic backups are geo-redundant by default');
  return [
    { kind: 'backup-copy', from: SELF, to: { region: pairedRegion(region, because) }, evidence: [because] },
  ];
}

const describeAccount: ArmTypeDescriber = {
  type: COSMOS_ACCOUNT,
  describe(account, scan: ArmScan) {
    const region = armLocation(account, scan);
    const key = readProperty(account.properties, 'properties.keyVaultKeyUri');
    const name = typeof account.properties.name === 'string' ? account.properties.name : undefined;
    return buildArmResource(account, scan, {
      kind: 'nosql-database',
      storesData: true,
      region,
      identifiers: [name === undefined ? undefined : `${name}.documents.azure.com`],
      facts: {
        encryptionAtRest:
          key.state === 'absent'
            ? knownFact(
                'provider-key',
                defaultEvidence(key.evidence.path, 'Cosmos DB encrypts all data with service-managed keys'),
              )
            : knownFact('customer-key', key.evidence),
        encryptionInTransit: encryptionInTransit(account),
        networkExposure: networkExposure(account),
      },
      flows: replicaFlows(account, region),
    });
  },
};

export const cosmosdbDescribers: readonly ArmTypeDescriber[] = [describeAccount];
