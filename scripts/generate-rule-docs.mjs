// Writes docs/rules/<ID>.md and docs/rules/README.md from the rule metadata of the built core
// (`pnpm build` first). With --check it writes nothing and exits 1 listing the files that differ
// (or that exist for no rule), so CI catches drift between code and docs.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { RULES, renderRuleDoc, renderRuleIndex } from '../packages/core/dist/index.js';

const dir = new URL('../docs/rules/', import.meta.url);
const expected = new Map(RULES.map(({ meta }) => [`${meta.id}.md`, renderRuleDoc(meta)]));
expected.set('README.md', renderRuleIndex(RULES));

if (process.argv.includes('--check')) {
  const stale = [];
  for (const [name, text] of expected) {
    const actual = await readFile(new URL(name, dir), 'utf8').catch(() => '');
    if (actual !== text) stale.push(name);
  }
  const present = await readdir(dir).catch(() => []);
  for (const name of present) if (!expected.has(name)) stale.push(`${name} (no such rule)`);
  if (stale.length > 0) {
    process.stderr.write(
      `docs/rules is out of date (${stale.join(', ')}): run \`pnpm docs\` and commit the result\n`,
    );
    process.exit(1);
  }
} else {
  await mkdir(dir, { recursive: true });
  for (const [name, text] of expected) await writeFile(new URL(name, dir), text);
}
