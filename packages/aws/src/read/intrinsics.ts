import {
  awsPartitionOf,
  containsUnknown,
  InputError,
  isUnknownValue,
  type Knowable,
  known,
  UnknownValue,
  unknown,
} from '@eugate/core';
import { defineOwn, isJsonObject, type JsonObject, own, ownObject, ownString } from './json-value.js';

/**
 * A `Ref` or `Fn::GetAtt` to a resource of the same input. Its value exists only after deploy, so it
 * is unknown; but which resource it points at is known, and a describer can use that (the key a
 * bucket is encrypted with, the bucket a policy belongs to).
 */
export class CloudFormationReference extends UnknownValue {
  constructor(
    reason: string,
    /** Address of the referenced resource (`<stack>/<LogicalId>`). */
    readonly address: string,
    /** The `Fn::GetAtt` attribute; absent for a `Ref`. */
    readonly attribute?: string,
  ) {
    super(reason);
  }
}

export function isCloudFormationReference(value: unknown): value is CloudFormationReference {
  return value instanceof CloudFormationReference;
}

/** What `AWS::NoValue` resolves to: the caller removes the property or list element. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/** Where a template is deployed: what pseudo parameters and addresses are made of. */
export interface StackContext {
  /** The template as the user named it, for errors and sources. */
  readonly file: string;
  /** The deployed stack name (`AWS::StackName`), when known. */
  readonly stackName?: string;
  /** Put before each logical id to make an address: `''` or `MyStack/`. */
  readonly addressPrefix: string;
  /** The stack's region, or why it is unknown (the reason unknown `AWS::Region` values carry). */
  readonly region: Knowable<string>;
  readonly account?: string;
  /** Parameter values given for this deployment (a nested stack's `Parameters`); they beat defaults. */
  readonly parameters?: Readonly<Record<string, unknown>> | UnknownValue;
  /** Looks up an export of another stack in the same input; `undefined` when none has it. */
  readonly importValue?: (name: string, references: Set<string>) => unknown;
  /** Shared by every stack of one read, so a loop across stacks is found too. */
  readonly guard: CycleGuard;
}

/** Finds loops (conditions that use each other, exports that import each other) instead of hanging. */
export class CycleGuard {
  private readonly path: string[] = [];

  run<T>(step: string, file: string, work: () => T): T {
    const at = this.path.indexOf(step);
    if (at !== -1) {
      const cycle = [...this.path.slice(at), step].join(' → ');
      throw new InputError('EUGATE_INPUT_MALFORMED', file, `circular reference: ${cycle}`);
    }
    this.path.push(step);
    try {
      return work();
    } finally {
      this.path.pop();
    }
  }
}

export interface TemplateResolver {
  /** Resolves intrinsics in `value`; addresses of referenced resources are added to `references`. */
  resolve(value: unknown, references: Set<string>): unknown;
  /** Evaluates a named condition of the template's `Conditions`. */
  condition(name: string): Knowable<boolean>;
  /** The address of a logical id of this template. */
  address(logicalId: string): string;
}

const UNKNOWN_AFTER_DEPLOY = 'known only after deploy';

/**
 * Resolves CloudFormation intrinsic functions as far as the template and its context determine
 * them; everything else becomes an `UnknownValue` saying why. Nothing is executed: every function
 * is interpreted here, by a table, and unknown functions stay unknown.
 */
