// Public API of @eugate/aws.

export { cloudFormationDescriber } from './describe/cloudformation/index.js';
export { terraformAwsDescriber } from './describe/terraform/index.js';
