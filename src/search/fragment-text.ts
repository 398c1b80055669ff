/**
 * The fragments of a Chinese bundle with their text in Han runs (src/browser/search/fragment-text.js:
 * 數碼 碼港 港 → 數碼港), marked `han_runs` for the search page, which expands them. compactText
 * writes only what expands to the words exactly (test/search/fragment-text.test.ts expands every
 * fragment of the built site); a fragment whose words are not the index's form fails the build,
 * naming it. Bundles in another language are left as Pagefind wrote them.
 *
 * Its cost is on an edit's path (the edited part's fragments): the 917 fragments of a synthetic
 * year's part took 0.40 s (throwaway scripts, load 1.9, 2026-12-06; of it, timed step by step:
 * reading and unzipping 0.06 s, parsing 0.06, compacting 0.12, writing the JSON 0.02, gzipping 0.10).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { compactText } from '../browser/search/fragment-text.js';
import { bundleLanguages, SIGNATURE, unzipPagefindFile } from './pagefind-files.ts';
import { INDEX_LANGUAGE } from './segment.ts';

/** Rewrites every fragment of the bundle at `bundleDir` when its one language is the index's (Chinese as bigrams). */
export function compactFragments(bundleDir: string): void {
  const languages = bundleLanguages(bundleDir);
  if (languages.length !== 1 || languages[0]?.lang !== INDEX_LANGUAGE) return;
  const dir = path.join(bundleDir, 'fragment');
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.pf_fragment')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    const fragment = JSON.parse(unzipPagefindFile(file).subarray(SIGNATURE.length).toString('utf8')) as { content?: unknown; han_runs?: unknown };
    if (typeof fragment.content !== 'string') throw new Error(`search: ${file}: a fragment without its text (content)`);
    const runs = compactText(fragment.content);
    if (runs === null) throw new Error(`search: ${file}: its text is not the index's words of a Chinese text, and cannot be written in runs`);
    fragment.content = runs;
    fragment.han_runs = true;
    writeFileSync(file, gzipSync(Buffer.concat([SIGNATURE, Buffer.from(JSON.stringify(fragment))]), { level: 9 }));
  }
}
