import { InputError, isUnknownValue, type RawResource } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { isArmResourceReference } from './evaluate.js';
import { readArmTemplate } from './template.js';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const PARAMETERS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

function template(body: Record<string, unknown>): string {
  return JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', ...body }, null, 2);
}

function parametersFile(
  parameters: Record<string, unknown>,
  schema = PARAMETERS_SCHEMA,
): { text: string; file: string } {
  return {
    text: JSON.stringify({ $schema: schema, contentVersion: '1.0.0.0', parameters }, null, 2),
    file: 'azuredeploy.parameters.json',
  };
}

function byAddress(resources: readonly RawResource[], address: string): RawResource {
  const found = resources.find((r) => r.address === address);
  if (found === undefined)
    throw new Error(`${address} not read; read: ${resources.map((r) => r.address).join(', ')}`);
  return found;
}

const shown = (value: unknown) => (isUnknownValue(value) ? `unknown: ${value.reason}` : value);

const STORAGE = template({
  parameters: {
    location: { type: 'string', defaultValue: '[resourceGroup().location]' },
    name: { type: 'string', defaultValue: 'orders' },
    sku: { type: 'string', defaultValue: 'Standard_LRS' },
    https: { type: 'bool', defaultValue: true },
  },
  variables: {
    tls: "[if(parameters('https'), 'TLS1_2', 'TLS1_0')]",
    tags: { 'data-classification': 'personal' },
  },
  resources: [
    {
      type: 'Microsoft.Storage/storageAccounts',
      apiVersion: '2023-01-01',
      name: "[toLower(parameters('name'))]",
      location: "[parameters('location')]",
      sku: { name: "[parameters('sku')]" },
      tags: "[variables('tags')]",
      properties: {
        minimumTlsVersion: "[variables('tls')]",
        supportsHttpsTrafficOnly: "[parameters('https')]",
        note: '[[not an expression]',
      },
      resources: [
        {
          type: 'blobServices/containers',
          apiVersion: '2023-01-01',
          name: "[format('default/{0}', 'docs')]",
          dependsOn: ["[resourceId('Microsoft.Storage/storageAccounts', parameters('name'))]"],
          properties: { publicAccess: 'None' },
        },
      ],
    },
  ],
});

describe('ARM template reader: parameters, variables and expressions', () => {
  it('resolves defaults, variables and functions, and flattens nested children', () => {
    const { resources } = readArmTemplate(STORAGE, 'azuredeploy.json', { location: 'West Europe' });
    const account = byAddress(resources, 'orders');
    expect(account.type).toBe('Microsoft.Storage/storageAccounts');
    expect(account.schema).toBe('arm');
    expect(account.properties).toMatchObject({
      name: 'orders',
      location: 'West Europe',
      sku: { name: 'Standard_LRS' },
      tags: { 'data-classification': 'personal' },
      properties: {
        minimumTlsVersion: 'TLS1_2',
        supportsHttpsTrafficOnly: true,
        note: '[not an expression]',
      },
    });
    expect(account.region).toMatchObject({ known: true, value: 'westeurope' });
    expect(account.source).toEqual({ file: 'azuredeploy.json', line: 29 });
    const container = byAddress(resources, 'orders/default/docs');
    expect(container.type).toBe('Microsoft.Storage/storageAccounts/blobServices/containers');
    expect(container.properties.name).toBe('orders/default/docs');
    expect(container.source.line).toBe(44);
    expect(container.properties).not.toHaveProperty('dependsOn');
  });

  it('without --location, resourceGroup().location is unknown and says how to give it', () => {
    const { resources } = readArmTemplate(STORAGE, 'azuredeploy.json');
    const account = byAddress(resources, 'orders');
    expect(shown(account.properties.location)).toMatch(
      /^unknown: resourceGroup\(\)\.location .* pass --location$/,
    );
    expect(account.region.known).toBe(false);
  });

  it('a parameters file replaces defaults; programmatic values beat the file', () => {
    const { resources, notes } = readArmTemplate(STORAGE, 'azuredeploy.json', {
      parametersFile: parametersFile({
        location: { value: 'eastus' },
        sku: { value: 'Standard_GRS' },
        https: { value: false },
      }),
      parameters: { Name: 'Invoices' },
    });
    const account = byAddress(resources, 'invoices');
    expect(account.properties).toMatchObject({
      location: 'eastus',
      sku: { name: 'Standard_GRS' },
      properties: { minimumTlsVersion: 'TLS1_0', supportsHttpsTrafficOnly: false },
    });
    expect(notes).toContain('parameter values from azuredeploy.parameters.json');
  });

  it('a parameter without a default or value is unknown, but still names its resource consistently', () => {
    const text = template({
      parameters: { account: { type: 'string' }, secret: { type: 'securestring' } },
      resources: [
        {
          type: 'Microsoft.Storage/storageAccounts',
          name: "[parameters('account')]",
          location: 'westeurope',
        },
        {
          type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
          name: "[format('{0}/default/logs', parameters('account'))]",
          properties: { secret: "[parameters('secret')]" },
        },
      ],
    });
    const { resources } = readArmTemplate(text, 'azuredeploy.json', {
      parametersFile: parametersFile({ secret: { reference: { keyVault: { id: 'kv' }, secretName: 's' } } }),
    });
    expect(resources.map((r) => r.address)).toEqual([
      "[parameters('account')]",
      "[parameters('account')]/default/logs",
    ]);
    expect(shown(byAddress(resources, "[parameters('account')]").properties.name)).toBe(
      'unknown: parameter account has no default value and no value was given (pass its parameters file)',
    );
    expect(
      shown(
        (
          byAddress(resources, "[parameters('account')]/default/logs").properties.properties as {
            secret: unknown;
          }
        ).secret,
      ),
    ).toBe('unknown: parameter secret is a Key Vault reference, resolved only at deployment');
  });

  it('resourceId() keeps the type and name of the resource it names', () => {
    const text = template({
      resources: [
        {
          type: 'Microsoft.Sql/servers/failoverGroups',
          name: 'sql1/fg',
          properties: { partnerServers: [{ id: "[resourceId('Microsoft.Sql/servers', 'sql2')]" }] },
        },
      ],
    });
    const group = byAddress(readArmTemplate(text, 't.json').resources, 'sql1/fg');
    const id = (group.properties.properties as { partnerServers: { id: unknown }[] }).partnerServers[0]?.id;
    expect(isArmResourceReference(id) && [id.resourceType, id.name]).toEqual([
      'Microsoft.Sql/servers',
      'sql2',
    ]);
  });
});

