import { isUnknownValue, UnknownValue } from '@eugate/core';
import { type ExpressionNode, parseExpression } from './expression.js';
import { isJsonObject, type JsonObject, ownIgnoringCase } from './json.js';

/**
 * `resourceId(...)`: the id itself is unknown (it holds the subscription and resource group), but
 * which resource it names is known, and a describer can link by it (a failover group's partner
 * server). `name` is the `/`-joined resource name path when every segment is known.
 */
export class ArmResourceReference extends UnknownValue {
  constructor(
    reason: string,
    readonly resourceType: string,
    readonly name: string | undefined,
  ) {
    super(reason);
  }
}

export function isArmResourceReference(value: unknown): value is ArmResourceReference {
  return value instanceof ArmResourceReference;
}

/**
 * A value unknown until deployment that eugate can still name consistently: `[parameters('name')]`,
 * `[uniqueString(resourceGroup().id)]`, or a string built from such parts
 * (`[parameters('account')]/default/logs`). Describers use the text to match a child resource's
 * name path to its parent's; the value itself stays unknown.
 */
export class SymbolicValue extends UnknownValue {
  constructor(
    reason: string,
    readonly text: string,
  ) {
    super(reason);
  }
}

export function isSymbolicValue(value: unknown): value is SymbolicValue {
  return value instanceof SymbolicValue;
}

/** Argument text for a symbolic call: strings quoted, symbolic values by their text; undefined when an argument has no text. */
function symbolicArguments(args: readonly unknown[]): string | undefined {
  const parts: string[] = [];
  for (const arg of args) {
    if (isSymbolicValue(arg)) parts.push(arg.text);
    else if (isUnknownValue(arg)) return undefined;
    else if (typeof arg === 'string') parts.push(`'${arg.replace(/'/g, "''")}'`);
    else parts.push(JSON.stringify(arg));
  }
  return parts.join(', ');
}

/** A string built from known parts and symbolic ones; plain unknown when a part is neither. */
function joinText(parts: readonly unknown[]): unknown {
  const unknownPart = parts.find(isUnknownValue);
  if (unknownPart === undefined) return parts.map(toText).join('');
  if (!parts.every((p) => !isUnknownValue(p) || isSymbolicValue(p)))
    return new UnknownValue(unknownPart.reason);
  return new SymbolicValue(
    unknownPart.reason,
    parts.map((p) => (isSymbolicValue(p) ? p.text : toText(p))).join(''),
  );
}

/** What expressions can see: the template's parameters and variables, and the deployment. */
export interface EvaluationScope {
  /** The value of a declared parameter; throws `UndeclaredName` when the template does not declare it. */
  parameter(name: string): unknown;
  variable(name: string): unknown;
  /** The resource group's location (`--location`), when the user gave it. */
  readonly location?: string;
  /** The current iteration of a `copy` loop, when inside one with a known index. */
  copyIndex?(loop: string | undefined): number | undefined;
}

/** A name an expression uses that the template does not declare: the caller turns it into an InputError. */
export class UndeclaredName extends Error {
  override readonly name = 'UndeclaredName';
}

export const RESOURCE_GROUP_LOCATION_UNKNOWN =
  "resourceGroup().location is the deployment's resource-group location, which the template does not state; pass --location";

/** Evaluates the text inside `[...]`. Throws `ExpressionSyntaxError` or `UndeclaredName`. */
export function evaluateExpression(text: string, scope: EvaluationScope): unknown {
  return evaluate(parseExpression(text), scope);
}

function evaluate(node: ExpressionNode, scope: EvaluationScope): unknown {
  switch (node.kind) {
    case 'string':
    case 'number':
      return node.value;
    case 'property':
      return access(evaluate(node.target, scope), node.name, `.${node.name}`);
    case 'index': {
      const index = evaluate(node.index, scope);
      if (isUnknownValue(index)) return index;
      return access(evaluate(node.target, scope), index, `[${JSON.stringify(index)}]`);
    }
    case 'call':
      return call(node, scope);
  }
}

