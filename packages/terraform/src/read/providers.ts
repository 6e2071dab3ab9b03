import {
  type Evidence,
  evidence,
  type Fact,
  isUnknownValue,
  knownFact,
  NOT_SET,
  SCHEMA,
  type SchemaFamily,
  unknownFact,
} from '@eugate/core';
import { moduleCallNames, modulePathKey } from './addresses.js';
import type { ConfigResource, PlanConfiguration } from './configuration.js';
import { isJsonObject, type JsonObject, own, ownObject } from './json-value.js';

/**
 * Provider identity and region resolution for Terraform plans.
 *
 * A resource's region is decided by the provider configuration it uses, which Terraform names in
 * `configuration.root_module…resources[].provider_config_key`. Two key forms exist:
 * - Terraform ≥ 1.1-ish: `aws`, `aws.us`, `module.a.module.b:aws` — and a configuration passed into
 *   a module is already resolved to the caller's key, so the key is exact.
 * - older Terraform: `<last module call name>:aws`, and module provider passing is not recorded.
 */

export interface ProviderIdentity {
  /** `aws`, `azurerm`, `google`, `null` … (last segment of `provider_name`). */
  readonly shortName: string;
  readonly schema: SchemaFamily;
}

/** Identifies providers, remembering each `provider_name` (a plan names few, for many resources). */
export function createProviderIdentifier(): (
  type: string,
  providerName: string | undefined,
) => ProviderIdentity {
  const shortNames = new Map<string, string>();
  const others = new Map<string, ProviderIdentity>();
  return (type, providerName) => {
    let shortName = providerName === undefined ? undefined : shortNames.get(providerName);
    if (shortName === undefined) {
      shortName = providerShortName(type, providerName);
      if (providerName !== undefined) shortNames.set(providerName, shortName);
    }
    if (shortName === 'aws' && type.startsWith('aws_')) return AWS;
    if (shortName === 'azurerm' && type.startsWith('azurerm_')) return AZURERM;
    let identity = others.get(shortName);
    if (identity === undefined) {
      identity = { shortName, schema: `terraform:${shortName}` };
      others.set(shortName, identity);
    }
    return identity;
  };
}

const AWS: ProviderIdentity = { shortName: 'aws', schema: SCHEMA.terraformAws };
const AZURERM: ProviderIdentity = { shortName: 'azurerm', schema: SCHEMA.terraformAzurerm };

function providerShortName(type: string, providerName: string | undefined): string {
  if (providerName === undefined || providerName === '') return type.split('_')[0] ?? type;
  // `registry.terraform.io/hashicorp/aws`, `aws` (Terraform 0.12), `provider["…/aws"]` (state style).
  const bare = providerName.replace(/^provider\[?"?/, '').replace(/"?\]?$/, '');
  return bare.slice(bare.lastIndexOf('/') + 1).split('.')[0] ?? bare;
}

const AWS_REGION_SHAPE = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ENVIRONMENT = 'it would come from the environment (AWS_REGION) at plan time';

export interface RegionResolver {
  /** The region of an AWS resource: its own `region` argument (provider v6), else its provider's. */
  awsRegion(block: ConfigResource | undefined, after: JsonObject): Fact<string>;
}

