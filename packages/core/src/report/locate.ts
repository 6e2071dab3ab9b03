import { visit } from 'jsonc-parser';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Finding, Report } from './types.js';

/** Reads an artifact as text; `undefined` when it cannot be read (moved, or a report from elsewhere). */
export type ReadArtifactText = (file: string) => string | undefined;

/**
 * Gives each finding the line (and column) of its resource inside the artifact, where the reader recorded none
 * (JSON templates, plans, cdk.out): SARIF, Code Quality and Markdown point at a line, a scan does
 * not need one. Run at report time only, and only over the files that have findings without a line,
 * so a large scan that asks for text or JSON never pays for it.
 *
 * Found by position-aware parsing, never by text search: in JSON, the object whose `address` (a
 * Terraform plan) or `urn` (Pulumi) is the resource's address, or the key of the top-level
 * `Resources` map (CloudFormation) named by the address's last segment; in YAML, that key. A
 * resource not found keeps its file without a line.
 */
export function locateFindings(report: Report, readText: ReadArtifactText): Report {
  const wanted = new Map<string, Set<string>>();
  for (const finding of report.findings) {
    const { source, address } = finding.resource;
    if (source.line !== undefined) continue;
    const addresses = wanted.get(source.file);
    if (addresses === undefined) wanted.set(source.file, new Set([address]));
    else addresses.add(address);
  }
  if (wanted.size === 0) return report;

  const positions = new Map<string, ReadonlyMap<string, ArtifactPosition>>();
  for (const [file, addresses] of wanted) {
    const text = readText(file);
    if (text !== undefined) positions.set(file, locateResources(text, addresses));
  }
  const findings = report.findings.map((finding): Finding => {
    const { source, address } = finding.resource;
    const found = source.line === undefined ? positions.get(source.file)?.get(address) : undefined;
    if (found === undefined) return finding;
    const located = { ...source, line: found.line, column: found.column };
    return { ...finding, resource: { ...finding.resource, source: located } };
  });
  return { ...report, findings };
}

/** 1-based, columns in UTF-16 code units (as SARIF's `columnKind: utf16CodeUnits`). */
export interface ArtifactPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Where each address is found in one artifact's text. The column matters: `terraform show -json`
 * writes a whole plan on one line.
 */
export function locateResources(text: string, addresses: ReadonlySet<string>): Map<string, ArtifactPosition> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const byLogicalId = new Map<string, string[]>();
  for (const address of addresses) {
    const logicalId = address.slice(address.lastIndexOf('/') + 1);
    const list = byLogicalId.get(logicalId);
    if (list === undefined) byLogicalId.set(logicalId, [address]);
    else list.push(address);
  }
  const found = new Map<string, ArtifactPosition>();
  const record = (address: string, position: ArtifactPosition): void => {
    if (!found.has(address)) found.set(address, position);
  };
  const json = jsonStart(source);
  if (json === undefined) {
    locateInYaml(source, byLogicalId, record);
  } else {
    const linesBefore = json === 0 ? 0 : source.slice(0, json).split('\n').length - 1;
    locateInJson(source.slice(json), addresses, byLogicalId, (address, position) =>
      record(address, { line: position.line + linesBefore, column: position.column }),
    );
  }
  return found;
}

/**
 * Where the JSON document starts, or undefined for YAML. A plan saved from hashicorp/setup-terraform's
 * wrapper has a `[command]…` line before the JSON: the readers take the first line starting with
 * `{`, and so does this.
 */
function jsonStart(source: string): number | undefined {
  const first = /\S/.exec(source);
  if (first === null) return undefined;
  if (source[first.index] === '{') return first.index;
  if (source[first.index] === '[' && !source.startsWith('[command]', first.index)) return first.index;
  return /^\{/m.exec(source)?.index;
}

interface Frame {
  readonly position: ArtifactPosition;
  readonly isObject: boolean;
  property: string | undefined;
}

/** One streaming pass: no tree is built, so a plan of 50,000 resources costs one scan of its text. */
function locateInJson(
  text: string,
  addresses: ReadonlySet<string>,
  byLogicalId: ReadonlyMap<string, readonly string[]>,
  record: (address: string, position: ArtifactPosition) => void,
): void {
  const stack: Frame[] = [];
  // Once the top-level value is closed, what follows (a CI wrapper's log lines) is not the document.
  let done = false;
  const begin = (line: number, character: number, isObject: boolean): void => {
    if (!done)
      stack.push({ position: { line: line + 1, column: character + 1 }, isObject, property: undefined });
  };
  const end = (): void => {
    stack.pop();
    if (stack.length === 0) done = true;
  };
  visit(
    text,
    {
      onObjectBegin: (_offset, _length, line, character) => begin(line, character, true),
      onArrayBegin: (_offset, _length, line, character) => begin(line, character, false),
      onObjectEnd: end,
      onArrayEnd: end,
      onObjectProperty: (property, _offset, _length, line, character) => {
        const top = stack.at(-1);
        if (top === undefined) return;
        top.property = property;
        // A CloudFormation template: a key of the top-level `Resources` object is a logical id.
        if (stack.length === 2 && stack[0]!.property === 'Resources' && top.isObject) {
          const position = { line: line + 1, column: character + 1 };
          for (const address of byLogicalId.get(property) ?? []) record(address, position);
        }
      },
      onLiteralValue: (value) => {
        const top = stack.at(-1);
        if (top === undefined || !top.isObject || typeof value !== 'string') return;
        if ((top.property === 'address' || top.property === 'urn') && addresses.has(value)) {
          record(value, top.position);
        }
      },
    },
    { disallowComments: false, allowTrailingComma: true },
  );
}

function locateInYaml(
  text: string,
  byLogicalId: ReadonlyMap<string, readonly string[]>,
  record: (address: string, position: ArtifactPosition) => void,
): void {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  if (document.errors.length > 0) return;
  const resources = isMap(document.contents) ? document.contents.get('Resources', true) : undefined;
  if (!isMap(resources)) return;
  for (const pair of resources.items) {
    if (!isScalar(pair.key) || pair.key.range === undefined || pair.key.range === null) continue;
    const { line, col } = lineCounter.linePos(pair.key.range[0]);
    for (const address of byLogicalId.get(String(pair.key.value)) ?? [])
      record(address, { line, column: col });
  }
}
