// Bundles the command into one file: Node loads ~300 small ES modules (ours, commander, yaml, zod)
// noticeably slower than one, and start-up time is paid on every pipeline run.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: 'dist/bin.js',
  platform: 'node',
  external: ['@cdktf/hcl2json'],
  output: { file: 'dist/eugate.js', format: 'esm', sourcemap: true, minify: true },
});
