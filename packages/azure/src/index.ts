// Public API of @eugate/azure.

export {
  ArmResourceReference,
  isArmResourceReference,
  isSymbolicValue,
  SymbolicValue,
} from './arm/evaluate.js';
export { findArmParametersFile, hasTemplateBeside, parametersFileName } from './arm/pairing.js';
export {
  type ArmParametersFile,
  looksLikeArmParameters,
} from './arm/parameters-file.js';
export { type ArmTemplateOptions, looksLikeArmTemplate, readArmTemplate } from './arm/template.js';
export { armDescriber } from './describe/arm/index.js';
export { terraformAzurermDescriber } from './describe/terraform/index.js';
