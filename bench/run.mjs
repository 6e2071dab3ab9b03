// `pnpm bench`: scan throughput and memory on synthetic Terraform plans, and CLI start-up time.
// Targets (issue 2): scan ≤ 3× a bare JSON.parse of the same file at 50k resources; start-up < 300 ms.
// The scan is what `eugate scan plan.json` runs after reading the file: decode, read the plan,
// describe, link, classify, evaluate, and render the default text report (the JSON report too, in
// its own column). Prints numbers; it does not fail on them (performance is tracked in notes, not
// in unit tests).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticPlan } from './synthetic-plan.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const work = join(here, '..', '.bench');
mkdirSync(work, { recursive: true });

function measure(file, mode, rounds) {
  const out = execFileSync(
    process.execPath,
    ['--max-old-space-size=8192', join(here, 'measure-scan.mjs'), file, mode, String(rounds)],
    { encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop());
}

const column = (value, width) => String(value).padStart(width);
console.log(
  'Terraform plan → report (CLI path: decode, read, describe, link, classify, evaluate, render); best of 5',
);
console.log(
  'resources   file MB   JSON.parse ms   scan ms   scan/parse   resources/s   --format json ms   json/parse   peak RSS MB',
);
for (const size of [1_000, 10_000, 50_000]) {
  const file = join(work, `plan-${size}.json`);
  writeFileSync(file, JSON.stringify(syntheticPlan(size)));
  const m = measure(file, 'time', 5);
  const { maxRssMb } = measure(file, 'memory', 1);
  console.log(
    [
      column(m.resources, 9),
      column((statSync(file).size / 1e6).toFixed(1), 7),
      column(m.parseMs.toFixed(1), 13),
      column(m.scanMs.toFixed(1), 7),
      column((m.scanMs / m.parseMs).toFixed(2), 10),
      column(Math.round(m.resources / (m.scanMs / 1000)).toLocaleString('en'), 11),
      column(m.jsonMs.toFixed(1), 16),
      column((m.jsonMs / m.parseMs).toFixed(2), 10),
      column(maxRssMb.toFixed(0), 11),
    ].join('   '),
  );
}

const one = join(work, 'plan-1.json');
writeFileSync(one, JSON.stringify(syntheticPlan(1)));
const bin = join(here, '..', 'packages/cli/dist/eugate.js');
const times = [];
for (let i = 0; i < 15; i++) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [bin, 'scan', one], { encoding: 'utf8' });
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  if (run.status !== 0 && run.status !== 1) throw new Error(`CLI failed: ${run.stderr}`);
}
times.sort((a, b) => a - b);
console.log(
  `\nCLI start-up (eugate scan of a 1-resource plan, text report, 15 runs): median ${times[7].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[14].toFixed(0)} ms`,
);
