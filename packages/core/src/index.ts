// Public API of @eugate/core. Each area exports through its folder's index.

export * from './classify/index.js';
export * from './config/index.js';
export * from './describe/terraform-scan.js';
export * from './engine/index.js';
export * from './graph/index.js';
export * from './limits/limits.js';
export * from './model/describer.js';
export * from './model/errors.js';
export * from './model/evidence.js';
export * from './model/knowable.js';
export * from './model/properties.js';
export * from './model/raw.js';
export * from './model/resource.js';
export * from './model/source.js';
export * from './model/typed-read.js';
export * from './policies/index.js';
export * from './profiles/index.js';
export * from './read/located-json.js';
export * from './regions/index.js';
export * from './report/index.js';
export * from './waivers/index.js';
