/** Interface strings: every language says the same things, with the same placeholders, formatted per locale. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dictionaries } from '../../_data/i18n/index.ts';
import { formatDate, formatNumber, formatYear } from '../../src/site/lib/i18n.ts';

function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
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

test('numbers, dates and budget years follow the interface language', () => {
  assert.is(formatNumber(20000, 'en'), '20,000');
  assert.is(formatDate('2015-12-14', 'zh-Hant-HK'), '2015年12月14日');
  assert.is(formatDate('2015-12-14', 'en'), '14 December 2015');
  assert.is(formatYear('2023-24', 'zh-Hant-HK'), '2023-24');
  assert.is(formatYear('2023-24', 'en'), '2023–24');
});

test.run();
