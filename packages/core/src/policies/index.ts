export { findRule, RULES } from './catalogue.js';
export { renderRuleDoc, renderRuleIndex } from './docs.js';
export { tlsVersionNumber } from './shared.js';
export type * from './types.js';
export { SEVERITIES } from './types.js';
