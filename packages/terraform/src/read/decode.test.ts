import { InputError } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { decodeArtifactText } from './decode.js';

const TEXT = '{"a":"é€"}';

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (c) => c.charCodeAt(0))];
  const out = new Uint8Array(units.length * 2);
  units.forEach((unit, i) => {
    out[i * 2 + (littleEndian ? 0 : 1)] = unit & 0xff;
    out[i * 2 + (littleEndian ? 1 : 0)] = unit >> 8;
  });
  return out;
}

describe('decodeArtifactText', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(TEXT)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)])],
    ['UTF-16 LE with BOM (PowerShell 5 redirect)', utf16(TEXT, true, true)],
    ['UTF-16 BE with BOM', utf16(TEXT, false, true)],
    ['UTF-16 LE without BOM', utf16(TEXT, true, false)],
    ['UTF-16 BE without BOM', utf16(TEXT, false, false)],
  ])('%s decodes to the same text', (_, bytes) => {
    expect(decodeArtifactText(bytes, 'plan.json')).toBe(TEXT);
  });

  it('decodes an empty file to empty text', () => {
    expect(decodeArtifactText(new Uint8Array(0), 'plan.json')).toBe('');
  });

  it.each([
    [
      'invalid UTF-8',
      new Uint8Array([0x7b, 0xff, 0xfe, 0x7d, 0x80]),
      'plan.json: is not valid UTF-8 text (a binary file?)',
    ],
    [
      'a binary plan (zip)',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
      'plan.json: is a binary file (a zip archive); a binary Terraform plan must first be converted with `terraform show -json plan.out > plan.json`',
    ],
  ])('%s is an input error', (_, bytes, message) => {
    expect(() => decodeArtifactText(bytes, 'plan.json')).toThrow(InputError);
    expect(() => decodeArtifactText(bytes, 'plan.json')).toThrow(message);
  });
});
