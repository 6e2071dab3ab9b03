import { type Evidence, type Fact, knownFact, lookupRegion, unknownFact } from '@eugate/core';

/**
 * Azure locations as eugate compares them: the catalogue's programmatic name (`West Europe`,
 * `WestEurope` → `westeurope`). A location the catalogue does not know stays as written, lower-cased
 * and without spaces, so the residency rules can report it as uncatalogued instead of guessing.
 * Shared by the azurerm and ARM families: both accept display names and programmatic names.
 */
export function normaliseLocation(location: string): string {
  return lookupRegion('azure', location)?.code ?? location.trim().toLowerCase().replace(/\s+/g, '');
}

/** A known location fact from a value read from the artifact. */
export function locationFact(location: string, ...evidence: Evidence[]): Fact<string> {
  return knownFact(normaliseLocation(location), ...evidence);
}

/**
 * Where geo-redundant copies of a resource in `region` land: Azure's paired region. Unpaired and
 * uncatalogued regions give an unknown, never a guess.
 */
export function pairedRegion(region: Fact<string>, ...evidence: Evidence[]): Fact<string> {
  if (!region.known)
    return unknownFact(`the paired region cannot be told: ${region.reason}`, ...region.evidence, ...evidence);
  const info = lookupRegion('azure', region.value);
  if (info === undefined)
    return unknownFact(
      `${region.value} is not in eugate's region catalogue, so its paired region is not known`,
      ...region.evidence,
      ...evidence,
    );
  if (info.pairedRegion === undefined)
    return unknownFact(
      `${info.code} has no paired region; where Azure places geo-redundant copies is not stated in the artifact`,
      ...region.evidence,
      ...evidence,
    );
  return knownFact(info.pairedRegion, ...region.evidence, ...evidence);
}
