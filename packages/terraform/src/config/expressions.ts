/**
 * The small part of Terraform's expression language eugate reads: string templates and their
 * `${…}` interpolations, and of those only plain references (`var.x`, `local.y`,
 * `azurerm_resource_group.rg.location`, `aws_s3_bucket.b[0].id`) and literals. Everything else
 * (function calls, operators, conditionals, `for` expressions) is recognised as "not evaluated"
 * and only scanned for the references it contains. Nothing is ever executed.
 */

export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'interpolation'; readonly expression: string }
  | { readonly kind: 'directive'; readonly text: string };

/** Thrown for a template whose `${` is never closed; the caller turns it into an InputError. */
export class TemplateSyntaxError extends Error {}

/** Splits a template string into literal text, interpolations and (unsupported) `%{…}` directives. */
export function parseTemplate(template: string): readonly TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const char = template[i];
    const next = template[i + 1];
    if ((char === '$' || char === '%') && next === char && template[i + 2] === '{') {
      // `$${` and `%%{` are escapes for a literal `${` / `%{`.
      text += `${char}{`;
      i += 3;
      continue;
    }
    if ((char === '$' || char === '%') && next === '{') {
      const end = closingBrace(template, i + 1);
      if (end === -1) throw new TemplateSyntaxError(`unterminated "${char}{" in ${JSON.stringify(template)}`);
      if (text !== '') parts.push({ kind: 'text', text });
      text = '';
      const inner = template
        .slice(i + 2, end)
        .replace(/^~/, '')
        .replace(/~$/, '');
      parts.push(
        char === '$'
          ? { kind: 'interpolation', expression: inner.trim() }
          : { kind: 'directive', text: inner.trim() },
      );
      i = end + 1;
      continue;
    }
    text += char;
    i++;
  }
  if (text !== '' || parts.length === 0) parts.push({ kind: 'text', text });
  return parts;
}

/** Index of the `}` that closes the `{` at `open`, skipping nested braces and quoted strings. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      i = closingQuote(text, i);
      if (i === -1) return -1;
    } else if (char === '{') depth++;
    else if (char === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
    else if (text[i] === '$' && text[i + 1] === '{') {
      i = closingBrace(text, i + 1);
      if (i === -1) return -1;
    }
  }
  return -1;
}

export type TraversalStep =
  | { readonly kind: 'attribute'; readonly name: string }
  | { readonly kind: 'index'; readonly key: string | number }
  /** `[count.index]`, `[each.key]`, `[var.i]`: an index given by another reference. */
  | { readonly kind: 'reference-index'; readonly traversal: Traversal }
  | { readonly kind: 'splat' };

export interface Traversal {
  readonly root: string;
  readonly steps: readonly TraversalStep[];
  /** The traversal as written. */
  readonly text: string;
}

const IDENTIFIER = /^[A-Za-z_][\w-]*/;

/** Parses `expression` when it is exactly one reference; undefined for anything else. */
export function parseTraversal(expression: string): Traversal | undefined {
  const text = expression.trim();
  const parsed = traversalAt(text, 0);
  return parsed !== undefined && parsed.end === text.length ? parsed.traversal : undefined;
}

function traversalAt(text: string, start: number): { traversal: Traversal; end: number } | undefined {
  const root = IDENTIFIER.exec(text.slice(start))?.[0];
  if (root === undefined || root === 'true' || root === 'false' || root === 'null') return undefined;
  const steps: TraversalStep[] = [];
  let i = start + root.length;
  for (;;) {
    if (text[i] === '.') {
      if (text[i + 1] === '*') {
        steps.push({ kind: 'splat' });
        i += 2;
        continue;
      }
      const digits = /^\d+/.exec(text.slice(i + 1))?.[0];
      if (digits !== undefined) {
        steps.push({ kind: 'index', key: Number(digits) }); // legacy `list.0` index syntax
        i += 1 + digits.length;
        continue;
      }
      const name = IDENTIFIER.exec(text.slice(i + 1))?.[0];
      if (name === undefined) return undefined;
      steps.push({ kind: 'attribute', name });
      i += 1 + name.length;
      continue;
    }
    if (text[i] === '[') {
      const close = text.indexOf(']', i);
      if (close === -1) return undefined;
      const token = text.slice(i + 1, close).trim();
      if (token === '*') steps.push({ kind: 'splat' });
      else if (/^\d+$/.test(token)) steps.push({ kind: 'index', key: Number(token) });
      else if (/^"(?:[^"\\]|\\.)*"$/.test(token) && !token.includes('${')) {
        steps.push({ kind: 'index', key: JSON.parse(token) as string });
      } else {
        const inner = parseTraversal(token);
        if (inner === undefined) return undefined;
        steps.push({ kind: 'reference-index', traversal: inner });
      }
      i = close + 1;
      continue;
    }
    break;
  }
  return { traversal: { root, steps, text: text.slice(start, i) }, end: i };
}

/** A literal written as an expression: number, `true`, `false`, `null`, or a quoted string without interpolation. */
export function parseLiteral(expression: string): { readonly value: unknown } | undefined {
  const text = expression.trim();
  if (text === 'true') return { value: true };
  if (text === 'false') return { value: false };
  if (text === 'null') return { value: null };
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return { value: Number(text) };
  if (/^"(?:[^"\\$]|\\.|\$(?!\{))*"$/.test(text)) {
    try {
      return { value: JSON.parse(text) as string };
    } catch {
      return undefined; // an HCL escape JSON does not know: not evaluated
    }
  }
  return undefined;
}

/**
 * The references inside an expression eugate does not evaluate (`lower(azurerm_resource_group.rg.location)`
 * → `azurerm_resource_group.rg.location`), so the resource still records what it depends on.
 * Function names, keywords of `for` expressions and attribute names of object literals are skipped.
 */
export function findTraversals(expression: string): readonly Traversal[] {
  const found: Traversal[] = [];
  // Literal strings hold no references, but their interpolations do.
  const code = expression.replace(/"(?:[^"\\]|\\.)*"/g, (literal) =>
    literal.includes('${')
      ? ` ${[...literal.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]).join(' ')} `
      : ' "" ',
  );
  const pattern = /[A-Za-z_][\w-]*/g;
  for (let match = pattern.exec(code); match !== null; match = pattern.exec(code)) {
    const before = code[match.index - 1];
    if (before !== undefined && /[\w.\]-]/.test(before)) continue; // the middle of another traversal
    const parsed = traversalAt(code, match.index);
    if (parsed === undefined) continue;
    pattern.lastIndex = parsed.end;
    const after = code.slice(parsed.end).trimStart();
    if (after.startsWith('(')) continue; // a function call
    if (parsed.traversal.steps.length === 0) continue; // a bare identifier: a keyword, an object key, a `for` variable
    found.push(parsed.traversal);
  }
  return found;
}

/** Why an expression is not evaluated, in words for an unknown value's reason. */
export function describeUnevaluated(expression: string): string {
  const call = /([A-Za-z_][\w:]*)\s*\(/.exec(expression);
  if (call !== null)
    return `the expression \`${shorten(expression)}\` calls ${call[1]}(), which eugate does not evaluate`;
  if (/^\s*[[{]\s*for\s/.test(expression))
    return `the \`for\` expression \`${shorten(expression)}\` is not evaluated`;
  if (expression.includes('?')) return `the conditional \`${shorten(expression)}\` is not evaluated`;
  if (/[[*]/.test(expression) && parseTraversal(expression) !== undefined)
    return `the splat expression \`${shorten(expression)}\` is not evaluated`;
  return `the expression \`${shorten(expression)}\` is not evaluated`;
}

export function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}
