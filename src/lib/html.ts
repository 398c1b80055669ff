/**
 * Escaping by construction: `html` is a tagged template in which every
 * interpolated value is HTML-escaped unless it is already `SafeHtml` (produced
 * by `html` itself, by `raw()` for markup we generated, e.g. the rendered
 * Markdown body). Arrays are joined, null/undefined/false render nothing.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

export function escapeHtml(text: string): string {
  // Attributes are always double-quoted in this codebase, so ' needs no escape.
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
}

/** Marks markup that this codebase generated (never source text) as safe. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

export type Html = SafeHtml | string | number | null | undefined | false | readonly Html[];

function render(value: Html): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Html[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + (strings[i + 1] ?? '');
  }
  return new SafeHtml(out);
}

/** An attribute that is present only when the value is set. */
export function attr(name: string, value: string | null | undefined | false): SafeHtml {
  if (value === null || value === undefined || value === false) return raw('');
  return raw(` ${name}="${escapeHtml(value)}"`);
}
