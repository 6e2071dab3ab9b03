import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderRegionsMarkdown } from './render-markdown.js';

const DOC = fileURLToPath(new URL('../../../../docs/regions.md', import.meta.url));

describe('renderRegionsMarkdown', () => {
  const markdown = renderRegionsMarkdown();
  // Cells are padded to align the columns; compare rows by their trimmed cells.
  const squash = (row: string): string =>
    row
      .split('|')
      .map((cell) => cell.trim())
      .join('|');
  const rows = markdown.split('\n').map(squash);

  it.each([
    '| `eu-west-1` | Europe (Ireland) | Ireland (IE) | EU | `aws` |',
    '| `eusc-de-east-1` | EU (Germany), AWS European Sovereign Cloud | Germany (DE) | EU | `aws-eusc` |',
    '| `westeurope` | West Europe | Netherlands (NL) | EU | `northeurope` |',
    '| `italynorth` | Italy North | Italy (IT) | EU | — |',
    '| `EU` | EU multi-region (data centers in EU member states) | European Union (several member states) | EU |',
    '| EEA | EEA state outside the EU | Iceland (IS), Liechtenstein (LI), Norway (NO) |',
  ])('renders %s', (row) => {
    expect(rows).toContain(squash(row));
  });

  it('pads every row of a table to the same width', () => {
    const widths = new Set(
      markdown
        .split('\n')
        .filter((line) => line.startsWith('| `eu-'))
        .map((line) => line.length),
    );
    expect(widths.size).toBe(1);
  });

  it('is what docs/regions.md says (regenerate with `pnpm docs`)', () => {
    expect(readFileSync(DOC, 'utf8')).toBe(markdown);
  });
});
