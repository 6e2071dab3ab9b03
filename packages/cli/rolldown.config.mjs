// Bundles the command into one file: Node loads ~300 small ES modules (ours, commander, yaml, zod)
// noticeably slower than one, and start-up time is paid on every pipeline run.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: 'dist/bin.js',
  platform: 'node',
  external: ['@cdktf/hcl2json'],
  // jsonc-parser's `main` is a UMD build whose lazy require('./impl/…') calls a bundle cannot follow;
  // its `module` build is plain ES modules.
  resolve: { mainFields: ['module', 'main'] },
  output: { file: 'dist/eugate.js', format: 'esm', sourcemap: true, minify: true },
});
