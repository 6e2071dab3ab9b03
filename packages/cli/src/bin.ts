#!/usr/bin/env node
import { runCli } from './main.js';

// The command ships as one minified bundle (dist/eugate.js) for start-up time; for readable --debug
// stack traces run it with NODE_OPTIONS=--enable-source-maps.
process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: process.stdout.isTTY === true,
  env: process.env,
});
