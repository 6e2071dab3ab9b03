// Public API of @eugate/aws.

export { cloudFormationDescriber } from './describe/cloudformation/index.js';
export { terraformAwsDescriber } from './describe/terraform/index.js';
export { looksLikeCdkAssembly, readCdkAssembly } from './read/assembly.js';
export { CloudFormationReference, isCloudFormationReference } from './read/intrinsics.js';
export {
  type CloudFormationTemplateOptions,
  looksLikeCloudFormationTemplate,
  readCloudFormationTemplate,
} from './read/template.js';
