import type { Jurisdiction } from '../../regions/types.js';
import type { DataFlow, InventoryEntry } from '../types.js';
import { html, type Markup } from './markup.js';
import { JURISDICTION_LABEL, type MapJurisdiction, mapJurisdiction } from './residency.js';

/** A diagram column: a jurisdiction, or the edge locations of a global CDN (worldwide). */
export type DiagramColumn = MapJurisdiction | 'WORLDWIDE';

const COLUMN_ORDER: readonly DiagramColumn[] = ['EU', 'EEA', 'ADQ', 'OTHER', 'WORLDWIDE', 'UNKNOWN'];
const COLUMN_LABEL: Readonly<Record<DiagramColumn, string>> = {
  ...JURISDICTION_LABEL,
  WORLDWIDE: 'Edge locations worldwide',
};

export type FlowStatus = 'outside' | 'unknown' | 'allowed';

export function flowStatus(flow: DataFlow): FlowStatus {
  return flow.allowed === null ? 'unknown' : flow.allowed ? 'allowed' : 'outside';
}

export interface DiagramNode {
  readonly key: string;
  readonly column: DiagramColumn;
  /** Full name: an address, an external identifier, or a description of an unnamed target. */
  readonly label: string;
  /** Region and country, or why they are not known. */
  readonly detail: string;
  readonly x: number;
  readonly y: number;
}

