import {
  evidence,
  type Fact,
  InputError,
  isUnknownValue,
  knownFact,
  parseLocatedJson,
  type RawResource,
  type ReadResult,
  SCHEMA,
  UnknownValue,
  unknownFact,
} from '@eugate/core';
import { normaliseLocation } from '../describe/shared/location.js';
import {
  type EvaluationScope,
  evaluateExpression,
  isSymbolicValue,
  RESOURCE_GROUP_LOCATION_UNKNOWN,
  SymbolicValue,
  UndeclaredName,
} from './evaluate.js';
import { classifyTemplateString, ExpressionSyntaxError } from './expression.js';
import { defineOwn, isJsonObject, type JsonObject, own, ownObject, ownString } from './json.js';
import { type ArmParametersFile, type ParameterValue, readArmParameters } from './parameters-file.js';

export interface ArmTemplateOptions {
  /**
   * The location of the resource group the template is deployed to (`--location`): the value of
   * `resourceGroup().location`. A template never states it.
   */
  readonly location?: string;
  /** A parameters file for this deployment; its values take the place of the parameters' defaults. */
  readonly parametersFile?: ArmParametersFile;
  /** Parameter values given programmatically; they beat the parameters file. */
  readonly parameters?: Readonly<Record<string, unknown>>;
}

/** The most instances eugate expands for one `copy` loop (ARM's own limit is 800). */
const MAX_COPY = 800;

/** For the CLI's detection: an ARM template names the deploymentTemplate schema. */
export function looksLikeArmTemplate(text: string): boolean {
  return /"\$schema"\s*:\s*"[^"]*[dD]eploymentTemplate\.json/.test(text.slice(0, 4096));
}

type Path = readonly (string | number)[];

function keyOf(path: Path): string {
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
    .join('');
}

/** The body of a template and where it sits in the file (nested templates sit inside their deployment). */
interface TemplateBody {
  readonly template: JsonObject;
  readonly path: Path;
}

interface Context {
  readonly file: string;
  readonly lineOf: (path: Path) => number | undefined;
  readonly resources: RawResource[];
  readonly notes: string[];
  readonly usedAddresses: Set<string>;
}

/**
 * Reads an ARM template (`azuredeploy.json`): one raw resource per resource it deploys, nested child
 * resources flattened with full types and name paths, `copy` loops expanded when their count is
 * known, inline nested deployments read, linked ones listed as not scanned. Expressions are parsed
 * and interpreted by a table of functions; anything not determined by the template, its parameters
 * and `options` is an `UnknownValue` with the reason. Throws `InputError` naming `file` for anything
 * that is not a readable template, an expression syntax error, or a parameters file that does not
 * match the template.
 */
export function readArmTemplate(text: string, file: string, options: ArmTemplateOptions = {}): ReadResult {
  const parsed = parseLocatedJson(text, file);
  const root = parsed.value;
  if (!isJsonObject(root))
    throw new InputError(
      'EUGATE_INPUT_NOT_RECOGNISED',
      file,
      'not an ARM template: the document is not an object',
    );
  const resources = own(root, 'resources');
  if (!Array.isArray(resources) && !isJsonObject(resources))
    throw new InputError(
      'EUGATE_INPUT_NOT_RECOGNISED',
      file,
      'not an ARM template: it has no "resources" list',
    );
  const context: Context = {
    file,
    lineOf: parsed.lineOf,
    resources: [],
    notes: [],
    usedAddresses: new Set(),
  };
  const given = parameterValues(root, file, options);
  const region: Fact<string> =
    options.location === undefined
      ? unknownFact(RESOURCE_GROUP_LOCATION_UNKNOWN)
      : knownFact(
          normaliseLocation(options.location),
          evidence('--location / config location', options.location),
        );
  const scope = createScope({ template: root, path: [] }, context, given, options.location);
  if (options.parametersFile !== undefined)
    context.notes.push(`parameter values from ${options.parametersFile.file}`);
  readResources({ template: root, path: [] }, scope, context, region);
  return { resources: context.resources, notes: context.notes };
}

