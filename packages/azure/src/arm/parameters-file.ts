import { InputError, parseLocatedJson, UnknownValue } from '@eugate/core';
import { isJsonObject, own, ownString } from './json.js';

/** A parameters file (`azuredeploy.parameters.json`), as the user gives it next to a template. */
export interface ArmParametersFile {
  readonly text: string;
  /** The file as the user named it (relative), for messages. */
  readonly file: string;
}

export interface ParameterValue {
  readonly name: string;
  readonly value: unknown;
  readonly line?: number;
}

const PARAMETERS_SCHEMA = /deploymentParameters\.json/i;

/** For the CLI's detection: a parameters file names the deploymentParameters schema. */
export function looksLikeArmParameters(text: string): boolean {
  const head = text.slice(0, 4096);
  return /"\$schema"\s*:\s*"[^"]*deploymentParameters\.json/i.test(head);
}

/**
 * Reads the values of a parameters file, by parameter name lower-cased (ARM parameter names are
 * case-insensitive). A Key Vault `reference` is a secret known only at deployment: unknown.
 */
export function readArmParameters(input: ArmParametersFile): ReadonlyMap<string, ParameterValue> {
  const { file } = input;
  const parsed = parseLocatedJson(input.text, file);
  const root = parsed.value;
  if (!isJsonObject(root))
    throw new InputError(
      'EUGATE_INPUT_MALFORMED',
      file,
      'not an ARM parameters file: the document is not an object',
    );
  const schema = ownString(root, '$schema');
  if (schema !== undefined && !PARAMETERS_SCHEMA.test(schema))
    throw new InputError(
      'EUGATE_INPUT_MALFORMED',
      file,
      `not an ARM parameters file: its $schema is ${JSON.stringify(schema)}, not deploymentParameters.json`,
      { key: '$schema' },
    );
  const parameters = own(root, 'parameters');
  if (!isJsonObject(parameters))
    throw new InputError(
      'EUGATE_INPUT_MALFORMED',
      file,
      'not an ARM parameters file: it has no "parameters" object',
      parsed.lineOf(['parameters']) === undefined ? {} : { line: parsed.lineOf(['parameters']) as number },
    );
  const values = new Map<string, ParameterValue>();
  for (const [name, entry] of Object.entries(parameters)) {
    const line = parsed.lineOf(['parameters', name]);
    const at = { key: `parameters.${name}`, ...(line === undefined ? {} : { line }) };
    if (!isJsonObject(entry) || (!Object.hasOwn(entry, 'value') && !Object.hasOwn(entry, 'reference')))
      throw new InputError(
        'EUGATE_INPUT_MALFORMED',
        file,
        `parameter ${name} must be an object with "value" or "reference"`,
        at,
      );
    const value = Object.hasOwn(entry, 'value')
      ? entry.value
      : new UnknownValue(`parameter ${name} is a Key Vault reference, resolved only at deployment`);
    values.set(name.toLowerCase(), { name, value, ...(line === undefined ? {} : { line }) });
  }
  return values;
}
