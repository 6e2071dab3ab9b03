import {
  asBoolean,
  asList,
  evidence,
  type Fact,
  type Flow,
  knownFact,
  type RawResource,
  readProperty,
  SELF,
  unknownFact,
} from '@eugate/core';
import { isSymbolicValue } from '../../arm/evaluate.js';
import {
  type ArmScan,
  type ArmTypeDescriber,
  buildArmResource,
  namePath,
  nameSegments,
  parseResourceId,
  valueAt,
} from './resource-base.js';

const DIAGNOSTIC_SETTINGS = 'Microsoft.Insights/diagnosticSettings';
const NESTED_SUFFIX = '/providers/diagnosticsettings';

/**
 * The resource a diagnostic setting collects from: an extension resource with `scope`
 * (`Microsoft.Storage/storageAccounts/orders`, a resource id, or `resourceId(...)`), or the older
 * nested form `Microsoft.Storage/storageAccounts/providers/diagnosticSettings` named
 * `orders/Microsoft.Insights/setting`.
 */
function targetOf(setting: RawResource, scan: ArmScan): RawResource | undefined {
  const named = targetName(setting, scan);
  if (named === undefined || 'resource' in named) return named?.resource;
  // The nearest declared resource on the path: logs of `orders/blobServices/default` are the account's
  // when the blob service itself is not declared.
  const types = named.type.split('/');
  const names = nameSegments(named.name);
  for (let depth = types.length; depth >= 2; depth--) {
    const cut = names.length - (types.length - depth);
    if (cut < 1) break;
    const found = scan.find(types.slice(0, depth).join('/'), names.slice(0, cut).join('/'));
    if (found !== undefined) return found;
  }
  return undefined;
}

function targetName(
  setting: RawResource,
  scan: ArmScan,
): { resource: RawResource | undefined } | { type: string; name: string } | undefined {
  const type = setting.type.toLowerCase();
  if (type.endsWith(NESTED_SUFFIX)) {
    const names = nameSegments(namePath(setting));
    return { type: setting.type.slice(0, -NESTED_SUFFIX.length), name: names.slice(0, -2).join('/') };
  }
  const scope = setting.properties.scope;
  const text = typeof scope === 'string' ? scope : isSymbolicValue(scope) ? scope.text : undefined;
  if (text === undefined) return { resource: scan.referenced(scope) };
  if (text.includes('/providers/')) return parseResourceId(text);
  const [namespace, ...rest] = nameSegments(text);
  if (namespace === undefined || rest.length < 2 || rest.length % 2 !== 0) return undefined;
  const types = rest.filter((_, i) => i % 2 === 0);
  const names = rest.filter((_, i) => i % 2 === 1);
  return { type: [namespace, ...types].join('/'), name: names.join('/') };
}

function isDiagnosticSetting(raw: RawResource): boolean {
  const type = raw.type.toLowerCase();
  return type === DIAGNOSTIC_SETTINGS.toLowerCase() || type.endsWith(NESTED_SUFFIX);
}

/** Whether a setting sends resource logs (not only metrics): a `logs` entry that is enabled. */
function sendsLogs(setting: RawResource): Fact<boolean> {
  const logs = readProperty(setting.properties, 'properties.logs', setting.address);
  if (logs.state === 'unknown') return unknownFact(logs.reason, logs.evidence);
  for (const index of asList(logs.state === 'set' ? logs.value : undefined).keys()) {
    const enabled = asBoolean(
      readProperty(setting.properties, `properties.logs[${index}].enabled`, setting.address),
    );
    if (enabled.state === 'unknown') return unknownFact(enabled.reason, enabled.evidence);
    if (enabled.state === 'set' && enabled.value) return knownFact(true, enabled.evidence);
  }
  return knownFact(false, logs.evidence);
}

/**
 * Resource logs of `target` or of its sub-services (a storage account's `blobServices/default`)
 * are kept when a diagnostic setting sends them somewhere.
 */
export function accessLoggingFromDiagnostics(target: RawResource, scan: ArmScan): Fact<boolean> {
  const settings = scan.resources.filter((raw) => {
    if (!isDiagnosticSetting(raw)) return false;
    for (let at = targetOf(raw, scan); at !== undefined; at = scan.parentOf(at))
      if (at === target) return true;
    return false;
  });
  let undecided: Fact<boolean> | undefined;
  for (const setting of settings) {
    const logs = sendsLogs(setting);
    if (logs.known && logs.value) return logs;
    if (!logs.known) undecided ??= logs;
  }
  if (undecided !== undefined) return undecided;
  return knownFact(
    false,
    evidence(
      DIAGNOSTIC_SETTINGS,
      settings.length === 0 ? '(none targets this resource)' : 'metrics only, no resource logs',
    ),
  );
}

const DESTINATIONS = [
  'properties.workspaceId',
  'properties.storageAccountId',
  'properties.eventHubAuthorizationRuleId',
];

/** Logs leave the target for each destination the setting names: `log-delivery` flows. */
function deliveryFlows(setting: RawResource, scan: ArmScan): Flow[] {
  const flows: Flow[] = [];
  for (const path of DESTINATIONS) {
    const read = readProperty(setting.properties, path);
    if (read.state === 'absent') continue;
    const value = valueAt(setting.properties, path);
    const destination = scan.referenced(value);
    flows.push({
      kind: 'log-delivery',
      from: SELF,
      to: {
        ...(destination === undefined ? {} : { address: destination.address }),
        ...(typeof value === 'string' ? { identifier: value } : {}),
      },
      evidence: [read.evidence],
    });
  }
  return flows;
}

const describeSetting = (type: string): ArmTypeDescriber => ({
  type,
  describe(setting, scan) {
    const target = targetOf(setting, scan);
    return buildArmResource(setting, scan, {
      kind: 'configuration',
      storesData: false,
      ...(target === undefined ? {} : { configures: target.address }),
      flows: deliveryFlows(setting, scan),
    });
  },
});

export { isDiagnosticSetting };

/** Both forms of a diagnostic setting; the index matches the nested form with `isDiagnosticSetting`. */
export const describeDiagnosticSetting: ArmTypeDescriber = describeSetting(DIAGNOSTIC_SETTINGS);
