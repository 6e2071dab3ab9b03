import { describe, expect, it } from 'vitest';
import { InputError } from '../model/errors.js';
import { parseLocatedJson } from './located-json.js';

describe('parseLocatedJson', () => {
  const text =
    '{\n  // a comment, as ARM templates allow\n  "resources": [\n    { "name": "a" },\n    {\n      "name": "b"\n    }\n  ]\n}\n';

  it('parses JSON with comments and tells the line of any value', () => {
    const parsed = parseLocatedJson(text, 't.json');
    expect(parsed.value).toEqual({ resources: [{ name: 'a' }, { name: 'b' }] });
    expect(parsed.lineOf(['resources'])).toBe(3);
    expect(parsed.lineOf(['resources', 0])).toBe(4);
    expect(parsed.lineOf(['resources', 1, 'name'])).toBe(6);
    expect(parsed.lineOf(['resources', 2])).toBeUndefined();
    expect(parsed.lineOf(['nope'])).toBeUndefined();
  });

  it('keeps a __proto__ key as data', () => {
    const value = parseLocatedJson('{"__proto__": {"polluted": true}}', 't.json').value as object;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it.each<[string, string]>([
    ['{\n  "a": 1,\n  "b" 2\n}', 't.json:3:7: malformed JSON: colon expected'],
    ['{ "a": [1, 2', 't.json:1:13: truncated JSON: the file ends before the document is complete'],
    ['{ "a": 1, }', 't.json:1:11: malformed JSON: property name expected'],
    ['  \n', 't.json: the file contains only white space'],
  ])('%j is an InputError: %s', (input, message) => {
    expect(() => parseLocatedJson(input, 't.json')).toThrow(InputError);
    expect(() => parseLocatedJson(input, 't.json')).toThrow(message);
  });
});