/** Values for the template's parameters: the parameters file, then `options.parameters`. Names must be declared. */
function parameterValues(
  template: JsonObject,
  file: string,
  options: ArmTemplateOptions,
): Map<string, ParameterValue> {
  const declared = new Set(Object.keys(ownObject(template, 'parameters') ?? {}).map((n) => n.toLowerCase()));
  const values = new Map<string, ParameterValue>();
  if (options.parametersFile !== undefined) {
    const fromFile = readArmParameters(options.parametersFile);
    for (const [key, value] of fromFile) {
      if (!declared.has(key))
        throw new InputError(
          'EUGATE_INPUT_MALFORMED',
          options.parametersFile.file,
          `parameter ${value.name} is not declared by the template ${file}: the parameters file does not match the template`,
          { key: `parameters.${value.name}`, ...(value.line === undefined ? {} : { line: value.line }) },
        );
      values.set(key, value);
    }
  }
  for (const [name, value] of Object.entries(options.parameters ?? {})) {
    if (!declared.has(name.toLowerCase()))
      throw new InputError('EUGATE_USAGE', file, `parameter ${name} is not declared by the template`);
    values.set(name.toLowerCase(), { name, value });
  }
  return values;
}

/**
 * Parameters and variables of one template body, evaluated lazily (a default may use another
 * parameter) with a guard against circular definitions.
 */
function createScope(
  body: TemplateBody,
  context: Context,
  given: ReadonlyMap<string, ParameterValue>,
  location: string | undefined,
): EvaluationScope {
  const declaredParameters = ownObject(body.template, 'parameters') ?? {};
  const declaredVariables = ownObject(body.template, 'variables') ?? {};
  const parameterCache = new Map<string, unknown>();
  const variableCache = new Map<string, unknown>();
  const evaluating: string[] = [];

  const find = (declared: JsonObject, name: string): string | undefined => {
    if (Object.hasOwn(declared, name)) return name;
    return Object.keys(declared).find((key) => key.toLowerCase() === name.toLowerCase());
  };
  const guarded = (step: string, work: () => unknown): unknown => {
    if (evaluating.includes(step))
      throw new InputError(
        'EUGATE_INPUT_MALFORMED',
        context.file,
        `circular definition: ${[...evaluating.slice(evaluating.indexOf(step)), step].join(' → ')}`,
      );
    evaluating.push(step);
    try {
      return work();
    } finally {
      evaluating.pop();
    }
  };

  const scope: EvaluationScope = {
    ...(location === undefined ? {} : { location }),
    parameter(name) {
      const key = find(declaredParameters, name);
      if (key === undefined) throw new UndeclaredName(`parameter '${name}' is not declared by the template`);
      const cacheKey = key.toLowerCase();
      if (parameterCache.has(cacheKey)) return parameterCache.get(cacheKey);
      const value = guarded(`parameters('${key}')`, () => {
        const supplied = given.get(cacheKey);
        if (supplied !== undefined) return supplied.value;
        const declaration = own(declaredParameters, key);
        if (isJsonObject(declaration) && Object.hasOwn(declaration, 'defaultValue'))
          return resolveValue(
            declaration.defaultValue,
            [...body.path, 'parameters', key, 'defaultValue'],
            scope,
            context,
          );
        return new SymbolicValue(
          `parameter ${key} has no default value and no value was given (pass its parameters file)`,
          `[parameters('${key}')]`,
        );
      });
      parameterCache.set(cacheKey, value);
      return value;
    },
    variable(name) {
      const key = find(declaredVariables, name);
      if (key === undefined) throw new UndeclaredName(`variable '${name}' is not declared by the template`);
      const cacheKey = key.toLowerCase();
      if (variableCache.has(cacheKey)) return variableCache.get(cacheKey);
      const value = guarded(`variables('${key}')`, () =>
        key === 'copy'
          ? new UnknownValue('variable copy loops are not expanded by eugate')
          : resolveValue(own(declaredVariables, key), [...body.path, 'variables', key], scope, context),
      );
      variableCache.set(cacheKey, value);
      return value;
    },
  };
  return scope;
}

