export { PROFILE_NAMES, type ResolveProfileOptions, resolveProfile } from './resolve-profile.js';
export type * from './types.js';
