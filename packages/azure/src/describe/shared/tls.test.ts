import { describe, expect, it } from 'vitest';
import { cosmosTlsVersion, tlsVersion } from './tls.js';

describe('tlsVersion', () => {
  it.each<[string, string | undefined]>([
    ['TLS1_0', '1.0'],
    ['TLS1_2', '1.2'],
    ['1.1', '1.1'],
    ['1.2', '1.2'],
    ['Tls12', '1.2'],
    ['Tls', undefined],
    ['TLSv1.3', '1.3'],
    ['TLSEnforcementDisabled', undefined],
    ['Disabled', undefined],
  ])('%s → %s', (text, expected) => {
    expect(tlsVersion(text)).toBe(expected);
  });
});

describe('cosmosTlsVersion', () => {
  it.each<[string, string | undefined]>([
    ['Tls', '1.0'],
    ['Tls11', '1.1'],
    ['Tls12', '1.2'],
    ['TLS12', '1.2'],
    ['Tls13x', undefined],
  ])('%s → %s', (text, expected) => {
    expect(cosmosTlsVersion(text)).toBe(expected);
  });
});
