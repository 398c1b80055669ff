/** Interface strings: every language says the same things, with the same placeholders, formatted per locale. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dictionaries } from '../../_data/i18n/index.ts';
import { formatCount, formatDate, formatNumber, formatYear } from '../../src/site/lib/i18n.ts';

/** A count's plural forms ({ one, other }): compared as one entry, its forms checked against the locale's categories below. */
const isPlural = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Record<string, unknown>).other === 'string' &&
  Object.keys(v).every((k) => ['zero', 'one', 'two', 'few', 'many', 'other'].includes(k));

function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (isPlural(value)) return [[path, value.other!]];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every dictionary has the same strings, none empty, with the same placeholders', () => {
  const zh = new Map(leaves(dictionaries['zh-Hant-HK']));
  for (const [lang, dict] of Object.entries(dictionaries)) {
    const own = new Map(leaves(dict));
    assert.equal([...own.keys()].sort(), [...zh.keys()].sort(), lang);
    for (const [key, text] of own) {
      assert.ok(text.trim() !== '', `${lang} ${key} is empty`);
      assert.equal(placeholders(text), placeholders(zh.get(key)!), `${lang} ${key}`);
    }
  }
});

function plurals(value: unknown, path = ''): [string, Record<string, string>][] {
  if (isPlural(value)) return [[path, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => plurals(v, path ? `${path}.${k}` : k));
}

test('counts have exactly the plural forms of their language, each with the same placeholders', () => {
  for (const [lang, dict] of Object.entries(dictionaries)) {
    const categories = new Intl.PluralRules(dict.locale).resolvedOptions().pluralCategories.sort();
    for (const [key, forms] of plurals(dict)) {
      assert.equal(Object.keys(forms).sort(), categories, `${lang} ${key}`);
      for (const text of Object.values(forms)) assert.equal(placeholders(text), placeholders(forms.other!), `${lang} ${key}`);
    }
  }
  assert.is(formatCount(dictionaries.en.lists.replyCount, 1, 'en'), '1 reply');
  assert.is(formatCount(dictionaries.en.lists.replyCount, 1234, 'en'), '1,234 replies');
  assert.is(formatCount(dictionaries['zh-Hant-HK'].lists.replyCount, 1, 'zh-Hant-HK'), '1 則答覆');
});

test('numbers, dates and budget years follow the interface language', () => {
  assert.is(formatNumber(20000, 'en'), '20,000');
  assert.is(formatDate('2015-12-14', 'zh-Hant-HK'), '2015年12月14日');
  assert.is(formatDate('2015-12-14', 'en'), '14 December 2015');
  assert.is(formatYear('2023-24', 'zh-Hant-HK'), '2023-24');
  assert.is(formatYear('2023-24', 'en'), '2023–24');
});

test.run();
