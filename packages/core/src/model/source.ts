/** Where a resource is defined, as precisely as the artifact tells. Paths are relative to the working directory. */
export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** CDK / CDKTF construct path, e.g. `MyStack/Orders/Table`. */
  readonly construct?: string;
}
