export { link } from './link.js';
export type * from './types.js';