describe('ARM template reader: loops, conditions and nested deployments', () => {
  it('expands a copy loop with a known count, each instance by copyIndex()', () => {
    const text = template({
      parameters: { count: { type: 'int', defaultValue: 3 } },
      resources: [
        {
          type: 'Microsoft.Storage/storageAccounts',
          name: "[concat('st', copyIndex(1))]",
          location: 'westeurope',
          copy: { name: 'accounts', count: "[parameters('count')]" },
        },
      ],
    });
    expect(readArmTemplate(text, 't.json').resources.map((r) => r.address)).toEqual(['st1', 'st2', 'st3']);
  });

  it('a copy loop with an unknown count is one resource and a note', () => {
    const text = template({
      parameters: { names: { type: 'array' } },
      resources: [
        {
          type: 'Microsoft.Storage/storageAccounts',
          name: "[parameters('names')[copyIndex()]]",
          location: 'westeurope',
          copy: { name: 'accounts', count: "[length(parameters('names'))]" },
        },
      ],
    });
    const { resources, notes } = readArmTemplate(text, 't.json');
    expect(resources.map((r) => [r.address, r.type])).toEqual([
      ['Microsoft.Storage/storageAccounts at resources[0][*]', 'Microsoft.Storage/storageAccounts'],
    ]);
    expect(notes).toEqual([
      'resources[0] (Microsoft.Storage/storageAccounts): copy loop accounts has an unknown count (parameter names has no default value and no value was given (pass its parameters file)); checked as one resource',
    ]);
  });

  it('skips a resource whose condition is false and notes one whose condition is unknown', () => {
    const text = template({
      parameters: { deploy: { type: 'bool', defaultValue: false }, mode: { type: 'string' } },
      resources: [
        { type: 'Microsoft.KeyVault/vaults', name: 'off', condition: "[parameters('deploy')]" },
        { type: 'Microsoft.KeyVault/vaults', name: 'maybe', condition: "[equals(parameters('mode'), 'kv')]" },
      ],
    });
    const { resources, notes } = readArmTemplate(text, 't.json');
    expect(resources.map((r) => r.address)).toEqual(['maybe']);
    expect(notes?.[0]).toBe(
      'resources[0] (Microsoft.KeyVault/vaults) is not deployed: its condition is false',
    );
    expect(notes?.[1]).toMatch(
      /^resources\[1\] \(Microsoft.KeyVault\/vaults\) is checked although it may not be deployed/,
    );
  });

  it('reads inline nested deployments (outer and inner scope) and lists linked ones as not scanned', () => {
    const text = template({
      parameters: { region: { type: 'string', defaultValue: 'northeurope' } },
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          name: 'outer',
          properties: {
            mode: 'Incremental',
            template: {
              resources: [
                { type: 'Microsoft.KeyVault/vaults', name: 'kv-outer', location: "[parameters('region')]" },
              ],
            },
          },
        },
        {
          type: 'Microsoft.Resources/deployments',
          name: 'inner',
          properties: {
            expressionEvaluationOptions: { scope: 'inner' },
            parameters: { where: { value: "[parameters('region')]" } },
            template: {
              parameters: { where: { type: 'string' }, unused: { type: 'string', defaultValue: 'x' } },
              resources: [
                { type: 'Microsoft.KeyVault/vaults', name: 'kv-inner', location: "[parameters('where')]" },
              ],
            },
          },
        },
        {
          type: 'Microsoft.Resources/deployments',
          name: 'linked',
          properties: { templateLink: { uri: 'https://example.com/t.json' } },
        },
      ],
    });
    const { resources, notes } = readArmTemplate(text, 't.json');
    expect(resources.map((r) => [r.address, r.properties.location ?? null])).toEqual([
      ['kv-outer', 'northeurope'],
      ['kv-inner', 'northeurope'],
      ['linked', null],
    ]);
    expect(byAddress(resources, 'kv-inner').source.line).toBeGreaterThan(
      byAddress(resources, 'kv-outer').source.line ?? 0,
    );
    expect(notes).toContain(
      'nested deployment linked uses a linked template (templateLink), which eugate does not fetch; its resources are not scanned',
    );
  });
});

