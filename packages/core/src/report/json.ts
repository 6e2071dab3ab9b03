import type { Report } from './types.js';

/**
 * The JSON report (docs/report-format.md). Key order comes from how the engine builds the value,
 * so the same input gives the same bytes; the report holds no timestamps and no absolute paths.
 */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
