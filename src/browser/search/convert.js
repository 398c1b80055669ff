// @ts-check
// Simplified → Hong Kong Traditional for a query, before it is tokenised: the archive's
// text is Traditional, and readers type on phones set to Simplified. The dictionaries are
// opencc-js's own, cut down at build time to the conversions that can produce archive
// text (src/search/converter-dict.ts writes them to pagefind/s2hk.json); opencc-js's core
// (installed as search/opencc-core.js) applies them with opencc's s2hk rules.

/**
 * A converter from opencc-js's core module and a dictionary written by the build.
 * @param {{ ConverterBuilder: Function }} core
 * @param {{ segmentation?: string, chain: string[][] }} dict
 * @returns {(s: string) => string}
 */
export function converterOf(core, dict) {
  const s2hk = {
    // Segmentation by the phrases of s2hk's first stage, which the build writes once, in the chain.
    segmentation: (dict.segmentation ?? dict.chain[0]?.[0]) ? [dict.segmentation ?? dict.chain[0][0]] : [],
    conversionChain: dict.chain.map((g) => g.filter(Boolean)),
  };
  return core.ConverterBuilder({ from: { cn: [] }, to: { hk: [] }, configs: { s2hk } })({ from: 'cn', to: 'hk' });
}

/**
 * Whether a query is worth converting: it has a character the archive does not hold
 * and the converter changes (the manifest's `convertible`). Other queries are searched
 * as typed and never load the converter.
 * @param {string} query
 * @param {string | undefined} convertible
 */
export function needsConverting(query, convertible) {
  if (!convertible) return false;
  for (const ch of String(query)) if (convertible.includes(ch)) return true;
  return false;
}
