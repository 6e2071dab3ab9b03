import { findStackConfig, type PulumiStackConfig } from './stack-config.js';

/** What the caller knows beside the artifact. */
export interface PulumiReadOptions {
  /** The stack's config (`--stack-config`); otherwise `Pulumi.<stack>.yaml` beside `path` is read. */
  readonly stackConfig?: PulumiStackConfig;
  /** The artifact's path on disk, to find `Pulumi.<stack>.yaml` beside it. */
  readonly path?: string;
}

export function stackConfigFor(
  options: PulumiReadOptions,
  file: string,
  stack: string | undefined,
): { stackConfig?: PulumiStackConfig; missingConfigReason: string } {
  if (options.stackConfig !== undefined) return { stackConfig: options.stackConfig, missingConfigReason: '' };
  if (stack === undefined) return { missingConfigReason: 'the artifact names no stack' };
  const found = options.path === undefined ? undefined : findStackConfig(options.path, file, stack);
  return found !== undefined
    ? { stackConfig: found, missingConfigReason: '' }
    : {
        missingConfigReason: `there is no Pulumi.${stack}.yaml beside ${file} (pass it with --stack-config)`,
      };
}
