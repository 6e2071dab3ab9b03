import { InputError, UnknownValue } from '@eugate/core';
import { defineOwn, isJsonObject, type JsonObject, own, ownObject, ownString } from '../read/json-value.js';
import { MAP_ARGUMENTS } from './map-arguments.js';
import type {
  LocalValue,
  ModuleCallBlock,
  ModuleConfig,
  ProviderBlock,
  ResourceBlock,
  VariableBlock,
} from './model.js';

/**
 * How a document writes nested blocks. Terraform JSON syntax (`*.tf.json`, CDKTF) writes a block
 * that occurs once as an object; hcl2json always writes blocks as lists, and objects are map values.
 */
export type BlockSyntax = 'json' | 'hcl2json';

/** Line of a block header, when the reader can find it: `('resource', ['aws_s3_bucket', 'b'])`. */
export type BlockLines = (
  keyword: string,
  labels: readonly string[],
  /** Which of several blocks with the same header (`locals`), counting from 0. */
  occurrence?: number,
) => number | undefined;

/** Arguments Terraform itself interprets on every resource; they are not resource properties. */
const RESOURCE_META = new Set([
  '//',
  'count',
  'for_each',
  'provider',
  'depends_on',
  'lifecycle',
  'provisioner',
  'connection',
]);
const MODULE_META = new Set(['//', 'source', 'version', 'providers', 'count', 'for_each', 'depends_on']);

/** One file's configuration in the module structure the evaluator reads. */
export function normaliseDocument(
  document: unknown,
  file: string,
  syntax: BlockSyntax,
  lines: BlockLines = () => undefined,
): ModuleConfig {
  if (!isJsonObject(document)) {
    throw new InputError(
      'EUGATE_INPUT_NOT_RECOGNISED',
      file,
      'is not a Terraform configuration (not a JSON object)',
    );
  }
  const where = (line: number | undefined) => (line === undefined ? { file } : { file, line });
  const variables = new Map<string, VariableBlock>();
  for (const { labels, body } of blocksOf(own(document, 'variable'), 1, file, 'variable')) {
    const name = labels[0] as string;
    const line = lines('variable', labels);
    unique(variables, name, `variable "${name}"`, file, line);
    variables.set(name, {
      ...where(line),
      ...(Object.hasOwn(body, 'default') ? { default: { value: body.default } } : {}),
    });
  }
  const locals = new Map<string, LocalValue>();
  let occurrence = 0;
  for (const { body } of blocksOf(own(document, 'locals'), 0, file, 'locals')) {
    const line = lines('locals', [], occurrence++);
    for (const name of Object.keys(body)) {
      if (name === '//') continue;
      unique(locals, name, `local value "${name}"`, file, line);
      locals.set(name, { ...where(line), value: body[name] });
    }
  }
  const providers: ProviderBlock[] = [];
  for (const { labels, body } of blocksOf(own(document, 'provider'), 1, file, 'provider')) {
    const alias = ownString(body, 'alias');
    const line = lines('provider', labels);
    providers.push({
      ...where(line),
      name: labels[0] as string,
      ...(alias === undefined ? {} : { alias }),
      body: normaliseBody(body, syntax, new Set(['//', 'alias'])),
    });
  }
  const requiredProviders = new Map<string, string>();
  for (const { body } of blocksOf(own(document, 'terraform'), 0, file, 'terraform')) {
    for (const required of blocksOf(own(body, 'required_providers'), 0, file, 'required_providers')) {
      for (const name of Object.keys(required.body)) {
        const source = ownString(required.body[name], 'source');
        if (source !== undefined) requiredProviders.set(name, source);
      }
    }
  }
  const resources: ResourceBlock[] = [];
  const seen = new Set<string>();
  for (const { labels, body } of blocksOf(own(document, 'resource'), 2, file, 'resource')) {
    const [type, name] = labels as [string, string];
    const line = lines('resource', labels);
    unique(seen, `${type}.${name}`, `resource "${type}" "${name}"`, file, line);
    seen.add(`${type}.${name}`);
    const construct = ownString(ownObject(ownObject(body, '//'), 'metadata'), 'path');
    const provider = own(body, 'provider');
    resources.push({
      ...where(line),
      type,
      name,
      body: normaliseBody(body, syntax, RESOURCE_META),
      ...meta(body, 'count', 'count'),
      ...meta(body, 'for_each', 'forEach'),
      ...(typeof provider === 'string' ? { provider } : {}),
      ...(construct === undefined ? {} : { construct }),
    });
  }
  const dataSources = new Set<string>();
  for (const { labels } of blocksOf(own(document, 'data'), 2, file, 'data'))
    dataSources.add(labels.join('.'));
  const moduleCalls: ModuleCallBlock[] = [];
  for (const { labels, body } of blocksOf(own(document, 'module'), 1, file, 'module')) {
    const name = labels[0] as string;
    const line = lines('module', labels);
    unique(new Set(moduleCalls.map((call) => call.name)), name, `module "${name}"`, file, line);
    const source = ownString(body, 'source');
    const version = ownString(body, 'version');
    const providersMap = ownObject(body, 'providers');
    const construct = ownString(ownObject(ownObject(body, '//'), 'metadata'), 'path');
    moduleCalls.push({
      ...where(line),
      name,
      ...(source === undefined ? {} : { source }),
      ...(version === undefined ? {} : { version }),
      inputs: normaliseBody(body, syntax, MODULE_META),
      ...(providersMap === undefined ? {} : { providers: providersMap }),
      ...meta(body, 'count', 'count'),
      ...meta(body, 'for_each', 'forEach'),
      ...(construct === undefined ? {} : { construct }),
    });
  }
  return { variables, locals, providers, requiredProviders, resources, dataSources, moduleCalls };
}