export function createRegionResolver(
  configuration: PlanConfiguration,
  variables: unknown,
  terraformVersion: string | undefined,
): RegionResolver {
  const cache = new Map<ConfigResource, Fact<string>>();
  const providerConfigs = configuration.providerConfigs;
  const aliasesByProvider = aliasedConfigs(providerConfigs);

  function awsRegion(block: ConfigResource | undefined, after: JsonObject): Fact<string> {
    const ownRegion = Object.hasOwn(after, 'region') ? after.region : undefined;
    if (typeof ownRegion === 'string' && ownRegion !== '')
      return knownFact(ownRegion, evidence('region', ownRegion));
    // A computed `region` attribute (aws_s3_bucket before v6) is unknown at create; only an argument
    // the configuration sets makes the resource's own region undecidable.
    if (
      isUnknownValue(ownRegion) &&
      block?.expressions !== undefined &&
      Object.hasOwn(block.expressions, 'region')
    ) {
      return unknownFact(
        'the resource sets its region argument to a value known only after apply',
        evidence('region', ownRegion.toJSON()),
      );
    }
    if (!configuration.present) {
      return unknownFact(
        'the plan has no configuration section, so the aws provider configuration cannot be read',
      );
    }
    if (block === undefined) {
      return unknownFact(
        "the plan's configuration has no block for this resource, so its provider configuration cannot be read",
      );
    }
    if (block.providerConfigKey === undefined) {
      return unknownFact("the resource's configuration block names no provider_config_key");
    }
    // Every instance of a block (count, for_each, module instances) uses the same configuration.
    let fact = cache.get(block);
    if (fact === undefined) {
      fact = fromProviderKey(block.providerConfigKey, block.callNames);
      cache.set(block, fact);
    }
    return fact;
  }

  function fromProviderKey(key: string, resourceCallNames: readonly string[]): Fact<string> {
    const colon = key.indexOf(':');
    let callNames: readonly string[] = [];
    let local = key;
    let legacy = false;
    if (colon !== -1) {
      const prefix = key.slice(0, colon);
      local = key.slice(colon + 1);
      if (prefix.startsWith('module.')) {
        const parsed = moduleCallNames(prefix);
        if (parsed === undefined) return unknownFact(`provider_config_key "${key}" is not a module address`);
        callNames = parsed;
      } else {
        // Old short form names only the innermost module call: the resource's own module.
        legacy = true;
        callNames = resourceCallNames;
      }
    }
    return resolve(callNames, local, legacy);
  }

  /** Walks from the module that uses provider `local` up to the configuration block that applies. */
  function resolve(startNames: readonly string[], startLocal: string, legacy: boolean): Fact<string> {
    let callNames = startNames;
    let local = startLocal;
    for (;;) {
      const key = callNames.length === 0 ? local : `${modulePathKey(callNames)}:${local}`;
      const entry = ownObject(providerConfigs, key);
      const expressions = ownObject(entry, 'expressions');
      const region = ownObject(expressions, 'region');
      if (region !== undefined) return regionFromExpression(key, region, callNames);
      // A block with other arguments but no region is a real configuration: the region is the environment's.
      if (callNames.length === 0 || (expressions !== undefined && Object.keys(expressions).length > 0)) {
        return unknownFact(
          `provider "${key}" sets no region; ${ENVIRONMENT}`,
          evidence(`configuration.provider_config["${key}"].expressions.region`, NOT_SET),
        );
      }
      const moduleName = modulePathKey(callNames);
      const call = configuration.moduleCall(callNames);
      const passed = own(ownObject(call, 'providers'), local);
      const parentNames = callNames.slice(0, -1);
      if (typeof passed === 'string') {
        // Not written by Terraform itself, but by tools that keep the module call's `providers` map.
        callNames = parentNames;
        local = passed;
        continue;
      }
      if (local.includes('.')) {
        return unknownFact(
          `provider "${local}" of ${moduleName} is passed in by its module call, which this plan does not record`,
          evidence(`configuration.provider_config["${key}"]`, NOT_SET),
        );
      }
      if (legacy) {
        const others = aliasesByProvider.get(local) ?? [];
        if (others.length > 0) {
          return unknownFact(
            `${moduleName} uses the default "${local}" provider, but this plan (Terraform ${terraformVersion ?? 'version unknown'}) does not record whether its module call passes it another ${local} configuration (the plan also has ${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''}); newer Terraform versions record it`,
            evidence(`configuration.provider_config["${key}"]`, NOT_SET),
          );
        }
      }
      // A module without its own block inherits the caller's default configuration.
      callNames = parentNames;
    }
  }

  function regionFromExpression(
    key: string,
    expression: JsonObject,
    callNames: readonly string[],
  ): Fact<string> {
    const path = `configuration.provider_config["${key}"].expressions.region`;
    if (Object.hasOwn(expression, 'constant_value')) {
      const constant = expression.constant_value;
      if (typeof constant === 'string' && constant !== '')
        return knownFact(constant, evidence(path, constant));
      return unknownFact(
        `provider "${key}" sets region to ${JSON.stringify(constant)}`,
        evidence(path, constant),
      );
    }
    const references = stringList(own(expression, 'references'));
    const variable = singleVariable(references);
    if (variable !== undefined) {
      return regionFromVariable(key, variable, callNames, [evidence(path, `var.${variable}`)]);
    }
    if (references.length === 0) {
      return unknownFact(
        `the region of provider "${key}" is an expression the plan does not evaluate`,
        evidence(path, '(expression)'),
      );
    }
    return unknownFact(
      `the region of provider "${key}" comes from ${references.join(', ')}, which the plan does not resolve`,
      evidence(path, references),
    );
  }

  /** Follows `var.x` up through module call arguments to a value the plan records. */
  function regionFromVariable(
    key: string,
    name: string,
    callNames: readonly string[],
    trail: readonly Evidence[],
  ): Fact<string> {
    if (callNames.length === 0) {
      const value = own(ownObject(variables, name), 'value');
      return checkedRegion(key, name, value, [
        ...trail,
        evidence(`variables.${name}.value`, value ?? NOT_SET),
      ]);
    }
    const call = configuration.moduleCall(callNames);
    const callPath = `configuration.root_module${callNames.map((n, i) => `${i > 0 ? '.module' : ''}.module_calls.${n}`).join('')}`;
    const argument = ownObject(ownObject(call, 'expressions'), name);
    if (argument === undefined) {
      const declared = ownObject(ownObject(ownObject(call, 'module'), 'variables'), name);
      const fallback = own(declared, 'default');
      return checkedRegion(key, name, fallback, [
        ...trail,
        evidence(`${callPath}.module.variables.${name}.default`, fallback ?? NOT_SET),
      ]);
    }
    const argumentPath = `${callPath}.expressions.${name}`;
    if (Object.hasOwn(argument, 'constant_value')) {
      return checkedRegion(key, name, argument.constant_value, [
        ...trail,
        evidence(argumentPath, argument.constant_value),
      ]);
    }
    const references = stringList(own(argument, 'references'));
    const outer = singleVariable(references);
    if (outer !== undefined) {
      return regionFromVariable(key, outer, callNames.slice(0, -1), [
        ...trail,
        evidence(argumentPath, `var.${outer}`),
      ]);
    }
    return unknownFact(
      `the region of provider "${key}" comes from var.${name}, which ${modulePathKey(callNames)} receives from ${references.join(', ') || 'an expression'} that the plan does not resolve`,
      ...trail,
      evidence(argumentPath, references),
    );
  }

  function checkedRegion(
    key: string,
    name: string,
    value: unknown,
    trail: readonly Evidence[],
  ): Fact<string> {
    // `var.x` in the references may sit inside a larger expression ("${var.x}-2", a conditional); a
    // value shaped like a region is the only sign the provider uses it as it is.
    if (typeof value === 'string' && AWS_REGION_SHAPE.test(value)) return knownFact(value, ...trail);
    if (value === undefined || value === null) {
      return unknownFact(
        `the region of provider "${key}" comes from var.${name}, whose value the plan does not record`,
        ...trail,
      );
    }
    return unknownFact(
      `the region of provider "${key}" is derived from var.${name} = ${JSON.stringify(value)}, which is not an AWS region by itself`,
      ...trail,
    );
  }

  return { awsRegion };
}

