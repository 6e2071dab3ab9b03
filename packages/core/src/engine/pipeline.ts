import type { EugateConfig } from '../config/types.js';
import type { Describer } from '../model/describer.js';
import type { RawResource } from '../model/raw.js';
import type { Report } from '../report/types.js';
import { describeAll } from './describe.js';
import { type EvaluateOptions, evaluate } from './evaluate.js';

export interface RawScanInput {
  /** What the readers produced, from every input of the scan. */
  readonly resources: readonly RawResource[];
  /** The inputs as the user named them (relative paths, stack names, program names). */
  readonly inputs: readonly string[];
  readonly notes?: readonly string[];
}

/**
 * describe → link → classify → evaluate, from raw resources to the report. Every entry point runs
 * this one function (the CLI, the CDK plugin, the CDKTF aspect, the Pulumi policy pack and program
 * runner), so they give the same verdict for the same resources.
 */
export function scanRawResources(
  input: RawScanInput,
  describers: readonly Describer[],
  config: EugateConfig,
  options: EvaluateOptions,
): Report {
  const { resources, notModelled } = describeAll(input.resources, describers);
  return evaluate(
    {
      resources,
      notModelled: notModelled.map((raw) => ({ type: raw.type, address: raw.address })),
      inputs: input.inputs,
      ...(input.notes !== undefined && { notes: input.notes }),
    },
    config,
    options,
  );
}
