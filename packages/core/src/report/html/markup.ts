/**
 * HTML built by a tagged template that escapes every interpolated value unless it is already
 * markup. Resource addresses, evidence values, tag values and waiver reasons come from untrusted
 * input, so escaping is the default and only markup produced by `html` itself passes through.
 */

const MARKUP = Symbol('eugate.markup');

export interface Markup {
  readonly [MARKUP]: string;
}

/** What may be interpolated: text (escaped), numbers, markup, lists of these, or nothing. */
export type Content = Markup | string | number | null | undefined | false | readonly Content[];

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for an element body or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

export function html(strings: TemplateStringsArray, ...values: readonly Content[]): Markup {
  let out = strings[0]!;
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1]!;
  });
  return { [MARKUP]: out };
}

/** Trusted markup from this module's own constants (the style sheet, the script). Never for input. */
export function trusted(text: string): Markup {
  return { [MARKUP]: text };
}

export function render(value: Content): string {
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return String(value);
  if (isMarkup(value)) return value[MARKUP];
  return value.map(render).join('');
}

function isMarkup(value: object): value is Markup {
  return MARKUP in value;
}
