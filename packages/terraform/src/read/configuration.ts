import { isJsonObject, type JsonObject, own, ownObject, ownString } from './json-value.js';

/** A resource block of `configuration.root_module` (or of a module under it). */
export interface ConfigResource {
  /** Module call names from the root, without instance keys. */
  readonly callNames: readonly string[];
  readonly providerConfigKey: string | undefined;
  readonly expressions: JsonObject | undefined;
}

/**
 * The `configuration` section of a plan, indexed once: resource blocks by module path and address,
 * module calls by path. Resource instances (from `resource_changes`) find their block here by the
 * call names of their module address and their `type.name`.
 */
export interface PlanConfiguration {
  readonly present: boolean;
  readonly providerConfigs: JsonObject | undefined;
  resource(callNames: readonly string[], type: string, name: string): ConfigResource | undefined;
  /** The `module_calls.<name>` object that creates the module at `callNames` (non-empty path). */
  moduleCall(callNames: readonly string[]): JsonObject | undefined;
}

export function indexConfiguration(configuration: unknown): PlanConfiguration {
  // path → type → name: lookups run once per resource instance and build no key strings.
  const resources = new Map<string, Map<string, Map<string, ConfigResource>>>();
  const pathKeys = new WeakMap<readonly string[], string>();
  const pathKey = (callNames: readonly string[]): string => {
    let key = pathKeys.get(callNames);
    if (key === undefined) {
      key = callNames.join('\u0000');
      pathKeys.set(callNames, key);
    }
    return key;
  };
  const moduleCalls = new Map<string, JsonObject>();
  const root = ownObject(configuration, 'root_module');
  const pending: { module: JsonObject; callNames: readonly string[] }[] = root
    ? [{ module: root, callNames: [] }]
    : [];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { module, callNames } = next;
    const list = own(module, 'resources');
    if (Array.isArray(list)) {
      for (const block of list) {
        if (ownString(block, 'mode') !== 'managed') continue;
        const type = ownString(block, 'type');
        const name = ownString(block, 'name');
        if (type === undefined || name === undefined) continue;
        let byType = resources.get(pathKey(callNames));
        if (byType === undefined) {
          byType = new Map();
          resources.set(pathKey(callNames), byType);
        }
        let byName = byType.get(type);
        if (byName === undefined) {
          byName = new Map();
          byType.set(type, byName);
        }
        byName.set(name, {
          callNames,
          providerConfigKey: ownString(block, 'provider_config_key'),
          expressions: ownObject(block, 'expressions'),
        });
      }
    }
    const calls = ownObject(module, 'module_calls');
    if (calls === undefined) continue;
    for (const callName of Object.keys(calls)) {
      const call = calls[callName];
      if (!isJsonObject(call)) continue;
      const childNames = [...callNames, callName];
      moduleCalls.set(childNames.join('\u0000'), call);
      const child = ownObject(call, 'module');
      if (child !== undefined) pending.push({ module: child, callNames: childNames });
    }
  }
  return {
    present: isJsonObject(configuration),
    providerConfigs: ownObject(configuration, 'provider_config'),
    resource: (callNames, type, name) => resources.get(pathKey(callNames))?.get(type)?.get(name),
    moduleCall: (callNames) => moduleCalls.get(callNames.join('\u0000')),
  };
}
