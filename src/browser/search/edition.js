// @ts-check
// Which language edition's index the search page searches (issue 12), kept apart
// from search.js: it only picks the bundle, the result links' prefix and the
// language the results are marked with, and adds the switch to the other edition.
//
// The page carries <script type="application/json" id="search-editions"> only when
// the archive has replies in more than one edition (src/site/pages/search.11ty.ts):
// { bundles: { <lang>: "pagefind/" | "pagefind-en/" }, current: <interface lang>,
//   strings: { searching, switchTo, names: { <lang>: name } } }.
// Without it the page searches /pagefind/ exactly as before. Each interface searches
// its own language's edition first; `?edition=<lang>` searches another.

const DEFAULT_BUNDLE = 'pagefind/';
const PRIMARY = 'zh-Hant-HK';

function readData(doc) {
  try {
    return JSON.parse(doc.getElementById('search-editions')?.textContent ?? 'null');
  } catch {
    return null;
  }
}

/**
 * The edition to search, from the page's data block and the URL's `edition` parameter.
 * `resultPrefix`: where results link to — the English pages (/en/…) for the English
 * edition, whose text they show; null keeps the interface's own pages.
 * @param {Document} doc
 * @param {string} search location.search
 * @param {string} interfaceLang
 * @returns {{ lang: string, base: string, param: string | null, resultPrefix: string | null, data: any }}
 */
export function searchEdition(doc, search, interfaceLang) {
  const data = readData(doc);
  const bundles = data?.bundles ?? {};
  const langs = Object.keys(bundles);
  const asked = new URLSearchParams(search).get('edition');
  if (!langs.length) return { lang: PRIMARY, base: DEFAULT_BUNDLE, param: null, resultPrefix: null, data: null };
  const lang = asked && langs.includes(asked) ? asked : langs.includes(interfaceLang) ? interfaceLang : langs[0];
  return {
    lang,
    base: bundles[lang],
    param: asked && langs.includes(asked) ? asked : null,
    resultPrefix: lang === PRIMARY ? null : `${lang}/`,
    data,
  };
}

/**
 * A result's page in the interface of `prefix` ("en/" or ""): a page of a year
 * keeps its English interface inside the year's folder (`2023-24/en/itib001/`,
 * issue 16), any other page under the prefix (`en/background/…`), as the
 * site's URL scheme (src/site/lib/urls.ts localize) writes them.
 * @param {string} rel the page's path under the site root, e.g. "2023-24/itib001/"
 * @param {string} prefix
 */
export function localizedResult(rel, prefix) {
  if (!prefix) return rel;
  const year = /^(\d{4}-\d{2})\/(.*)$/.exec(rel);
  return year ? `${year[1]}/${prefix}${year[2]}` : prefix + rel;
}

/**
 * "Searching the English edition of the replies. Search the Chinese edition instead":
 * a paragraph after the form; the link keeps the query typed so far.
 * @param {{ lang: string, data: any }} edition
 * @param {() => string} currentQuery
 * @returns {HTMLElement | null}
 */
export function editionSwitch(edition, currentQuery) {
  if (!edition.data) return null;
  const s = edition.data.strings ?? {};
  const fill = (template, name) => String(template ?? '').replace('{edition}', name ?? '');
  const p = document.createElement('p');
  p.className = 'search-edition';
  p.append(fill(s.searching, s.names?.[edition.lang]), ' ');
  for (const other of Object.keys(edition.data.bundles).filter((l) => l !== edition.lang)) {
    const a = document.createElement('a');
    const target = () => {
      const params = new URLSearchParams();
      params.set('edition', other);
      if (currentQuery()) params.set('q', currentQuery());
      return `${location.pathname}?${params}`;
    };
    a.href = target();
    a.textContent = fill(s.switchTo, s.names?.[other]);
    // The query typed since the page loaded goes along.
    a.addEventListener('click', () => {
      a.href = target();
    });
    p.append(a);
  }
  return p;
}
