/**
 * A stack's Terraform JSON as `app.synth()` writes it to `cdk.tf.json`: cdktf's StackSynthesizer
 * uses json-stable-stringify with `space: 2` — keys sorted by code unit, members with an undefined
 * value left out, and an empty object or array written over two lines (`{` newline `}`). Writing
 * the same text makes the line numbers in the aspect's findings the lines of the file on disk.
 */
export function synthesizedJson(value: unknown): string {
  return write(value, '') ?? 'null';
}

function write(value: unknown, indent: string): string | undefined {
  const node = hasToJson(value) ? value.toJSON() : value;
  if (node === undefined || typeof node === 'function' || typeof node === 'symbol') return undefined;
  if (typeof node !== 'object' || node === null) return JSON.stringify(node);
  const inner = `${indent}  `;
  if (Array.isArray(node)) {
    const items = node.map((item) => `\n${inner}${write(item, inner) ?? 'null'}`);
    return `[${items.join(',')}\n${indent}]`;
  }
  const members: string[] = [];
  for (const key of Object.keys(node).sort()) {
    const text = write((node as Record<string, unknown>)[key], inner);
    if (text !== undefined) members.push(`\n${inner}${JSON.stringify(key)}: ${text}`);
  }
  return `{${members.join(',')}\n${indent}}`;
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  );
}
