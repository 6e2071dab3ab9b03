import { describe, expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, flowTargets, raw, resourceOf } from './__fixtures__/raw.js';

const VAULT = raw('azurerm_key_vault.v', { name: 'kv', location: 'westeurope', id: AFTER_APPLY });
const WORKSPACE = raw('azurerm_log_analytics_workspace.w', {
  name: 'w',
  location: 'eastus',
  internet_query_enabled: false,
  id: AFTER_APPLY,
});

const setting = (logs: Record<string, unknown>) =>
  raw(
    'azurerm_monitor_diagnostic_setting.d',
    { name: 'd', target_resource_id: AFTER_APPLY, log_analytics_workspace_id: AFTER_APPLY, ...logs },
    {
      target_resource_id: ['azurerm_key_vault.v.id', 'azurerm_key_vault.v'],
      log_analytics_workspace_id: [
        'azurerm_log_analytics_workspace.w.id',
        'azurerm_log_analytics_workspace.w',
      ],
    },
  );

describe('azurerm_monitor_diagnostic_setting', () => {
  it.each<[string, Record<string, unknown>, unknown[]]>([
    [
      'resource logs to a workspace',
      { enabled_log: [{ category: 'AuditEvent' }] },
      [true, ['log-delivery azurerm_log_analytics_workspace.w']],
    ],
    [
      'legacy log block',
      { log: [{ category: 'AuditEvent', enabled: true }] },
      [true, ['log-delivery azurerm_log_analytics_workspace.w']],
    ],
    ['metrics only', { enabled_log: [], metric: [{ category: 'AllMetrics' }] }, [false, []]],
  ])('%s', (_name, logs, expected) => {
    const result = describeAll(VAULT, WORKSPACE, setting(logs));
    const described = resourceOf(result, 'azurerm_monitor_diagnostic_setting.d');
    expect(described.configures).toBe('azurerm_key_vault.v');
    expect([
      factValue(resourceOf(result, 'azurerm_key_vault.v').facts.accessLogging),
      flowTargets(described),
    ]).toEqual(expected);
  });

  it('a workspace is a log store in its own location', () => {
    const described = resourceOf(describeAll(WORKSPACE), WORKSPACE.address);
    expect([
      described.kind,
      factValue(described.region),
      factValue(described.facts.encryptionAtRest),
      factValue(described.facts.networkExposure),
    ]).toEqual(['log-store', 'eastus', 'provider-key', false]);
  });
});
