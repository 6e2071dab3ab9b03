import { InputError } from '@eugate/core';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Decodes an artifact's bytes to text. Terraform writes UTF-8, but a plan redirected with
 * `>` in Windows PowerShell 5 is UTF-16 LE with a BOM, and some editors add a UTF-8 BOM; all of them
 * must read the same. UTF-16 without a BOM is recognised by the NUL bytes of its ASCII start.
 */
export function decodeArtifactText(data: Uint8Array, file: string): string {
  if (startsWith(data, [0xef, 0xbb, 0xbf])) return decode('utf-8', data.subarray(3), file);
  if (startsWith(data, [0xff, 0xfe])) return decode('utf-16le', data.subarray(2), file);
  if (startsWith(data, [0xfe, 0xff])) return decode('utf-16le', swapBytePairs(data.subarray(2)), file);
  if (data.length >= 4 && data[0] !== 0 && data[1] === 0 && data[2] !== 0 && data[3] === 0) {
    return decode('utf-16le', data, file);
  }
  if (data.length >= 4 && data[0] === 0 && data[1] !== 0 && data[2] === 0 && data[3] !== 0) {
    return decode('utf-16le', swapBytePairs(data), file);
  }
  if (startsWith(data, ZIP_MAGIC)) {
    throw new InputError(
      'EUGATE_INPUT_NOT_RECOGNISED',
      file,
      'is a binary file (a zip archive); a binary Terraform plan must first be converted with `terraform show -json plan.out > plan.json`',
    );
  }
  return decode('utf-8', data, file);
}

function decode(encoding: 'utf-8' | 'utf-16le', data: Uint8Array, file: string): string {
  try {
    // ignoreBOM keeps a second BOM visible; the one we recognised is already cut off.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(data);
  } catch {
    throw new InputError(
      'EUGATE_INPUT_MALFORMED',
      file,
      `is not valid ${encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'} text (a binary file?)`,
    );
  }
}

function startsWith(data: Uint8Array, prefix: readonly number[]): boolean {
  return data.length >= prefix.length && prefix.every((byte, i) => data[i] === byte);
}

/** UTF-16 BE → LE, so one decoder serves both and no ICU data for `utf-16be` is needed. */
function swapBytePairs(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length - (data.length % 2));
  for (let i = 0; i + 1 < data.length; i += 2) {
    out[i] = data[i + 1] as number;
    out[i + 1] = data[i] as number;
  }
  return out;
}
