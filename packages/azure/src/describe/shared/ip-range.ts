/**
 * Firewall rules on Azure data services admit IPv4 ranges (`start_ip_address`–`end_ip_address`) or
 * CIDRs. eugate calls a rule internet-wide when it admits more than a /8 (16,777,216 addresses):
 * `0.0.0.0`–`255.255.255.255` is the obvious case, but `1.0.0.0`–`255.255.255.255` is just as open,
 * while a /8 is the largest private block (10.0.0.0/8) a rule may name without meaning "everyone".
 */
const INTERNET_WIDE = 2 ** 24;

export function ipv4Number(address: string): number | undefined {
  const parts = address.trim().split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export type RangeVerdict = 'internet-wide' | 'azure-services' | 'limited' | 'unreadable';

/**
 * `0.0.0.0`–`0.0.0.0` is Azure's "Allow Azure services and resources to access this server": it
 * admits every Azure tenant's resources, including an attacker's own VM, so eugate counts it as
 * network exposure (as CIS Azure 4.1.2 does), with its own verdict so the evidence says which.
 */
export function judgeRange(start: string, end: string): RangeVerdict {
  const from = ipv4Number(start);
  const to = ipv4Number(end);
  if (from === undefined || to === undefined) return 'unreadable';
  if (from === 0 && to === 0) return 'azure-services';
  return to - from + 1 > INTERNET_WIDE ? 'internet-wide' : 'limited';
}

/** `0.0.0.0/0`, `1.2.3.4/4`, a bare address (one host). */
export function judgeCidr(cidr: string): RangeVerdict {
  const [address, prefixText] = cidr.trim().split('/');
  if (address === undefined || ipv4Number(address) === undefined) return 'unreadable';
  if (prefixText === undefined) return 'limited';
  const prefix = Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return 'unreadable';
  return 2 ** (32 - prefix) > INTERNET_WIDE ? 'internet-wide' : 'limited';
}
