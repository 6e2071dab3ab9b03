// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform's ${…} templates, not JavaScript templates.
import { describe, expect, it } from 'vitest';
import {
  describeUnevaluated,
  findTraversals,
  parseLiteral,
  parseTemplate,
  parseTraversal,
} from './expressions.js';

describe('parseTemplate', () => {
  it.each([
    ['plain', [{ kind: 'text', text: 'plain' }]],
    ['${var.x}', [{ kind: 'interpolation', expression: 'var.x' }]],
    [
      'a-${ var.x }-b',
      [
        { kind: 'text', text: 'a-' },
        { kind: 'interpolation', expression: 'var.x' },
        { kind: 'text', text: '-b' },
      ],
    ],
    ['$${literal}', [{ kind: 'text', text: '${literal}' }]],
    ['${lookup(var.m, "}")}', [{ kind: 'interpolation', expression: 'lookup(var.m, "}")' }]],
    ['${~ var.x ~}', [{ kind: 'interpolation', expression: 'var.x' }]],
    [
      '%{ if var.x }y%{ endif }',
      [
        { kind: 'directive', text: 'if var.x' },
        { kind: 'text', text: 'y' },
        { kind: 'directive', text: 'endif' },
      ],
    ],
  ])('%s', (template, parts) => {
    expect(parseTemplate(template)).toEqual(parts);
  });

  it('throws on an interpolation that is never closed', () => {
    expect(() => parseTemplate('${var.x')).toThrow(/unterminated/);
  });
});

describe('parseTraversal', () => {
  it.each([
    [
      'azurerm_resource_group.rg.location',
      'azurerm_resource_group',
      [
        { kind: 'attribute', name: 'rg' },
        { kind: 'attribute', name: 'location' },
      ],
    ],
    [
      'aws_s3_bucket.b[0].id',
      'aws_s3_bucket',
      [
        { kind: 'attribute', name: 'b' },
        { kind: 'index', key: 0 },
        { kind: 'attribute', name: 'id' },
      ],
    ],
    [
      'aws_s3_bucket.b["k.x"].id',
      'aws_s3_bucket',
      [
        { kind: 'attribute', name: 'b' },
        { kind: 'index', key: 'k.x' },
        { kind: 'attribute', name: 'id' },
      ],
    ],
    [
      'var.list.1',
      'var',
      [
        { kind: 'attribute', name: 'list' },
        { kind: 'index', key: 1 },
      ],
    ],
    [
      'aws_s3_bucket.b[*].id',
      'aws_s3_bucket',
      [{ kind: 'attribute', name: 'b' }, { kind: 'splat' }, { kind: 'attribute', name: 'id' }],
    ],
  ])('%s', (text, root, steps) => {
    expect(parseTraversal(text)).toEqual({ root, steps, text });
  });

  it('gives the index of [count.index] as a reference', () => {
    expect(parseTraversal('aws_s3_bucket.b[count.index].id')?.steps[1]).toEqual({
      kind: 'reference-index',
      traversal: { root: 'count', steps: [{ kind: 'attribute', name: 'index' }], text: 'count.index' },
    });
  });

  it.each(['upper(var.x)', 'var.a + 1', 'true', '"x"', 'var.x ? 1 : 2', '[for s in var.l : s]'])(
    '%s is not a single reference',
    (text) => {
      expect(parseTraversal(text)).toBeUndefined();
    },
  );
});

describe('parseLiteral', () => {
  it.each([
    ['42', 42],
    ['-1.5', -1.5],
    ['true', true],
    ['null', null],
    ['"eu-west-1"', 'eu-west-1'],
  ])('%s', (text, value) => {
    expect(parseLiteral(text)).toEqual({ value });
  });

  it('does not take a string with an interpolation for a literal', () => {
    expect(parseLiteral('"a-${var.x}"')).toBeUndefined();
  });
});

describe('findTraversals', () => {
  it('finds the references of an expression it does not evaluate, without function names or keywords', () => {
    const found = findTraversals(
      'var.enabled ? lower(azurerm_resource_group.rg.location) : "${local.fallback}" && [for s in data.x.y.list : s.name]',
    ).map((traversal) => traversal.text);
    expect(found).toEqual([
      'var.enabled',
      'azurerm_resource_group.rg.location',
      'local.fallback',
      'data.x.y.list',
      's.name',
    ]);
  });
});

describe('describeUnevaluated', () => {
  it.each([
    ['upper(var.x)', /calls upper\(\)/],
    ['var.prod ? "a" : "b"', /conditional/],
    ['[for s in var.l : upper(s)]', /calls upper|for/],
    ['var.a + var.b', /is not evaluated/],
  ])('%s', (expression, reason) => {
    expect(describeUnevaluated(expression)).toMatch(reason);
  });
});
