import type { Fact } from './evidence.js';
import type { SourceLocation } from './source.js';

/**
 * Schema families: the cloud schemas shared by several IaC tools. A describer registers for one.
 * Terraform resources of providers eugate does not describe get `terraform:<provider>`.
 */
export const SCHEMA = {
  cloudformation: 'cloudformation',
  terraformAws: 'terraform-aws',
  terraformAzurerm: 'terraform-azurerm',
  arm: 'arm',
} as const;

export type SchemaFamily = (typeof SCHEMA)[keyof typeof SCHEMA] | `terraform:${string}` | (string & {});

/**
 * A resource as a reader found it: format-level facts only. Properties use the schema family's
 * own names (snake_case for Terraform, PascalCase for CloudFormation). Any value the artifact does
 * not determine is an `UnknownValue`, at the depth where it occurs.
 */
export interface RawResource {
  /** Unique within one scan: Terraform address, CloudFormation logical id (prefixed by stack), Pulumi URN. */
  readonly address: string;
  /** Native type: `aws_s3_bucket`, `AWS::S3::Bucket`, `Microsoft.Storage/storageAccounts`. */
  readonly type: string;
  readonly schema: SchemaFamily;
  readonly properties: Readonly<Record<string, unknown>>;
  /**
   * For each top-level argument, the addresses of other resources in the same input that the
   * configuration references (Terraform `expressions.*.references`, CloudFormation `Ref`/`GetAtt`).
   * Lets a describer find the bucket an `aws_s3_bucket_public_access_block` belongs to even when
   * the bucket's name is known only after apply.
   */
  readonly references?: Readonly<Record<string, readonly string[]>>;
  /** Region from the deployment context (provider configuration, stack environment); describers may refine it. */
  readonly region: Fact<string>;
  readonly source: SourceLocation;
  /** Stack, module or project the resource belongs to; matched by `classification.stacks` in config. */
  readonly stack?: string;
}

/** What a reader hands on: the resources, plus anything it saw but could not read as resources. */
export interface ReadResult {
  readonly resources: readonly RawResource[];
  /** Artifact-level notes, e.g. "3 resources are being deleted and were not evaluated". */
  readonly notes?: readonly string[];
}
