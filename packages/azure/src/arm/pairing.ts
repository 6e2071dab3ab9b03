import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '@eugate/core';

/** `azuredeploy.json` → `azuredeploy.parameters.json`; `main.json` → `main.parameters.json`. */
export function parametersFileName(templateFile: string): string {
  return `${basename(templateFile).replace(/\.json$/i, '')}.parameters.json`;
}

/**
 * The parameters file of a template: one named explicitly (the only one given, or the one named
 * `<template>.parameters.json` among several), else `<template>.parameters.json` next to the
 * template. Undefined when there is none: the parameters' defaults apply.
 */
export function findArmParametersFile(
  templatePath: string,
  explicit: readonly string[],
  display: string,
): string | undefined {
  const expected = parametersFileName(templatePath);
  if (explicit.length === 1) return explicit[0];
  if (explicit.length > 1) {
    const named = explicit.filter((file) => basename(file).toLowerCase() === expected.toLowerCase());
    if (named.length === 1) return named[0];
    throw new InputError(
      'EUGATE_USAGE',
      display,
      `${explicit.length} ARM parameters files were given and ${named.length === 0 ? 'none' : 'more than one'} is named ${expected}: name each template's parameters file <template>.parameters.json`,
    );
  }
  const beside = join(dirname(templatePath), expected);
  return existsSync(beside) ? beside : undefined;
}

/** Whether a parameters file found in a directory has its template next to it. */
export function hasTemplateBeside(parametersPath: string): boolean {
  const name = basename(parametersPath);
  if (!/\.parameters\.json$/i.test(name)) return false;
  return existsSync(join(dirname(parametersPath), name.replace(/\.parameters\.json$/i, '.json')));
}