/** Resolves every expression in `value`; `path` locates it in the file for errors. */
function resolveValue(value: unknown, path: Path, scope: EvaluationScope, context: Context): unknown {
  if (typeof value === 'string') {
    const classified = classifyTemplateString(value);
    if (classified.kind === 'literal') return classified.value;
    try {
      return evaluateExpression(classified.text, scope);
    } catch (error) {
      const line = context.lineOf(path);
      const at = { key: keyOf(path), ...(line === undefined ? {} : { line }) };
      if (error instanceof ExpressionSyntaxError)
        throw new InputError(
          'EUGATE_INPUT_MALFORMED',
          context.file,
          `expression syntax error in ${JSON.stringify(value)}: ${error.message}`,
          at,
        );
      if (error instanceof UndeclaredName)
        throw new InputError(
          'EUGATE_INPUT_MALFORMED',
          context.file,
          `${error.message} (in ${JSON.stringify(value)})`,
          at,
        );
      throw error;
    }
  }
  if (Array.isArray(value)) return value.map((item, i) => resolveValue(item, [...path, i], scope, context));
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value))
      defineOwn(out, key, resolveValue(item, [...path, key], scope, context));
    return out;
  }
  return value;
}

/** Reads the `resources` of one template body (the top-level template, or an inline nested one). */
function readResources(
  body: TemplateBody,
  scope: EvaluationScope,
  context: Context,
  region: Fact<string>,
): void {
  const resources = own(body.template, 'resources');
  const entries: [string | number, unknown][] = Array.isArray(resources)
    ? resources.map((r, i) => [i, r])
    : Object.entries(isJsonObject(resources) ? resources : {}); // languageVersion 2.0: symbolic names
  for (const [key, definition] of entries)
    readResource(definition, [...body.path, 'resources', key], undefined, scope, context, region);
}

/**
 * A nested child states its type relative to its parent (`blobServices/containers`, name
 * `default/logs`) or fully (`Microsoft.Storage/storageAccounts/blobServices`, with the full name).
 */
function isQualifiedType(type: string): boolean {
  return /^[A-Za-z0-9]+(\.[A-Za-z0-9]+)+\//.test(type);
}

interface Parent {
  readonly type: string;
  readonly name: unknown;
}

const DEPLOYMENTS = 'microsoft.resources/deployments';

function readResource(
  definition: unknown,
  path: Path,
  parent: Parent | undefined,
  scope: EvaluationScope,
  context: Context,
  region: Fact<string>,
): void {
  const at = (extra: Path = []) => {
    const line = context.lineOf([...path, ...extra]);
    return { key: keyOf([...path, ...extra]), ...(line === undefined ? {} : { line }) };
  };
  const declaredType = ownString(definition, 'type');
  if (!isJsonObject(definition) || declaredType === undefined)
    throw new InputError('EUGATE_INPUT_MALFORMED', context.file, 'a resource has no "type"', at());
  if (definition.existing === true) {
    context.notes.push(
      `${keyOf(path)} (${declaredType}) refers to an existing resource and is not deployed here`,
    );
    return;
  }
  const type =
    parent !== undefined && !isQualifiedType(declaredType) ? `${parent.type}/${declaredType}` : declaredType;
  const copy = own(definition, 'copy');
  if (copy === undefined) {
    readInstance(definition, path, type, parent, scope, context, region);
    return;
  }
  const loopName = ownString(copy, 'name');
  const count = resolveValue(own(copy, 'count'), [...path, 'copy', 'count'], scope, context);
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_COPY) {
    context.notes.push(
      `${keyOf(path)} (${type}): copy loop ${loopName ?? ''} has ${
        isUnknownValue(count) ? `an unknown count (${count.reason})` : `count ${JSON.stringify(count)}`
      }; checked as one resource`.replace(/ {2}/g, ' '),
    );
    readInstance(
      definition,
      path,
      type,
      parent,
      loopScope(scope, loopName, undefined),
      context,
      region,
      '[*]',
    );
    return;
  }
  for (let index = 0; index < count; index++)
    readInstance(
      definition,
      path,
      type,
      parent,
      loopScope(scope, loopName, index),
      context,
      region,
      `[${index}]`,
    );
}