export function createTemplateResolver(template: JsonObject, context: StackContext): TemplateResolver {
  const { file, guard } = context;
  const parameters = ownObject(template, 'Parameters') ?? {};
  const resources = ownObject(template, 'Resources') ?? {};
  const conditions = ownObject(template, 'Conditions') ?? {};
  const mappings = ownObject(template, 'Mappings') ?? {};
  const conditionCache = new Map<string, Knowable<boolean>>();
  const partition = partitionOf(context.region);

  const malformed = (problem: string, key?: string): InputError =>
    new InputError('EUGATE_INPUT_MALFORMED', file, problem, key === undefined ? undefined : { key });
  const address = (logicalId: string): string => `${context.addressPrefix}${logicalId}`;
  const isResource = (name: string): boolean => isJsonObject(own(resources, name));

  function resolve(value: unknown, refs: Set<string>): unknown {
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const item of value) {
        const resolved = resolve(item, refs);
        if (resolved !== NO_VALUE) out.push(resolved);
      }
      return out;
    }
    if (!isJsonObject(value) || isUnknownValue(value)) return value;
    const keys = Object.keys(value);
    const only = keys.length === 1 ? (keys[0] as string) : undefined;
    if (only !== undefined && (only === 'Ref' || only.startsWith('Fn::'))) {
      return intrinsic(only, value[only], refs);
    }
    const out: JsonObject = {};
    for (const key of keys) {
      const resolved = resolve(value[key], refs);
      if (resolved !== NO_VALUE) defineOwn(out, key, resolved);
    }
    return out;
  }

  function intrinsic(name: string, argument: unknown, refs: Set<string>): unknown {
    switch (name) {
      case 'Ref':
        return ref(argument, refs);
      case 'Fn::GetAtt':
        return getAtt(argument, refs);
      case 'Fn::Sub':
        return sub(argument, refs);
      case 'Fn::Join':
        return join(argument, refs);
      case 'Fn::Select':
        return select(argument, refs);
      case 'Fn::Split':
        return split(argument, refs);
      case 'Fn::If':
        return ifThen(argument, refs);
      case 'Fn::FindInMap':
        return findInMap(argument, refs);
      case 'Fn::ImportValue':
        return importValue(argument, refs);
      case 'Fn::Base64': {
        // The value stays readable: describers compare it, nobody decodes it.
        const text = resolve(argument, refs);
        return isUnknownValue(text) ? new UnknownValue(`Fn::Base64: ${text.reason}`) : text;
      }
      case 'Fn::GetAZs':
        resolve(argument, refs);
        return new UnknownValue('Fn::GetAZs: the Availability Zones are listed at deploy time');
      case 'Fn::Cidr':
        resolve(argument, refs);
        return new UnknownValue('Fn::Cidr: the address blocks are computed at deploy time');
      case 'Fn::Length': {
        const list = resolve(argument, refs);
        if (Array.isArray(list)) return list.length;
        return new UnknownValue(`Fn::Length: ${reasonOf(list, 'the list is not known')}`);
      }
      case 'Fn::ToJsonString': {
        const resolved = resolve(argument, refs);
        if (containsUnknown(resolved)) return new UnknownValue(`Fn::ToJsonString: ${firstReason(resolved)}`);
        return JSON.stringify(resolved);
      }
      default:
        resolve(argument, refs);
        return new UnknownValue(`${name} is not evaluated by eugate`);
    }
  }

  function ref(argument: unknown, refs: Set<string>): unknown {
    if (typeof argument !== 'string') throw malformed('Ref takes the name of a parameter or resource');
    if (argument.startsWith('AWS::')) return pseudoParameter(argument);
    if (Object.hasOwn(parameters, argument)) return parameter(argument, refs);
    if (isResource(argument)) {
      refs.add(address(argument));
      const derived = deriveRef(argument);
      if (derived !== undefined) return derived;
      return new CloudFormationReference(
        `Ref ${argument}: the physical id of ${address(argument)} is ${UNKNOWN_AFTER_DEPLOY}`,
        address(argument),
      );
    }
    throw malformed(`Ref ${argument}: the template has no parameter or resource of that name`);
  }

  function pseudoParameter(name: string): unknown {
    switch (name) {
      case 'AWS::NoValue':
        return NO_VALUE;
      case 'AWS::Region':
        return context.region.known ? context.region.value : new UnknownValue(context.region.reason);
      case 'AWS::Partition':
        return partition.known ? partition.value : new UnknownValue(partition.reason);
      case 'AWS::URLSuffix':
        return partition.known
          ? (URL_SUFFIX[partition.value] ?? new UnknownValue(`no URL suffix known for ${partition.value}`))
          : new UnknownValue(partition.reason);
      case 'AWS::AccountId':
        return (
          context.account ??
          new UnknownValue(
            'AWS::AccountId: the account is chosen at deploy time (the input does not state it)',
          )
        );
      case 'AWS::StackName':
        return (
          context.stackName ?? new UnknownValue('AWS::StackName: the stack name is chosen at deploy time')
        );
      case 'AWS::StackId':
      case 'AWS::NotificationARNs':
        return new UnknownValue(`${name} is ${UNKNOWN_AFTER_DEPLOY}`);
      default:
        throw malformed(`Ref ${name}: not a CloudFormation pseudo parameter`);
    }
  }

  function parameter(name: string, refs: Set<string>): unknown {
    const given = context.parameters;
    if (isUnknownValue(given)) return new UnknownValue(`parameter ${name}: ${given.reason}`);
    if (given !== undefined && Object.hasOwn(given, name)) {
      const value = given[name];
      // A parent stack passing `Ref Bucket` to a nested stack: the nested resource refers to that bucket.
      if (isCloudFormationReference(value)) refs.add(value.address);
      return value;
    }
    const declaration = own(parameters, name);
    const type = ownString(declaration, 'Type') ?? '';
    const fallback = own(declaration, 'Default');
    if (fallback === undefined) {
      return new UnknownValue(`parameter ${name} has no default; its value is given at deploy time`);
    }
    if (type.startsWith('AWS::SSM::Parameter::')) {
      return new UnknownValue(
        `parameter ${name} is read from SSM parameter ${String(fallback)} at deploy time`,
      );
    }
    if ((type === 'CommaDelimitedList' || type.startsWith('List<')) && typeof fallback === 'string') {
      return fallback.split(',');
    }
    return fallback;
  }

  function getAtt(argument: unknown, refs: Set<string>): unknown {
    let logicalId: unknown;
    let attribute: unknown;
    if (typeof argument === 'string') {
      const dot = argument.indexOf('.');
      [logicalId, attribute] =
        dot === -1 ? [argument, undefined] : [argument.slice(0, dot), argument.slice(dot + 1)];
    } else if (Array.isArray(argument) && argument.length === 2) {
      [logicalId, attribute] = [argument[0], resolve(argument[1], refs)];
    }
    if (typeof logicalId !== 'string') throw malformed('Fn::GetAtt takes [logicalId, attribute]');
    if (!isResource(logicalId))
      throw malformed(`Fn::GetAtt ${logicalId}: the template has no resource of that name`);
    refs.add(address(logicalId));
    if (isUnknownValue(attribute)) return new UnknownValue(`Fn::GetAtt ${logicalId}: ${attribute.reason}`);
    if (typeof attribute !== 'string')
      throw malformed(`Fn::GetAtt ${logicalId}: the attribute name is missing`);
    return getAttOf(logicalId, attribute);
  }

  function getAttOf(logicalId: string, attribute: string): unknown {
    const derived = deriveAttribute(logicalId, attribute);
    if (derived !== undefined) return derived;
    return new CloudFormationReference(
      `Fn::GetAtt ${logicalId}.${attribute}: ${UNKNOWN_AFTER_DEPLOY}`,
      address(logicalId),
      attribute,
    );
  }

  /** The few resource values a template fixes before deploy: a bucket with an explicit name. */
  function deriveRef(logicalId: string): string | undefined {
    return bucketName(logicalId);
  }

  function deriveAttribute(logicalId: string, attribute: string): string | undefined {
    const name = bucketName(logicalId);
    if (name === undefined) return undefined;
    if (attribute === 'Arn' && partition.known) return `arn:${partition.value}:s3:::${name}`;
    return undefined;
  }

  function bucketName(logicalId: string): string | undefined {
    const resource = own(resources, logicalId);
    if (ownString(resource, 'Type') !== 'AWS::S3::Bucket') return undefined;
    const declared = own(ownObject(resource, 'Properties'), 'BucketName');
    if (declared === undefined) return undefined;
    const name = guard.run(`${address(logicalId)}.BucketName`, file, () => resolve(declared, new Set()));
    return typeof name === 'string' ? name : undefined;
  }

  function sub(argument: unknown, refs: Set<string>): unknown {
    let text: unknown = argument;
    let variables: JsonObject = {};
    if (Array.isArray(argument)) {
      text = argument[0];
      if (argument.length !== 2 || !isJsonObject(argument[1]))
        throw malformed('Fn::Sub takes a string or [string, { variables }]');
      variables = argument[1];
    }
    if (typeof text !== 'string') throw malformed('Fn::Sub takes a string or [string, { variables }]');
    const parts: string[] = [];
    let missing: string | undefined;
    let last = 0;
    let whole: unknown;
    for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
      parts.push(text.slice(last, match.index));
      last = match.index + match[0].length;
      const name = (match[1] as string).trim();
      if (name.startsWith('!')) {
        parts.push(`\${${name.slice(1)}}`);
        continue;
      }
      let value: unknown;
      if (Object.hasOwn(variables, name)) value = resolve(variables[name], refs);
      else if (name.includes('.') && !name.startsWith('AWS::')) {
        const dot = name.indexOf('.');
        value = getAtt([name.slice(0, dot), name.slice(dot + 1)], refs);
      } else value = ref(name, refs);
      if (match[0] === text) whole = value;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        parts.push(String(value));
      } else {
        missing ??= `\${${name}}: ${reasonOf(value, 'not a string')}`;
      }
    }
    parts.push(text.slice(last));
    if (missing === undefined) return parts.join('');
    if (isCloudFormationReference(whole)) return whole;
    return new UnknownValue(`Fn::Sub "${text}": ${missing}`);
  }

  function join(argument: unknown, refs: Set<string>): unknown {
    if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string') {
      throw malformed('Fn::Join takes [delimiter, [values]]');
    }
    const list = resolve(argument[1], refs);
    if (!Array.isArray(list))
      return new UnknownValue(`Fn::Join: ${reasonOf(list, 'the list is not a list')}`);
    const parts: string[] = [];
    for (const item of list) {
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')
        parts.push(String(item));
      else return new UnknownValue(`Fn::Join: ${reasonOf(item, 'a value is not a string')}`);
    }
    return parts.join(argument[0]);
  }

  function select(argument: unknown, refs: Set<string>): unknown {
    if (!Array.isArray(argument) || argument.length !== 2)
      throw malformed('Fn::Select takes [index, [values]]');
    const index = resolve(argument[0], refs);
    const list = resolve(argument[1], refs);
    if (isUnknownValue(index)) return new UnknownValue(`Fn::Select: ${index.reason}`);
    if (!Array.isArray(list))
      return new UnknownValue(`Fn::Select: ${reasonOf(list, 'the list is not a list')}`);
    const at = Number(index);
    if (!Number.isInteger(at) || at < 0 || at >= list.length) {
      return new UnknownValue(`Fn::Select: index ${String(index)} is outside a list of ${list.length}`);
    }
    return list[at];
  }

  function split(argument: unknown, refs: Set<string>): unknown {
    if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string') {
      throw malformed('Fn::Split takes [delimiter, string]');
    }
    const source = resolve(argument[1], refs);
    if (typeof source !== 'string') return new UnknownValue(`Fn::Split: ${reasonOf(source, 'not a string')}`);
    return source.split(argument[0]);
  }

  function ifThen(argument: unknown, refs: Set<string>): unknown {
    if (!Array.isArray(argument) || argument.length !== 3 || typeof argument[0] !== 'string') {
      throw malformed('Fn::If takes [condition, value if true, value if false]');
    }
    const decided = condition(argument[0]);
    if (decided.known) return resolve(decided.value ? argument[1] : argument[2], refs);
    const whenTrue = resolve(argument[1], refs);
    const whenFalse = resolve(argument[2], refs);
    if (!containsUnknown(whenTrue) && JSON.stringify(whenTrue) === JSON.stringify(whenFalse)) return whenTrue;
    return new UnknownValue(`Fn::If ${argument[0]}: ${decided.reason}`);
  }

  function findInMap(argument: unknown, refs: Set<string>): unknown {
    if (!Array.isArray(argument) || argument.length < 3) {
      throw malformed('Fn::FindInMap takes [mapping, top-level key, second-level key]');
    }
    const keys = argument.slice(0, 3).map((key) => resolve(key, refs));
    const fallback = own(argument[3], 'DefaultValue');
    for (const key of keys) {
      if (isUnknownValue(key)) return new UnknownValue(`Fn::FindInMap ${String(keys[0])}: ${key.reason}`);
    }
    const [mapName, top, second] = keys.map(String) as [string, string, string];
    const mapping = ownObject(mappings, mapName);
    const value = own(ownObject(mapping, top), second);
    if (value !== undefined) return resolve(value, refs);
    if (fallback !== undefined) return resolve(fallback, refs);
    if (mapping === undefined) throw malformed(`Fn::FindInMap: the template has no mapping ${mapName}`);
    throw malformed(`Fn::FindInMap: mapping ${mapName} has no entry ${top}.${second}`);
  }

  function importValue(argument: unknown, refs: Set<string>): unknown {
    const name = resolve(argument, refs);
    if (isUnknownValue(name)) return new UnknownValue(`Fn::ImportValue: ${name.reason}`);
    if (typeof name !== 'string') throw malformed('Fn::ImportValue takes the name of an export');
    const imported = context.importValue?.(name, refs);
    if (imported !== undefined) return imported;
    return new UnknownValue(`Fn::ImportValue ${name}: exported by a stack outside this input`);
  }

  function condition(name: string): Knowable<boolean> {
    const cached = conditionCache.get(name);
    if (cached !== undefined) return cached;
    if (!Object.hasOwn(conditions, name)) throw malformed(`the template has no condition ${name}`);
    const result = guard.run(`condition ${name}`, file, () => evaluate(conditions[name]));
    const named = result.known ? result : unknown(`condition ${name}: ${result.reason}`);
    conditionCache.set(name, named);
    return named;
  }

  function evaluate(expression: unknown): Knowable<boolean> {
    if (typeof expression === 'boolean') return known(expression);
    if (expression === 'true' || expression === 'false') return known(expression === 'true');
    const keys = isJsonObject(expression) ? Object.keys(expression) : [];
    const fn = keys.length === 1 ? (keys[0] as string) : '';
    const argument = own(expression, fn);
    const list = Array.isArray(argument) ? argument : [];
    switch (fn) {
      case 'Condition':
        if (typeof argument !== 'string') throw malformed('Condition takes the name of a condition');
        return condition(argument);
      case 'Fn::Equals': {
        if (list.length !== 2) throw malformed('Fn::Equals takes [value, value]');
        const [left, right] = list.map((item) => resolve(item, new Set()));
        for (const side of [left, right]) {
          if (containsUnknown(side) || side === NO_VALUE) return unknown(firstReason(side));
        }
        return known(comparable(left) === comparable(right));
      }
      case 'Fn::Not': {
        if (list.length !== 1) throw malformed('Fn::Not takes [condition]');
        const inner = evaluate(list[0]);
        return inner.known ? known(!inner.value) : inner;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        if (list.length < 2) throw malformed(`${fn} takes a list of conditions`);
        const decisive = fn === 'Fn::Or';
        let undecided: Knowable<boolean> | undefined;
        for (const item of list) {
          const result = evaluate(item);
          if (!result.known) undecided ??= result;
          else if (result.value === decisive) return known(decisive);
        }
        return undecided ?? known(!decisive);
      }
      default:
        return unknown(`${fn === '' ? 'the condition' : fn} is not evaluated by eugate`);
    }
  }

  return { resolve, condition, address };
}

