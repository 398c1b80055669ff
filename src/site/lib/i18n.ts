/** Interface-language helpers: dictionary lookup, placeholders, numbers, dates. */
import { DateTime } from 'luxon';
import { dictionaries, type Strings } from '../../../_data/i18n/index.ts';
import type { PluralForms } from '../../../_data/i18n/plural.ts';
import type { InterfaceLang } from '../../../_data/site.ts';
import { html, type Html, type SafeHtml } from '../../lib/html.ts';

export type { Strings };

export function strings(lang: InterfaceLang): Strings {
  return dictionaries[lang];
}

/** Fills `{name}` placeholders; a missing value is a programming error, so it throws. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`format(): no value for {${key}} in "${template}"`);
    return String(value);
  });
}

/**
 * format() for markup: the template's text is escaped, and a value may be
 * markup (e.g. a name marked with its own `lang` on a page in another language).
 */
export function formatHtml(template: string, values: Record<string, Html>): SafeHtml {
  const parts: Html[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    const value = values[m[1]!];
    if (value === undefined) throw new Error(`formatHtml(): no value for {${m[1]}} in "${template}"`);
    parts.push(template.slice(last, m.index), value);
    last = m.index! + m[0].length;
  }
  parts.push(template.slice(last));
  return html`${parts}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(n: number, lang: InterfaceLang): string {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(dictionaries[lang].locale);
    numberFormats.set(lang, f);
  }
  return f.format(n);
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** A count in the dictionary's form for it ("1 reply", "2 replies", "3 則答覆"), the number formatted for the language. */
export function formatCount(forms: PluralForms, n: number, lang: InterfaceLang): string {
  const locale = dictionaries[lang].locale;
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return format(forms[rules.select(n)] ?? forms.other, { n: formatNumber(n, lang) });
}

/** ISO date (YYYY-MM-DD) in the interface language's long form. */
export function formatDate(iso: string, lang: InterfaceLang): string {
  const d = DateTime.fromISO(iso, { zone: 'utc' });
  if (!d.isValid) throw new Error(`formatDate(): not an ISO date: "${iso}"`);
  return d.setLocale(dictionaries[lang].locale).toLocaleString(DateTime.DATE_FULL);
}

/** Budget year "2023-24" per interface language (en uses an en dash: "2023–24"). */
export function formatYear(year: string, lang: InterfaceLang): string {
  const m = /^(\d{4})-(\d{2,4})$/.exec(year);
  return m ? format(dictionaries[lang].yearRange, { from: m[1]!, to: m[2]! }) : year;
}
