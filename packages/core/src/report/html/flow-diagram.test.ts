import { describe, expect, it } from 'vitest';
import type { DataFlow, InventoryEntry } from '../types.js';
import { layoutFlowDiagram } from './flow-diagram.js';

function entry(
  address: string,
  region: string | null,
  jurisdiction: InventoryEntry['jurisdiction'],
): InventoryEntry {
  return {
    address,
    type: 'aws_s3_bucket',
    cloud: 'aws',
    kind: 'object-storage',
    region,
    country: null,
    jurisdiction,
    personalData: { reason: 'declared' },
    encryptionAtRest: null,
    source: { file: 'plan.json' },
  };
}

function dataFlow(from: string, fields: Partial<DataFlow>): DataFlow {
  return {
    kind: 'replica',
    from,
    fromRegion: 'eu-west-1',
    to: null,
    toRegion: null,
    toCountry: null,
    toJurisdiction: null,
    worldwide: false,
    allowed: null,
    ...fields,
  };
}

const inventory = [entry('a', 'eu-west-1', 'EU'), entry('b', 'eu-west-1', 'EU'), entry('u', null, null)];
const flows: DataFlow[] = [
  dataFlow('a', {
    to: 'dr',
    toRegion: 'us-east-1',
    toCountry: 'US',
    toJurisdiction: 'OTHER',
    allowed: false,
  }),
  dataFlow('a', { kind: 'edge-delivery', to: 'cdn', worldwide: true, allowed: false }),
  dataFlow('b', {
    to: 'dr',
    toRegion: 'us-east-1',
    toCountry: 'US',
    toJurisdiction: 'OTHER',
    allowed: false,
  }),
  dataFlow('b', { kind: 'backup-copy', to: null, toRegion: null }),
  dataFlow('u', { fromRegion: null, to: 'x' }),
];

describe('layoutFlowDiagram', () => {
  const layout = layoutFlowDiagram(flows, inventory);
  const at = (label: string, column: string) =>
    layout.nodes.find((node) => node.label === label && node.column === column);

  it('has one column per jurisdiction in use, in the fixed order', () => {
    expect(layout.columns.map((column) => column.column)).toEqual(['EU', 'OTHER', 'WORLDWIDE', 'UNKNOWN']);
    expect(layout.columns.map((column) => column.x)).toEqual([16, 376, 736, 1096]);
  });

  it('puts each resource once in its jurisdiction, in the order the flows mention it', () => {
    expect(layout.nodes.map((node) => [node.column, node.label, node.y])).toEqual([
      ['EU', 'a', 52],
      ['OTHER', 'dr', 52],
      ['WORLDWIDE', 'cdn', 52],
      ['EU', 'b', 116],
      ['UNKNOWN', 'target not in the input', 52],
      ['UNKNOWN', 'u', 116],
      ['UNKNOWN', 'x', 180],
    ]);
    expect(at('dr', 'OTHER')?.detail).toBe('us-east-1 · US');
    expect(at('cdn', 'WORLDWIDE')?.detail).toBe('cached at edge locations worldwide');
    expect(at('u', 'UNKNOWN')?.detail).toBe('region unknown');
  });

  it('routes flows that skip a column through their own lane below the nodes', () => {
    const lanes = layout.edges.map((edge) => edge.laneY);
    // a→cdn skips OTHER; b→(unnamed) and EU→UNKNOWN skip two columns; u→x stays in its column.
    expect(lanes).toEqual([undefined, 248, undefined, 272, undefined]);
    expect(layout.height).toBe(52 + 3 * 64 - 18 + 16 + 2 * 24);
    expect(layout.edges.map((edge) => edge.status)).toEqual([
      'outside',
      'outside',
      'outside',
      'unknown',
      'unknown',
    ]);
  });

  it('is the same for the same flows', () => {
    expect(layoutFlowDiagram(flows, inventory)).toEqual(layout);
  });
});
