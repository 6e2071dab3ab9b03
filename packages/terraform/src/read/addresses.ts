/**
 * Terraform addresses: `module.a["x"].module.b[0].aws_s3_bucket.this["k"]`. Instance keys are
 * numbers or quoted strings that may themselves contain `.`, `[` or `]`, so they are scanned, not split.
 */

export interface ModuleAddressParts {
  /** The module part of the address (`module.a["x"].module.b[0]`), `''` for the root module. */
  readonly moduleAddress: string;
  /** The module call names without instance keys (`['a', 'b']`): the path in `configuration`. */
  readonly callNames: readonly string[];
}

/** Splits the leading `module.<name>[<key>]` segments off `address`; undefined if they are malformed. */
export function splitModuleAddress(address: string): ModuleAddressParts | undefined {
  const callNames: string[] = [];
  let i = 0;
  let moduleEnd = 0;
  while (address.startsWith('module.', i)) {
    let j = i + 'module.'.length;
    const nameStart = j;
    while (j < address.length && address[j] !== '.' && address[j] !== '[') j++;
    if (j === nameStart) return undefined;
    callNames.push(address.slice(nameStart, j));
    if (address[j] === '[') {
      j = skipInstanceKey(address, j);
      if (j === -1) return undefined;
    }
    moduleEnd = j;
    if (j < address.length && address[j] !== '.') return undefined;
    i = j + 1;
  }
  return { moduleAddress: address.slice(0, moduleEnd), callNames };
}

/** Call names of a module address as `resource_changes[].module_address` gives it. */
export function moduleCallNames(moduleAddress: string): readonly string[] | undefined {
  const parts = splitModuleAddress(moduleAddress);
  return parts !== undefined && parts.moduleAddress.length === moduleAddress.length
    ? parts.callNames
    : undefined;
}

/** Index just past the `]` of the instance key that opens at `open`, or -1. */
export function skipInstanceKey(text: string, open: number): number {
  let i = open + 1;
  if (text[i] === '"') {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  } else {
    while (i < text.length && text[i] !== ']') i++;
  }
  return text[i] === ']' ? i + 1 : -1;
}

/** The key inside `[...]` as Terraform stores it in `index`: a number, or the unquoted string. */
export function parseInstanceKey(token: string): string | number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  if (!token.startsWith('"')) return undefined;
  try {
    const key: unknown = JSON.parse(token);
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined; // an HCL escape JSON does not share; the reference then matches by position
  }
}

/** `module.a.module.b`-style path of call names, the form provider config keys use. */
export function modulePathKey(callNames: readonly string[]): string {
  return callNames.length === 0 ? '' : `module.${callNames.join('.module.')}`;
}
