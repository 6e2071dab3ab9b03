// Child process of bench/run.mjs: measures one plan in isolation so peak memory is its own.
// Prints one JSON line: { parseMs, scanMs, resources, maxRssMb }.
import { readFileSync } from 'node:fs';
import { terraformAwsDescriber } from '../packages/aws/dist/index.js';
import { defaultConfig, describeAll, evaluate, renderJson } from '../packages/core/dist/index.js';
import { readTerraformPlan } from '../packages/terraform/dist/index.js';

const file = process.argv[2];
const rounds = Number(process.argv[3] ?? 3);
const bytes = readFileSync(file);

function best(fn) {
  let min = Number.POSITIVE_INFINITY;
  let result;
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    result = fn();
    min = Math.min(min, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: min, result };
}

const parse = best(() => JSON.parse(bytes.toString('utf8')));
const scan = best(() => {
  const read = readTerraformPlan(bytes, 'plan.json');
  const { resources, notModelled } = describeAll(read.resources, [terraformAwsDescriber]);
  const report = evaluate(
    {
      resources,
      notModelled: notModelled.map((r) => ({ type: r.type, address: r.address })),
      inputs: ['plan.json'],
    },
    defaultConfig(),
    { today: '2026-11-22', toolVersion: 'bench' },
  );
  renderJson(report);
  return report.summary.resources;
});
process.stdout.write(
  `${JSON.stringify({ parseMs: parse.ms, scanMs: scan.ms, resources: scan.result, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