function access(target: unknown, key: unknown, shown: string): unknown {
  if (isUnknownValue(target))
    return target instanceof ArmResourceReference ? new UnknownValue(target.reason) : target;
  if (Array.isArray(target) && typeof key === 'number') {
    return Number.isInteger(key) && key >= 0 && key < target.length
      ? target[key]
      : new UnknownValue(`index ${key} is outside a list of ${target.length}`);
  }
  if (isJsonObject(target) && typeof key === 'string') {
    const found = ownIgnoringCase(target, key);
    return found.found
      ? found.value
      : new UnknownValue(`the object has no property ${shown.replace(/^\./, '')}`);
  }
  return new UnknownValue(`${shown} cannot be read from ${describeValue(target)}`);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

type Fn = (args: readonly unknown[], scope: EvaluationScope) => unknown;

/** Unknown when any argument is; otherwise the function's own result. */
const strict =
  (fn: (args: readonly unknown[], scope: EvaluationScope) => unknown): Fn =>
  (args, scope) => {
    const undecided = args.find(isUnknownValue);
    return undecided === undefined ? fn(args, scope) : new UnknownValue(undecided.reason);
  };

const typeError = (name: string, expected: string, value: unknown) =>
  new UnknownValue(`${name}() expects ${expected}, not ${describeValue(value)}`);

function text(name: string, value: unknown, use: (s: string) => unknown): unknown {
  return typeof value === 'string' ? use(value) : typeError(name, 'a string', value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]))
    );
  }
  return false;
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** `format('{0}-{1}', a, b)`: positional placeholders; `{{` and `}}` are braces. Format specifiers are not supported. */
function format(args: readonly unknown[]): unknown {
  const [template, ...values] = args;
  if (isUnknownValue(template)) return new UnknownValue(template.reason);
  if (typeof template !== 'string') return typeError('format', 'a format string', template);
  const pieces: unknown[] = [];
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if ((c === '{' || c === '}') && template[i + 1] === c) {
      out += c;
      i++;
      continue;
    }
    if (c !== '{') {
      out += c;
      continue;
    }
    const match = /^\{(\d+)(:[^}]*)?\}/.exec(template.slice(i));
    if (match === null)
      return new UnknownValue(`format() string ${JSON.stringify(template)} is not understood`);
    if (match[2] !== undefined)
      return new UnknownValue(`format() specifier ${match[0]} is not supported by eugate`);
    const index = Number(match[1]);
    if (index >= values.length) return new UnknownValue(`format() placeholder {${index}} has no argument`);
    pieces.push(out, values[index]);
    out = '';
    i += match[0].length - 1;
  }
  pieces.push(out);
  return joinText(pieces);
}

function asBool(name: string, value: unknown): boolean | UnknownValue {
  if (typeof value === 'boolean') return value;
  return typeError(name, 'a boolean', value);
}

/** `and`/`or`: a known false (and) or true (or) decides, even when other arguments are unknown. */
function logic(name: 'and' | 'or'): Fn {
  const decisive = name === 'or';
  return (args) => {
    let undecided: UnknownValue | undefined;
    for (const arg of args) {
      if (isUnknownValue(arg)) {
        undecided ??= new UnknownValue(arg.reason);
        continue;
      }
      const value = asBool(name, arg);
      if (isUnknownValue(value)) return value;
      if (value === decisive) return decisive;
    }
    return undecided ?? !decisive;
  };
}

function compare(name: string, test: (order: number) => boolean): Fn {
  return strict(([a, b]) => {
    if (typeof a === 'number' && typeof b === 'number') return test(a - b);
    if (typeof a === 'string' && typeof b === 'string') return test(a < b ? -1 : a > b ? 1 : 0);
    return typeError(name, 'two numbers or two strings', a);
  });
}

const unknownBecause =
  (reason: string): Fn =>
  () =>
    new UnknownValue(reason);

/** A hash of its arguments: unknown, but named by its arguments so equal calls give equal names. */
function symbolic(name: string, reason: string): Fn {
  return (args) => {
    const text = symbolicArguments(args);
    return text === undefined ? new UnknownValue(reason) : new SymbolicValue(reason, `[${name}(${text})]`);
  };
}

function caseChange(name: string, change: (s: string) => string): Fn {
  return ([v]) => {
    if (isSymbolicValue(v)) return new SymbolicValue(v.reason, `[${name}(${v.text})]`);
    if (isUnknownValue(v)) return new UnknownValue(v.reason);
    return text(name, v, change);
  };
}

const PROVIDER_TYPE = /^[A-Za-z0-9]+(\.[A-Za-z0-9]+)+\/[A-Za-z0-9]/;

/** `resourceId([subscriptionId], [resourceGroupName], type, name1, name2, ...)`. */
function resourceId(name: string): Fn {
  return (args) => {
    const typeAt = args.findIndex((arg) => typeof arg === 'string' && PROVIDER_TYPE.test(arg));
    if (typeAt === -1) return new UnknownValue(`${name}() names no resource type eugate can read`);
    const names = args.slice(typeAt + 1);
    const known = names.every((n) => typeof n === 'string');
    return new ArmResourceReference(
      `${name}() is a resource id, known only at deployment`,
      args[typeAt] as string,
      known ? (names as string[]).join('/') : undefined,
    );
  };
}

