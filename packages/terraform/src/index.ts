// Public API of @eugate/terraform.

export { looksLikeCdktfOutput, readCdktfOutput } from './config/cdktf-output.js';
export type { TerraformConfigOptions } from './config/options.js';
export { looksLikeTerraformJsonConfig, readTerraformJsonConfig } from './config/read-config.js';
export {
  looksLikeTerraformDirectory,
  readTerraformDirectory,
  readTerraformDirectorySync,
} from './hcl/read-directory.js';
export { decodeArtifactText } from './read/decode.js';
export { looksLikeTerraformPlan, readTerraformPlan } from './read/plan.js';
