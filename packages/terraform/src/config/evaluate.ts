import {
  containsUnknown,
  evidence,
  type Fact,
  InputError,
  isUnknownValue,
  knownFact,
  NOT_SET,
  type RawResource,
  type ReadResult,
  SCHEMA,
  type SourceLocation,
  UnknownValue,
  unknownFact,
} from '@eugate/core';
import { defineOwn, isJsonObject, type JsonObject } from '../read/json-value.js';
import { createProviderIdentifier, nonAwsRegion } from '../read/providers.js';
import {
  describeUnevaluated,
  findTraversals,
  parseLiteral,
  parseTemplate,
  parseTraversal,
  shorten,
  TemplateSyntaxError,
  type Traversal,
  type TraversalStep,
} from './expressions.js';
import type { Located, ModuleCallBlock, ModuleConfig, ProviderBlock, ResourceBlock } from './model.js';
import type { TerraformConfigOptions } from './options.js';

/**
 * Turns a module tree of Terraform configuration into raw resources, evaluating only what the
 * configuration states: literals, `var.x` (given values, module inputs, defaults), `local.x`,
 * other resources' arguments (`${azurerm_resource_group.rg.location}`), `count.index`/`each.*` of
 * simple `count`/`for_each`, and provider configurations with aliases. Everything else becomes an
 * `UnknownValue` whose reason names the expression. Values are evaluated lazily and memoised, and a
 * value that needs itself is a reference cycle (an `InputError`), as it is for Terraform.
 */
export function buildRawResources(root: ModuleConfig, options: TerraformConfigOptions = {}): ReadResult {
  return new ConfigEvaluator(root, options).run();
}

interface Evaluated {
  readonly value: unknown;
  readonly refs: ReadonlySet<string>;
}

interface ModuleInstance {
  /** `''` for the root module, else `module.a`, `module.a["x"].module.b`. */
  readonly address: string;
  readonly config: ModuleConfig;
  readonly parent?: ModuleInstance;
  readonly call?: ModuleCallBlock;
  /** Where the call's arguments are evaluated: the parent module, with the call's count/each. */
  readonly callScope?: Scope;
  readonly values: Map<string, Evaluated>;
  readonly expansions: Map<ResourceBlock, Expansion>;
  providers?: ReadonlyMap<string, ProviderConfig>;
}

interface Scope {
  readonly module: ModuleInstance;
  readonly count?: number;
  readonly each?: { readonly key: string; readonly value: unknown };
  /** Set when the instance's count/for_each could not be evaluated. */
  readonly unknownRepetition?: string;
}

interface ResourceInstance {
  readonly block: ResourceBlock;
  readonly address: string;
  readonly key: string | number | undefined;
  readonly scope: Scope;
  readonly args: Map<string, Evaluated>;
}

type Expansion =
  | { readonly known: true; readonly instances: readonly ResourceInstance[] }
  | { readonly known: false; readonly reason: string; readonly instances: readonly ResourceInstance[] };

interface ProviderConfig {
  /** How the configuration is named in evidence: `aws.us`, `module.m:aws`. */
  readonly display: string;
  readonly block?: ProviderBlock;
  readonly module: ModuleInstance;
}

const ENVIRONMENT = 'would come from the environment (AWS_REGION) at plan time';
const NOT_EVALUATED_ROOTS = new Set(['path', 'terraform', 'self', 'ephemeral']);
/** Deeper chains of references than this are refused rather than risking the stack (Terraform has no such chains in practice). */
const MAX_REFERENCE_DEPTH = 400;

class ConfigEvaluator {
  private readonly prefix: string;
  private readonly notes: string[] = [];
  private readonly active: string[] = [];
  private readonly activeSet = new Set<string>();
  private readonly identifyProvider = createProviderIdentifier();
  private readonly otherRegions = new Map<string, Fact<string>>();
  private readonly regions = new Map<ProviderConfig, Fact<string>>();
  private readonly blockIndex = new Map<ModuleConfig, Map<string, ResourceBlock>>();
  private readonly defaultsUsed = new Set<string>();

  constructor(
    private readonly root: ModuleConfig,
    private readonly options: TerraformConfigOptions,
  ) {
    this.prefix = options.addressPrefix ?? '';
  }