function loopScope(
  scope: EvaluationScope,
  loopName: string | undefined,
  index: number | undefined,
): EvaluationScope {
  return {
    ...scope,
    parameter: (name) => scope.parameter(name),
    variable: (name) => scope.variable(name),
    copyIndex: (loop) =>
      loop === undefined || loop.toLowerCase() === loopName?.toLowerCase() ? index : scope.copyIndex?.(loop),
  };
}

/** ARM's top-level keys that say how to deploy, not what: not handed on as properties. */
const DEPLOYMENT_KEYS = new Set([
  'resources',
  'copy',
  'condition',
  'dependsOn',
  'comments',
  'type',
  'existing',
]);

function readInstance(
  definition: JsonObject,
  path: Path,
  type: string,
  parent: Parent | undefined,
  scope: EvaluationScope,
  context: Context,
  region: Fact<string>,
  instance = '',
): void {
  const condition = own(definition, 'condition');
  if (condition !== undefined) {
    const deployed = resolveValue(condition, [...path, 'condition'], scope, context);
    if (deployed === false) {
      context.notes.push(`${keyOf(path)}${instance} (${type}) is not deployed: its condition is false`);
      return;
    }
    if (deployed !== true)
      context.notes.push(
        `${keyOf(path)}${instance} (${type}) is checked although it may not be deployed: its condition is ${
          isUnknownValue(deployed) ? `unknown (${deployed.reason})` : JSON.stringify(deployed)
        }`,
      );
  }
  const ownName = resolveValue(own(definition, 'name'), [...path, 'name'], scope, context);
  const name =
    parent !== undefined && !isQualifiedType(ownString(definition, 'type') ?? '')
      ? joinName(parent.name, ownName)
      : ownName;
  const isDeployment = type.toLowerCase() === DEPLOYMENTS;
  const properties: JsonObject = {};
  for (const [key, value] of Object.entries(definition)) {
    if (DEPLOYMENT_KEYS.has(key)) continue;
    // A nested template is evaluated in its own scope below, not as a property of the deployment.
    const own = isDeployment && key === 'properties' && isJsonObject(value) ? withoutTemplate(value) : value;
    defineOwn(properties, key, key === 'name' ? name : resolveValue(own, [...path, key], scope, context));
  }

  if (isDeployment) {
    const nested = readNestedDeployment(definition, properties, path, scope, context, region);
    if (nested) return;
  }

  const address = uniqueAddress(nameText(name) ?? `${type} at ${keyOf(path)}${instance}`, type, context);
  const line = context.lineOf(path);
  context.resources.push({
    address,
    type,
    schema: SCHEMA.arm,
    properties,
    region,
    source: { file: context.file, ...(line === undefined ? {} : { line }) },
  });

  const children = own(definition, 'resources');
  if (Array.isArray(children))
    children.forEach((child, i) => {
      readResource(child, [...path, 'resources', i], { type, name }, scope, context, region);
    });
}

function withoutTemplate(properties: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(properties))
    if (key !== 'template' && !(key === 'parameters' && isJsonObject(properties.template)))
      defineOwn(out, key, value);
  return out;
}

/** A nested child's name is its parent's name path and its own: `account/default/logs`. */
function joinName(parentName: unknown, own: unknown): unknown {
  const parentText = nameText(parentName);
  const ownText = nameText(own);
  if (typeof parentName === 'string' && typeof own === 'string') return `${parentName}/${own}`;
  if (parentText === undefined || ownText === undefined)
    return new UnknownValue('the name of the resource or its parent is known only at deployment');
  return new SymbolicValue(
    isUnknownValue(parentName) ? parentName.reason : (own as UnknownValue).reason,
    `${parentText}/${ownText}`,
  );
}

