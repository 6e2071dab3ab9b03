export { awsPartitionOf, listRegions, lookupRegion } from './catalogue.js';
export { countryName } from './countries.js';
export { renderRegionsMarkdown } from './render-markdown.js';
export type * from './types.js';
