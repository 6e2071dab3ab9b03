import { evidence, type Fact, isUnknownValue, knownFact, NOT_SET, unknownFact } from '@eugate/core';
import type { JsonObject } from './json-value.js';
import { configString, type PulumiStackConfig } from './stack-config.js';
import { type PulumiResourceState, parseUrn } from './state.js';

/**
 * Which provider configures a resource, and the region (AWS) or default location (Azure) that
 * provider deploys to. A resource names its provider by reference (`<provider URN>::<id>`); without
 * one it uses the stack's default provider for its package, built from the stack config.
 */

/** Provider packages whose region setting eugate knows, and the config keys of their default providers. */
const REGION_SETTINGS: Readonly<
  Record<string, { readonly input: string; readonly config: readonly string[] }>
> = {
  aws: { input: 'region', config: ['aws:region'] },
  'azure-native': { input: 'location', config: ['azure-native:location'] },
  azure: { input: 'location', config: ['azure:location'] },
};

export interface ProviderContext {
  /** Provider resources in the input, by URN. */
  readonly providers: ReadonlyMap<string, PulumiResourceState>;
  readonly stackConfig?: PulumiStackConfig;
  /** Why the stack config is missing, for the unknown region's reason. */
  readonly missingConfigReason: string;
}

/** `aws:s3/bucket:Bucket` → `aws`. */
export function packageOf(type: string): string {
  return type.split(':')[0] ?? type;
}

/** `<provider URN>::<id>` → the URN (the id may be unknown in a preview). */
export function providerUrnOf(reference: string): string {
  const cut = reference.lastIndexOf('::');
  return cut === -1 ? reference : reference.slice(0, cut);
}

export interface ResolvedProvider {
  /** The provider's configuration, when the input records it. */
  readonly inputs?: JsonObject;
  readonly urn?: string;
  /** Region (AWS) or default location (Azure) of the provider. */
  readonly region: Fact<string>;
}

export function resolveProvider(resource: PulumiResourceState, context: ProviderContext): ResolvedProvider {
  const pkg = packageOf(resource.type);
  const setting = REGION_SETTINGS[pkg];
  const urn = resource.provider === undefined ? undefined : providerUrnOf(resource.provider);
  const provider = urn === undefined ? undefined : context.providers.get(urn);
  const isDefault = urn === undefined || /^default(_|$)/.test(parseUrn(urn)?.name ?? '');
  const base = {
    ...(provider !== undefined && { inputs: provider.inputs }),
    ...(urn !== undefined && { urn }),
  };
  if (setting === undefined) {
    return { ...base, region: unknownFact(`eugate does not know where ${pkg} resources are deployed`) };
  }
  const path = `inputs.${setting.input}`;
  if (provider !== undefined && Object.hasOwn(provider.inputs, setting.input)) {
    const value = provider.inputs[setting.input];
    if (typeof value === 'string' && value !== '')
      return { ...base, region: knownFact(value, evidence(path, value, urn)) };
    if (isUnknownValue(value))
      return {
        ...base,
        region: unknownFact(
          `the ${setting.input} of provider ${urn} is ${value.reason}`,
          evidence(path, value.toJSON(), urn),
        ),
      };
  }
  if (!isDefault) {
    return {
      ...base,
      region: unknownFact(
        provider === undefined
          ? `provider ${urn} is not in the input, so its ${setting.input} is unknown`
          : `provider ${urn} sets no ${setting.input}; the environment it runs in decides`,
        evidence(path, NOT_SET, urn),
      ),
    };
  }
  for (const key of setting.config) {
    const value = configString(context.stackConfig, key);
    if (value !== undefined && context.stackConfig !== undefined)
      return {
        ...base,
        region: knownFact(value, evidence(`config.${key}`, value, context.stackConfig.file)),
      };
    if (context.stackConfig?.secure.has(key))
      return {
        ...base,
        region: unknownFact(
          `${key} is a secret in ${context.stackConfig.file}`,
          evidence(`config.${key}`, '(secure)', context.stackConfig.file),
        ),
      };
  }
  const configKeys = setting.config.join(' / ');
  return {
    ...base,
    region: unknownFact(
      context.stackConfig === undefined
        ? `the default ${pkg} provider takes its ${setting.input} from ${configKeys}, and ${context.missingConfigReason}`
        : `${context.stackConfig.file} sets no ${configKeys}; the default ${pkg} provider takes it from the environment`,
      evidence(`config.${setting.config[0]}`, NOT_SET, context.stackConfig?.file),
    ),
  };
}
