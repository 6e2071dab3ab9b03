import { isUnknownValue } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import {
  type EvaluationScope,
  evaluateExpression,
  isArmResourceReference,
  isSymbolicValue,
  RESOURCE_GROUP_LOCATION_UNKNOWN,
  SymbolicValue,
  UndeclaredName,
} from './evaluate.js';
import { classifyTemplateString, ExpressionSyntaxError, parseExpression } from './expression.js';

const PARAMETERS: Record<string, unknown> = {
  location: 'westeurope',
  name: 'Orders',
  flag: true,
  count: 3,
  tiers: { eu: { region: 'northeurope' } },
  list: ['a', 'b'],
  account: new SymbolicValue('parameter account has no default value', "[parameters('account')]"),
};
const VARIABLES: Record<string, unknown> = { prefix: 'st', regions: ['westeurope', 'eastus'] };

function scope(location?: string): EvaluationScope {
  const lookup = (table: Record<string, unknown>, kind: string) => (name: string) => {
    const key = Object.keys(table).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key === undefined) throw new UndeclaredName(`${kind} '${name}' is not declared`);
    return table[key];
  };
  return {
    parameter: lookup(PARAMETERS, 'parameter'),
    variable: lookup(VARIABLES, 'variable'),
    ...(location === undefined ? {} : { location }),
  };
}

const evaluate = (text: string, location?: string) => {
  const value = evaluateExpression(text, scope(location));
  if (isSymbolicValue(value)) return `symbolic: ${value.text}`;
  return isUnknownValue(value) ? `unknown: ${value.reason}` : value;
};

describe('ARM expressions: known values', () => {
  it.each<[string, unknown]>([
    ["parameters('location')", 'westeurope'],
    ["PARAMETERS('Location')", 'westeurope'],
    ["variables('prefix')", 'st'],
    ["concat(variables('prefix'), 'x', 1)", 'stx1'],
    ["concat(variables('regions'), createArray('b'))", ['westeurope', 'eastus', 'b']],
    ["format('{0}-{1}-{0}', 'a', 2)", 'a-2-a'],
    ["format('{{literal}} {0}', 'x')", '{literal} x'],
    ["toLower(parameters('name'))", 'orders'],
    ["toUpper('abc')", 'ABC'],
    ["if(parameters('flag'), 'yes', 'no')", 'yes'],
    ["if(equals(parameters('location'), 'westeurope'), 'eu', 'other')", 'eu'],
    ["not(equals(parameters('count'), 3))", false],
    ["and(true(), parameters('flag'))", true],
    ['or(false(), equals(1, 2))', false],
    ["string(parameters('count'))", '3'],
    ["int('42')", 42],
    ["bool('true')", true],
    ['bool(0)', false],
    ["parameters('tiers').eu.region", 'northeurope'],
    ["parameters('tiers')['eu']['region']", 'northeurope'],
    ["parameters('list')[1]", 'b'],
    ["length(parameters('list'))", 2],
    ["split('a/b/c', '/')[2]", 'c'],
    ["replace('a-b', '-', '_')", 'a_b'],
    ["contains(variables('regions'), 'eastus')", true],
    ["coalesce(null(), 'x')", 'x'],
    ["'it''s'", "it's"],
    ['resourceGroup().location', 'westeurope'],
  ])('%s → %j', (text, expected) => {
    expect(evaluate(text, 'westeurope')).toEqual(expected);
  });
});

