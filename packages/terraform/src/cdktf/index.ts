// Public API of @eugate/terraform/cdktf: the only entry point that imports cdktf.

export { EugateAspect } from './aspect.js';
export type { EugateCdktfOptions } from './options.js';
export { expectCompliant, NotCompliantError, scanCdktfStack } from './scan.js';
