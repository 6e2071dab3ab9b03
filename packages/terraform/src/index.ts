// Public API of @eugate/terraform.

export { decodeArtifactText } from './read/decode.js';
export { looksLikeTerraformPlan, readTerraformPlan } from './read/plan.js';