function comparable(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}

function reasonOf(value: unknown, otherwise: string): string {
  return isUnknownValue(value) ? value.reason : containsUnknown(value) ? firstReason(value) : otherwise;
}

/** The reason of the first unknown inside `value`, for a message about the value as a whole. */
function firstReason(value: unknown): string {
  if (isUnknownValue(value)) return value.reason;
  if (value === NO_VALUE) return 'AWS::NoValue';
  if (value !== null && typeof value === 'object') {
    for (const item of Array.isArray(value) ? value : Object.values(value)) {
      if (containsUnknown(item)) return firstReason(item);
    }
  }
  return 'unknown';
}

const URL_SUFFIX: Readonly<Record<string, string>> = {
  aws: 'amazonaws.com',
  'aws-us-gov': 'amazonaws.com',
  'aws-cn': 'amazonaws.com.cn',
  'aws-eusc': 'amazonaws.eu',
};

/** The partition a region belongs to: from the region catalogue, else from the code's prefix. */
function partitionOf(region: Knowable<string>): Knowable<string> {
  if (!region.known) return unknown(region.reason);
  const catalogued = awsPartitionOf(region.value);
  if (catalogued !== undefined) return known(catalogued);
  const code = region.value;
  if (code.startsWith('cn-')) return known('aws-cn');
  if (code.startsWith('us-gov-')) return known('aws-us-gov');
  if (code.startsWith('eusc-')) return known('aws-eusc');
  if (/^(af|ap|ca|eu|il|me|mx|sa|us)-[a-z]+-\d+$/.test(code)) return known('aws');
  return unknown(`region ${code} is not an AWS region eugate knows, so its partition is unknown`);
}
