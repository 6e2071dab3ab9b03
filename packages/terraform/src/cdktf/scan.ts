import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { terraformAwsDescriber } from '@eugate/aws';
import { terraformAzurermDescriber } from '@eugate/azure';
import { type Describer, type EugateConfig, type Report, renderText, scanRawResources } from '@eugate/core';
import { App, type TerraformStack, Testing } from 'cdktf';
import { readTerraformJsonConfig } from '../config/read-config.js';
import { type EugateCdktfOptions, resolveConfig, resolveToday } from './options.js';
import { synthesizedJson } from './stack-json.js';

/** The schema families a CDKTF stack can hold that eugate describes; other providers are listed as not modelled. */
const CDKTF_DESCRIBERS: readonly Describer[] = [terraformAwsDescriber, terraformAzurermDescriber];

/** This package's version goes into the report, as the CLI puts its own. */
const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * The report for one stack as `app.synth()` would write it: the stack's aspects are invoked first
 * (so changes they make are judged), then its Terraform JSON goes through the same reader and
 * pipeline as `eugate scan cdktf.out`. For unit tests: `expect(scanCdktfStack(stack).verdict)…`.
 */
export function scanCdktfStack(stack: TerraformStack, options: EugateCdktfOptions = {}): Report {
  // Testing.synth is cdktf's public way to run a stack's aspects without writing files.
  Testing.synth(stack);
  return scanSynthesizedStack(stack, resolveConfig(options), resolveToday(options));
}

/** Thrown by `expectCompliant`; `message` is the text report, `report` the whole of it. */
export class NotCompliantError extends Error {
  override readonly name = 'NotCompliantError';
  constructor(readonly report: Report) {
    super(renderText(report, { color: false }).trimEnd());
  }
}

/** `scanCdktfStack`, throwing `NotCompliantError` with the text report when the gate fails. */
export function expectCompliant(stack: TerraformStack, options: EugateCdktfOptions = {}): Report {
  const report = scanCdktfStack(stack, options);
  if (report.verdict === 'fail') throw new NotCompliantError(report);
  return report;
}

/** The report for a stack whose aspects have already run (inside synth, from the aspect's validation). */
export function scanSynthesizedStack(stack: TerraformStack, config: EugateConfig, today: string): Report {
  const file = synthesizedFile(stack);
  const name = stack.node.id;
  // The text synth writes to `cdk.tf.json`, construct paths in its `//` metadata. Addresses are
  // prefixed with the stack name, as `eugate scan cdktf.out` does, so waivers match in both.
  const text = synthesizedJson(stack.toTerraform());
  const read = readTerraformJsonConfig(text, file, { stack: name, addressPrefix: `${name}/` });
  return scanRawResources(
    { resources: read.resources, inputs: [file], ...(read.notes !== undefined && { notes: read.notes }) },
    CDKTF_DESCRIBERS,
    config,
    { today, toolVersion: VERSION },
  );
}

/**
 * Where synth writes the stack (`cdktf.out/stacks/<stack>/cdk.tf.json`), relative to the working
 * directory, so the aspect's findings name the file `eugate scan cdktf.out` names.
 */
function synthesizedFile(stack: TerraformStack): string {
  const root = stack.node.root;
  const outdir = App.isApp(root) ? relative(process.cwd(), root.outdir) : 'cdktf.out';
  return join(outdir, 'stacks', stack.node.id, 'cdk.tf.json').split(sep).join('/');
}