describe('ARM expressions: what the template does not determine', () => {
  it.each<[string, string]>([
    ['resourceGroup().location', `unknown: ${RESOURCE_GROUP_LOCATION_UNKNOWN}`],
    ['uniqueString(resourceGroup().id)', 'symbolic: [uniqueString(resourceGroup().id)]'],
    [
      "format('store{0}', uniqueString(resourceGroup().id))",
      'symbolic: store[uniqueString(resourceGroup().id)]',
    ],
    ["format('{0}/{1}', parameters('account'), 'default')", "symbolic: [parameters('account')]/default"],
    ["toLower(parameters('account'))", "symbolic: [toLower([parameters('account')])]"],
    ["reference('x').primaryEndpoints", "unknown: reference() reads a deployed resource's runtime state"],
    [
      "listKeys('x', '2020-01-01').keys[0].value",
      "unknown: list*() reads a deployed resource's runtime state",
    ],
    [
      "pickZones('Microsoft.Compute', 'virtualMachines', 'westeurope')",
      'unknown: the template function pickZones() is not supported by eugate',
    ],
    ["contoso.name('x')", 'unknown: the user-defined function contoso.name() is not evaluated by eugate'],
    ['toLower(1)', 'unknown: toLower() expects a string, not a number'],
    ["format('{0:D}', 1)", 'unknown: format() specifier {0:D} is not supported by eugate'],
    ['copyIndex()', 'unknown: copyIndex() is used where the copy loop is not expanded'],
  ])('%s → %s', (text, expected) => {
    expect(evaluate(text)).toBe(expected);
  });

  it('an unknown condition leaves if() unknown unless both branches agree', () => {
    expect(evaluate("if(equals(resourceGroup().location, 'x'), 'a', 'b')")).toMatch(
      /^unknown: the condition of if\(\) is unknown/,
    );
    expect(evaluate("if(equals(resourceGroup().location, 'x'), 'a', 'a')")).toBe('a');
  });

  it('and/or are decided by one known argument even when another is unknown', () => {
    expect(evaluate("and(false(), equals(resourceGroup().location, 'x'))")).toBe(false);
    expect(evaluate("or(true(), equals(resourceGroup().location, 'x'))")).toBe(true);
    expect(evaluate("and(true(), equals(resourceGroup().location, 'x'))")).toMatch(
      /^unknown: resourceGroup\(\)\.location/,
    );
  });

  it('resourceId() names the resource although its id is unknown', () => {
    const value = evaluateExpression("resourceId('Microsoft.Sql/servers', parameters('name'))", scope());
    expect(isArmResourceReference(value) && [value.resourceType, value.name]).toEqual([
      'Microsoft.Sql/servers',
      'Orders',
    ]);
    const nested = evaluateExpression(
      "resourceId('sub', 'rg', 'Microsoft.Storage/storageAccounts/blobServices', 'acct', 'default')",
      scope(),
    );
    expect(isArmResourceReference(nested) && nested.name).toBe('acct/default');
  });

  it('an undeclared parameter is an error, not an unknown', () => {
    expect(() => evaluateExpression("parameters('nope')", scope())).toThrow(UndeclaredName);
  });
});

describe('ARM expression syntax', () => {
  it('parses calls, accessors and escapes into a tree', () => {
    expect(parseExpression("a(b('x''y'), 1).c[d()]")).toEqual({
      kind: 'index',
      target: {
        kind: 'property',
        name: 'c',
        target: {
          kind: 'call',
          name: 'a',
          args: [
            { kind: 'call', name: 'b', args: [{ kind: 'string', value: "x'y" }] },
            { kind: 'number', value: 1 },
          ],
        },
      },
      index: { kind: 'call', name: 'd', args: [] },
    });
  });

  it.each<[string, string]>([
    [
      "concat('a', 'b'",
      'expected "," or ")" in the arguments of concat but found the end of the expression at character 16',
    ],
    ["parameters('x)", 'unterminated string at character 12'],
    ["concat('a',, 'b')", 'expected a function call but found "," at character 12'],
    [
      'resourceGroup',
      'resourceGroup must be called: expected "(" but found the end of the expression at character 14',
    ],
    ["parameters('a') parameters('b')", 'unexpected "parameters" after the expression at character 17'],
    ["parameters('a').", 'expected a property name but found the end of the expression at character 17'],
    ["concat('a' # 'b')", 'unexpected character "#" at character 12'],
    ['', 'expected a function call but found the end of the expression at character 1'],
  ])('%j is a syntax error: %s', (text, message) => {
    expect(() => parseExpression(text)).toThrow(ExpressionSyntaxError);
    expect(() => parseExpression(text)).toThrow(message);
  });

  it.each<[string, unknown]>([
    ["[parameters('a')]", { kind: 'expression', text: "parameters('a')" }],
    ['[[not an expression]', { kind: 'literal', value: '[not an expression]' }],
    ['plain [text]', { kind: 'literal', value: 'plain [text]' }],
    ['[unclosed', { kind: 'literal', value: '[unclosed' }],
  ])('%j is %j', (text, expected) => {
    expect(classifyTemplateString(text)).toEqual(expected);
  });
});
