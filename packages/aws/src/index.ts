// Public API of @eugate/aws.

export { terraformAwsDescriber } from './describe/terraform/index.js';
