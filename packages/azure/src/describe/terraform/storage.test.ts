import type { RawResource } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, flowTargets, RG, raw, resourceOf } from './__fixtures__/raw.js';

const A = 'azurerm_storage_account.a';

/** `azurerm_storage_account` as a provider v4 plan shows it. */
function account(
  properties: Record<string, unknown> = {},
  references: Record<string, string[]> = {},
): RawResource {
  return raw(
    A,
    {
      name: 'ordersdata',
      location: 'westeurope',
      account_replication_type: 'LRS',
      account_tier: 'Standard',
      https_traffic_only_enabled: true,
      min_tls_version: 'TLS1_2',
      allow_nested_items_to_be_public: false,
      public_network_access_enabled: true,
      shared_access_key_enabled: true,
      infrastructure_encryption_enabled: false,
      customer_managed_key: [],
      static_website: [],
      network_rules: AFTER_APPLY,
      id: AFTER_APPLY,
      ...properties,
    },
    references,
  );
}

const container = (access: string, by: 'name' | 'id' = 'name') =>
  raw(
    `azurerm_storage_container.c_${access}`,
    by === 'name'
      ? { name: `c-${access}`, storage_account_name: 'ordersdata', container_access_type: access }
      : { name: `c-${access}`, storage_account_id: AFTER_APPLY, container_access_type: access },
    by === 'name' ? { storage_account_name: [A] } : { storage_account_id: [`${A}.id`, A] },
  );

describe('azurerm_storage_account', () => {
  it.each<[string, RawResource[], keyof ReturnType<typeof resourceOf>['facts'], unknown]>([
    ['v4 https + TLS1_2', [account()], 'encryptionInTransit', { enforced: true, minTlsVersion: '1.2' }],
    [
      'v3 enable_https_traffic_only false',
      [
        account({
          https_traffic_only_enabled: undefined,
          enable_https_traffic_only: false,
          min_tls_version: 'TLS1_0',
        }),
      ],
      'encryptionInTransit',
      { enforced: false, minTlsVersion: '1.0' },
    ],
    [
      'https unset: default true',
      [account({ https_traffic_only_enabled: undefined })],
      'encryptionInTransit',
      { enforced: true, minTlsVersion: '1.2' },
    ],
    ['no customer key: Microsoft-managed', [account()], 'encryptionAtRest', 'provider-key'],
    [
      'inline customer_managed_key',
      [
        account(
          {
            customer_managed_key: [{ key_vault_key_id: AFTER_APPLY, user_assigned_identity_id: AFTER_APPLY }],
          },
          { customer_managed_key: ['azurerm_key_vault_key.k'] },
        ),
      ],
      'encryptionAtRest',
      'customer-key',
    ],
    [
      'customer-managed key resource',
      [
        account(),
        raw(
          'azurerm_storage_account_customer_managed_key.k',
          { storage_account_id: AFTER_APPLY, key_vault_id: AFTER_APPLY, key_name: 'k' },
          { storage_account_id: [A] },
        ),
      ],
      'encryptionAtRest',
      'customer-key',
    ],
    ['no containers: not public', [account()], 'publicAccess', false],
    ['public container, nested items forbidden', [account(), container('container')], 'publicAccess', false],
    [
      'public container, nested items allowed (v3 default true)',
      [account({ allow_nested_items_to_be_public: true }), container('blob')],
      'publicAccess',
      true,
    ],
    [
      'public container by storage_account_id',
      [account({ allow_nested_items_to_be_public: true }), container('container', 'id')],
      'publicAccess',
      true,
    ],
    [
      'private container, nested allowed',
      [account({ allow_nested_items_to_be_public: true }), container('private')],
      'publicAccess',
      false,
    ],
    [
      'public container, account flag not set (configuration): the provider default true permits it',
      [account({ allow_nested_items_to_be_public: undefined }), container('blob')],
      'publicAccess',
      true,
    ],
    [
      'public container, account flag known only after apply: unknown',
      [
        account(
          { allow_nested_items_to_be_public: AFTER_APPLY },
          { allow_nested_items_to_be_public: ['var.open'] },
        ),
        container('blob'),
      ],
      'publicAccess',
      'unknown: a container allows anonymous access and whether the account permits it is known after apply',
    ],
    [
      'min_tls_version not set (configuration): the provider default TLS1_2',
      [account({ min_tls_version: undefined })],
      'encryptionInTransit',
      { enforced: true, minTlsVersion: '1.2' },
    ],
    [
      'min_tls_version known only after apply: unknown',
      [account({ min_tls_version: AFTER_APPLY }, { min_tls_version: ['var.tls'] })],
      'encryptionInTransit',
      'unknown: known after apply',
    ],
    [
      'static website serves $web to anyone',
      [account({ static_website: [{ index_document: 'index.html' }] })],
      'publicAccess',
      true,
    ],
    [
      'public network access off',
      [account({ public_network_access_enabled: false })],
      'networkExposure',
      false,
    ],
    ['no network rules: every network', [account()], 'networkExposure', true],
    [
      'network_rules Deny with one IP',
      [account({ network_rules: [{ default_action: 'Deny', ip_rules: ['203.0.113.7'] }] })],
      'networkExposure',
      false,
    ],
    [
      'network_rules Deny with 0.0.0.0/0',
      [account({ network_rules: [{ default_action: 'Deny', ip_rules: ['0.0.0.0/0'] }] })],
      'networkExposure',
      true,
    ],
    [
      'network rules resource Deny',
      [
        account(),
        raw(
          'azurerm_storage_account_network_rules.n',
          { storage_account_id: AFTER_APPLY, default_action: 'Deny', ip_rules: [] },
          { storage_account_id: [A] },
        ),
      ],
      'networkExposure',
      false,
    ],
    ['no diagnostic setting: no access logs', [account()], 'accessLogging', false],
    [
      'diagnostic setting on the blob service',
      [
        account(),
        raw(
          'azurerm_monitor_diagnostic_setting.d',
          {
            name: 'd',
            target_resource_id: AFTER_APPLY,
            log_analytics_workspace_id: AFTER_APPLY,
            enabled_log: [{ category: 'StorageRead' }],
          },
          {
            target_resource_id: [`${A}.id`, A],
            log_analytics_workspace_id: ['azurerm_log_analytics_workspace.w'],
          },
        ),
      ],
      'accessLogging',
      true,
    ],
  ])('%s', (_name, resources, fact, expected) => {
    expect(factValue(resourceOf(describeAll(...resources), A).facts[fact])).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['LRS stays put', { account_replication_type: 'LRS' }, []],
    ['ZRS stays in the region', { account_replication_type: 'ZRS' }, []],
    ['GRS → paired region', { account_replication_type: 'GRS' }, ['replica @northeurope']],
    [
      'RAGZRS from eastus → westus',
      { account_replication_type: 'RAGZRS', location: 'eastus' },
      ['replica @westus'],
    ],
    [
      'GRS in an unpaired region',
      { account_replication_type: 'GRS', location: 'italynorth' },
      [
        'replica @unknown: italynorth has no paired region; where Azure places geo-redundant copies is not stated in the artifact',
      ],
    ],
  ])('replication: %s', (_name, properties, expected) => {
    expect(flowTargets(resourceOf(describeAll(account(properties)), A))).toEqual(expected);
  });

  it('says when a fact rests on a documented provider default', () => {
    const described = resourceOf(
      describeAll(
        account({ allow_nested_items_to_be_public: undefined, min_tls_version: undefined }),
        container('blob'),
      ),
      A,
    );
    expect(described.facts.publicAccess?.evidence).toContainEqual({
      path: 'allow_nested_items_to_be_public',
      value: '(not set) — provider default true',
    });
    expect(described.facts.encryptionInTransit?.evidence).toContainEqual({
      path: 'min_tls_version',
      value: '(not set) — provider default "TLS1_2"',
    });
  });

  it('gives the host names CDN origins use', () => {
    expect(resourceOf(describeAll(account()), A).identifiers).toEqual([
      'ordersdata',
      'ordersdata.blob.core.windows.net',
      'ordersdata.dfs.core.windows.net',
      'ordersdata.file.core.windows.net',
      'ordersdata.queue.core.windows.net',
      'ordersdata.table.core.windows.net',
    ]);
  });
});

