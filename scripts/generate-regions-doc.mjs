// Writes docs/regions.md from the region catalogue of the built core (`pnpm build` first).
// With --check it writes nothing and exits 1 when the file is stale, so CI catches drift.
import { readFile, writeFile } from 'node:fs/promises';
import { renderRegionsMarkdown } from '../packages/core/dist/index.js';

const target = new URL('../docs/regions.md', import.meta.url);
const expected = renderRegionsMarkdown();

if (process.argv.includes('--check')) {
  const actual = await readFile(target, 'utf8').catch(() => '');
  if (actual !== expected) {
    process.stderr.write('docs/regions.md is out of date: run `pnpm docs` and commit the result\n');
    process.exit(1);
  }
} else {
  await writeFile(target, expected);
}
