import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  InputError,
  locateFindings,
  type Report,
  renderCodeQuality,
  renderHtml,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderSarif,
  renderText,
} from '@eugate/core';
import { decodeArtifactText } from '@eugate/terraform';
import type { FormatName, OutputTarget } from './formats.js';

export interface WriteContext {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  /** Colours for a text report written to standard output. */
  readonly color: boolean;
}

/** Formats that point at a line of the artifact; for them, resources are located in their files. */
const NEEDS_LINES: ReadonlySet<FormatName> = new Set(['sarif', 'codequality', 'md', 'junit', 'html']);

/**
 * Renders the report in each format asked for and writes it to its file or standard output. The
 * lines of resources inside their artifacts are looked up here, once, and only when a format that
 * shows them is asked for: a scan that writes text or JSON never reads its inputs twice.
 */
export function writeReports(report: Report, targets: readonly OutputTarget[], context: WriteContext): void {
  let located: Report | undefined;
  const withLines = (): Report => {
    located ??= locateFindings(report, (file) => readArtifact(resolve(context.cwd, file), file));
    return located;
  };
  for (const target of targets) {
    const shown = NEEDS_LINES.has(target.format) ? withLines() : report;
    const rendered = render(shown, target.format, context.color && target.file === undefined);
    if (target.file === undefined) {
      context.stdout(rendered);
      continue;
    }
    try {
      writeFileSync(resolve(context.cwd, target.file), rendered);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new InputError(
        'EUGATE_USAGE',
        target.file,
        `cannot write the ${target.format} report (${reason})`,
      );
    }
  }
}

/** Formats that must see every passed check (one JUnit test case per check). */
export function needsPassedChecks(targets: readonly OutputTarget[]): boolean {
  return targets.some((target) => target.format === 'junit');
}

function render(report: Report, format: FormatName, color: boolean): string {
  switch (format) {
    case 'text':
      return renderText(report, { color });
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report);
    case 'junit':
      return renderJunit(report);
    case 'md':
      return renderMarkdown(report);
    case 'codequality':
      return renderCodeQuality(report);
    case 'html':
      return renderHtml(report);
  }
}

/**
 * The artifact's text, decoded as the readers decode it (BOM, UTF-16 from PowerShell). An artifact
 * moved or unreadable since the scan only costs its findings their line numbers.
 */
function readArtifact(path: string, file: string): string | undefined {
  try {
    return decodeArtifactText(readFileSync(path), file);
  } catch {
    return undefined;
  }
}
