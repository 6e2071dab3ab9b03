// Child process of bench/run.mjs: measures one plan in isolation and prints one JSON line.
// `time` mode, best of N rounds: a bare JSON.parse of the file and the scan, interleaved so that
// other load on the machine hits both alike. `memory` mode: one scan, so that the peak RSS is what
// one `eugate scan` of the plan needs (earlier rounds' garbage would inflate it).
import { readFileSync } from 'node:fs';
import { DESCRIBERS } from '../packages/cli/dist/describers.js';
import { defaultConfig, renderJson, renderText, scanRawResources } from '../packages/core/dist/index.js';
import { decodeArtifactText, readTerraformPlan } from '../packages/terraform/dist/index.js';

const [file, mode = 'time', roundsArg = '3'] = process.argv.slice(2);
const bytes = readFileSync(file);

/** What `eugate scan plan.json` does between reading the file and writing the report (cli/src/commands/scan.ts). */
function scan(format) {
  const text = decodeArtifactText(bytes, 'plan.json');
  const read = readTerraformPlan(text, 'plan.json');
  const report = scanRawResources(
    { resources: read.resources, inputs: ['plan.json'], notes: read.notes ?? [] },
    DESCRIBERS,
    defaultConfig(),
    { today: '2026-11-22', toolVersion: 'bench' },
  );
  const rendered = format === 'json' ? renderJson(report) : renderText(report, { color: false });
  return { resources: report.summary.resources, chars: rendered.length };
}

function time(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

if (mode === 'memory') {
  const { resources } = scan('text');
  process.stdout.write(`${JSON.stringify({ resources, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
} else {
  const best = { parseMs: Infinity, scanMs: Infinity, jsonMs: Infinity };
  let resources = 0;
  for (let round = 0; round < Number(roundsArg); round++) {
    // The parsed value is dropped at once: keeping it would weigh on the scan's garbage collection.
    best.parseMs = Math.min(
      best.parseMs,
      time(() => JSON.parse(bytes.toString('utf8'))),
    );
    best.scanMs = Math.min(
      best.scanMs,
      time(() => (resources = scan('text').resources)),
    );
    best.jsonMs = Math.min(
      best.jsonMs,
      time(() => scan('json')),
    );
  }
  process.stdout.write(`${JSON.stringify({ ...best, resources })}\n`);
}
