import {
  type Evidence,
  evidence,
  type Fact,
  type Flow,
  isUnknownValue,
  type Knowable,
  known,
  type RawResource,
  type Resource,
  type ResourceFacts,
  type ResourceKind,
  readProperty,
  unknown,
} from '@eugate/core';

/** What an Azure describer (ARM or azurerm family) decided about one resource. */
export interface AzureResourceParts {
  readonly kind: ResourceKind;
  readonly storesData: boolean;
  readonly region: Fact<string>;
  readonly identifiers: ReadonlySet<string>;
  readonly configures?: string;
  readonly facts?: ResourceFacts;
  readonly flows?: readonly Flow[];
}

/** The described resource, in the same shape for both Azure schema families. */
export function azureResource(raw: RawResource, parts: AzureResourceParts): Resource {
  return {
    address: raw.address,
    type: raw.type,
    cloud: 'azure',
    schema: raw.schema,
    kind: parts.kind,
    source: raw.source,
    ...(raw.stack === undefined ? {} : { stack: raw.stack }),
    storesData: parts.storesData,
    region: parts.region,
    tags: readTags(raw),
    identifiers: [...parts.identifiers].sort(),
    ...(parts.configures === undefined ? {} : { configures: parts.configures }),
    facts: parts.facts ?? {},
    flows: parts.flows ?? [],
  };
}

/** `tags` as a string map; unknown (with the reason) when any of it is unknown. */
export function readTags(raw: RawResource): Knowable<Readonly<Record<string, string>>> {
  const read = readProperty(raw.properties, 'tags');
  if (read.state === 'absent') return known({});
  if (read.state === 'unknown') return unknown(`tags are unknown: ${read.reason}`);
  if (typeof read.value !== 'object' || read.value === null || Array.isArray(read.value))
    return unknown(`tags is not a map: ${JSON.stringify(read.value)}`);
  const tags: Record<string, string> = {};
  for (const [name, value] of Object.entries(read.value)) {
    if (isUnknownValue(value)) return unknown(`tags.${name} is unknown: ${value.reason}`);
    if (value === null || value === undefined) continue;
    tags[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return known(tags);
}

/** Evidence that a default applies because the property is not set. */
export function defaultEvidence(path: string, note: string, from?: string): Evidence {
  return evidence(path, `(not set) — ${note}`, from);
}
