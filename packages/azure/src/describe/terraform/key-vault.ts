import type { Scan } from '@eugate/core';
import { asString, type Fact, knownFact, type RawResource, readProperty, unknownFact } from '@eugate/core';
import { accessLoggingFromDiagnostics } from './monitor.js';
import { internetWideCidr, publicNetworkAccess } from './network.js';
import { readBlock } from './plan-values.js';
import {
  buildResource,
  defaultEvidence,
  describeConfiguration,
  parentLocation,
  type TypeDescriber,
} from './resource-base.js';

const VAULT = 'azurerm_key_vault';
const KEY = 'azurerm_key_vault_key';

function vaultOf(raw: RawResource, scan: Scan): RawResource | undefined {
  return scan.targetOf(raw, 'key_vault_id', [VAULT], ['id']);
}

/** The vault's endpoint admits every network unless `network_acls` default to Deny (or public access is off). */
function networkExposure(vault: RawResource): Fact<boolean> {
  const gate = publicNetworkAccess(vault);
  if ('closed' in gate) return gate.closed;
  const acls = readBlock(vault, 'network_acls');
  if (acls.state === 'unknown') return unknownFact(acls.reason, gate.open, acls.evidence);
  if (acls.state === 'absent')
    return knownFact(true, gate.open, defaultEvidence('network_acls', 'every network is allowed'));
  const action = asString(readProperty(vault.properties, `${acls.path}.default_action`));
  if (action.state === 'unknown') return unknownFact(action.reason, gate.open, action.evidence);
  if (action.state === 'set' && action.value.toLowerCase() === 'allow')
    return knownFact(true, gate.open, action.evidence);
  const ipRules = readProperty(vault.properties, `${acls.path}.ip_rules`);
  if (ipRules.state === 'unknown') return unknownFact(ipRules.reason, ipRules.evidence);
  const wide = internetWideCidr(ipRules.state === 'set' ? ipRules.value : []);
  if (wide.cidr !== undefined) return knownFact(true, gate.open, ipRules.evidence);
  if (wide.unreadable !== undefined)
    return unknownFact(`unreadable ip_rules entry ${JSON.stringify(wide.unreadable)}`, ipRules.evidence);
  return knownFact(false, action.evidence, ipRules.evidence);
}

/**
 * A vault holds secrets, keys and certificates — credentials and, in practice, connection strings
 * with personal data in them — so it is described as a `secret` store that holds data. Vault
 * contents are always encrypted with HSM-protected Microsoft keys. `purge_protection_enabled` has no
 * fact of its own; it is shown as evidence with the encryption fact.
 */
const describeVault: TypeDescriber = {
  type: VAULT,
  describe(vault, scan) {
    const purge = readProperty(vault.properties, 'purge_protection_enabled').evidence;
    return buildResource(vault, scan, {
      kind: 'secret',
      storesData: true,
      identifierPaths: ['name', 'id', 'vault_uri'],
      facts: {
        encryptionAtRest: knownFact(
          'provider-key',
          defaultEvidence('(service)', 'Key Vault encrypts its contents with HSM-protected Microsoft keys'),
          purge,
        ),
        networkExposure: networkExposure(vault),
        accessLogging: accessLoggingFromDiagnostics(vault, scan),
      },
    });
  },
};

/** A key in a vault: `rotation_policy` with `automatic` rotation rotates it. */
const describeKey: TypeDescriber = {
  type: KEY,
  describe(key, scan) {
    const rotation = readBlock(key, 'rotation_policy');
    const automatic = rotation.state === 'set' ? readBlock(key, `${rotation.path}.automatic`) : rotation;
    return buildResource(key, scan, {
      kind: 'encryption-key',
      storesData: false,
      identifierPaths: ['name', 'id', 'versionless_id', 'resource_id', 'resource_versionless_id'],
      region: parentLocation(key, scan, vaultOf(key, scan)),
      facts: {
        keyRotation:
          automatic.state === 'unknown'
            ? unknownFact(automatic.reason, automatic.evidence)
            : knownFact(automatic.state === 'set', automatic.evidence),
      },
    });
  },
};

const VAULT_CHILDREN = [
  'azurerm_key_vault_secret',
  'azurerm_key_vault_certificate',
  'azurerm_key_vault_access_policy',
  'azurerm_key_vault_certificate_contacts',
  'azurerm_key_vault_certificate_issuer',
];

export const keyVaultDescribers: readonly TypeDescriber[] = [
  describeVault,
  describeKey,
  ...VAULT_CHILDREN.map(
    (type): TypeDescriber => ({
      type,
      describe: (raw, scan) => describeConfiguration(raw, scan, vaultOf(raw, scan)),
    }),
  ),
];
