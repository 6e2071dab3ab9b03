// Public API of @eugate/azure.

export { terraformAzurermDescriber } from './describe/terraform/index.js';
