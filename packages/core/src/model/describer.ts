import type { RawResource, SchemaFamily } from './raw.js';
import type { Resource } from './resource.js';

export interface DescribeResult {
  readonly resources: readonly Resource[];
  /** Raw resources of this family whose type the describer does not model: listed, never dropped. */
  readonly notModelled: readonly RawResource[];
}

/**
 * Turns the raw resources of one schema family into described resources. It receives all of the
 * family's resources from one scan at once, so it can fold companion resources (an S3 bucket's
 * separate encryption configuration) into the resource they configure.
 */
export interface Describer {
  readonly schema: SchemaFamily;
  describe(resources: readonly RawResource[]): DescribeResult;
}
