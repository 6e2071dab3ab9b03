import {
  type EncryptionInTransit,
  evidence,
  type Fact,
  knownFact,
  type TypedRead,
  unknownFact,
} from '@eugate/core';

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

/**
 * Cosmos DB's in-transit fact, the same in both Azure families once the floor is read: the service
 * accepts TLS only, and the setting (named `property` in messages) raises the minimum version.
 */
export function cosmosEncryptionInTransit(
  read: TypedRead<string>,
  property: string,
): Fact<EncryptionInTransit> {
  const always = evidence('(service)', 'Azure Cosmos DB accepts TLS connections only');
  if (read.state === 'unknown') return unknownFact(read.reason, read.evidence);
  if (read.state === 'absent') return knownFact({ enforced: true }, always, read.evidence);
  const version = cosmosTlsVersion(read.value);
  if (version === undefined)
    return unknownFact(`unrecognised ${property} ${JSON.stringify(read.value)}`, read.evidence);
  return knownFact({ enforced: true, minTlsVersion: version }, always, read.evidence);
}
