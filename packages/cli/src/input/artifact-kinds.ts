import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { looksLikeCloudFormationTemplate, readCloudFormationTemplate } from '@eugate/aws';
import {
  findArmParametersFile,
  hasTemplateBeside,
  looksLikeArmParameters,
  looksLikeArmTemplate,
  parametersFileName,
  readArmTemplate,
} from '@eugate/azure';
import { InputError, type ReadResult } from '@eugate/core';
import {
  eventLogError,
  loadStackConfig,
  type PulumiReadOptions,
  readPulumiPreview,
  readPulumiStackExport,
  sniffPulumiArtifact,
} from '@eugate/pulumi';
import {
  looksLikeTerraformJsonConfig,
  looksLikeTerraformPlan,
  readTerraformJsonConfig,
  readTerraformPlan,
} from '@eugate/terraform';

/** What the user told us about the deployment that an artifact may not state itself. */
export interface ReadContext {
  /** `--region` or the config's `region`: for templates, which do not say where they are deployed. */
  readonly region?: string;
  /** The working directory the displayed paths are relative to (to find files beside an artifact). */
  readonly cwd?: string;
  /** `--stack-config`: the Pulumi stack config file, as the user gave it. */
  readonly stackConfig?: string;
  /** `--location`: the resource group's location, for ARM templates (`resourceGroup().location`). */
  readonly location?: string;
  /** ARM parameters files the user named on the command line (as given), paired with the templates. */
  readonly armParametersFiles?: readonly string[];
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

const TERRAFORM_JSON_CONFIG: ArtifactKind = {
  name: 'terraform-json-config',
  description: 'Terraform JSON configuration (*.tf.json, CDKTF cdk.tf.json)',
  sniff(text) {
    const head = text.slice(0, 65_536);
    if (!/^\s*\{/.test(head) || !/"(resource|terraform|provider|module)"\s*:/.test(head)) return false;
    try {
      return looksLikeTerraformJsonConfig(JSON.parse(text));
    } catch {
      return false;
    }
  },
  read: (text, file) => readTerraformJsonConfig(text, file),
};

const CLOUDFORMATION_TEMPLATE: ArtifactKind = {
  name: 'cloudformation-template',
  description: 'CloudFormation template (JSON or YAML, e.g. cdk.out/*.template.json)',
  sniff: (text) => looksLikeCloudFormationTemplate(text),
  read: (text, file, context) =>
    readCloudFormationTemplate(text, file, context.region === undefined ? {} : { region: context.region }),
};

/** `--stack-config`, or the artifact's location to find `Pulumi.<stack>.yaml` beside it. */
function pulumiOptions(file: string, context: ReadContext): PulumiReadOptions {
  const cwd = context.cwd ?? process.cwd();
  return context.stackConfig !== undefined
    ? { stackConfig: loadStackConfig(resolve(cwd, context.stackConfig), context.stackConfig) }
    : { path: resolve(cwd, file) };
}

/** Also claims engine event logs, to refuse them with a clear message rather than "not recognised". */
const PULUMI_PREVIEW: ArtifactKind = {
  name: 'pulumi-preview',
  description: 'Pulumi preview JSON (pulumi preview --json)',
  sniff: (text) => {
    const format = sniffPulumiArtifact(text);
    return format === 'preview' || format === 'event-log';
  },
  read: (text, file, context) => {
    if (sniffPulumiArtifact(text) === 'event-log') throw eventLogError(file);
    return readPulumiPreview(text, file, pulumiOptions(file, context));
  },
};

const PULUMI_STACK_EXPORT: ArtifactKind = {
  name: 'pulumi-stack-export',
  description: 'Pulumi stack export (pulumi stack export)',
  sniff: (text) => sniffPulumiArtifact(text) === 'stack-export',
  read: (text, file, context) => readPulumiStackExport(text, file, pulumiOptions(file, context)),
};

/** An ARM template, with the parameters file named on the command line or `<template>.parameters.json` beside it. */
const ARM_TEMPLATE: ArtifactKind = {
  name: 'arm-template',
  description: 'ARM template (azuredeploy.json, Bicep build output) with its parameters file',
  sniff: (text) => looksLikeArmTemplate(text),
  read(text, file, context) {
    const cwd = context.cwd ?? process.cwd();
    const explicit = (context.armParametersFiles ?? []).map((given) => resolve(cwd, given));
    const parameters = findArmParametersFile(resolve(cwd, file), explicit, file);
    const parametersFile = parameters === undefined ? undefined : relative(cwd, parameters);
    return readArmTemplate(text, file, {
      ...(context.location !== undefined && { location: context.location }),
      ...(parameters !== undefined &&
        parametersFile !== undefined && {
          parametersFile: { text: readParametersFile(parameters, parametersFile), file: parametersFile },
        }),
    });
  },
};

function readParametersFile(path: string, display: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new InputError('EUGATE_INPUT_NOT_FOUND', display, 'the ARM parameters file cannot be read');
  }
}

/** Recognised so it is not reported as unknown; its values are read with its template. */
const ARM_PARAMETERS: ArtifactKind = {
  name: 'arm-parameters',
  description: 'ARM parameters file (azuredeploy.parameters.json, read with its template)',
  sniff: (text) => looksLikeArmParameters(text),
  read(_text, file, context) {
    const cwd = context.cwd ?? process.cwd();
    const path = resolve(cwd, file);
    const explicit = (context.armParametersFiles ?? []).some((given) => resolve(cwd, given) === path);
    if (explicit)
      return {
        resources: [],
        notes: ['ARM parameters file: its values are read with the ARM template given with it'],
      };
    if (hasTemplateBeside(path))
      return {
        resources: [],
        notes: ['ARM parameters file: its values are read with the template beside it'],
      };
    return {
      resources: [],
      notes: [
        `ARM parameters file with no template beside it (expected a template whose parameters file is named like ${parametersFileName('azuredeploy.json')}); not read — name it on the command line with its template`,
      ],
    };
  },
};

/** Tried in order; a Terraform plan is recognised first because its JSON may embed anything. */
export const ARTIFACT_KINDS: readonly ArtifactKind[] = [
  TERRAFORM_PLAN,
  TERRAFORM_JSON_CONFIG,
  // Before templates: a Pulumi stack's inputs may hold a whole CloudFormation template body.
  PULUMI_PREVIEW,
  PULUMI_STACK_EXPORT,
  CLOUDFORMATION_TEMPLATE,
  ARM_TEMPLATE,
  ARM_PARAMETERS,
];

export function describeArtifactKinds(): string {
  return [
    ...ARTIFACT_KINDS.map((kind) => kind.description),
    'CDK cloud assembly (a cdk.out directory)',
    'CDKTF synth output (a cdktf.out directory)',
    'Terraform configuration (a directory of .tf files)',
  ].join('; ');
}