describe('ARM template reader: bad input is an InputError naming the file', () => {
  const bad = (text: string, options = {}) => {
    try {
      readArmTemplate(text, 'azuredeploy.json', options);
    } catch (error) {
      if (error instanceof InputError) return error.message;
      throw error;
    }
    throw new Error('no error');
  };

  it.each<[string, string, object, string]>([
    [
      'an expression syntax error',
      template({ resources: [{ type: 'Microsoft.KeyVault/vaults', name: "[concat('kv', ]" }] }),
      {},
      `azuredeploy.json:7 (at resources[0].name): expression syntax error in "[concat('kv', ]": expected a function call but found the end of the expression at character 14`,
    ],
    [
      'an unterminated string in a parameter default',
      template({
        parameters: { p: { type: 'string', defaultValue: "[toLower('x)]" } },
        resources: [{ type: 'Microsoft.KeyVault/vaults', name: "[parameters('p')]" }],
      }),
      {},
      `azuredeploy.json:7 (at parameters.p.defaultValue): expression syntax error in "[toLower('x)]": unterminated string at character 9`,
    ],
    [
      'an undeclared parameter',
      template({ resources: [{ type: 'Microsoft.KeyVault/vaults', name: "[parameters('nope')]" }] }),
      {},
      `azuredeploy.json:7 (at resources[0].name): parameter 'nope' is not declared by the template (in "[parameters('nope')]")`,
    ],
    [
      'a parameters file naming a parameter the template does not declare',
      STORAGE,
      { parametersFile: parametersFile({ locaton: { value: 'westeurope' } }) },
      'azuredeploy.parameters.json:5 (at parameters.locaton): parameter locaton is not declared by the template azuredeploy.json: the parameters file does not match the template',
    ],
    [
      'a parameters file of another schema',
      STORAGE,
      { parametersFile: parametersFile({}, SCHEMA) },
      `azuredeploy.parameters.json (at $schema): not an ARM parameters file: its $schema is "${SCHEMA}", not deploymentParameters.json`,
    ],
    [
      'a parameters file entry without a value',
      STORAGE,
      { parametersFile: parametersFile({ location: 'westeurope' }) },
      'azuredeploy.parameters.json:5 (at parameters.location): parameter location must be an object with "value" or "reference"',
    ],
    [
      'a template without resources',
      JSON.stringify({ $schema: SCHEMA }),
      {},
      'azuredeploy.json: not an ARM template: it has no "resources" list',
    ],
    ['malformed JSON', `{ "$schema": "${SCHEMA}", "resources": [ }`, {}, 'azuredeploy.json:1:'],
    [
      'a circular variable',
      template({
        variables: { a: "[variables('b')]", b: "[variables('a')]" },
        resources: [{ type: 'Microsoft.KeyVault/vaults', name: "[variables('a')]" }],
      }),
      {},
      "circular definition: variables('a') → variables('b') → variables('a')",
    ],
  ])('%s', (_name, text, options, message) => {
    expect(bad(text, options)).toContain(message);
  });
});
