/** Options of the Terraform configuration readers. */
export interface TerraformConfigOptions {
  /**
   * `RawResource.stack` of every resource. Defaults to the CDKTF stack name of the document's
   * `//.metadata.stackName`, else the module address (`root` for the root module), as the plan reader does.
   */
  readonly stack?: string;
  /** Put before every address, e.g. `<stack>/` when several stacks are read in one scan. */
  readonly addressPrefix?: string;
  /** Values of the root module's input variables (`-var`); they win over the declared defaults. */
  readonly variables?: Readonly<Record<string, unknown>>;
}