  run(): ReadResult {
    const resources: RawResource[] = [];
    const modules: ModuleInstance[] = [];
    const pending: ModuleInstance[] = [newModule('', this.root)];
    for (let module = pending.shift(); module !== undefined; module = pending.shift()) {
      modules.push(module);
      pending.push(...this.childModules(module));
    }
    for (const module of modules) {
      for (const block of module.config.resources) {
        const expansion = this.expand(block, module);
        if (!expansion.known) {
          this.notes.push(
            `${this.where(block)}: ${this.baseAddress(module, block)} is read as one resource: ${expansion.reason}`,
          );
        } else if (expansion.instances.length === 0) {
          this.notes.push(
            `${this.where(block)}: ${this.baseAddress(module, block)} has no instances (count or for_each is empty) and deploys nothing`,
          );
        }
        for (const instance of expansion.instances) resources.push(this.rawResource(instance));
      }
    }
    this.checkResourceCycles(resources);
    if (this.defaultsUsed.size > 0) {
      const names = [...this.defaultsUsed].sort();
      this.notes.push(
        `the root module's ${names.length === 1 ? 'variable' : 'variables'} ${names.map((name) => `var.${name}`).join(', ')} ${names.length === 1 ? 'was' : 'were'} read from ${names.length === 1 ? 'its default' : 'their defaults'}; a value given at plan time (-var, -var-file, TF_VAR_…) would replace ${names.length === 1 ? 'it' : 'them'}`,
      );
    }
    return { resources, notes: this.notes };
  }

  // ── modules ──────────────────────────────────────────────────────────────────────────────

  private childModules(module: ModuleInstance): ModuleInstance[] {
    const children: ModuleInstance[] = [];
    for (const call of module.config.moduleCalls) {
      const callAddress = `${module.address === '' ? '' : `${module.address}.`}module.${call.name}`;
      const source = call.source;
      const local = source !== undefined && /^\.\.?[/\\]/.test(source);
      const config = module.config.children?.get(call.name);
      if (config === undefined) {
        this.notes.push(
          local
            ? `${this.where(call)}: ${callAddress} (source "${source}") is a local module that was not read; scan its directory to follow it`
            : `${this.where(call)}: ${callAddress} (source "${source ?? '(none)'}") is a remote module and was not scanned`,
        );
        continue;
      }
      const repetition = this.repetition(call, { module }, `${callAddress}`);
      if (!repetition.known) {
        this.notes.push(
          `${this.where(call)}: ${callAddress} is read as one module instance: ${repetition.reason}`,
        );
      }
      for (const item of repetition.items) {
        const address = `${callAddress}${keySuffix(item.key)}`;
        children.push({
          ...newModule(address, config),
          parent: module,
          call,
          callScope: { module, ...item.scope },
        });
      }
    }
    return children;
  }

  // ── resources ────────────────────────────────────────────────────────────────────────────

  private rawResource(instance: ResourceInstance): RawResource {
    const { block } = instance;
    const properties: JsonObject = {};
    const references: Record<string, readonly string[]> = {};
    for (const argument of Object.keys(block.body)) {
      const evaluated = this.argument(instance, argument);
      defineOwn(properties, argument, evaluated.value);
      let refs = [...evaluated.refs];
      // Describers read an unknown argument without references as "not set": a configured one must have some.
      if (refs.length === 0 && containsUnknown(evaluated.value))
        refs = [`${this.modulePrefix(instance.scope.module)}${argument}`];
      if (refs.length > 0) references[argument] = refs.sort();
    }
    const source: SourceLocation = {
      file: block.file,
      ...(block.line === undefined ? {} : { line: block.line }),
      ...(block.construct === undefined ? {} : { construct: block.construct }),
    };
    const module = instance.scope.module;
    const { schema, region, config } = this.providerOf(instance);
    if (config?.block !== undefined && !Object.hasOwn(properties, 'tags_all')) {
      const tagsAll = this.tagsWithDefaults(config, properties.tags);
      if (tagsAll !== undefined) {
        defineOwn(properties, 'tags_all', tagsAll.value);
        references.tags_all = [...new Set([...(references.tags ?? []), ...tagsAll.refs])].sort();
      }
    }
    return {
      address: instance.address,
      type: block.type,
      schema,
      properties,
      references,
      region,
      source,
      stack: this.options.stack ?? (module.address === '' ? 'root' : module.address),
    };
  }

