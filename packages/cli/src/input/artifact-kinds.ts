import { looksLikeCloudFormationTemplate, readCloudFormationTemplate } from '@eugate/aws';
import type { ReadResult } from '@eugate/core';
import { looksLikeTerraformPlan, readTerraformPlan } from '@eugate/terraform';

/** What the user told us about the deployment that an artifact may not state itself. */
export interface ReadContext {
  /** `--region` or the config's `region`: for templates, which do not say where they are deployed. */
  readonly region?: string;
}

/**
 * The artifact formats `eugate scan` recognises. Detection looks at the content, never only at the
 * file name: a plan saved as `plan.txt` is still a plan, and a `.json` that is none of these is an error.
 */
export interface ArtifactKind {
  readonly name: string;
  /** How the format is named in messages and `--help`. */
  readonly description: string;
  /** Cheap test on the decoded text (may be the start of a large file). */
  sniff(text: string): boolean;
  read(text: string, file: string, context: ReadContext): ReadResult;
}

const TERRAFORM_PLAN: ArtifactKind = {
  name: 'terraform-plan',
  description: 'Terraform plan JSON (terraform show -json plan.out)',
  sniff(text) {
    const head = text.slice(0, 65_536);
    if (!head.includes('"format_version"')) return false;
    // A plan names its Terraform version; the JSON of a saved state or a provider schema names other keys.
    if (
      head.includes('"terraform_version"') ||
      head.includes('"planned_values"') ||
      head.includes('"resource_changes"')
    ) {
      return true;
    }
    try {
      return looksLikeTerraformPlan(JSON.parse(text));
    } catch {
      return false; // not JSON at all: some other kind may still claim it, else it is reported as unrecognised
    }
  },
  read: (text, file) => readTerraformPlan(text, file),
};

const CLOUDFORMATION_TEMPLATE: ArtifactKind = {
  name: 'cloudformation-template',
  description: 'CloudFormation template (JSON or YAML, e.g. cdk.out/*.template.json)',
  sniff: (text) => looksLikeCloudFormationTemplate(text),
  read: (text, file, context) =>
    readCloudFormationTemplate(text, file, context.region === undefined ? {} : { region: context.region }),
};

/** Tried in order; a Terraform plan is recognised first because its JSON may embed anything. */
export const ARTIFACT_KINDS: readonly ArtifactKind[] = [TERRAFORM_PLAN, CLOUDFORMATION_TEMPLATE];

export function describeArtifactKinds(): string {
  return [...ARTIFACT_KINDS.map((kind) => kind.description), 'CDK cloud assembly (a cdk.out directory)'].join(
    '; ',
  );
}
