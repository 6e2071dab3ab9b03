import type { JsonObject } from '../read/json-value.js';

/**
 * One Terraform module's configuration, normalised from Terraform JSON syntax (`*.tf.json`,
 * `cdk.tf.json`) or from hcl2json's rendering of `.tf` files. Values are as written: strings may
 * hold `${…}` templates, nested blocks are lists of objects (as in a plan), map arguments objects.
 */
export interface ModuleConfig {
  /** Directory of the module's files (display form), for local module sources; undefined for a lone file. */
  readonly directory?: string;
  readonly variables: ReadonlyMap<string, VariableBlock>;
  readonly locals: ReadonlyMap<string, LocalValue>;
  readonly providers: readonly ProviderBlock[];
  /** Provider local name → source address (`hashicorp/aws`), from `terraform.required_providers`. */
  readonly requiredProviders: ReadonlyMap<string, string>;
  readonly resources: readonly ResourceBlock[];
  /** `type.name` of every data source. */
  readonly dataSources: ReadonlySet<string>;
  readonly moduleCalls: readonly ModuleCallBlock[];
  /** Local child modules, by call name, when the reader could load them. */
  readonly children?: ReadonlyMap<string, ModuleConfig>;
}

export interface Located {
  readonly file: string;
  readonly line?: number;
}

export interface VariableBlock extends Located {
  /** Present when the variable declares a default (a literal: Terraform allows no references there). */
  readonly default?: { readonly value: unknown };
}

export interface LocalValue extends Located {
  readonly value: unknown;
}

export interface ProviderBlock extends Located {
  /** Local name: `aws`, `azurerm`. */
  readonly name: string;
  readonly alias?: string;
  readonly body: JsonObject;
}

export interface ResourceBlock extends Located {
  readonly type: string;
  readonly name: string;
  /** Arguments and nested blocks, without meta-arguments. */
  readonly body: JsonObject;
  readonly count?: { readonly value: unknown };
  readonly forEach?: { readonly value: unknown };
  /** The `provider` meta-argument as written (`aws.us`, `${aws.us}`). */
  readonly provider?: string;
  /** CDKTF construct path from `//.metadata.path`. */
  readonly construct?: string;
}

export interface ModuleCallBlock extends Located {
  readonly name: string;
  readonly source?: string;
  readonly version?: string;
  /** Input variables of the child module. */
  readonly inputs: JsonObject;
  /** The `providers` map: child local name → caller's provider reference. */
  readonly providers?: JsonObject;
  readonly count?: { readonly value: unknown };
  readonly forEach?: { readonly value: unknown };
  readonly construct?: string;
}