  private argument(instance: ResourceInstance, name: string): Evaluated {
    const cached = instance.args.get(name);
    if (cached !== undefined) return cached;
    const { block } = instance;
    if (!Object.hasOwn(block.body, name)) {
      return {
        value: new UnknownValue(`${instance.address}.${name} is known only after apply`),
        refs: new Set(),
      };
    }
    const evaluated = this.guard(`${instance.address}.${name}`, block, () => {
      const refs = new Set<string>();
      return { value: this.evaluate(block.body[name], instance.scope, refs, block), refs };
    });
    instance.args.set(name, evaluated);
    return evaluated;
  }

  private blocks(config: ModuleConfig): Map<string, ResourceBlock> {
    let index = this.blockIndex.get(config);
    if (index === undefined) {
      index = new Map(config.resources.map((block) => [`${block.type}.${block.name}`, block]));
      this.blockIndex.set(config, index);
    }
    return index;
  }

  private baseAddress(module: ModuleInstance, block: ResourceBlock): string {
    return `${this.prefix}${module.address === '' ? '' : `${module.address}.`}${block.type}.${block.name}`;
  }

  private modulePrefix(module: ModuleInstance): string {
    return `${this.prefix}${module.address === '' ? '' : `${module.address}.`}`;
  }

  private expand(block: ResourceBlock, module: ModuleInstance): Expansion {
    const cached = module.expansions.get(block);
    if (cached !== undefined) return cached;
    const base = this.baseAddress(module, block);
    const repetition = this.repetition(block, { module }, base);
    const instances = repetition.items.map(
      (item): ResourceInstance => ({
        block,
        address: `${base}${keySuffix(item.key)}`,
        key: item.key,
        scope: { module, ...item.scope },
        args: new Map(),
      }),
    );
    const expansion: Expansion = repetition.known
      ? { known: true, instances }
      : { known: false, reason: repetition.reason, instances };
    module.expansions.set(block, expansion);
    return expansion;
  }

