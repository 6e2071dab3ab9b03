import type { Scan } from '@eugate/core';
import { asBoolean, knownFact, type RawResource, unknownFact } from '@eugate/core';
import { knownString, readConfigured } from './plan-values.js';
import { buildResource, describeConfiguration, type TypeDescriber } from './resource-base.js';
import { policyPublicAccess, readPolicy } from './resource-policy.js';

const KEY = 'aws_kms_key';
const ALIAS = 'aws_kms_alias';

function keyOf(alias: RawResource, scan: Scan): RawResource | undefined {
  return scan.targetOf(alias, 'target_key_id', [KEY], ['key_id', 'id', 'arn']);
}

/** Resources name a key by alias too (`kms_key_id = "alias/orders"`), so its aliases identify it. */
function aliasIdentifiers(key: RawResource, scan: Scan): (string | undefined)[] {
  return scan
    .ofType(ALIAS)
    .filter((alias) => keyOf(alias, scan) === key)
    .flatMap((alias) => [knownString(alias, 'name'), knownString(alias, 'arn')]);
}

const describeKey: TypeDescriber = {
  type: KEY,
  describe(key, scan) {
    const rotation = asBoolean(readConfigured(key, 'enable_key_rotation'));
    return buildResource(key, {
      kind: 'encryption-key',
      storesData: false,
      identifierPaths: ['arn', 'key_id', 'id'],
      identifiers: aliasIdentifiers(key, scan),
      facts: {
        // Automatic rotation is off unless enabled.
        keyRotation:
          rotation.state === 'unknown'
            ? unknownFact(rotation.reason, rotation.evidence)
            : knownFact(rotation.state === 'set' && rotation.value, rotation.evidence),
        publicAccess: policyPublicAccess([readPolicy(key, 'policy')]),
      },
    });
  },
};

export const kmsDescribers: readonly TypeDescriber[] = [
  describeKey,
  { type: ALIAS, describe: (alias, scan) => describeConfiguration(alias, keyOf(alias, scan)) },
];
