export { renderJson } from './json.js';
export { renderText, type TextOptions } from './text.js';
export type * from './types.js';