  /** The instances `count` or `for_each` asks for, when they can be known from the configuration. */
  private repetition(
    block: ResourceBlock | ModuleCallBlock,
    scope: Scope,
    label: string,
  ):
    | { readonly known: true; readonly items: readonly RepetitionItem[] }
    | { readonly known: false; readonly reason: string; readonly items: readonly RepetitionItem[] } {
    const unknownItems = (reason: string) => ({
      known: false as const,
      reason,
      items: [{ key: undefined, scope: { unknownRepetition: reason } }],
    });
    if (block.count !== undefined) {
      const count = this.guard(`${label}.count`, block, () =>
        this.evaluate(block.count?.value, scope, new Set(), block),
      );
      if (isUnknownValue(count)) return unknownItems(`its count is unknown (${count.reason})`);
      const n = typeof count === 'string' && /^\d+$/.test(count) ? Number(count) : count;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
        throw new InputError(
          'EUGATE_INPUT_MALFORMED',
          block.file,
          `${label}: count is ${JSON.stringify(count)}, not a whole number`,
          location(block),
        );
      }
      return {
        known: true,
        items: Array.from({ length: n }, (_, index) => ({ key: index, scope: { count: index } })),
      };
    }
    if (block.forEach !== undefined) {
      const value = this.guard(`${label}.for_each`, block, () =>
        this.evaluateForEach(block.forEach?.value, scope, block),
      );
      if (isUnknownValue(value)) return unknownItems(`its for_each is unknown (${value.reason})`);
      const entries: [string, unknown][] = Array.isArray(value)
        ? value.every((item) => typeof item === 'string')
          ? (value as string[]).map((item) => [item, item])
          : []
        : isJsonObject(value)
          ? Object.entries(value)
          : [];
      if (Array.isArray(value) && !value.every((item) => typeof item === 'string')) {
        return unknownItems('its for_each is a list with values that are not known strings');
      }
      if (!Array.isArray(value) && !isJsonObject(value)) {
        throw new InputError(
          'EUGATE_INPUT_MALFORMED',
          block.file,
          `${label}: for_each is ${JSON.stringify(value)}, not a map or a set of strings`,
          location(block),
        );
      }
      if (entries.some(([, item]) => isUnknownValue(item)) && Array.isArray(value)) {
        return unknownItems('its for_each holds values known only after apply');
      }
      return {
        known: true,
        items: [...new Map(entries)].map(([key, item]) => ({ key, scope: { each: { key, value: item } } })),
      };
    }
    return { known: true, items: [{ key: undefined, scope: {} }] };
  }

  /** `for_each` also accepts `toset([...])`/`tomap({...})` of what eugate can read: the one function it unwraps. */
  private evaluateForEach(value: unknown, scope: Scope, site: Located): unknown {
    if (typeof value === 'string') {
      const parts = parseTemplate(value);
      const only = parts.length === 1 ? parts[0] : undefined;
      const call =
        only?.kind === 'interpolation' ? /^to(?:set|map)\(([\s\S]*)\)$/.exec(only.expression) : null;
      if (call !== null && call[1] !== undefined) {
        const inner = call[1].trim();
        try {
          const literal: unknown = JSON.parse(inner);
          if (Array.isArray(literal) || isJsonObject(literal)) return literal;
        } catch {
          // not a literal list: evaluated as an expression below
        }
        return this.expression(inner, scope, new Set(), site);
      }
    }
    return this.evaluate(value, scope, new Set(), site);
  }

  // ── providers and regions ───────────────────────────────────────────────────────────────

  /**
   * `tags_all` as the aws provider computes it: its `default_tags`, overridden by the resource's own
   * `tags`. Classification reads it, so a personal-data tag set once on the provider counts.
   */
  private tagsWithDefaults(config: ProviderConfig, tags: unknown): Evaluated | undefined {
    const block = config.block;
    const defaults = block?.body.default_tags;
    if (block === undefined || defaults === undefined) return undefined;
    const refs = new Set<string>();
    const evaluated = this.guard(`provider["${config.display}"].default_tags`, block, () =>
      this.evaluate(defaults, { module: config.module }, refs, block),
    );
    const first = Array.isArray(evaluated) ? evaluated[0] : evaluated;
    const defaultTags = isUnknownValue(first) ? first : isJsonObject(first) ? first.tags : undefined;
    if (defaultTags === undefined || defaultTags === null) return undefined;
    if (isUnknownValue(defaultTags) || isUnknownValue(tags)) {
      const reason = isUnknownValue(defaultTags) ? defaultTags.reason : (tags as UnknownValue).reason;
      return { value: new UnknownValue(`tags_all: ${reason}`), refs };
    }
    if (!isJsonObject(defaultTags)) return undefined;
    const merged: JsonObject = {};
    for (const key of Object.keys(defaultTags)) defineOwn(merged, key, defaultTags[key]);
    if (isJsonObject(tags)) for (const key of Object.keys(tags)) defineOwn(merged, key, tags[key]);
    return { value: merged, refs };
  }

  private providerOf(instance: ResourceInstance): {
    schema: RawResource['schema'];
    region: Fact<string>;
    config?: ProviderConfig;
  } {
    const { block } = instance;
    const module = instance.scope.module;
    const written = block.provider?.replace(/^\$\{\s*|\s*\}$/g, '').trim();
    const local = written ?? block.type.split('_')[0] ?? block.type;
    const localName = local.split('.')[0] ?? local;
    const provider = this.identifyProvider(
      block.type,
      module.config.requiredProviders.get(localName) ?? localName,
    );
    if (provider.schema !== SCHEMA.terraformAws) {
      let region = this.otherRegions.get(provider.shortName);
      if (region === undefined) {
        region = nonAwsRegion(provider.shortName);
        this.otherRegions.set(provider.shortName, region);
      }
      return { schema: provider.schema, region };
    }
    const config = this.providerConfigs(module).get(local);
    const withConfig = config === undefined ? {} : { config };
    if (Object.hasOwn(block.body, 'region')) {
      // The aws provider v6 `region` argument of a resource overrides its provider's.
      const own = this.argument(instance, 'region').value;
      if (typeof own === 'string' && own !== '')
        return { schema: provider.schema, region: knownFact(own, evidence('region', own)), ...withConfig };
      if (isUnknownValue(own)) {
        return {
          schema: provider.schema,
          region: unknownFact(
            `the resource's region argument is unknown: ${own.reason}`,
            evidence('region', own.toJSON()),
          ),
          ...withConfig,
        };
      }
    }
    if (config === undefined) {
      const where = module.address === '' ? 'the root module' : module.address;
      return {
        schema: provider.schema,
        region: local.includes('.')
          ? unknownFact(`provider "${local}" is not configured in ${where}`)
          : unknownFact(`no provider "${local}" block configures ${where}; its region ${ENVIRONMENT}`),
      };
    }
    return { schema: provider.schema, region: this.providerRegion(config), config };
  }

  /** Provider configurations a module sees: inherited defaults, those passed by its call, its own blocks. */
  private providerConfigs(module: ModuleInstance): ReadonlyMap<string, ProviderConfig> {
    if (module.providers !== undefined) return module.providers;
    const configs = new Map<string, ProviderConfig>();
    if (module.parent !== undefined) {
      const parentConfigs = this.providerConfigs(module.parent);
      for (const [key, config] of parentConfigs) if (!key.includes('.')) configs.set(key, config);
      for (const [childKey, passed] of Object.entries(module.call?.providers ?? {})) {
        if (typeof passed !== 'string') continue;
        const parentKey = passed.replace(/^\$\{\s*|\s*\}$/g, '').trim();
        configs.set(childKey, parentConfigs.get(parentKey) ?? { display: parentKey, module: module.parent });
      }
    }
    const prefix = module.address === '' ? '' : `${module.address}:`;
    for (const block of module.config.providers) {
      const key = block.alias === undefined ? block.name : `${block.name}.${block.alias}`;
      configs.set(key, { display: `${prefix}${key}`, block, module });
    }
    module.providers = configs;
    return configs;
  }

  private providerRegion(config: ProviderConfig): Fact<string> {
    const cached = this.regions.get(config);
    if (cached !== undefined) return cached;
    const path = `provider["${config.display}"].region`;
    let fact: Fact<string>;
    const block = config.block;
    if (block === undefined) {
      fact = unknownFact(`no provider block configures "${config.display}"; its region ${ENVIRONMENT}`);
    } else if (!Object.hasOwn(block.body, 'region')) {
      fact = unknownFact(
        `provider "${config.display}" sets no region; it ${ENVIRONMENT}`,
        evidence(path, NOT_SET),
      );
    } else {
      const written = block.body.region;
      const value = this.guard(path, block, () =>
        this.evaluate(written, { module: config.module }, new Set(), block),
      );
      const trail = written === value ? [] : [evidence(`${path} (as written)`, written)];
      if (typeof value === 'string' && value !== '') fact = knownFact(value, evidence(path, value), ...trail);
      else if (isUnknownValue(value))
        fact = unknownFact(
          `the region of provider "${config.display}" is unknown: ${value.reason}`,
          evidence(path, written),
        );
      else
        fact = unknownFact(
          `provider "${config.display}" sets region to ${JSON.stringify(value)}`,
          evidence(path, value),
          ...trail,
        );
    }
    this.regions.set(config, fact);
    return fact;
  }

  // ── values ───────────────────────────────────────────────────────────────────────────────

  private evaluate(value: unknown, scope: Scope, refs: Set<string>, site: Located): unknown {
    if (isUnknownValue(value)) return value;
    if (typeof value === 'string') return this.template(value, scope, refs, site);
    if (Array.isArray(value)) return value.map((item) => this.evaluate(item, scope, refs, site));
    if (isJsonObject(value)) {
      const result: JsonObject = {};
      for (const key of Object.keys(value))
        defineOwn(result, key, this.evaluate(value[key], scope, refs, site));
      return result;
    }
    return value; // numbers, booleans, null, UnknownValue
  }

  private template(text: string, scope: Scope, refs: Set<string>, site: Located): unknown {
    let parts: ReturnType<typeof parseTemplate>;
    try {
      parts = parseTemplate(text);
    } catch (error) {
      if (error instanceof TemplateSyntaxError) {
        throw new InputError('EUGATE_INPUT_MALFORMED', site.file, error.message, location(site));
      }
      throw error;
    }
    const first = parts[0];
    if (parts.length === 1 && first?.kind === 'text') return first.text;
    if (parts.length === 1 && first?.kind === 'interpolation')
      return this.expression(first.expression, scope, refs, site);
    let result = '';
    let unknown: UnknownValue | undefined;
    for (const part of parts) {
      if (part.kind === 'text') {
        result += part.text;
        continue;
      }
      if (part.kind === 'directive') {
        for (const traversal of findTraversals(part.text)) this.noteReference(traversal, scope, refs, site);
        unknown ??= new UnknownValue(`the template directive %{${shorten(part.text)}} is not evaluated`);
        continue;
      }
      const value = this.expression(part.expression, scope, refs, site);
      if (isUnknownValue(value)) unknown ??= value;
      else if (value === null || typeof value === 'object') {
        unknown ??= new UnknownValue(
          `\${${shorten(part.expression)}} is not a string and cannot be part of one`,
        );
      } else result += String(value);
    }
    return unknown ?? result;
  }

  private expression(expression: string, scope: Scope, refs: Set<string>, site: Located): unknown {
    const literal = parseLiteral(expression);
    if (literal !== undefined) return literal.value;
    const traversal = parseTraversal(expression);
    if (traversal !== undefined && !traversal.steps.some((step) => step.kind === 'splat')) {
      return this.traversal(traversal, scope, refs, site);
    }
    const found = findTraversals(expression);
    for (const inner of found) this.noteReference(inner, scope, refs, site);
    if (found.length === 0) refs.add(`${this.modulePrefix(scope.module)}${shorten(expression)}`);
    return new UnknownValue(describeUnevaluated(expression));
  }

  /** Records what an unevaluated expression references, evaluating only to find resource instances. */
  private noteReference(traversal: Traversal, scope: Scope, refs: Set<string>, site: Located): void {
    const { root } = traversal;
    if (root === 'count' || root === 'each') return;
    if (
      root === 'var' ||
      root === 'local' ||
      root === 'data' ||
      root === 'module' ||
      NOT_EVALUATED_ROOTS.has(root)
    ) {
      this.traversal(traversal, scope, refs, site);
      return;
    }
    // Resource types are `<provider>_<type>`; any other name here is a `for` variable or an object key.
    if (!root.includes('_')) return;
    this.traversal(
      { ...traversal, steps: traversal.steps.slice(0, 2).filter((step) => step.kind !== 'splat') },
      scope,
      refs,
      site,
    );
  }

  private traversal(traversal: Traversal, scope: Scope, refs: Set<string>, site: Located): unknown {
    const { root, steps, text } = traversal;
    const first = steps[0];
    const firstName = first?.kind === 'attribute' ? first.name : undefined;
    const module = scope.module;
    const prefix = this.modulePrefix(module);
    switch (root) {
      case 'var': {
        if (firstName === undefined) return new UnknownValue(`\`${text}\` is not a variable reference`);
        const variable = this.variable(module, firstName);
        for (const ref of variable.refs) refs.add(ref);
        refs.add(`${prefix}var.${firstName}`);
        return this.steps(variable.value, steps.slice(1), text, scope, refs, site);
      }
      case 'local': {
        if (firstName === undefined) return new UnknownValue(`\`${text}\` is not a local value reference`);
        const local = this.local(module, firstName);
        for (const ref of local.refs) refs.add(ref);
        refs.add(`${prefix}local.${firstName}`);
        return this.steps(local.value, steps.slice(1), text, scope, refs, site);
      }
      case 'count':
        if (firstName !== 'index') return new UnknownValue(`\`${text}\` is not evaluated`);
        if (scope.count !== undefined) return scope.count;
        return new UnknownValue(scope.unknownRepetition ?? 'count.index is used where there is no count');
      case 'each': {
        if (scope.each === undefined)
          return new UnknownValue(scope.unknownRepetition ?? `${text} is used where there is no for_each`);
        if (firstName === 'key') return scope.each.key;
        if (firstName === 'value')
          return this.steps(scope.each.value, steps.slice(1), text, scope, refs, site);
        return new UnknownValue(`\`${text}\` is not evaluated`);
      }
      case 'data': {
        const type = firstName;
        const name = steps[1]?.kind === 'attribute' ? steps[1].name : undefined;
        const address = type === undefined || name === undefined ? text : `data.${type}.${name}`;
        refs.add(`${prefix}${address}`);
        return new UnknownValue(`${address} is a data source, read from the cloud at plan time`);
      }
      case 'module': {
        const output = steps[1]?.kind === 'attribute' ? `.${steps[1].name}` : '';
        refs.add(`${prefix}module.${firstName ?? ''}${output}`);
        return new UnknownValue(`module outputs (module.${firstName ?? '?'}${output}) are not evaluated`);
      }
      default:
        if (NOT_EVALUATED_ROOTS.has(root)) {
          refs.add(`${prefix}${text}`);
          return new UnknownValue(`\`${text}\` is not evaluated`);
        }
        return this.resourceTraversal(traversal, scope, refs, site);
    }
  }

  private resourceTraversal(traversal: Traversal, scope: Scope, refs: Set<string>, site: Located): unknown {
    const { root: type, steps, text } = traversal;
    const module = scope.module;
    const nameStep = steps[0];
    if (nameStep?.kind !== 'attribute') return new UnknownValue(`\`${text}\` is not evaluated`);
    const block = this.blocks(module.config).get(`${type}.${nameStep.name}`);
    const base = `${this.modulePrefix(module)}${type}.${nameStep.name}`;
    if (block === undefined) {
      refs.add(base);
      return new UnknownValue(`${type}.${nameStep.name} is not a resource of this configuration`);
    }
    const expansion = this.expand(block, module);
    let rest = steps.slice(1);
    let key: string | number | undefined;
    const keyStep = rest[0];
    if (keyStep?.kind === 'index') key = keyStep.key;
    else if (keyStep?.kind === 'reference-index') {
      const resolved = this.traversal(keyStep.traversal, scope, refs, site);
      if (typeof resolved !== 'string' && typeof resolved !== 'number') {
        for (const instance of expansion.instances) refs.add(instance.address);
        return new UnknownValue(`the instance key of \`${text}\` is unknown`);
      }
      key = resolved;
    }
    if (keyStep?.kind === 'index' || keyStep?.kind === 'reference-index') rest = rest.slice(1);
    if (!expansion.known) {
      refs.add(base);
      return new UnknownValue(
        `${base} ${expansion.reason.replace(/^its/, 'has an unknown number of instances:')}`,
      );
    }
    let target: ResourceInstance | undefined;
    if (key !== undefined) {
      target = expansion.instances.find((instance) => instance.key === key);
      if (target === undefined) {
        refs.add(`${base}${keySuffix(key)}`);
        return new UnknownValue(`${base}${keySuffix(key)} is not an instance of the configuration`);
      }
    } else if (block.count === undefined && block.forEach === undefined) {
      target = expansion.instances[0];
    }
    if (target === undefined) {
      for (const instance of expansion.instances) refs.add(instance.address);
      return new UnknownValue(`\`${text}\` refers to all instances of ${base}, which is not evaluated`);
    }
    refs.add(target.address);
    const attribute = rest[0];
    if (attribute?.kind !== 'attribute') return new UnknownValue(`\`${text}\` is not an attribute reference`);
    const value = this.argument(target, attribute.name).value;
    return this.steps(value, rest.slice(1), text, scope, refs, site);
  }

  private steps(
    start: unknown,
    steps: readonly TraversalStep[],
    text: string,
    scope: Scope,
    refs: Set<string>,
    site: Located,
  ): unknown {
    let value = start;
    for (const step of steps) {
      if (isUnknownValue(value)) return value;
      let key: string | number | undefined;
      if (step.kind === 'attribute') key = step.name;
      else if (step.kind === 'index') key = step.key;
      else if (step.kind === 'reference-index') {
        const resolved = this.traversal(step.traversal, scope, refs, site);
        if (isUnknownValue(resolved)) return resolved;
        if (typeof resolved === 'string' || typeof resolved === 'number') key = resolved;
      }
      if (key === undefined) return new UnknownValue(`\`${text}\` is not evaluated`);
      if (Array.isArray(value) && typeof key === 'number' && key < value.length) value = value[key];
      else if (isJsonObject(value) && Object.hasOwn(value, String(key))) value = value[String(key)];
      else return new UnknownValue(`\`${text}\`: the value has no element ${JSON.stringify(key)}`);
    }
    return value;
  }

  private variable(module: ModuleInstance, name: string): Evaluated {
    const memoKey = `var.${name}`;
    const cached = module.values.get(memoKey);
    if (cached !== undefined) return cached;
    const declared = module.config.variables.get(name);
    const site: Located = declared ?? module.call ?? { file: '(configuration)' };
    const evaluated = this.guard(`${this.modulePrefix(module)}var.${name}`, site, (): Evaluated => {
      const call = module.call;
      if (call !== undefined && module.callScope !== undefined && Object.hasOwn(call.inputs, name)) {
        const refs = new Set<string>();
        return { value: this.evaluate(call.inputs[name], module.callScope, refs, call), refs };
      }
      if (
        module.parent === undefined &&
        this.options.variables !== undefined &&
        Object.hasOwn(this.options.variables, name)
      ) {
        return { value: this.options.variables[name], refs: new Set() };
      }
      if (declared?.default !== undefined) {
        if (module.parent === undefined) this.defaultsUsed.add(name);
        return { value: declared.default.value, refs: new Set() };
      }
      const reason =
        declared === undefined
          ? `var.${name} is not declared`
          : module.parent === undefined
            ? `var.${name} has no default and no value is given`
            : `var.${name} has no default and ${module.address} is not given one`;
      return { value: new UnknownValue(reason), refs: new Set() };
    });
    module.values.set(memoKey, evaluated);
    return evaluated;
  }

  private local(module: ModuleInstance, name: string): Evaluated {
    const memoKey = `local.${name}`;
    const cached = module.values.get(memoKey);
    if (cached !== undefined) return cached;
    const declared = module.config.locals.get(name);
    let evaluated: Evaluated;
    if (declared === undefined) {
      evaluated = { value: new UnknownValue(`local.${name} is not declared`), refs: new Set() };
    } else {
      evaluated = this.guard(`${this.modulePrefix(module)}local.${name}`, declared, () => {
        const refs = new Set<string>();
        return { value: this.evaluate(declared.value, { module }, refs, declared), refs };
      });
    }
    module.values.set(memoKey, evaluated);
    return evaluated;
  }

  /** Runs `compute` for `label`, failing with the chain when `label` is already being computed. */
  private guard<T>(label: string, site: Located, compute: () => T): T {
    if (this.activeSet.has(label)) {
      const chain = [...this.active.slice(this.active.indexOf(label)), label];
      throw new InputError(
        'EUGATE_INPUT_MALFORMED',
        site.file,
        `reference cycle: ${chain.join(' → ')}`,
        location(site),
      );
    }
    if (this.active.length >= MAX_REFERENCE_DEPTH) {
      throw new InputError(
        'EUGATE_INPUT_MALFORMED',
        site.file,
        `references nest deeper than ${MAX_REFERENCE_DEPTH} levels (at ${label})`,
        location(site),
      );
    }
    this.active.push(label);
    this.activeSet.add(label);
    try {
      return compute();
    } finally {
      this.active.pop();
      this.activeSet.delete(label);
    }
  }

  /** Terraform refuses resources that depend on each other even through attributes known only after apply. */
  private checkResourceCycles(resources: readonly RawResource[]): void {
    const byAddress = new Map(resources.map((resource) => [resource.address, resource]));
    const state = new Map<string, 'active' | 'done'>();
    const path: string[] = [];
    const visit = (resource: RawResource): void => {
      state.set(resource.address, 'active');
      path.push(resource.address);
      const targets = new Set(Object.values(resource.references ?? {}).flat());
      for (const target of [...targets].sort()) {
        const next = byAddress.get(target);
        if (next === undefined) continue;
        const seen = state.get(target);
        if (seen === 'active') {
          const chain = [...path.slice(path.indexOf(target)), target];
          throw new InputError(
            'EUGATE_INPUT_MALFORMED',
            next.source.file,
            `reference cycle between resources: ${chain.join(' → ')}`,
            location({
              file: next.source.file,
              ...(next.source.line === undefined ? {} : { line: next.source.line }),
            }),
          );
        }
        if (seen === undefined) visit(next);
      }
      path.pop();
      state.set(resource.address, 'done');
    };
    for (const resource of resources) if (!state.has(resource.address)) visit(resource);
  }

  private where(site: Located): string {
    return site.line === undefined ? site.file : `${site.file}:${site.line}`;
  }
}

interface RepetitionItem {
  readonly key: string | number | undefined;
  readonly scope: Omit<Scope, 'module'>;
}

function newModule(address: string, config: ModuleConfig): ModuleInstance {
  return { address, config, values: new Map(), expansions: new Map() };
}

function keySuffix(key: string | number | undefined): string {
  return key === undefined ? '' : `[${typeof key === 'number' ? key : JSON.stringify(key)}]`;
}

function location(site: Located): { readonly line: number } | undefined {
  return site.line === undefined ? undefined : { line: site.line };
}
