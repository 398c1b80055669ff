/**
 * npm run search-terms [-- --write]: checks content/search/synonyms.json and
 * glossary.json against the reply text (src/search/search-terms.ts). Prints each
 * synonym form with the replies holding it (what the reviewer reads) and each
 * glossary entry with how many replies hold its Chinese names. Fails (exit 1) when a
 * form or Chinese name occurs in no reply, or when an entry's recorded occurrences
 * differ from the text; `--write` rewrites the occurrences instead.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRecords } from '../src/search/records.ts';
import { deriveOccurrences, occurrences, readSearchTerms, SYNONYMS_FILE } from '../src/search/search-terms.ts';

const contentDir = process.env.ARCHIVE_CONTENT ?? 'content';
const dir = join(contentDir, 'search');
const write = process.argv.includes('--write');
const terms = readSearchTerms(dir);
const records = readRecords(contentDir);
const problems: string[] = [];

const { entries, stale } = deriveOccurrences(terms.synonyms, records);
for (const e of entries) {
  console.log(e.forms.join(' / '));
  for (const f of e.forms) {
    const ids = e.occurs[f] ?? [];
    console.log(`  ${f}: ${ids.length} ${ids.map((id) => id.split('/')[1]).join(' ')}`);
    if (!ids.length) problems.push(`${join(dir, SYNONYMS_FILE)}: ${f} occurs in no reply`);
  }
}
for (const g of terms.glossary) {
  const counts = g.zh.map((z) => `${z} ${occurrences(z, records).length}`);
  console.log(`${g.en.join(' / ')} → ${counts.join(', ')}  (${g.source})`);
  if (g.zh.every((z) => !occurrences(z, records).length)) problems.push(`glossary: ${g.en[0]}: none of ${g.zh.join(', ')} occurs in a reply`);
}
if (write) {
  const file = join(dir, SYNONYMS_FILE);
  const json = JSON.parse(readFileSync(file, 'utf8')) as { entries: unknown[] };
  json.entries = entries;
  writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
  console.log(`wrote the occurrences of ${entries.length} entries to ${file}`);
} else if (stale.length) {
  problems.push(`${join(dir, SYNONYMS_FILE)}: recorded occurrences differ from the text for ${stale.join(', ')} (review, then npm run search-terms -- --write)`);
}
if (problems.length) {
  for (const p of problems) console.error(`error: ${p}`);
  process.exit(1);
}
