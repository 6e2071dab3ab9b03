/**
 * Azure spells TLS versions per service: `TLS1_2` (Storage, single-server PostgreSQL/MySQL), `1.2`
 * (SQL, Redis, Event Hubs, App Service), `Tls12` (Cosmos DB), `TLSv1.2` (flexible-server
 * parameters). The fact carries one spelling, `1.2`. Undefined when the text names no version.
 */
export function tlsVersion(text: string): string | undefined {
  const match = /^(?:tls\s*v?)?(\d)(?:[._]?(\d))?$/i.exec(text.trim());
  if (match === null) return undefined;
  return `${match[1]}.${match[2] ?? '0'}`;
}

/**
 * Cosmos DB's `minimal_tls_version` / `minimalTlsVersion`: `Tls12`, `Tls11`, and plain `Tls`, which
 * means TLS 1.0 (the oldest it accepts). A bare "TLS" means no version elsewhere, so only here.
 */
export function cosmosTlsVersion(text: string): string | undefined {
  return text.trim().toLowerCase() === 'tls' ? '1.0' : tlsVersion(text);
}
