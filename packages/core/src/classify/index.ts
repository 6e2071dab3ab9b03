export {
  type ClassificationConfig,
  type ClassificationResult,
  classify,
  classifyWithNotes,
} from './classify.js';
export type * from './types.js';
