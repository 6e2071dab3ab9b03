import { describe, expect, it } from 'vitest';
import { applyUnknownMask, KNOWN_AFTER_APPLY } from './unknowns.js';

const U = KNOWN_AFTER_APPLY;

describe('applyUnknownMask', () => {
  it.each([
    ['no mask', { a: 1 }, undefined, { a: 1 }],
    ['an empty mask', { a: 1 }, {}, { a: 1 }],
    ['false leaves the value', { a: 1 }, { a: false }, { a: 1 }],
    ['a top-level unknown is added', { a: 1 }, { id: true }, { a: 1, id: U }],
    ['a known value marked unknown is replaced', { a: 1 }, { a: true }, { a: U }],
    [
      'inside a nested block list',
      { rule: [{ x: 1 }, { x: 2 }] },
      { rule: [{}, { y: true }] },
      { rule: [{ x: 1 }, { x: 2, y: U }] },
    ],
    ['a whole list element', { list: ['a', 'b'] }, { list: [false, true] }, { list: ['a', U] }],
    ['a nested block absent from after', { a: 1 }, { block: [{ key: true }] }, { a: 1, block: [{ key: U }] }],
    [
      'no container is made where the mask has no true',
      { a: 1 },
      { block: [{ key: false }], map: {} },
      { a: 1 },
    ],
    ['a null value with unknown children', { block: null }, { block: { key: true } }, { block: { key: U } }],
    ['holes of a created list are null', {}, { list: [false, false, true] }, { list: [null, null, U] }],
    ['the whole value', { a: 1 }, true, U],
  ])('%s', (_, value, mask, expected) => {
    expect(applyUnknownMask(value, mask)).toEqual(expected);
  });

  it('changes the value in place rather than copying it', () => {
    const after = { a: 1, nested: { b: 2 } };
    const result = applyUnknownMask(after, { nested: { c: true } });
    expect(result).toBe(after);
    expect(after.nested).toEqual({ b: 2, c: U });
  });

  it('never reaches Object.prototype through "__proto__" or "constructor"', () => {
    const after = JSON.parse('{"a": 1}');
    applyUnknownMask(
      after,
      JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(after)).toBe(Object.prototype);
    expect(Object.hasOwn(after, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(after, '__proto__')?.value).toEqual({ polluted: U });
  });
});
