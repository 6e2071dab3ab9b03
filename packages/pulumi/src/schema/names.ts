/**
 * The naming rules of the Pulumi Terraform bridge (tfbridge), reversed: `@pulumi/aws` and
 * `@pulumi/azure` are generated from the Terraform providers, renaming every `snake_case` attribute to
 * `camelCase`, pluralising list blocks (`cors_rule` → `corsRules`) and flattening blocks of at most
 * one item into objects (`versioning { … }` → `versioning: { … }`).
 */

/** `serverSideEncryptionConfiguration` → `server_side_encryption_configuration`; `ipv6CidrBlocks` → `ipv6_cidr_blocks`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** `bucketServerSideEncryptionConfiguration` → `BucketServerSideEncryptionConfiguration`. */
export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Words tfbridge's inflector pluralises irregularly, or leaves as they are. */
const SINGULAR_EXCEPTIONS: Readonly<Record<string, string>> = {
  indexes: 'index',
  indices: 'index',
  aliases: 'alias',
  statuses: 'status',
  buses: 'bus',
  children: 'child',
  people: 'person',
  data: 'data',
  metadata: 'metadata',
  settings: 'setting',
};

/**
 * The singular of the last word of a snake_case name, as tfbridge's pluraliser would have produced
 * the plural: `cors_rules` → `cors_rule`, `lifecycle_policies` → `lifecycle_policy`,
 * `ingress` → `ingress`.
 */
export function singularSnake(name: string): string {
  const cut = name.lastIndexOf('_');
  const head = cut === -1 ? '' : name.slice(0, cut + 1);
  const word = name.slice(cut + 1);
  return head + singularWord(word);
}

function singularWord(word: string): string {
  const exception = SINGULAR_EXCEPTIONS[word];
  if (exception !== undefined) return exception;
  if (/(ss|us|is)$/.test(word) || !word.endsWith('s')) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(sses|xes|zes|ches|shes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}
