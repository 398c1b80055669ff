// @ts-check
// The offline mirror's way of loading the search index from disk (file://), where browsers
// block module scripts and fetch(). Only the offline build uses this file: it is bundled,
// before search.js, into the classic script search/search-offline.js (src/search/offline-bundle.ts).
//
// At offline-build time every file the search page reads (Pagefind's entry, metadata, index
// chunks, fragments, filters and WebAssembly; the shard manifest, the converter's dictionary,
// the vocabulary) is also written as a classic script, `<file>.js`, that hands its bytes to
// `legcoOfflineSearch.add`; Pagefind's own pagefind.js and opencc-js's core are rewritten as
// classic scripts that register their exports in `legcoOfflineSearch.modules`. A file is
// loaded the first time it is asked for (a <script> element, which file:// allows), so a
// search reads the same files, and no more, than online.

const root = new URL('../', import.meta.url);

/** @type {Map<string, string | Uint8Array<ArrayBuffer>>} */
const loaded = new Map();
/** @type {Map<string, Promise<boolean>>} */
const loading = new Map();

/** Runs the classic script at `path` (relative to the site root) once; resolves whether it loaded. */
function runScript(path) {
  let p = loading.get(path);
  if (!p) {
    p = new Promise((resolve) => {
      const script = document.createElement('script');
      script.src = new URL(path, root).href;
      script.onload = () => resolve(true);
      script.onerror = () => resolve(false);
      document.head.append(script);
    });
    loading.set(path, p);
  }
  return p;
}

/** A file's path relative to the site root, from a site-root path (/pagefind/x?ts=1) or a URL under the site. */
function pathOf(url) {
  const u = new URL(String(url), new URL('/', root));
  const path = u.href.startsWith(root.href) ? u.href.slice(root.href.length) : u.pathname.slice(1);
  return decodeURIComponent(path.replace(/[?#].*$/, ''));
}

/** The file's content, loading its script the first time; undefined when there is no such file. */
async function content(path) {
  if (!loaded.has(path)) await runScript(`${path}.js`);
  return loaded.get(path);
}

function fromBase64(text) {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/**
 * fetch() for Pagefind's classic build (its `fetch` is this function): answers from the
 * files' scripts. Pagefind asks for site-root paths (its basePath is /pagefind/).
 * @param {RequestInfo | URL} url
 */
async function offlineFetch(url) {
  const body = await content(pathOf(url));
  return body === undefined ? new Response(null, { status: 404 }) : new Response(body);
}

/**
 * Pagefind from its classic build, set to read through offlineFetch: the primary index at
 * /pagefind/, result URLs relative to the site root (baseUrl /), on the page's own thread
 * (a worker would fetch without the shim, and workers are blocked on file:// too).
 */
function pagefindOffline(pf) {
  pf.options({ basePath: '/pagefind/', baseUrl: '/', noWorker: true });
  return {
    ...pf,
    // search.js merges a year's index (its parts merged at build time) by its URL under the site: it becomes a site-root path,
    // as the primary's; its results are relative to the year's folder (2023-24/pagefind/ → /2023-24/,
    // issue 16): the folder above `pagefind…/`, as Pagefind takes it online.
    mergeIndex: (url, options = {}) => {
      const path = pathOf(url);
      return pf.mergeIndex(`/${path}`, { baseUrl: `/${/^(.*\/)?_?pagefind/.exec(path)?.[1] ?? ''}`, ...options });
    },
  };
}

const files = {
  /** Modules' exports, registered by their classic builds (esbuild globalName). */
  modules: /** @type {Record<string, any>} */ ({}),
  /**
   * Called by each file's script: its content as text, or as base64 when binary.
   * @param {string} path @param {string} text @param {boolean} [base64]
   */
  add(path, text, base64) {
    loaded.set(path, base64 ? fromBase64(text) : text);
  },
  fetch: offlineFetch,
  /** What search.js asks for in place of import(): the module's exports from its classic build. */
  async module(path) {
    if (!(await runScript(path)) || !files.modules[path]) throw new Error(`${path}: could not be loaded`);
    const m = files.modules[path];
    return path === 'pagefind/pagefind.js' ? pagefindOffline(m) : m;
  },
  /** What search.js asks for in place of fetch(path).json(): null when there is no such file. */
  async json(path) {
    const body = await content(path);
    return body === undefined ? null : JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body));
  },
  /** Links to a page end in index.html: a browser shows a folder opened from disk as a file listing. */
  directoryIndex: 'index.html',
};

/** @type {any} */ (globalThis).legcoOfflineSearch = files;
