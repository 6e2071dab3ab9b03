import type { Scan } from '@eugate/core';
import {
  asBoolean,
  asList,
  asString,
  evidence,
  type Fact,
  type Flow,
  knownFact,
  type RawResource,
  readProperty,
  SELF,
  unknownFact,
} from '@eugate/core';
import { readConfigured } from './plan-values.js';
import { buildResource, type OtherEnd, parentLocation, type TypeDescriber } from './resource-base.js';

const DIAGNOSTIC_SETTING = 'azurerm_monitor_diagnostic_setting';
const WORKSPACE = 'azurerm_log_analytics_workspace';

/** The resource a diagnostic setting collects from: the one resource its `target_resource_id` references. */
function targetOf(setting: RawResource, scan: Scan): RawResource | undefined {
  const referenced = scan.referenced(setting, 'target_resource_id');
  if (referenced.length === 1 && referenced[0] !== undefined) return scan.get(referenced[0]);
  const id = asString(readProperty(setting.properties, 'target_resource_id'));
  if (id.state !== 'set') return undefined;
  const named = scan.resources.filter((r) => r.properties.id === id.value);
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Whether a setting sends resource logs (not only metrics): `enabled_log` blocks (provider ≥ 3.39),
 * or `log` blocks with `enabled` (older). Unknown when the blocks are known only after apply.
 */
function sendsLogs(setting: RawResource): Fact<boolean> {
  const enabled = readConfigured(setting, 'enabled_log', setting.address);
  if (enabled.state === 'unknown') return unknownFact(enabled.reason, enabled.evidence);
  if (enabled.state === 'set' && asList(enabled.value).length > 0) return knownFact(true, enabled.evidence);
  const legacy = readConfigured(setting, 'log', setting.address);
  if (legacy.state === 'unknown') return unknownFact(legacy.reason, legacy.evidence);
  for (const index of asList(legacy.state === 'set' ? legacy.value : undefined).keys()) {
    const flag = asBoolean(readProperty(setting.properties, `log[${index}].enabled`, setting.address));
    if (flag.state !== 'set' || flag.value) return knownFact(true, flag.evidence);
  }
  return knownFact(false, enabled.evidence, legacy.evidence);
}

/** Resource logs of `target` (reads, writes, authentication) go somewhere when a diagnostic setting sends them. */
export function accessLoggingFromDiagnostics(target: RawResource, scan: Scan): Fact<boolean> {
  const settings = scan
    .ofType(DIAGNOSTIC_SETTING)
    .filter((s) => targetOf(s, scan)?.address === target.address);
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
      DIAGNOSTIC_SETTING,
      settings.length === 0 ? '(none targets this resource)' : 'metrics only, no resource logs',
    ),
  );
}

const DESTINATIONS: readonly { argument: string; types?: readonly string[] }[] = [
  { argument: 'log_analytics_workspace_id', types: [WORKSPACE] },
  { argument: 'storage_account_id', types: ['azurerm_storage_account'] },
  { argument: 'eventhub_authorization_rule_id' },
  { argument: 'partner_solution_id' },
];

/** Logs leave the target for each destination the setting names: `log-delivery` flows. */
function deliveryFlows(setting: RawResource, scan: Scan): Flow[] {
  const flows: Flow[] = [];
  for (const { argument, types } of DESTINATIONS) {
    const read = asString(readProperty(setting.properties, argument));
    if (read.state === 'absent') continue;
    const referenced = types === undefined ? [] : scan.referenced(setting, argument, types);
    const to: OtherEnd = {
      ...(referenced.length === 1 && referenced[0] !== undefined ? { address: referenced[0] } : {}),
      ...(read.state === 'set' ? { identifier: read.value } : {}),
    };
    flows.push({ kind: 'log-delivery', from: SELF, to, evidence: [read.evidence] });
  }
  return flows;
}

const describeDiagnosticSetting: TypeDescriber = {
  type: DIAGNOSTIC_SETTING,
  describe(setting, scan) {
    const target = targetOf(setting, scan);
    const logs = sendsLogs(setting);
    return buildResource(setting, scan, {
      kind: 'configuration',
      storesData: false,
      configures: target?.address,
      region: parentLocation(setting, scan, target),
      // Metrics hold no personal data; only resource logs are a copy worth following.
      flows: logs.known && !logs.value ? [] : deliveryFlows(setting, scan),
    });
  },
};

/** A Log Analytics workspace keeps what it is sent; Azure encrypts it with Microsoft-managed keys unless a dedicated cluster with a customer key holds it. */
const describeWorkspace: TypeDescriber = {
  type: WORKSPACE,
  describe(workspace, scan) {
    return buildResource(workspace, scan, {
      kind: 'log-store',
      storesData: true,
      identifierPaths: ['name', 'id', 'workspace_id'],
      facts: {
        encryptionAtRest: workspaceEncryption(workspace, scan),
        networkExposure: queryExposure(workspace),
      },
    });
  },
};

const CLUSTER_KEY = 'azurerm_log_analytics_cluster_customer_managed_key';
const LINKED_SERVICE = 'azurerm_log_analytics_linked_service';

function workspaceEncryption(workspace: RawResource, scan: Scan): Fact<'provider-key' | 'customer-key'> {
  const links = scan.companionsOf(workspace, LINKED_SERVICE, 'workspace_id', ['id']);
  for (const link of links) {
    const clusters = scan.referenced(link, 'write_access_id', ['azurerm_log_analytics_cluster']);
    for (const cluster of clusters) {
      const key = scan
        .ofType(CLUSTER_KEY)
        .find((k) => scan.referenced(k, 'log_analytics_cluster_id').includes(cluster));
      if (key !== undefined)
        return knownFact(
          'customer-key',
          evidence('references.write_access_id', cluster, link.address),
          evidence(CLUSTER_KEY, key.address, key.address),
        );
    }
  }
  return knownFact(
    'provider-key',
    evidence(LINKED_SERVICE, '(no dedicated cluster with a customer-managed key) — Microsoft-managed keys'),
  );
}

/** `internet_query_enabled` (default true) opens the query endpoint to every network. */
function queryExposure(workspace: RawResource): Fact<boolean> {
  const read = asBoolean(readConfigured(workspace, 'internet_query_enabled'));
  if (read.state === 'unknown') return unknownFact(read.reason, read.evidence);
  if (read.state === 'absent')
    return knownFact(true, { ...read.evidence, value: '(not set) — defaults to true' });
  return knownFact(read.value, read.evidence);
}

export const monitorDescribers: readonly TypeDescriber[] = [describeDiagnosticSetting, describeWorkspace];
