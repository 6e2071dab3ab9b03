/**
 * The ARM template expression language: a string in `[...]` is an expression (`[[...]` is the
 * literal text `[...]`). Grammar, as Azure documents it:
 *
 *   expression := primary accessor*
 *   primary    := call | string | number
 *   call       := name ('.' name)? '(' (expression (',' expression)*)? ')'
 *   accessor   := '.' name | '[' expression ']'
 *
 * Strings are single-quoted with `''` for a quote. This module only parses; `evaluate.ts` gives
 * meaning to the tree. Nothing here is ever handed to `eval`.
 */

export type ExpressionNode =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly ExpressionNode[] }
  | { readonly kind: 'property'; readonly target: ExpressionNode; readonly name: string }
  | { readonly kind: 'index'; readonly target: ExpressionNode; readonly index: ExpressionNode };

/** A syntax error in one expression: `position` is the 0-based offset inside the expression text. */
export class ExpressionSyntaxError extends Error {
  override readonly name = 'ExpressionSyntaxError';
  constructor(
    readonly problem: string,
    readonly position: number,
  ) {
    super(`${problem} at character ${position + 1}`);
  }
}

type Token =
  | { readonly kind: 'name'; readonly text: string; readonly at: number }
  | { readonly kind: 'string'; readonly text: string; readonly at: number }
  | { readonly kind: 'number'; readonly value: number; readonly at: number }
  | { readonly kind: 'punct'; readonly text: '(' | ')' | ',' | '.' | '[' | ']'; readonly at: number }
  | { readonly kind: 'end'; readonly at: number };

const PUNCTUATION = new Set(['(', ')', ',', '.', '[', ']']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (PUNCTUATION.has(c)) {
      tokens.push({ kind: 'punct', text: c as '(' | ')' | ',' | '.' | '[' | ']', at: i });
      i++;
      continue;
    }
    if (c === "'") {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new ExpressionSyntaxError('unterminated string', start);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ kind: 'string', text: value, at: start });
      continue;
    }
    const number = /^-?\d+(\.\d+)?/.exec(text.slice(i));
    if (number !== null) {
      tokens.push({ kind: 'number', value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(i));
    if (name !== null) {
      tokens.push({ kind: 'name', text: name[0], at: i });
      i += name[0].length;
      continue;
    }
    throw new ExpressionSyntaxError(`unexpected character ${JSON.stringify(c)}`, i);
  }
  tokens.push({ kind: 'end', at: text.length });
  return tokens;
}

/** Parses the inside of `[...]` (without the brackets). */
export function parseExpression(text: string): ExpressionNode {
  const tokens = tokenize(text);
  let position = 0;
  const peek = (): Token => tokens[position] as Token;
  const next = (): Token => tokens[position++] as Token;
  const describe = (token: Token): string =>
    token.kind === 'end'
      ? 'the end of the expression'
      : token.kind === 'number'
        ? `number ${token.value}`
        : token.kind === 'string'
          ? `string '${token.text}'`
          : `"${token.text}"`;
  const expect = (text: string): void => {
    const token = next();
    if (token.kind !== 'punct' || token.text !== text)
      throw new ExpressionSyntaxError(`expected "${text}" but found ${describe(token)}`, token.at);
  };
  const isPunct = (token: Token, text: string) => token.kind === 'punct' && token.text === text;

  function expression(): ExpressionNode {
    let node = primary();
    for (;;) {
      const token = peek();
      if (isPunct(token, '.')) {
        next();
        const name = next();
        if (name.kind !== 'name')
          throw new ExpressionSyntaxError(`expected a property name but found ${describe(name)}`, name.at);
        node = { kind: 'property', target: node, name: name.text };
      } else if (isPunct(token, '[')) {
        next();
        const index = expression();
        expect(']');
        node = { kind: 'index', target: node, index };
      } else return node;
    }
  }

  function primary(): ExpressionNode {
    const token = next();
    if (token.kind === 'string') return { kind: 'string', value: token.text };
    if (token.kind === 'number') return { kind: 'number', value: token.value };
    if (token.kind !== 'name')
      throw new ExpressionSyntaxError(`expected a function call but found ${describe(token)}`, token.at);
    let name = token.text;
    // User-defined functions are namespaced: `contoso.uniqueName(...)`.
    if (
      isPunct(peek(), '.') &&
      tokens[position + 1]?.kind === 'name' &&
      isPunct(tokens[position + 2] as Token, '(')
    ) {
      next();
      name += `.${(next() as { text: string }).text}`;
    }
    const open = peek();
    if (!isPunct(open, '('))
      throw new ExpressionSyntaxError(
        `${name} must be called: expected "(" but found ${describe(open)}`,
        open.at,
      );
    next();
    const args: ExpressionNode[] = [];
    if (!isPunct(peek(), ')')) {
      for (;;) {
        args.push(expression());
        const separator = peek();
        if (isPunct(separator, ',')) {
          next();
          continue;
        }
        if (isPunct(separator, ')')) break;
        throw new ExpressionSyntaxError(
          `expected "," or ")" in the arguments of ${name} but found ${describe(separator)}`,
          separator.at,
        );
      }
    }
    expect(')');
    return { kind: 'call', name, args };
  }

  const root = expression();
  const rest = peek();
  if (rest.kind !== 'end')
    throw new ExpressionSyntaxError(`unexpected ${describe(rest)} after the expression`, rest.at);
  return root;
}

/** What a template string is: literal text, or an expression to evaluate. */
export type TemplateString =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'expression'; readonly text: string };

/** `[expr]` is an expression; `[[text]` is the literal `[text]`; anything else is literal. */
export function classifyTemplateString(value: string): TemplateString {
  if (value.startsWith('[[')) return { kind: 'literal', value: value.slice(1) };
  if (value.startsWith('[') && value.endsWith(']') && value.length >= 2)
    return { kind: 'expression', text: value.slice(1, -1) };
  return { kind: 'literal', value };
}
