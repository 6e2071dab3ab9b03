import { InputError } from '@eugate/core';
import { isJsonObject, type JsonObject, own, ownString } from './json-value.js';
import { decodeProperties } from './property-values.js';

/**
 * One resource as Pulumi records it (apitype.ResourceV3: a stack export's `resources[]`, a preview
 * step's `newState`, or what the language runtime registers), with its values decoded.
 */
export interface PulumiResourceState {
  readonly urn: string;
  readonly type: string;
  /** Managed by a provider; components (`custom: false`) only group other resources. */
  readonly custom: boolean;
  /** Read from existing infrastructure (`Resource.get`), not managed by the stack. */
  readonly external: boolean;
  readonly inputs: JsonObject;
  /** The provider's view after the last update; absent for resources a preview is about to create. */
  readonly outputs?: JsonObject;
  /** Which of the two describes the resource as it will be deployed. */
  readonly current: 'inputs' | 'outputs';
  /** Provider reference `<provider URN>::<provider id>`; absent for the default provider. */
  readonly provider?: string;
  /** Input property → URNs of the resources its value came from. */
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
  readonly parent?: string;
  /** Where the program declared it, when known: `project:///index.ts` with a line. */
  readonly sourcePosition?: { readonly file: string; readonly line?: number };
}

/** `urn:pulumi:<stack>::<project>::<qualified type>::<name>` → its parts. */
export function parseUrn(urn: string): { stack: string; project: string; name: string } | undefined {
  const match = /^urn:pulumi:([^:]*)::([^:]*)::.*::([^:]*)$/s.exec(urn);
  if (match === null) return undefined;
  return { stack: match[1] as string, project: match[2] as string, name: match[3] as string };
}

/** Reads one `ResourceV3` object; `where` locates it for messages. */
export function readResourceState(
  value: unknown,
  file: string,
  where: string,
  current: 'inputs' | 'outputs',
): PulumiResourceState {
  if (!isJsonObject(value))
    throw new InputError('EUGATE_INPUT_MALFORMED', file, 'a resource is not an object', { key: where });
  const urn = ownString(value, 'urn');
  const type = ownString(value, 'type');
  if (urn === undefined || parseUrn(urn) === undefined)
    throw new InputError('EUGATE_INPUT_MALFORMED', file, 'a resource has no valid urn', { key: where });
  if (type === undefined)
    throw new InputError('EUGATE_INPUT_MALFORMED', file, `resource ${urn} has no type`, { key: where });
  const outputs = own(value, 'outputs');
  const provider = ownString(value, 'provider');
  const parent = ownString(value, 'parent');
  const dependencies = readPropertyDependencies(own(value, 'propertyDependencies'));
  const source = readSourcePosition(ownString(value, 'sourcePosition'));
  return {
    urn,
    type,
    custom: own(value, 'custom') === true,
    external: own(value, 'external') === true,
    inputs: decodeProperties(own(value, 'inputs')),
    ...(isJsonObject(outputs) && { outputs: decodeProperties(outputs) }),
    current: current === 'outputs' && isJsonObject(outputs) ? 'outputs' : 'inputs',
    ...(provider !== undefined && provider !== '' && { provider }),
    ...(parent !== undefined && parent !== '' && { parent }),
    ...(dependencies !== undefined && { propertyDependencies: dependencies }),
    ...(source !== undefined && { sourcePosition: source }),
  };
}

function readPropertyDependencies(value: unknown): Record<string, string[]> | undefined {
  if (!isJsonObject(value)) return undefined;
  const out: Record<string, string[]> = {};
  for (const [key, urns] of Object.entries(value)) {
    if (Array.isArray(urns)) out[key] = urns.filter((urn): urn is string => typeof urn === 'string');
  }
  return out;
}

/** `project:///index.ts#5,20` → `index.ts`, line 5. Positions inside node_modules are not the user's. */
export function readSourcePosition(value: string | undefined): { file: string; line?: number } | undefined {
  const match = value === undefined ? null : /^project:\/\/\/(.+?)(?:#(\d+)(?:,\d+)?)?$/.exec(value);
  if (match === null || (match[1] as string).includes('node_modules/')) return undefined;
  return match[2] === undefined
    ? { file: match[1] as string }
    : { file: match[1] as string, line: Number(match[2]) };
}