const FUNCTIONS: ReadonlyMap<string, Fn> = new Map<string, Fn>([
  // deployment values
  [
    'resourcegroup',
    (_args, scope) => ({
      location: scope.location ?? new UnknownValue(RESOURCE_GROUP_LOCATION_UNKNOWN),
      id: new SymbolicValue('resourceGroup().id is known only at deployment', 'resourceGroup().id'),
      name: new SymbolicValue('resourceGroup().name is known only at deployment', 'resourceGroup().name'),
    }),
  ],
  [
    'subscription',
    () => ({
      id: new SymbolicValue('subscription().id is known only at deployment', 'subscription().id'),
      subscriptionId: new SymbolicValue(
        'subscription().subscriptionId is known only at deployment',
        'subscription().subscriptionId',
      ),
      tenantId: new UnknownValue('subscription().tenantId is known only at deployment'),
      displayName: new UnknownValue('subscription().displayName is known only at deployment'),
    }),
  ],
  ['deployment', unknownBecause('deployment() is known only at deployment')],
  ['environment', unknownBecause('environment() is known only at deployment')],
  ['tenant', unknownBecause('tenant() is known only at deployment')],
  ['managementgroup', unknownBecause('managementGroup() is known only at deployment')],
  [
    'uniquestring',
    symbolic('uniqueString', 'uniqueString() is a hash of deployment values, known only at deployment'),
  ],
  ['guid', symbolic('guid', 'guid() is a hash of deployment values, known only at deployment')],
  ['newguid', unknownBecause('newGuid() is generated at deployment')],
  ['utcnow', unknownBecause('utcNow() is the deployment time')],
  ['reference', unknownBecause("reference() reads a deployed resource's runtime state")],
  ['list', unknownBecause("list*() reads a deployed resource's runtime state")],
  ['resourceid', resourceId('resourceId')],
  ['subscriptionresourceid', resourceId('subscriptionResourceId')],
  ['tenantresourceid', resourceId('tenantResourceId')],
  ['extensionresourceid', unknownBecause('extensionResourceId() is a resource id, known only at deployment')],
  [
    'copyindex',
    strict((args, scope) => {
      const loop = typeof args[0] === 'string' ? args[0] : undefined;
      const offset = typeof args[0] === 'number' ? args[0] : typeof args[1] === 'number' ? args[1] : 0;
      const index = scope.copyIndex?.(loop);
      return index === undefined
        ? new UnknownValue('copyIndex() is used where the copy loop is not expanded')
        : index + offset;
    }),
  ],
  // parameters and variables
  ['parameters', strict(([name], scope) => text('parameters', name, (n) => scope.parameter(n)))],
  ['variables', strict(([name], scope) => text('variables', name, (n) => scope.variable(n)))],
  // strings
  [
    'concat',
    (args) => {
      if (args.length > 0 && args.every(Array.isArray)) return (args as unknown[][]).flat(1);
      if (args.some(Array.isArray)) return new UnknownValue('concat() expects all lists or no lists');
      return joinText(args);
    },
  ],
  ['format', format],
  ['tolower', caseChange('toLower', (s) => s.toLowerCase())],
  ['toupper', caseChange('toUpper', (s) => s.toUpperCase())],
  ['trim', strict(([v]) => text('trim', v, (s) => s.trim()))],
  [
    'replace',
    strict(([v, a, b]) =>
      typeof a === 'string' && typeof b === 'string'
        ? text('replace', v, (s) => s.split(a).join(b))
        : typeError('replace', 'strings', a),
    ),
  ],
  [
    'split',
    strict(([v, d]) =>
      typeof d === 'string' || (Array.isArray(d) && d.every((x) => typeof x === 'string'))
        ? text('split', v, (s) => {
            const delimiters = (typeof d === 'string' ? [d] : (d as string[])).filter((x) => x !== '');
            return delimiters.length === 0
              ? [s]
              : delimiters.reduce<string[]>(
                  (parts, delimiter) => parts.flatMap((p) => p.split(delimiter)),
                  [s],
                );
          })
        : typeError('split', 'a delimiter string', d),
    ),
  ],
  [
    'startswith',
    strict(([v, p]) =>
      typeof p === 'string'
        ? text('startsWith', v, (s) => s.toLowerCase().startsWith(p.toLowerCase()))
        : typeError('startsWith', 'a string', p),
    ),
  ],
  [
    'endswith',
    strict(([v, p]) =>
      typeof p === 'string'
        ? text('endsWith', v, (s) => s.toLowerCase().endsWith(p.toLowerCase()))
        : typeError('endsWith', 'a string', p),
    ),
  ],
  ['string', strict(([v]) => toText(v))],
  [
    'int',
    strict(([v]) => {
      const n =
        typeof v === 'number'
          ? v
          : typeof v === 'string' && /^-?\d+$/.test(v.trim())
            ? Number(v)
            : Number.NaN;
      return Number.isInteger(n) ? n : typeError('int', 'an integer or a string of one', v);
    }),
  ],
  [
    'bool',
    strict(([v]) => {
      if (typeof v === 'boolean') return v;
      if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
      if (v === 0 || v === 1) return v === 1;
      return typeError('bool', 'a boolean, "true"/"false" or 0/1', v);
    }),
  ],
  ['true', () => true],
  ['false', () => false],
  ['null', () => null],
  // logic and comparison
  ['equals', strict(([a, b]) => deepEqual(a, b))],
  [
    'not',
    strict(([v]) => {
      const b = asBool('not', v);
      return isUnknownValue(b) ? b : !b;
    }),
  ],
  ['and', logic('and')],
  ['or', logic('or')],
  ['less', compare('less', (o) => o < 0)],
  ['lessorequals', compare('lessOrEquals', (o) => o <= 0)],
  ['greater', compare('greater', (o) => o > 0)],
  ['greaterorequals', compare('greaterOrEquals', (o) => o >= 0)],
  [
    'coalesce',
    (args) => {
      for (const arg of args) {
        if (isUnknownValue(arg)) return new UnknownValue(arg.reason);
        if (arg !== null) return arg;
      }
      return null;
    },
  ],
  // collections
  ['createarray', strict((args) => [...args])],
  [
    'createobject',
    strict((args) => {
      const out: JsonObject = {};
      for (let i = 0; i + 1 < args.length; i += 2) {
        const key = args[i];
        if (typeof key !== 'string') return typeError('createObject', 'string keys', key);
        Object.defineProperty(out, key, {
          value: args[i + 1],
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }),
  ],
  [
    'length',
    strict(([v]) =>
      typeof v === 'string' || Array.isArray(v)
        ? v.length
        : isJsonObject(v)
          ? Object.keys(v).length
          : typeError('length', 'a string, list or object', v),
    ),
  ],
  [
    'empty',
    strict(([v]) =>
      v === null
        ? true
        : typeof v === 'string' || Array.isArray(v)
          ? v.length === 0
          : isJsonObject(v)
            ? Object.keys(v).length === 0
            : typeError('empty', 'a string, list or object', v),
    ),
  ],
  [
    'contains',
    strict(([container, item]) => {
      if (typeof container === 'string')
        return typeof item === 'string' ? container.includes(item) : container.includes(toText(item));
      if (Array.isArray(container)) return container.some((x) => deepEqual(x, item));
      if (isJsonObject(container) && typeof item === 'string') return ownIgnoringCase(container, item).found;
      return typeError('contains', 'a string, list or object', container);
    }),
  ],
  [
    'first',
    strict(([v]) =>
      typeof v === 'string' || Array.isArray(v) ? (v[0] ?? null) : typeError('first', 'a string or list', v),
    ),
  ],
  [
    'last',
    strict(([v]) =>
      typeof v === 'string' || Array.isArray(v)
        ? (v[v.length - 1] ?? null)
        : typeError('last', 'a string or list', v),
    ),
  ],
]);

function call(node: Extract<ExpressionNode, { kind: 'call' }>, scope: EvaluationScope): unknown {
  const name = node.name.toLowerCase();
  if (name === 'if') return conditional(node, scope);
  const fn = FUNCTIONS.get(name) ?? (name.startsWith('list') ? FUNCTIONS.get('list') : undefined);
  if (fn === undefined)
    return new UnknownValue(
      node.name.includes('.')
        ? `the user-defined function ${node.name}() is not evaluated by eugate`
        : `the template function ${node.name}() is not supported by eugate`,
    );
  return fn(
    node.args.map((arg) => evaluate(arg, scope)),
    scope,
  );
}

/** `if(condition, a, b)`: a known condition picks its branch; an unknown one is unknown unless both branches agree. */
function conditional(node: Extract<ExpressionNode, { kind: 'call' }>, scope: EvaluationScope): unknown {
  const [conditionNode, whenTrue, whenFalse] = node.args;
  if (
    conditionNode === undefined ||
    whenTrue === undefined ||
    whenFalse === undefined ||
    node.args.length !== 3
  )
    return new UnknownValue(`if() takes three arguments, not ${node.args.length}`);
  const condition = evaluate(conditionNode, scope);
  if (isUnknownValue(condition)) {
    const a = evaluate(whenTrue, scope);
    const b = evaluate(whenFalse, scope);
    if (!isUnknownValue(a) && !isUnknownValue(b) && deepEqual(a, b)) return a;
    return new UnknownValue(`the condition of if() is unknown: ${condition.reason}`);
  }
  const decided = asBool('if', condition);
  if (isUnknownValue(decided)) return decided;
  return evaluate(decided ? whenTrue : whenFalse, scope);
}
