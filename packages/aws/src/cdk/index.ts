// Public API of @eugate/aws/cdk: the only entry point that imports aws-cdk-lib (an optional peer).

export { acknowledgementId } from './acknowledgements.js';
export { expectCompliant, findings } from './assertions.js';
export type { EugateCdkOptions, EugateConfigInput } from './options.js';
export { EugatePlugin, type EugatePluginOptions } from './plugin.js';
