import { readFileSync } from 'node:fs';
import { basename, isAbsolute, join, posix, relative, sep } from 'node:path';
import { type RawResource, type Report, scanRawResources } from '@eugate/core';
import type { IConstruct } from 'constructs';
import { cloudFormationDescriber } from '../describe/cloudformation/index.js';
import { readCdkAssembly } from '../read/assembly.js';
import { acknowledgementWaivers, collapseUnusedAcknowledgements } from './acknowledgements.js';
import { type EugateCdkOptions, resolveOptions } from './options.js';

/** The version of `@eugate/aws`: it goes into every report (`src/cdk` and `dist/cdk` are both two levels down). */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Where a resource is in the synthesized templates, as CDK's validation report wants it. */
export interface TemplateLocation {
  readonly logicalId: string;
  /** Absolute path of the template file. */
  readonly templatePath: string;
}

export interface AssemblyScan {
  readonly report: Report;
  /** By resource address. */
  readonly locations: ReadonlyMap<string, TemplateLocation>;
  /** Where the config came from: a file, `options.config` or `defaults`. */
  readonly configSource: string;
}

/**
 * Reads the cloud assemblies in `directories` (a Stage's assembly includes its nested Stages),
 * turns the CDK acknowledgements under `root` into waivers and runs the one eugate pipeline.
 */
export function scanAssemblies(
  directories: readonly string[],
  root: IConstruct,
  options: EugateCdkOptions,
  cwd: string,
): AssemblyScan {
  const resolved = resolveOptions(options, cwd);
  const resources: RawResource[] = [];
  const notes: string[] = [];
  const inputs: string[] = [];
  const locations = new Map<string, TemplateLocation>();
  for (const directory of outermost(directories)) {
    const display = displayPath(cwd, directory);
    const read = readCdkAssembly(directory, display);
    inputs.push(display);
    notes.push(...(read.notes ?? []));
    for (const resource of read.resources) {
      resources.push(resource);
      locations.set(resource.address, {
        logicalId: resource.address.slice(resource.address.lastIndexOf('/') + 1),
        templatePath: join(directory, posix.relative(display, resource.source.file)),
      });
    }
  }
  const acknowledged = acknowledgementWaivers(root);
  const config = { ...resolved.config, waivers: [...resolved.config.waivers, ...acknowledged.waivers] };
  const report = scanRawResources(
    { resources, inputs, notes: [...notes, ...acknowledged.notes] },
    [cloudFormationDescriber],
    config,
    { today: resolved.today, toolVersion: VERSION },
  );
  return { report: collapseUnusedAcknowledgements(report), locations, configSource: resolved.configSource };
}

/** Drops directories inside another one of the list: reading an assembly reads its nested ones. */
function outermost(directories: readonly string[]): string[] {
  const unique = [...new Set(directories)].sort();
  return unique.filter(
    (directory) => !unique.some((other) => other !== directory && directory.startsWith(`${other}${sep}`)),
  );
}

/** Relative to the working directory when inside it; otherwise the directory's own name (never a machine path). */
function displayPath(cwd: string, directory: string): string {
  const rel = relative(cwd, directory);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  return (inside ? rel : basename(directory)).split(sep).join('/');
}
