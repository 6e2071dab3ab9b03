import {
  evidence,
  type Fact,
  InputError,
  isInputError,
  isUnknownValue,
  type Knowable,
  known,
  knownFact,
  type RawResource,
  type ReadResult,
  SCHEMA,
  type SourceLocation,
  type UnknownValue,
  unknown,
  unknownFact,
} from '@eugate/core';
import {
  CycleGuard,
  createTemplateResolver,
  NO_VALUE,
  type StackContext,
  type TemplateResolver,
} from './intrinsics.js';
import { defineOwn, isJsonObject, type JsonObject, own, ownObject, ownString } from './json-value.js';
import { parseTemplateText } from './parse.js';

export interface CloudFormationTemplateOptions {
  /** The region the template is deployed to (`--region`, config `region`); a template never says. */
  readonly region?: string;
  /** The stack name: prefixes addresses (`<stackName>/<LogicalId>`) and is `AWS::StackName`. */
  readonly stackName?: string;
  /** The account, for `AWS::AccountId`. */
  readonly account?: string;
  /** Parameter values for this deployment; they take the place of the parameters' defaults. */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** Exports of other stacks (name → value), for `Fn::ImportValue`. */
  readonly exports?: Readonly<Record<string, unknown>>;
}

export const NO_TEMPLATE_REGION =
  'a CloudFormation template does not state its region; pass --region or set `region` in the config';

const NOT_A_TEMPLATE = 'not a CloudFormation template';
const RESOURCE_TYPE = /["']?Type["']?\s*:\s*["']?(AWS|Custom|Alexa)::/;

/**
 * For the CLI's detection, without parsing: a template names its format version, or has a
 * `Resources` section whose entries have CloudFormation types.
 */
