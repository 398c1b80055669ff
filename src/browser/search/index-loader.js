// @ts-check
// The one place that knows where the search bundles are and loads them: the shard
// manifest (fetched at once: it is small, the filters can then be used before any typing,
// and it carries the reviewed synonyms and glossary), Pagefind's runtime with the shell's
// own index on first need, a year's index — the bundle /<year>/pagefind/, its parts merged
// at build time (issue 16) — merged (mergeIndex) when a search needs that year (shards.js: the newest
// at the first search), the Simplified → Traditional converter, the vocabulary of
// "did you mean".
import { initPagefind } from './query.js';
import { converterOf } from './convert.js';
import { shardsToLoad } from './shards.js';

/**
 * @param {{ module: (path: string) => Promise<any>, json: (path: string) => Promise<any>, unpack?: (pack: any) => void }} files how the page reads files (online or the offline mirror; online, `unpack` announces a pack: packs.js)
 * @param {{ base: string }} edition the edition searched (edition.js): its bundle folder
 * @param {URL} siteRoot
 * @param {(manifest: any) => void} onManifest
 */
export function openIndex(files, edition, siteRoot, onManifest) {
  const index = {
    /** @type {any} */
    manifest: { shards: [], replies: {}, filters: {} },
    /** Names of the shards merged so far. */
    merged: new Set(),
    /** The reader asked for every year. */
    allYears: false,
    /** @type {Promise<any>} */
    ready: Promise.resolve(),
    /** @type {Promise<any> | null} */
    loading: null,
    /** @type {Map<string, Promise<unknown>>} */
    merging: new Map(),
    /** Pagefind's runtime and the shell's index; the years are merged by loadShards. Its WebAssembly from its pack, when the manifest names one. */
    load() {
      // A manifest that cannot be had (session.js searches without it) only means no pack: Pagefind fetches its own file.
      index.loading ??= Promise.all([files.module(`${edition.base}pagefind.js`), index.ready.catch(() => null)]).then(([pf, manifest]) => {
        files.unpack?.(manifest?.wasm);
        initPagefind(pf);
        return pf;
      });
      return index.loading;
    },
    /** @type {Promise<(s: string) => string> | null} */
    converting: null,
    /** The Simplified → Traditional converter (convert.js), loaded the first time a query needs it. */
    converter() {
      index.converting ??= Promise.all([files.module('search/opencc-core.js'), files.json(`${edition.base}s2hk.json`)]).then(([core, dict]) => converterOf(core, dict));
      return index.converting;
    },
    /** @type {Promise<[string, number, number?][]> | null} */
    naming: null,
    /** The terms "did you mean" chooses from, loaded the first time no reply contains a query. */
    vocabulary() {
      index.naming ??= files.json(`${edition.base}vocabulary.json`).then((v) => v ?? []);
      return index.naming;
    },
    /** Merges the years the state needs (shards.js), each a bundle the manifest lists (its `parts`: one since the build merges them), into the loaded index. */
    loadShards(pf, state) {
      return Promise.all(
        shardsToLoad(state, index.manifest, index.merged, index.allYears).map((s) => {
          if (!index.merging.has(s.name)) {
            // The bundle's entry file and metadata from the year's pack (packs.js), asked for by Pagefind as it merges the year.
            files.unpack?.(s.metadata);
            const parts = Promise.all(s.parts.map((/** @type {string} */ p) => pf.mergeIndex(new URL(p, siteRoot).href)));
            index.merging.set(s.name, parts.then(() => index.merged.add(s.name)));
          }
          return index.merging.get(s.name);
        }),
      );
    },
  };
  index.ready = files
    .json(`${edition.base}shards.json`)
    .then((m) => m ?? index.manifest)
    .then((m) => {
      index.manifest = m;
      onManifest(m);
      return m;
    });
  return index;
}
