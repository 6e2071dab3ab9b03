import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GOLDEN_DIR,
  GOLDEN_FILES,
  type GoldenFormat,
  MULTICLOUD_DIR,
  scanMulticloud,
} from './fixtures/reports/harness.js';
import { REPO_ROOT } from './support/cli.js';

// Golden files are reviewed, not blindly updated: after a deliberate change to a renderer, run
// `EUGATE_UPDATE_GOLDEN=1 npx vitest run test/reports-golden.test.ts` and read the diff.
const UPDATE = process.env.EUGATE_UPDATE_GOLDEN === '1';

describe('every report format on the multi-cloud example (Terraform AWS + CloudFormation + azurerm)', () => {
  const first = scanMulticloud();
  const second = scanMulticloud();

  it('fails the gate with exit code 1 and writes nothing to stderr', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(1);
  });

  it.each(Object.keys(GOLDEN_FILES) as GoldenFormat[])(
    '%s matches its golden file byte for byte',
    (format) => {
      const golden = join(GOLDEN_DIR, GOLDEN_FILES[format]);
      if (UPDATE) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(golden, first.files[format]);
      }
      expect(first.files[format]).toBe(readFileSync(golden, 'utf8'));
    },
  );

  it.each(Object.keys(GOLDEN_FILES) as GoldenFormat[])(
    '%s is deterministic and holds no machine path',
    (format) => {
      expect(second.files[format]).toBe(first.files[format]);
      for (const path of [REPO_ROOT, MULTICLOUD_DIR, '/tmp/'])
        expect(first.files[format]).not.toContain(path);
      expect(first.files[format]).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    },
  );

  it('the golden example covers every cloud, a waiver, an expired and an unused waiver, and unknowns', () => {
    const report = JSON.parse(first.files.json) as {
      findings: { status: string; resource: { cloud: string; type: string } }[];
      waivers: { expired: unknown[]; unused: unknown[] };
    };
    const types = new Set(report.findings.map((finding) => finding.resource.type.split(/::|_/)[0]));
    expect([...types].sort()).toEqual(['AWS', 'aws', 'azurerm']);
    expect(report.findings.map((finding) => finding.status)).toEqual(
      expect.arrayContaining(['fail', 'unknown', 'waived']),
    );
    expect(report.waivers.expired).toHaveLength(1);
    expect(report.waivers.unused).toHaveLength(1);
  });
});