/** A name as text: the string, or the symbolic text of a name known only at deployment. */
export function nameText(name: unknown): string | undefined {
  if (typeof name === 'string') return name;
  if (isSymbolicValue(name)) return name.text;
  return undefined;
}

function uniqueAddress(candidate: string, type: string, context: Context): string {
  let address = candidate;
  if (context.usedAddresses.has(address)) address = `${candidate} (${type})`;
  for (let n = 2; context.usedAddresses.has(address); n++) address = `${candidate} (${type}) #${n}`;
  context.usedAddresses.add(address);
  return address;
}

/**
 * `Microsoft.Resources/deployments`: an inline `template` is read in place (returns true); a
 * `templateLink` is not fetched (eugate never goes to the network) and is listed in the notes.
 */
function readNestedDeployment(
  definition: JsonObject,
  resolved: JsonObject,
  path: Path,
  scope: EvaluationScope,
  context: Context,
  region: Fact<string>,
): boolean {
  const props = ownObject(definition, 'properties');
  const template = ownObject(props, 'template');
  const name = nameText(resolved.name) ?? keyOf(path);
  if (template === undefined) {
    const link = own(props, 'templateLink');
    context.notes.push(
      link === undefined
        ? `nested deployment ${name} has no inline template; its resources are not scanned`
        : `nested deployment ${name} uses a linked template (templateLink), which eugate does not fetch; its resources are not scanned`,
    );
    return false;
  }
  const bodyPath: Path = [...path, 'properties', 'template'];
  const inner =
    String(own(ownObject(props, 'expressionEvaluationOptions'), 'scope') ?? 'outer').toLowerCase() ===
    'inner';
  // Another resource group or subscription: its location is not the one the user gave.
  const elsewhere =
    own(definition, 'resourceGroup') !== undefined || own(definition, 'subscriptionId') !== undefined;
  const nestedRegion = elsewhere
    ? unknownFact<string>(
        `nested deployment ${name} targets another resource group or subscription, whose location is not known`,
      )
    : region;
  const location = elsewhere ? undefined : scope.location;
  let nestedScope = scope;
  if (inner) {
    const given = new Map<string, ParameterValue>();
    const supplied = ownObject(props, 'parameters') ?? {};
    const declared = ownObject(template, 'parameters') ?? {};
    const declaredNames = new Set(Object.keys(declared).map((k) => k.toLowerCase()));
    for (const [key, entry] of Object.entries(supplied)) {
      if (!declaredNames.has(key.toLowerCase()))
        throw new InputError(
          'EUGATE_INPUT_MALFORMED',
          context.file,
          `nested deployment ${name} passes parameter ${key}, which its template does not declare`,
          { key: keyOf([...path, 'properties', 'parameters', key]) },
        );
      const value =
        isJsonObject(entry) && Object.hasOwn(entry, 'value')
          ? resolveValue(entry.value, [...path, 'properties', 'parameters', key, 'value'], scope, context)
          : new UnknownValue(`parameter ${key} of nested deployment ${name} is a Key Vault reference`);
      given.set(key.toLowerCase(), { name: key, value });
    }
    nestedScope = createScope({ template, path: bodyPath }, context, given, location);
  } else if (elsewhere) {
    // `outer` scope: the parent's parameters and variables, but another resource group's location.
    const { location: _ignored, ...rest } = scope;
    nestedScope = rest;
  }
  if (own(props, 'parametersLink') !== undefined)
    context.notes.push(
      `nested deployment ${name} takes its parameters from a linked file, which eugate does not fetch`,
    );
  context.notes.push(`nested deployment ${name}: its inline template was read`);
  readResources({ template, path: bodyPath }, nestedScope, context, nestedRegion);
  return true;
}
