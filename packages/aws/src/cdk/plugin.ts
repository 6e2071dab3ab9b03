import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Report, RULES, renderJson } from '@eugate/core';
import type {
  IPolicyValidationContextBeta1,
  IPolicyValidationPluginBeta1,
  PolicyValidationPluginReportBeta1,
} from 'aws-cdk-lib';
import { PLUGIN_NAME } from './acknowledgements.js';
import type { EugateCdkOptions } from './options.js';
import { scanAssemblies, VERSION } from './scan.js';
import { toValidationReport } from './violations.js';

export interface EugatePluginOptions extends EugateCdkOptions {
  /** Also write the eugate JSON report (docs/report-format.md) to this file, relative to the working directory. */
  readonly reportFile?: string;
}

/**
 * The context aws-cdk-lib passes: Beta1 gives `templatePaths`, current versions add
 * `stackTemplates`. Only the paths are needed; each stack's environment comes from the manifest.
 */
type ValidationContext = IPolicyValidationContextBeta1 & {
  readonly stackTemplates?: readonly { readonly templatePath: string }[];
};

/**
 * eugate as a CDK policy validation plugin: `Validations.of(app).addPlugins(new EugatePlugin())`
 * or `new App({ policyValidationBeta1: [new EugatePlugin()] })`. It runs the same pipeline as
 * `eugate scan cdk.out` on the synthesized assembly, so `app.synth()` / `cdk synth` fails on what
 * the CLI would fail on. Findings are acknowledged with
 * `Validations.of(scope).acknowledge({ id: 'eugate::EU-RES-002', reason })`; they stay in the
 * report as `waived`.
 */
export class EugatePlugin implements IPolicyValidationPluginBeta1 {
  readonly name = PLUGIN_NAME;
  readonly version = VERSION;
  readonly ruleIds = RULES.map((rule) => rule.meta.id);
  readonly #options: EugatePluginOptions;
  #report: Report | undefined;

  constructor(options: EugatePluginOptions = {}) {
    this.#options = options;
  }

  /** The eugate report of the last `validate` run (undefined before, or when it could not run). */
  get report(): Report | undefined {
    return this.#report;
  }

  validate(context: ValidationContext): PolicyValidationPluginReportBeta1 {
    this.#report = undefined;
    try {
      const templates = context.stackTemplates?.map((stack) => stack.templatePath) ?? context.templatePaths;
      const cwd = process.cwd();
      const scan = scanAssemblies(
        templates.map((path) => dirname(path)),
        context.appConstruct,
        this.#options,
        cwd,
      );
      this.#report = scan.report;
      if (this.#options.reportFile !== undefined) {
        writeFileSync(resolve(cwd, this.#options.reportFile), renderJson(scan.report));
      }
      return toValidationReport(scan.report, scan.locations, scan.configSource);
    } catch (error) {
      // A plugin that cannot check has not shown the app is fine: a failed report, never a crash or a pass.
      const message = error instanceof Error ? error.message : String(error);
      return {
        success: false,
        violations: [],
        pluginVersion: VERSION,
        metadata: { error: `eugate could not check the app: ${message}` },
      };
    }
  }
}
