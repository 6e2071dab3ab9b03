import { readFileSync } from 'node:fs';

/** The version of the `eugate` package, as published; it goes into every report. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
