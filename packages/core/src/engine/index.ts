export { type DescribeAllResult, describeAll } from './describe.js';
export { type EvaluateOptions, type EvaluationInput, evaluate, exitCodeFor } from './evaluate.js';
export { type RawScanInput, scanRawResources } from './pipeline.js';
