import { describe, expect, it } from 'vitest';
import { judgeCidr, judgeRange, type RangeVerdict } from './ip-range.js';

describe('judgeRange', () => {
  it.each<[string, string, RangeVerdict]>([
    ['0.0.0.0', '255.255.255.255', 'internet-wide'],
    ['10.0.17.62', '255.255.255.255', 'internet-wide'],
    ['0.0.0.0', '10.0.17.62', 'internet-wide'],
    ['0.0.0.0', '0.0.0.0', 'azure-services'],
    ['10.0.0.0', '10.255.255.255', 'limited'],
    ['10.0.17.62', '10.0.17.62', 'limited'],
    ['10.0.17', '10.0.17.62', 'unreadable'],
    ['10.0.17.300', '10.0.17.62', 'unreadable'],
  ])('%s–%s', (start, end, expected) => {
    expect(judgeRange(start, end)).toBe(expected);
  });
});

describe('judgeCidr', () => {
  it.each<[string, RangeVerdict]>([
    ['0.0.0.0/0', 'internet-wide'],
    ['128.0.0.0/1', 'internet-wide'],
    ['10.0.0.0/8', 'limited'],
    ['203.0.113.7', 'limited'],
    ['203.0.113.0/24', 'limited'],
    ['x/8', 'unreadable'],
    ['1.2.3.4/33', 'unreadable'],
  ])('%s', (cidr, expected) => {
    expect(judgeCidr(cidr)).toBe(expected);
  });
});