export interface DiagramEdge {
  readonly from: DiagramNode;
  readonly to: DiagramNode;
  readonly flow: DataFlow;
  readonly status: FlowStatus;
  /** For a flow that skips columns: the y of its own lane below every node, so it crosses no box. */
  readonly laneY?: number;
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly columns: readonly { readonly column: DiagramColumn; readonly x: number }[];
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

const NODE_WIDTH = 260;
const NODE_HEIGHT = 46;
const COLUMN_GAP = 100;
const ROW_GAP = 18;
const PADDING = 16;
const HEADER = 52;
/** Room on the right for flows between two nodes of the same column. */
const LOOP_ROOM = 64;
/** The label of such a flow sits on its bulge and sticks out further. */
const LOOP_LABEL_ROOM = 48;
/** Longest name shown in a node; the full name is in the node's tooltip and in the flow table. */
const MAX_LABEL = 33;
/** Vertical distance between the lanes of flows that skip a column. */
const LANE_GAP = 24;

/**
 * A deterministic layout: one column per jurisdiction (in a fixed order, only those in use), nodes
 * in each column in the order the (sorted) flows first mention them, so sources sit next to their
 * targets. No randomness, no measurement of rendered text: the same flows give the same picture.
 */
export function layoutFlowDiagram(
  flows: readonly DataFlow[],
  inventory: readonly InventoryEntry[],
): DiagramLayout {
  const placeOf = new Map(inventory.map((entry) => [entry.address, entry]));
  const pending: { key: string; column: DiagramColumn; label: string; detail: string }[] = [];
  const seen = new Map<string, number>();
  const add = (column: DiagramColumn, id: string, label: string, detail: string): string => {
    const key = `${column}\u0000${id}`;
    if (!seen.has(key)) {
      seen.set(key, pending.length);
      pending.push({ key, column, label, detail });
    }
    return key;
  };
  const pairs = flows.map((flow) => {
    const origin = placeOf.get(flow.from);
    const from = add(
      mapJurisdiction(origin?.jurisdiction ?? null),
      flow.from,
      flow.from,
      place(flow.fromRegion, origin?.country ?? null),
    );
    const column: DiagramColumn = flow.worldwide ? 'WORLDWIDE' : mapJurisdiction(flow.toJurisdiction);
    const detail = flow.worldwide
      ? 'cached at edge locations worldwide'
      : flow.toJurisdiction === 'EU' && flow.toRegion === null
        ? 'EU edge locations only'
        : place(flow.toRegion, flow.toCountry);
    const to =
      flow.to === null
        ? add(
            column,
            `\u0001${flow.from}|${flow.kind}|${flow.toRegion ?? ''}`,
            'target not in the input',
            detail,
          )
        : add(column, flow.to, flow.to, detail);
    return { from, to, flow };
  });

  const columns = COLUMN_ORDER.filter((column) => pending.some((node) => node.column === column)).map(
    (column, index) => ({ column, x: PADDING + index * (NODE_WIDTH + COLUMN_GAP) }),
  );
  const columnX = new Map(columns.map((entry) => [entry.column, entry.x]));
  const rows = new Map<DiagramColumn, number>();
  const nodes = new Map<string, DiagramNode>();
  for (const node of pending) {
    const row = rows.get(node.column) ?? 0;
    rows.set(node.column, row + 1);
    nodes.set(node.key, {
      ...node,
      x: columnX.get(node.column)!,
      y: HEADER + row * (NODE_HEIGHT + ROW_GAP),
    });
  }
  const maxRows = Math.max(0, ...rows.values());
  const columnIndex = new Map(columns.map((entry, index) => [entry.column, index]));
  const belowNodes = HEADER + maxRows * (NODE_HEIGHT + ROW_GAP) + 4;
  let lanes = 0;
  const edges = pairs.map(({ from, to, flow }): DiagramEdge => {
    const source = nodes.get(from)!;
    const target = nodes.get(to)!;
    const skips = Math.abs(columnIndex.get(target.column)! - columnIndex.get(source.column)!) > 1;
    return {
      from: source,
      to: target,
      flow,
      status: flowStatus(flow),
      ...(skips && { laneY: belowNodes + LANE_GAP * lanes++ }),
    };
  });
  const loops = edges.some((edge) => edge.from.column === edge.to.column);
  return {
    width:
      PADDING * 2 +
      columns.length * NODE_WIDTH +
      Math.max(0, columns.length - 1) * COLUMN_GAP +
      (loops ? LOOP_ROOM + LOOP_LABEL_ROOM : 0),
    height: HEADER + maxRows * (NODE_HEIGHT + ROW_GAP) - ROW_GAP + PADDING + lanes * LANE_GAP,
    columns,
    nodes: [...nodes.values()],
    edges,
  };
}

function place(region: string | null, country: string | null): string {
  if (region === null) return 'region unknown';
  return country === null ? `${region} · not in catalogue` : `${region} · ${country}`;
}

/** How a flow kind reads; a kind a newer eugate added reads as itself. */
export function flowKindLabel(kind: string): string {
  return Object.hasOwn(FLOW_KIND_LABEL, kind) ? FLOW_KIND_LABEL[kind as DataFlow['kind']] : kind;
}

const FLOW_KIND_LABEL: Readonly<Record<DataFlow['kind'], string>> = {
  replica: 'replica',
  'read-replica': 'read replica',
  'backup-copy': 'backup copy',
  'log-delivery': 'log delivery',
  'edge-delivery': 'edge cache',
  'network-ingress': 'network ingress',
};

/**
 * The diagram as inline SVG: columns as bands with their jurisdiction, resources as boxes, flows as
 * arrows — red and solid when the copy lands outside the allowed jurisdictions, amber and dashed
 * when that cannot be told. Every mark has a text equivalent (the flow table follows it).
 */
export function renderFlowDiagram(
  layout: DiagramLayout,
  allowed: ReadonlySet<Jurisdiction> | undefined,
  description: string,
): Markup {
  const bandHeight = layout.height - PADDING / 2;
  const bands = layout.columns.map(({ column, x }) => {
    const state = columnState(column, allowed);
    return html`<g class="band band-${state}"><rect x="${x - 8}" y="4" width="${NODE_WIDTH + 16}" height="${bandHeight}" rx="10"></rect><text class="band-title" x="${x + NODE_WIDTH / 2}" y="24" text-anchor="middle">${COLUMN_LABEL[column]}</text><text class="band-state" x="${x + NODE_WIDTH / 2}" y="40" text-anchor="middle">${STATE_TEXT[state]}</text></g>`;
  });
  const edges = layout.edges.map((edge) => {
    const { path, labelX, labelY } = edgePath(edge);
    const label = flowKindLabel(edge.flow.kind);
    const width = label.length * 6.2 + 10;
    return html`<g class="flow flow-${edge.status}"><title>${edge.flow.from} → ${edge.to.label}: ${label}, ${edge.status === 'outside' ? 'outside the allowed jurisdictions' : 'destination cannot be determined'}</title><path d="${path}" marker-end="url(#arrow-${edge.status})"></path><rect x="${round(labelX - width / 2)}" y="${round(labelY - 9)}" width="${round(width)}" height="16" rx="8"></rect><text x="${round(labelX)}" y="${round(labelY + 3)}" text-anchor="middle">${label}</text></g>`;
  });
  const nodes = layout.nodes.map(
    (node) =>
      html`<g class="node"><title>${node.label} (${node.detail})</title><rect x="${node.x}" y="${node.y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="6"></rect><text class="node-name" x="${node.x + 12}" y="${node.y + 19}">${shorten(node.label)}</text><text class="node-detail" x="${node.x + 12}" y="${node.y + 36}">${node.detail}</text></g>`,
  );
  return html`<svg class="flow-diagram" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-labelledby="flow-diagram-title flow-diagram-desc"><title id="flow-diagram-title">Personal-data flows leaving the allowed jurisdictions</title><desc id="flow-diagram-desc">${description}</desc><defs>${(['outside', 'unknown'] as const).map((status) => html`<marker id="arrow-${status}" class="arrow-${status}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"></path></marker>`)}</defs>${bands}${nodes}${edges}</svg>`;
}

type ColumnState = 'allowed' | 'outside' | 'unknown';

const STATE_TEXT: Readonly<Record<ColumnState, string>> = {
  allowed: 'allowed by the profile',
  outside: 'not allowed',
  unknown: 'cannot be told',
};

function columnState(column: DiagramColumn, allowed: ReadonlySet<Jurisdiction> | undefined): ColumnState {
  if (column === 'UNKNOWN' || (allowed === undefined && column !== 'WORLDWIDE')) return 'unknown';
  if (column === 'WORLDWIDE') return 'outside';
  return allowed!.has(column) ? 'allowed' : 'outside';
}

function edgePath(edge: DiagramEdge): { path: string; labelX: number; labelY: number } {
  const y1 = edge.from.y + NODE_HEIGHT / 2;
  const y2 = edge.to.y + NODE_HEIGHT / 2;
  if (edge.laneY !== undefined) {
    // Down into the lane in the first gap, along it under the columns in between, up in the last gap.
    const forward = edge.to.x > edge.from.x;
    const x1 = forward ? edge.from.x + NODE_WIDTH : edge.from.x;
    const x2 = forward ? edge.to.x - 2 : edge.to.x + NODE_WIDTH + 2;
    const step = forward ? COLUMN_GAP : -COLUMN_GAP;
    const lane = edge.laneY;
    const path =
      `M${round(x1)},${round(y1)} C${round(x1 + step / 2)},${round(y1)} ${round(x1 + step / 2)},${round(lane)} ${round(x1 + step)},${round(lane)}` +
      ` L${round(x2 - step)},${round(lane)} C${round(x2 - step / 2)},${round(lane)} ${round(x2 - step / 2)},${round(y2)} ${round(x2)},${round(y2)}`;
    return { path, labelX: (x1 + x2) / 2, labelY: lane };
  }
  let x1: number;
  let x2: number;
  let c1: number;
  let c2: number;
  if (edge.to.column === edge.from.column) {
    x1 = edge.from.x + NODE_WIDTH;
    x2 = edge.to.x + NODE_WIDTH + 2;
    c1 = x1 + LOOP_ROOM;
    c2 = x2 + LOOP_ROOM;
  } else if (edge.to.x > edge.from.x) {
    x1 = edge.from.x + NODE_WIDTH;
    x2 = edge.to.x - 2;
    c1 = x1 + (x2 - x1) / 2;
    c2 = x2 - (x2 - x1) / 2;
  } else {
    x1 = edge.from.x;
    x2 = edge.to.x + NODE_WIDTH + 2;
    c1 = x1 - (x1 - x2) / 2;
    c2 = x2 + (x1 - x2) / 2;
  }
  // The point of a cubic Bézier at t = 0.5, where the flow's label sits.
  const labelX = (x1 + 3 * c1 + 3 * c2 + x2) / 8;
  const labelY = (y1 + y2) / 2;
  const path = `M${round(x1)},${round(y1)} C${round(c1)},${round(y1)} ${round(c2)},${round(y2)} ${round(x2)},${round(y2)}`;
  return { path, labelX, labelY };
}

function shorten(name: string): string {
  if (name.length <= MAX_LABEL) return name;
  const tail = Math.floor((MAX_LABEL - 1) * 0.6);
  return `${name.slice(0, MAX_LABEL - 1 - tail)}…${name.slice(-tail)}`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
