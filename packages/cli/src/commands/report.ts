import { applyBaseline, exitCodeFor } from '@eugate/core';
import type { OutputTarget } from '../output/formats.js';
import { readSavedReport } from '../output/saved-report.js';
import { writeReports } from '../output/write.js';

export interface ReportOptions {
  readonly outputs: readonly OutputTarget[];
  readonly baseline?: string;
  readonly color: boolean;
}

/**
 * `eugate report <report.json>`: renders a JSON report saved by `eugate scan --format json` in
 * other formats, without scanning again (e.g. a Markdown comment in a later pipeline job). Exits
 * like the scan did: 0 when the report passes, 1 when it fails (after `--baseline`, if given).
 */
export function runReport(
  file: string,
  options: ReportOptions,
  cwd: string,
  write: (text: string) => void,
): 0 | 1 {
  const saved = readSavedReport(file, cwd);
  const report =
    options.baseline === undefined
      ? saved
      : applyBaseline(saved, readSavedReport(options.baseline, cwd), options.baseline);
  writeReports(report, options.outputs, { cwd, stdout: write, color: options.color });
  return exitCodeFor(report);
}