describe('storage account children', () => {
  it.each<[string, RawResource, string | undefined, unknown]>([
    ['container by name', container('private'), A, 'westeurope'],
    ['container by id', container('blob', 'id'), A, 'westeurope'],
    [
      'share',
      raw('azurerm_storage_share.s', { name: 's', storage_account_name: 'ordersdata', quota: 50 }),
      A,
      'westeurope',
    ],
    [
      'container of an account not in the input',
      raw('azurerm_storage_container.x', {
        name: 'x',
        storage_account_name: 'elsewhere',
        container_access_type: 'private',
      }),
      undefined,
      'unknown: azurerm_storage_container has no location of its own and its parent is not in the input',
    ],
  ])('%s', (_name, child, configures, region) => {
    const described = resourceOf(describeAll(account(), child), child.address);
    expect([described.kind, described.configures, factValue(described.region)]).toEqual([
      'configuration',
      configures,
      region,
    ]);
  });

  it('a container records the access it asks for', () => {
    expect(
      factValue(
        resourceOf(describeAll(account(), container('container')), 'azurerm_storage_container.c_container')
          .facts.publicAccess,
      ),
    ).toBe(true);
  });
});

describe('location', () => {
  it.each<[string, RawResource[], unknown, string[]]>([
    ['display name', [account({ location: 'West Europe' })], 'westeurope', ['location']],
    ['uncatalogued stays as written', [account({ location: 'Mars Central' })], 'marscentral', ['location']],
    [
      'copied from a resource group',
      [
        RG,
        account(
          { location: AFTER_APPLY },
          { location: ['azurerm_resource_group.rg.location', 'azurerm_resource_group.rg'] },
        ),
      ],
      'westeurope',
      ['location', 'location@azurerm_resource_group.rg'],
    ],
    [
      'copied from a resource group whose location is unknown',
      [
        raw('azurerm_resource_group.rg', { name: 'rg', location: AFTER_APPLY }),
        account({ location: AFTER_APPLY }, { location: ['azurerm_resource_group.rg'] }),
      ],
      'unknown: location comes from azurerm_resource_group.rg, whose location is known after apply',
      ['location', 'location@azurerm_resource_group.rg'],
    ],
    [
      'from something else',
      [account({ location: AFTER_APPLY }, { location: ['var.location'] })],
      'unknown: location is known after apply and copies no resource group in the input',
      ['location'],
    ],
  ])('%s', (_name, resources, expected, evidencePaths) => {
    const region = resourceOf(describeAll(...resources), A).region;
    expect(factValue(region)).toBe(expected);
    expect(region.evidence.map((e) => (e.from === undefined ? e.path : `${e.path}@${e.from}`))).toEqual(
      evidencePaths,
    );
  });
});