export function looksLikeCloudFormationTemplate(text: string): boolean {
  if (/["']?AWSTemplateFormatVersion["']?\s*:/.test(text)) return true;
  return /(^|[\s{,])["']?Resources["']?\s*:/m.test(text) && RESOURCE_TYPE.test(text);
}

/**
 * Reads a CloudFormation template (JSON or YAML): one raw resource per deployed resource, with
 * intrinsic functions resolved as far as the template and `options` determine them. Throws
 * `InputError` naming `file` for anything that is not a readable template.
 */
export function readCloudFormationTemplate(
  text: string,
  file: string,
  options: CloudFormationTemplateOptions = {},
): ReadResult {
  const parsed = parseTemplateText(text, file);
  const template = checkTemplate(parsed.value, file, true);
  const exports = options.exports;
  const region: Knowable<string> =
    options.region === undefined ? unknown(NO_TEMPLATE_REGION) : known(options.region);
  const context: StackContext = {
    file,
    addressPrefix: options.stackName === undefined ? '' : `${options.stackName}/`,
    region,
    guard: new CycleGuard(),
    ...(options.stackName === undefined ? {} : { stackName: options.stackName }),
    ...(options.account === undefined ? {} : { account: options.account }),
    ...(options.parameters === undefined ? {} : { parameters: options.parameters }),
    ...(exports === undefined
      ? {}
      : { importValue: (name: string) => (Object.hasOwn(exports, name) ? exports[name] : undefined) }),
  };
  const stack = readStackResources({
    template,
    resolver: createTemplateResolver(template, context),
    file,
    region:
      options.region === undefined
        ? unknownFact(NO_TEMPLATE_REGION)
        : knownFact(options.region, evidence('--region / config region', options.region)),
    resourceLines: parsed.resourceLines,
    ...(options.stackName === undefined ? {} : { stack: options.stackName }),
  });
  return { resources: stack.resources, notes: stack.notes };
}

/** The parsed document as a template, or an `InputError` saying why it is not one. */
export function checkTemplate(value: unknown, file: string, requireResources: boolean): JsonObject {
  if (!isJsonObject(value)) {
    const what = Array.isArray(value) ? 'a list' : value === null ? 'nothing' : `a ${typeof value}`;
    throw new InputError('EUGATE_INPUT_NOT_RECOGNISED', file, `holds ${what}: ${NOT_A_TEMPLATE}`);
  }
  const resources = own(value, 'Resources');
  if (resources === undefined && !requireResources) return value;
  if (!isJsonObject(resources)) {
    throw new InputError(
      'EUGATE_INPUT_NOT_RECOGNISED',
      file,
      resources === undefined
        ? `has no Resources section: ${NOT_A_TEMPLATE}`
        : `its Resources section is not a map: ${NOT_A_TEMPLATE}`,
    );
  }
  return value;
}

export interface StackInput {
  readonly template: JsonObject;
  readonly resolver: TemplateResolver;
  readonly file: string;
  readonly region: Fact<string>;
  readonly stack?: string;
  readonly resourceLines?: ReadonlyMap<string, number>;
  /** Construct paths by logical id from elsewhere (a cloud assembly's manifest metadata). */
  readonly constructs?: ReadonlyMap<string, string>;
  /**
   * In a cloud assembly: template files by asset hash, from its asset manifests. Finds a nested
   * stack's template from the hash in its `TemplateURL` when CDK wrote no `aws:asset:path`
   * metadata (an in-process `app.synth()` writes none).
   */
  readonly assetFiles?: ReadonlyMap<string, string>;
}

/** An `AWS::CloudFormation::Stack` whose template is a CDK asset in the same cloud assembly. */
export interface NestedStackReference {
  readonly logicalId: string;
  readonly address: string;
  readonly templateFile: string;
  /** The stack resource's resolved `Parameters`: the nested template's parameter values. */
  readonly parameters: Readonly<Record<string, unknown>> | UnknownValue;
}

export interface StackResources {
  readonly resources: RawResource[];
  readonly notes: string[];
  readonly nested: NestedStackReference[];
}

/** Reads the `Resources` of one stack's template through its resolver. */
export function readStackResources(input: StackInput): StackResources {
  const { template, resolver, file } = input;
  const resources: RawResource[] = [];
  const notes: string[] = [];
  const nested: NestedStackReference[] = [];
  const transform = own(template, 'Transform');
  if (transform !== undefined) {
    notes.push(
      `${file}: the template declares Transform ${JSON.stringify(transform)}; resources the transform adds at deploy time are not seen`,
    );
  }
  for (const [logicalId, definition] of Object.entries(ownObject(template, 'Resources') ?? {})) {
    const address = resolver.address(logicalId);
    if (logicalId.startsWith('Fn::ForEach::')) {
      notes.push(
        `${file}: ${logicalId} (AWS::LanguageExtensions) is not expanded; the resources it creates are not checked`,
      );
      continue;
    }
    const type = ownString(definition, 'Type');
    if (!isJsonObject(definition) || type === undefined) {
      throw new InputError('EUGATE_INPUT_MALFORMED', file, `resource ${logicalId} has no Type`, {
        key: `Resources.${logicalId}`,
      });
    }
    const condition = own(definition, 'Condition');
    if (typeof condition === 'string') {
      const deployed = locate(file, `Resources.${logicalId}.Condition`, () => resolver.condition(condition));
      if (deployed.known && !deployed.value) {
        notes.push(`${file}: ${address} (${type}) is not deployed: its condition ${condition} is false`);
        continue;
      }
      if (!deployed.known) {
        notes.push(
          `${file}: ${address} (${type}) is checked although it may not be deployed: ${deployed.reason}`,
        );
      }
    }
    const properties: JsonObject = {};
    const references: Record<string, readonly string[]> = {};
    for (const [name, value] of Object.entries(ownObject(definition, 'Properties') ?? {})) {
      const refs = new Set<string>();
      const resolved = locate(file, `Resources.${logicalId}.Properties.${name}`, () =>
        resolver.resolve(value, refs),
      );
      if (resolved === NO_VALUE) continue;
      defineOwn(properties, name, resolved);
      if (refs.size > 0) references[name] = [...refs].sort();
    }
    const metadata = ownObject(definition, 'Metadata');
    const construct = ownString(metadata, 'aws:cdk:path') ?? input.constructs?.get(logicalId);
    const line = input.resourceLines?.get(logicalId);
    const source: SourceLocation = {
      file,
      ...(line === undefined ? {} : { line }),
      ...(construct === undefined ? {} : { construct }),
    };
    resources.push({
      address,
      type,
      schema: SCHEMA.cloudformation,
      properties,
      ...(Object.keys(references).length === 0 ? {} : { references }),
      region: input.region,
      source,
      ...(input.stack === undefined ? {} : { stack: input.stack }),
    });
    const assetPath =
      type === 'AWS::CloudFormation::Stack'
        ? (ownString(metadata, 'aws:asset:path') ?? templateAsset(definition, input.assetFiles))
        : undefined;
    if (type === 'AWS::CloudFormation::Stack' && assetPath === undefined && input.assetFiles !== undefined) {
      notes.push(
        `${file}: nested stack ${address}: its template is not in the cloud assembly; the resources it deploys are not checked`,
      );
    }
    if (type === 'AWS::CloudFormation::Stack' && assetPath !== undefined) {
      const parameters = properties.Parameters;
      nested.push({
        logicalId,
        address,
        templateFile: assetPath,
        parameters: isUnknownValue(parameters) ? parameters : isJsonObject(parameters) ? parameters : {},
      });
    }
  }
  return { resources, notes, nested };
}

/** The assembly file a nested stack's `TemplateURL` names by its asset hash (`…/<sha256>.json`). */
function templateAsset(
  definition: JsonObject,
  assetFiles: ReadonlyMap<string, string> | undefined,
): string | undefined {
  if (assetFiles === undefined) return undefined;
  const url = JSON.stringify(own(ownObject(definition, 'Properties'), 'TemplateURL') ?? null);
  for (const match of url.matchAll(/([0-9a-f]{64})\.json/g)) {
    const file = assetFiles.get(match[1] as string);
    if (file !== undefined) return file;
  }
  return undefined;
}

/** Names the template key an error from intrinsic resolution is under, when it names none yet. */
function locate<T>(file: string, key: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (isInputError(error) && error.file === file && error.location === undefined) {
      throw new InputError(error.code, error.file, error.problem, { key });
    }
    throw error;
  }
}
