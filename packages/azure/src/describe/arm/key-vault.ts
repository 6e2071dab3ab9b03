import { asList, knownFact, readProperty, unknownFact } from '@eugate/core';
import { accessLoggingFromDiagnostics } from './monitor.js';
import { networkAclExposure, publicNetworkAccess } from './network.js';
import { type ArmTypeDescriber, buildArmResource, defaultEvidence, readEnum } from './resource-base.js';

export const KEY_VAULT = 'Microsoft.KeyVault/vaults';

/**
 * A vault holds secrets, keys and certificates, so it is a `secret` store that holds data. Its
 * contents are always encrypted with HSM-protected Microsoft keys; `enablePurgeProtection` and
 * `enableSoftDelete` have no fact of their own and are shown as evidence with the encryption fact
 * (as the azurerm describer does).
 */
const describeVault: ArmTypeDescriber = {
  type: KEY_VAULT,
  describe(vault, scan) {
    const gate = publicNetworkAccess(vault);
    const name = typeof vault.properties.name === 'string' ? vault.properties.name : undefined;
    return buildArmResource(vault, scan, {
      kind: 'secret',
      storesData: true,
      identifiers: [name === undefined ? undefined : `${name}.vault.azure.net`],
      facts: {
        encryptionAtRest: knownFact(
          'provider-key',
          defaultEvidence('(service)', 'Key Vault encrypts its contents with HSM-protected Microsoft keys'),
          readProperty(vault.properties, 'properties.enablePurgeProtection').evidence,
        ),
        networkExposure:
          'closed' in gate ? gate.closed : networkAclExposure(vault, 'properties.networkAcls', gate.open),
        accessLogging: accessLoggingFromDiagnostics(vault, scan),
      },
    });
  },
};

/** A key rotates automatically when its `rotationPolicy` has a `Rotate` lifetime action. */
const describeKey: ArmTypeDescriber = {
  type: `${KEY_VAULT}/keys`,
  describe(key, scan) {
    const actions = readProperty(key.properties, 'properties.rotationPolicy.lifetimeActions');
    let rotation = knownFact(false, actions.evidence);
    if (actions.state === 'unknown') rotation = unknownFact(actions.reason, actions.evidence);
    for (const index of asList(actions.state === 'set' ? actions.value : undefined).keys()) {
      const type = readEnum(key, `properties.rotationPolicy.lifetimeActions[${index}].action.type`);
      if (type.state === 'unknown') rotation = unknownFact(type.reason, type.evidence);
      else if (type.state === 'set' && type.value === 'rotate') {
        rotation = knownFact(true, type.evidence);
        break;
      }
    }
    const vault = scan.parentOf(key);
    return buildArmResource(key, scan, {
      kind: 'encryption-key',
      storesData: false,
      ...(vault === undefined ? {} : { configures: vault.address }),
      facts: { keyRotation: rotation },
    });
  },
};

export const keyVaultDescribers: readonly ArmTypeDescriber[] = [describeVault, describeKey];
