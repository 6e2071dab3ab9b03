// `@eugate/pulumi/program`: run a Pulumi program in-process under the runtime's mocks and scan it.
// Imports @pulumi/pulumi (an optional peer dependency): only for users' unit tests.

import { cloudFormationDescriber, terraformAwsDescriber } from '@eugate/aws';
import { armDescriber, terraformAzurermDescriber } from '@eugate/azure';
import type { Describer, Report } from '@eugate/core';
import {
  type PulumiProgramOptions,
  readPulumiProgram,
  recordPulumiProgram,
  scanPulumiProgram as scanWith,
} from './run.js';

export type { Registration } from './monitor.js';
export type { PulumiProgramOptions };
export { readPulumiProgram, recordPulumiProgram };

/** The describers of every schema family a Pulumi program's resources map onto. */
export const PULUMI_DESCRIBERS: readonly Describer[] = [
  terraformAwsDescriber,
  terraformAzurermDescriber,
  cloudFormationDescriber,
  armDescriber,
];

/**
 * Runs a Pulumi TypeScript program under `@pulumi/pulumi`'s mocks and returns eugate's report:
 * `await scanPulumiProgram(() => import('./index'), { config: { 'aws:region': 'eu-central-1' } })`.
 * The program runs in this process: it is the user's own code, run by the user's own test.
 */
export function scanPulumiProgram(
  program: () => unknown,
  options: PulumiProgramOptions = {},
): Promise<Report> {
  return scanWith(program, { ...options, describers: options.describers ?? PULUMI_DESCRIBERS });
}
