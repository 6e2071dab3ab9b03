import { describe, expect, it } from 'vitest';
import { tlsVersionNumber } from './shared.js';

describe('tlsVersionNumber', () => {
  it.each<{ text: string; version: number | undefined }>([
    { text: '1.0', version: 1.0 },
    { text: '1.1', version: 1.1 },
    { text: '1.2', version: 1.2 },
    { text: '1.3', version: 1.3 },
    { text: ' 1.2 ', version: 1.2 },
    { text: 'tls1.0', version: 1.0 },
    { text: 'TLS1_0', version: 1.0 },
    { text: 'TLS1_2', version: 1.2 },
    { text: 'TLS_1_2', version: 1.2 },
    { text: 'TLSv1', version: 1.0 },
    { text: 'tls 1', version: 1.0 },
    { text: 'TLSv1_2016', version: 1.0 },
    { text: 'TLSv1.1_2016', version: 1.1 },
    { text: 'TLSv1.2_2018', version: 1.2 },
    { text: 'TLSv1.2_2019', version: 1.2 },
    { text: 'TLSv1.2_2021', version: 1.2 },
    { text: 'Policy-Min-TLS-1-0-2019-07', version: 1.0 },
    { text: 'Policy-Min-TLS-1-2-2019-07', version: 1.2 },
    { text: 'Policy-Min-TLS-1-2-PFS-2023-10', version: 1.2 },
    { text: 'SSLv3', version: 0 },
    { text: '0', version: 0 },
    { text: 'modern', version: undefined },
    { text: 'TLS', version: undefined },
    { text: '', version: undefined },
  ])('$text → $version', ({ text, version }) => {
    expect(tlsVersionNumber(text)).toBe(version);
  });
});
