export { CONFIG_FILE_NAMES, findConfigFile, loadConfigFile } from './load.js';
export { type ConfigOverrides, defaultConfig, mergeConfig, parseConfig } from './parse.js';
export { DEFAULT_NON_PERSONAL_VALUES, DEFAULT_PERSONAL_VALUES, DEFAULT_TAG_KEYS } from './schema.js';
export type * from './types.js';