function meta<K extends string>(body: JsonObject, key: string, as: K): { [P in K]?: { value: unknown } } {
  return (Object.hasOwn(body, key) ? { [as]: { value: body[key] } } : {}) as {
    [P in K]?: { value: unknown };
  };
}

function unique(
  seen: { has(key: string): boolean },
  key: string,
  what: string,
  file: string,
  line: number | undefined,
): void {
  if (seen.has(key)) {
    throw new InputError(
      'EUGATE_INPUT_MALFORMED',
      file,
      `${what} is declared twice`,
      line === undefined ? undefined : { line },
    );
  }
}

/** The configuration of a module made of several files; a name declared in two files is an error. */
export function mergeModules(parts: readonly ModuleConfig[], directory?: string): ModuleConfig {
  const variables = new Map<string, VariableBlock>();
  const locals = new Map<string, LocalValue>();
  const requiredProviders = new Map<string, string>();
  const resourceNames = new Set<string>();
  const moduleNames = new Set<string>();
  const dataSources = new Set<string>();
  for (const part of parts) {
    for (const [name, variable] of part.variables) {
      unique(
        variables,
        name,
        `variable "${name}" (also in ${variables.get(name)?.file})`,
        variable.file,
        variable.line,
      );
      variables.set(name, variable);
    }
    for (const [name, local] of part.locals) {
      unique(
        locals,
        name,
        `local value "${name}" (also in ${locals.get(name)?.file})`,
        local.file,
        local.line,
      );
      locals.set(name, local);
    }
    for (const [name, source] of part.requiredProviders) requiredProviders.set(name, source);
    for (const resource of part.resources) {
      const key = `${resource.type}.${resource.name}`;
      unique(
        resourceNames,
        key,
        `resource "${resource.type}" "${resource.name}"`,
        resource.file,
        resource.line,
      );
      resourceNames.add(key);
    }
    for (const call of part.moduleCalls) {
      unique(moduleNames, call.name, `module "${call.name}"`, call.file, call.line);
      moduleNames.add(call.name);
    }
    for (const data of part.dataSources) dataSources.add(data);
  }
  return {
    ...(directory === undefined ? {} : { directory }),
    variables,
    locals,
    providers: parts.flatMap((part) => part.providers),
    requiredProviders,
    resources: parts.flatMap((part) => part.resources),
    dataSources,
    moduleCalls: parts.flatMap((part) => part.moduleCalls),
  };
}

interface Block {
  readonly labels: readonly string[];
  readonly body: JsonObject;
}

/**
 * Blocks with `labelCount` labels. JSON syntax nests one object per label and allows a list of
 * objects at every level (hcl2json uses lists for the bodies); `//` keys are comments.
 */
function blocksOf(value: unknown, labelCount: number, file: string, what: string): Block[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item) => blocksOf(item, labelCount, file, what));
  if (!isJsonObject(value)) {
    throw new InputError(
      'EUGATE_INPUT_MALFORMED',
      file,
      `"${what}" is ${JSON.stringify(value)}, not an object`,
      {
        key: what,
      },
    );
  }
  if (labelCount === 0) return [{ labels: [], body: value }];
  const blocks: Block[] = [];
  for (const label of Object.keys(value)) {
    if (label === '//') continue;
    for (const inner of blocksOf(value[label], labelCount - 1, file, `${what}.${label}`)) {
      blocks.push({ labels: [label, ...inner.labels], body: inner.body });
    }
  }
  return blocks;
}

/**
 * A block body as the describers read a plan: single nested blocks become one-element lists,
 * `dynamic` blocks become unknown values (their content is generated at plan time).
 */
function normaliseBody(body: JsonObject, syntax: BlockSyntax, skip: ReadonlySet<string>): JsonObject {
  const result: JsonObject = {};
  for (const key of Object.keys(body)) {
    if (skip.has(key) || key === '//') continue;
    const value = body[key];
    if (key === 'dynamic' && isJsonObject(value)) {
      for (const name of Object.keys(value)) {
        if (name === '//') continue;
        defineOwn(
          result,
          name,
          new UnknownValue(
            `the "${name}" blocks are generated by a dynamic block, which eugate does not expand`,
          ),
        );
      }
      continue;
    }
    if (MAP_ARGUMENTS.has(key)) defineOwn(result, key, value);
    else if (isJsonObject(value)) {
      const block = normaliseBody(value, syntax, NO_SKIP);
      defineOwn(result, key, syntax === 'json' ? [block] : block);
    } else if (Array.isArray(value) && value.length > 0 && value.every(isJsonObject)) {
      defineOwn(
        result,
        key,
        value.map((item) => normaliseBody(item as JsonObject, syntax, NO_SKIP)),
      );
    } else defineOwn(result, key, value);
  }
  return result;
}

const NO_SKIP: ReadonlySet<string> = new Set();
