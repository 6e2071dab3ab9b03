/**
 * An input the user gave us is not usable. The CLI prints `message` on one line and exits 2.
 * Libraries return or throw these; they never print.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly code: InputErrorCode,
    /** The file (relative path as the user gave it) or config key the problem is in. */
    readonly file: string,
    readonly problem: string,
    readonly location?: { readonly line?: number; readonly column?: number; readonly key?: string },
  ) {
    super(formatInputError(file, problem, location));
  }
}

export type InputErrorCode =
  | 'EUGATE_INPUT_NOT_FOUND'
  | 'EUGATE_INPUT_NOT_RECOGNISED'
  | 'EUGATE_INPUT_MALFORMED'
  | 'EUGATE_INPUT_UNSUPPORTED_VERSION'
  | 'EUGATE_INPUT_EMPTY'
  | 'EUGATE_INPUT_TOO_LARGE'
  | 'EUGATE_CONFIG_INVALID'
  | 'EUGATE_USAGE';

function formatInputError(
  file: string,
  problem: string,
  location?: { readonly line?: number; readonly column?: number; readonly key?: string },
): string {
  let where = file;
  if (location?.line !== undefined)
    where += `:${location.line}${location.column !== undefined ? `:${location.column}` : ''}`;
  if (location?.key !== undefined) where += ` (at ${location.key})`;
  return `${where}: ${problem}`;
}

export function isInputError(value: unknown): value is InputError {
  return value instanceof InputError;
}
