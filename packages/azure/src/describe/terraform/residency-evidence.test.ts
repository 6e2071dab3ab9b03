import { defaultConfig, scanRawResources } from '@eugate/core';
import { expect, it } from 'vitest';
import { raw } from './__fixtures__/raw.js';
import { terraformAzurermDescriber } from './index.js';

/**
 * The azurerm describers cite one property both as the copy and as where it lands (a Cosmos DB
 * `geo_location`, a storage account's `account_replication_type`); EU-RES-002 findings, read through
 * the whole pipeline, cite each piece of evidence once.
 */
const resources = [
  raw('azurerm_cosmosdb_account.c', {
    name: 'orders',
    location: 'westeurope',
    geo_location: [
      { location: 'westeurope', failover_priority: 0 },
      { location: 'eastus', failover_priority: 1 },
    ],
    backup: [{ type: 'Continuous' }],
  }),
  // GRS from uksouth copies to ukwest, outside the EU.
  raw('azurerm_storage_account.s', {
    name: 'ordersdata',
    location: 'uksouth',
    account_tier: 'Standard',
    account_replication_type: 'GRS',
  }),
];

it.each([
  ['azurerm_cosmosdb_account.c', 'fail', 'geo_location[1].location'],
  ['azurerm_storage_account.s', 'fail', 'account_replication_type'],
])('%s: EU-RES-002 (%s) cites %s once', (address, status, path) => {
  const report = scanRawResources(
    { resources, inputs: ['main.tf.json'] },
    [terraformAzurermDescriber],
    defaultConfig(),
    {
      today: '2026-01-01',
      toolVersion: 'test',
    },
  );
  const results = report.findings.filter(
    (finding) => finding.rule.id === 'EU-RES-002' && finding.resource.address === address,
  );
  expect(results.map((finding) => finding.status)).toEqual([status]);
  const cited = results[0]!.evidence.map((item) => JSON.stringify(item));
  expect(cited.filter((item) => item.includes(`"${path}"`))).toHaveLength(1);
  expect(new Set(cited).size).toBe(cited.length);
});