function stringList(value: unknown): readonly string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** `x` when every reference is exactly `var.x` (Terraform lists `var.x` once per use). */
function singleVariable(references: readonly string[]): string | undefined {
  let name: string | undefined;
  for (const reference of references) {
    const match = /^var\.([A-Za-z_][\w-]*)$/.exec(reference);
    if (match === null || (name !== undefined && name !== match[1])) return undefined;
    name = match[1];
  }
  return name;
}

/** Aliased configurations per provider local name (`aws` → [`aws.us`, `module.x:aws.edge`]). */
function aliasedConfigs(providerConfigs: JsonObject | undefined): ReadonlyMap<string, readonly string[]> {
  const result = new Map<string, string[]>();
  if (providerConfigs === undefined) return result;
  for (const key of Object.keys(providerConfigs)) {
    if (!isJsonObject(providerConfigs[key])) continue;
    const local = key.slice(key.indexOf(':') + 1);
    const dot = local.indexOf('.');
    if (dot === -1) continue;
    const name = local.slice(0, dot);
    result.set(name, [...(result.get(name) ?? []), key]);
  }
  for (const keys of result.values()) keys.sort();
  return result;
}

export function nonAwsRegion(shortName: string): Fact<string> {
  return unknownFact(`${shortName} resources carry their own location`);
}
