import type { Cloud } from '../model/resource.js';
import { listRegions } from './catalogue.js';
import { countriesIn, countryName, isKnownCountry } from './countries.js';
import type { Jurisdiction, RegionInfo } from './types.js';

const JURISDICTION_MEANING: Readonly<Record<Jurisdiction, string>> = {
  EU: 'EU member state',
  EEA: 'EEA state outside the EU',
  ADQ: 'country with an EU adequacy decision (GDPR Art. 45)',
  OTHER: 'any other country',
};

interface Column {
  readonly title: string;
  readonly cell: (region: RegionInfo) => string;
}

const code = (text: string): string => `\`${text}\``;

const country = (region: RegionInfo): string =>
  isKnownCountry(region.country)
    ? `${countryName(region.country)} (${region.country})`
    : countryName(region.country);

const SECTIONS: readonly {
  readonly cloud: Cloud;
  readonly title: string;
  readonly columns: readonly Column[];
}[] = [
  {
    cloud: 'aws',
    title: 'AWS',
    columns: [
      { title: 'Region', cell: (r) => code(r.code) },
      { title: 'Name', cell: (r) => r.name },
      { title: 'Country', cell: country },
      { title: 'Jurisdiction', cell: (r) => r.jurisdiction },
      { title: 'Partition', cell: (r) => (r.partition === undefined ? '—' : code(r.partition)) },
    ],
  },
  {
    cloud: 'azure',
    title: 'Azure',
    columns: [
      { title: 'Location', cell: (r) => code(r.code) },
      { title: 'Display name', cell: (r) => r.name },
      { title: 'Country', cell: country },
      { title: 'Jurisdiction', cell: (r) => r.jurisdiction },
      {
        title: 'Paired region (GRS target)',
        cell: (r) => (r.pairedRegion === undefined ? '—' : code(r.pairedRegion)),
      },
    ],
  },
  {
    cloud: 'gcp',
    title: 'Google Cloud',
    columns: [
      { title: 'Location', cell: (r) => code(r.code) },
      { title: 'Name', cell: (r) => r.name },
      { title: 'Country', cell: country },
      { title: 'Jurisdiction', cell: (r) => r.jurisdiction },
    ],
  },
];

/**
 * A Markdown table laid out the way the repository's formatter (Biome) prints one — padded columns,
 * dashes as wide as the column — so `biome check` leaves the generated file as it is.
 */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const width = (text: string): number => [...text].length;
  const widths = header.map((title, column) =>
    Math.max(3, width(title), ...rows.map((row) => width(row[column] ?? ''))),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => cell + ' '.repeat(widths[column]! - width(cell))).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function regionTable(columns: readonly Column[], regions: readonly RegionInfo[]): string[] {
  return table(
    columns.map((c) => c.title),
    regions.map((region) => columns.map((c) => c.cell(region))),
  );
}

function jurisdictionTable(): string[] {
  const rows = (['EU', 'EEA', 'ADQ'] as const).map((jurisdiction) => [
    jurisdiction,
    JURISDICTION_MEANING[jurisdiction],
    countriesIn(jurisdiction)
      .map((c) => `${countryName(c)} (${c})`)
      .join(', '),
  ]);
  rows.push(['OTHER', JURISDICTION_MEANING.OTHER, 'every other country, including the United States (US)']);
  return table(['Jurisdiction', 'Meaning', 'Countries'], rows);
}

/**
 * `docs/regions.md`, rendered from the catalogue so the documentation cannot drift from what eugate
 * checks. Regenerate with `pnpm docs`; `pnpm docs:check` and a unit test fail when it is stale.
 */
export function renderRegionsMarkdown(): string {
  const lines: string[] = [
    '# Regions and jurisdictions',
    '',
    '<!-- Generated from packages/core/src/regions by scripts/generate-regions-doc.mjs (`pnpm docs`). Do not edit by hand. -->',
    '',
    'eugate decides where data lives from this catalogue. A region that is not listed here is',
    '_unknown_: it is never allowed, and a resource placed in it is reported as an unknown finding.',
    'Region codes are matched without regard to case; Azure locations also match their display names',
    '(`West Europe`, `WestEurope` and `westeurope` are the same location).',
    '',
    '## Jurisdictions',
    '',
    'The United States’ Data Privacy Framework certifies companies, not places: US regions are OTHER in',
    'every profile. Canada’s adequacy decision covers commercial organisations, which cloud providers are.',
    '',
    ...jurisdictionTable(),
  ];
  for (const section of SECTIONS) {
    const regions = listRegions(section.cloud);
    lines.push(
      '',
      `## ${section.title}`,
      '',
      `${regions.length} locations.`,
      '',
      ...regionTable(section.columns, regions),
    );
  }
  return `${lines.join('\n')}\n`;
}
