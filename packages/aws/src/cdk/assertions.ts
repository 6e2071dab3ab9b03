import type { Finding } from '@eugate/core';
import { type Stack, Stage } from 'aws-cdk-lib';
import { acknowledgementId } from './acknowledgements.js';
import type { EugateCdkOptions } from './options.js';
import { scanAssemblies } from './scan.js';

/**
 * eugate's findings for one stack (and the nested stacks it deploys), for unit tests. Synthesizes
 * the stack's Stage as `Template.fromStack` does (once; later calls reuse the assembly) and reads
 * the whole assembly, so cross-stack references and each stack's environment are resolved exactly
 * as `EugatePlugin` and `eugate scan cdk.out` resolve them. Acknowledgements count as waivers.
 * Returns failing, unknown and waived findings, sorted; an empty list means every check passed.
 */
export function findings(stack: Stack, options: EugateCdkOptions = {}): Finding[] {
  const stage = Stage.of(stack);
  if (stage === undefined) {
    throw new Error(
      `eugate: stack ${stack.node.path} is not in an App or Stage, so it cannot be synthesized`,
    );
  }
  const assembly = stage.synth();
  const { report } = scanAssemblies([assembly.directory], stack.node.root, options, process.cwd());
  const prefix = `${addressOf(stack)}/`;
  return report.findings.filter((finding) => finding.resource.address.startsWith(prefix));
}

/**
 * Throws an `Error` listing every blocking finding of the stack (rule, construct path, message,
 * evidence, the id to acknowledge it with); returns quietly when there is none. Works in any test
 * runner: it is an ordinary exception.
 */
export function expectCompliant(stack: Stack, options: EugateCdkOptions = {}): void {
  const blocking = findings(stack, options).filter((finding) => finding.blocking);
  if (blocking.length === 0) return;
  const count = `${blocking.length} blocking finding${blocking.length === 1 ? '' : 's'}`;
  throw new Error(`eugate: ${count} in stack ${stack.node.path}:\n${blocking.map(formatFinding).join('\n')}`);
}

/** How the assembly reader names the stack: its artifact's display name, or parent/logical id for a nested stack. */
function addressOf(stack: Stack): string {
  const parent = stack.nestedStackParent;
  const resource = stack.nestedStackResource;
  if (parent === undefined || resource === undefined) return stack.node.path;
  return `${addressOf(parent)}/${parent.resolve(resource.logicalId) as string}`;
}

function formatFinding(finding: Finding): string {
  const where = finding.resource.source.construct ?? finding.resource.address;
  const evidence = finding.evidence.map((item) => `${item.path} = ${JSON.stringify(item.value)}`).join('; ');
  return [
    `  ${finding.rule.id} ${finding.status} ${where} (${finding.resource.address}): ${finding.message}`,
    ...(evidence === '' ? [] : [`    evidence: ${evidence}`]),
    `    acknowledge with: ${acknowledgementId(finding.rule.id)}`,
  ].join('\n');
}
