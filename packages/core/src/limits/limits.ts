import { InputError } from '../model/errors.js';

/**
 * The bounds every reader, evaluator, linker and renderer respects, in one place. An artifact is
 * untrusted input: without bounds a 5,000-deep nesting overflows the stack, `count = 1e9` exhausts
 * memory and a doubled string exceeds V8's string limit. Hitting a bound is an input error (exit 2)
 * naming the file, the limit and where it was hit — never a crash and never a partial pass.
 *
 * Each value is far above what real artifacts need (the deepest real template in the corpus nests
 * ~30 levels; the largest real plans hold a few tens of thousands of resources) and far below
 * what would exhaust the process. docs/limits.md lists them; a test keeps the two in step.
 */
export const LIMITS = {
  /** Bytes of one input file. Below V8's maximum string length (~512 MiB) with room for decoding. */
  maxFileBytes: 256 * 1024 * 1024,
  /** Nesting depth of objects/arrays (JSON, YAML, HCL bodies) and of expressions in any evaluator. */
  maxNestingDepth: 512,
  /** Raw resources read from all inputs of one scan. */
  maxResources: 1_000_000,
  /** Instances created by expansion (`count`, `for_each`, dynamic blocks, ARM `copy`, `Fn::ForEach`) in one input. */
  maxExpandedInstances: 200_000,
  /** Elements of one collection built by an evaluator (`range()`, ARM `range`, a `for` expression). */
  maxCollectionLength: 1_000_000,
  /** Characters of one string built by an evaluator (`replace`, `padLeft`, `format`, `join`, concatenation). */
  maxStringLength: 16 * 1024 * 1024,
  /** Depth of a module / nested-stack / nested-deployment chain. */
  maxModuleDepth: 100,
  /** Wall-clock time allowed to parse one HCL file, in milliseconds. */
  hclParseTimeoutMs: 20_000,
  /** Entries a directory search visits before giving up. */
  maxDirectoryEntries: 200_000,
} as const;

export type LimitName = keyof typeof LIMITS;

/** What each limit bounds, as the error message says it. */
const LIMIT_SUBJECTS: Record<LimitName, string> = {
  maxFileBytes: 'file size',
  maxNestingDepth: 'nesting depth',
  maxResources: 'number of resources',
  maxExpandedInstances: 'number of expanded instances',
  maxCollectionLength: 'collection length',
  maxStringLength: 'string length',
  maxModuleDepth: 'module depth',
  hclParseTimeoutMs: 'parse time (ms)',
  maxDirectoryEntries: 'directory entries searched',
};

/**
 * The input error for a bound that was hit: `file: too deep: nesting depth over 512 (at Resources.A.Properties…)`.
 * `where` says where in the input (a path, an address, an expression); `actual` what was seen when known.
 */
export function limitExceeded(limit: LimitName, file: string, where?: string, actual?: number): InputError {
  const bound = LIMITS[limit];
  const seen = actual === undefined ? '' : ` (${actual.toLocaleString('en-GB')})`;
  const problem = `exceeds eugate's limit on ${LIMIT_SUBJECTS[limit]}: ${bound.toLocaleString('en-GB')}${seen}${where === undefined ? '' : ` at ${where}`} — see docs/limits.md`;
  return new InputError('EUGATE_INPUT_TOO_LARGE', file, problem);
}
