import { type EugateConfig, isInputError, type Report, renderText } from '@eugate/core';
import { Annotations, type IAspect, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { type EugateCdktfOptions, resolveConfig, resolveToday } from './options.js';
import { scanSynthesizedStack } from './scan.js';

/**
 * Makes `app.synth()` fail when a stack breaks the gate, with the report the CLI prints:
 *
 *     Aspects.of(stack).add(new EugateAspect({ profile: 'eu' }));
 *
 * Aspects run before the stack is judged, but other aspects may still change resources after this
 * one visits, so the aspect only registers a validation on the stack. cdktf runs validations after
 * every aspect and before writing `cdk.tf.json` (`skipValidation: true` on the App turns them off,
 * this one included). Findings below the gate become a warning annotation on the stack.
 */
export class EugateAspect implements IAspect {
  readonly #config: EugateConfig;
  readonly #today: string;
  readonly #stacks = new WeakSet<TerraformStack>();
  readonly #reports = new Map<string, Report>();

  /** A bad config file or option value throws `InputError` here, before anything is synthesized. */
  constructor(options: EugateCdktfOptions = {}) {
    this.#config = resolveConfig(options);
    this.#today = resolveToday(options);
  }

  /** The last report of each validated stack, by construct path. */
  get reports(): ReadonlyMap<string, Report> {
    return this.#reports;
  }

  visit(node: IConstruct): void {
    const stack = TerraformStack.of(node);
    if (this.#stacks.has(stack)) return;
    this.#stacks.add(stack);
    stack.node.addValidation({ validate: () => this.#validate(stack) });
  }

  #validate(stack: TerraformStack): string[] {
    let report: Report;
    try {
      report = scanSynthesizedStack(stack, this.#config, this.#today);
    } catch (error) {
      // Unreadable configuration fails synth with the reader's one line; anything else is a bug.
      if (isInputError(error)) return [`eugate: ${error.message}`];
      throw error;
    }
    this.#reports.set(stack.node.path, report);
    const text = renderText(report, { color: false }).trimEnd();
    if (report.verdict === 'fail') return [text];
    if (report.findings.length > 0) Annotations.of(stack).addWarning(text);
    return [];
  }
}
