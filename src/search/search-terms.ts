/**
 * The reviewed word lists the search page applies to queries (issue 17), read from
 * content/search/:
 *
 * - synonyms.json: forms the government writes for one thing (網絡安全 / 網絡保安);
 *   a query holding one form is searched for every form of its entry;
 * - glossary.json: official English names with their Chinese names (Cyberport /
 *   數碼港), each with where the pairing comes from; an English query that is one of
 *   the names is searched as the Chinese ones, in the Chinese edition.
 *
 * Each synonym entry records the replies where each form occurs, so a reviewer reads
 * the forms in their replies; `npm run search-terms` derives those lists from the
 * reply text and fails when the file no longer matches it (`-- --write` rewrites them).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeGaps } from '../browser/search/query.js';
import type { SearchRecord } from './records.ts';

export interface SynonymEntry {
  forms: string[];
  /** What the forms name, and why they are one thing (the reviewer's note). */
  reviewed: string;
  /** Reply ids (2023-24/ITIB044) holding each form, derived from the text (search-terms script). */
  occurs: Record<string, string[]>;
}

export interface GlossaryEntry {
  en: string[];
  zh: string[];
  /** Where the pairing comes from: an English edition where both appear, or the official English name. */
  source: string;
}

export interface SearchTerms {
  synonyms: SynonymEntry[];
  glossary: GlossaryEntry[];
}

/** What the search page receives (in the shard manifest): the forms and the pairs, without the review notes. */
export interface ClientTerms {
  synonyms: string[][];
  glossary: { en: string[]; zh: string[] }[];
}

export const SYNONYMS_FILE = 'synonyms.json';
export const GLOSSARY_FILE = 'glossary.json';

/** A line number of `needle` in a JSON file's text, for messages naming file:line. */
function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  return i < 0 ? 1 : text.slice(0, i).split('\n').length;
}

function readJson(file: string): { text: string; data: unknown } {
  const text = readFileSync(file, 'utf8');
  try {
    return { text, data: JSON.parse(text) };
  } catch (e) {
    const pos = /position (\d+)/.exec(String(e))?.[1];
    const line = pos ? text.slice(0, Number(pos)).split('\n').length : 1;
    throw new Error(`${file}:${line}: not valid JSON (${(e as Error).message})`);
  }
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s.trim() !== '');

/** Reads and checks content/search/*.json; a missing file is an empty list (a corpus without reviewed terms). */
export function readSearchTerms(dir: string): SearchTerms {
  const out: SearchTerms = { synonyms: [], glossary: [] };
  const synFile = join(dir, SYNONYMS_FILE);
  if (existsSync(synFile)) {
    const { text, data } = readJson(synFile);
    const entries = (data as { entries?: unknown }).entries;
    if (!Array.isArray(entries)) throw new Error(`${synFile}:1: expected { "entries": [...] }`);
    const seen = new Map<string, number>();
    entries.forEach((e: Partial<SynonymEntry>, i) => {
      const where = `${synFile}:${lineOf(text, JSON.stringify(e?.forms?.[0] ?? ''))}`;
      if (!isStrings(e.forms) || e.forms.length < 2) throw new Error(`${where}: entry ${i + 1} needs "forms": two or more strings`);
      if (typeof e.reviewed !== 'string' || !e.reviewed.trim()) throw new Error(`${where}: entry ${i + 1} (${e.forms[0]}) needs a "reviewed" note`);
      for (const f of e.forms) {
        if (seen.has(f)) throw new Error(`${where}: ${f} is in entries ${seen.get(f)} and ${i + 1}: a form belongs to one entry`);
        seen.set(f, i + 1);
      }
      out.synonyms.push({ forms: e.forms, reviewed: e.reviewed, occurs: (e.occurs ?? {}) as Record<string, string[]> });
    });
  }
  const glossFile = join(dir, GLOSSARY_FILE);
  if (existsSync(glossFile)) {
    const { text, data } = readJson(glossFile);
    const entries = (data as { entries?: unknown }).entries;
    if (!Array.isArray(entries)) throw new Error(`${glossFile}:1: expected { "entries": [...] }`);
    entries.forEach((e: Partial<GlossaryEntry>, i) => {
      const where = `${glossFile}:${lineOf(text, JSON.stringify(e?.en?.[0] ?? ''))}`;
      if (!isStrings(e.en) || !isStrings(e.zh)) throw new Error(`${where}: entry ${i + 1} needs "en" and "zh": lists of names`);
      if (typeof e.source !== 'string' || !e.source.trim()) throw new Error(`${where}: entry ${i + 1} (${e.en[0]}) needs a "source"`);
      out.glossary.push({ en: e.en, zh: e.zh, source: e.source });
    });
  }
  return out;
}

export function clientTerms(terms: SearchTerms): ClientTerms {
  return { synonyms: terms.synonyms.map((e) => e.forms), glossary: terms.glossary.map(({ en, zh }) => ({ en, zh })) };
}

/** The replies whose text holds `form` (gaps of the extraction closed, as the index reads it), as ids sorted. */
export function occurrences(form: string, records: Pick<SearchRecord, 'text' | 'meta' | 'year'>[]): string[] {
  const needle = closeGaps(form).replace(/\s+/g, '').toLowerCase();
  return records
    .filter((r) => r.meta.kind === 'reply' && closeGaps(r.text).replace(/\s+/g, '').toLowerCase().includes(needle))
    .map((r) => `${r.year}/${r.meta.replyNo}`)
    .sort();
}

/** The entries with their occurrences derived from the text, and the forms whose recorded list differs. */
export function deriveOccurrences(entries: SynonymEntry[], records: Pick<SearchRecord, 'text' | 'meta' | 'year'>[]): { entries: SynonymEntry[]; stale: string[] } {
  const stale: string[] = [];
  const derived = entries.map((e) => {
    const occurs = Object.fromEntries(e.forms.map((f) => [f, occurrences(f, records)]));
    for (const f of e.forms) if (JSON.stringify(occurs[f]) !== JSON.stringify(e.occurs[f] ?? [])) stale.push(f);
    return { ...e, occurs };
  });
  return { entries: derived, stale };
}
