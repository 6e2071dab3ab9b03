import { describe, expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, flowTargets, raw, resourceOf } from './__fixtures__/raw.js';

const ACCOUNT = raw('azurerm_storage_account.a', {
  name: 'ordersdata',
  location: 'westeurope',
  account_replication_type: 'LRS',
  id: AFTER_APPLY,
});

describe('CDN and Front Door', () => {
  it('a CDN endpoint caches its origin at the edge', () => {
    const endpoint = raw('azurerm_cdn_endpoint.e', {
      name: 'e',
      location: 'global',
      profile_name: 'p',
      is_http_allowed: true,
      origin: [{ name: 'blob', host_name: 'ordersdata.blob.core.windows.net' }],
    });
    const described = resourceOf(describeAll(ACCOUNT, endpoint), endpoint.address);
    expect([
      described.kind,
      factValue(described.facts.edge),
      factValue(described.facts.encryptionInTransit),
      flowTargets(described),
    ]).toEqual([
      'edge-distribution',
      { global: true, restrictedToEu: false },
      { enforced: false },
      ['edge-delivery ordersdata.blob.core.windows.net'],
    ]);
  });

  it('a Front Door origin configures its profile and names the storage account it reads', () => {
    const profile = raw('azurerm_cdn_frontdoor_profile.p', {
      name: 'p',
      sku_name: 'Standard_AzureFrontDoor',
      id: AFTER_APPLY,
    });
    const group = raw(
      'azurerm_cdn_frontdoor_origin_group.g',
      { name: 'g', cdn_frontdoor_profile_id: AFTER_APPLY, id: AFTER_APPLY },
      { cdn_frontdoor_profile_id: ['azurerm_cdn_frontdoor_profile.p.id', 'azurerm_cdn_frontdoor_profile.p'] },
    );
    const origin = raw(
      'azurerm_cdn_frontdoor_origin.o',
      { name: 'o', cdn_frontdoor_origin_group_id: AFTER_APPLY, host_name: AFTER_APPLY },
      {
        cdn_frontdoor_origin_group_id: [
          'azurerm_cdn_frontdoor_origin_group.g.id',
          'azurerm_cdn_frontdoor_origin_group.g',
        ],
        host_name: ['azurerm_storage_account.a.primary_blob_host', 'azurerm_storage_account.a'],
      },
    );
    const result = describeAll(ACCOUNT, profile, group, origin);
    const described = resourceOf(result, origin.address);
    expect([described.configures, factValue(described.region), flowTargets(described)]).toEqual([
      profile.address,
      'global',
      ['edge-delivery azurerm_storage_account.a'],
    ]);
    expect(factValue(resourceOf(result, profile.address).facts.edge)).toEqual({
      global: true,
      restrictedToEu: false,
    });
  });
});
