// Public API of the `eugate` package: the command line as a function, for embedding and tests.
export { type CliIo, runCli } from './main.js';
