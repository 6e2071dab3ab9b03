// Public API of @eugate/pulumi: the readers. No @pulumi/* imports here (the CLI bundles this
// entry point); the program runner and the policy pack are `@eugate/pulumi/program` and `/policy`.

export {
  eventLogError,
  looksLikePulumiPreview,
  looksLikePulumiStackExport,
  type PulumiArtifactFormat,
  sniffPulumiArtifact,
} from './read/detect.js';
export type { PulumiReadOptions } from './read/options.js';
export { readPulumiPreview } from './read/preview.js';
export {
  findStackConfig,
  loadStackConfig,
  type PulumiStackConfig,
  parseStackConfig,
} from './read/stack-config.js';
export { readPulumiStackExport } from './read/stack-export.js';
