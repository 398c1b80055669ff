/**
 * Search measurements in a real browser, callable by the tests and by the
 * benchmark (issue 5). The caller owns the browser and the static server; these
 * functions only need the site's base URL (ending in `/`).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

export interface QueryRun {
  query: string;
  /** Result URLs, best first, relative to the site root (`2023-24/itib001/`). */
  urls: string[];
}

/**
 * Run queries through Pagefind's JS API inside a page of the site, merging the
 * year shards the way the search page does. `segment: true` splits each query
 * with the page's own query module (what the search page does); false hands the
 * raw query to Pagefind (what a default Pagefind setup does).
 */
export async function runPagefindQueries(
  page: Page,
  baseUrl: string,
  queries: string[],
  opts: { segment: boolean },
): Promise<QueryRun[]> {
  await page.goto(new URL('search/', baseUrl).href);
  return page.evaluate(
    async ({ base, queries, segment }) => {
      const pf = await import(/* @vite-ignore */ new URL('pagefind/pagefind.js', base).href);
      const q = segment ? await import(new URL('search/query.js', base).href) : null;
      // On the page's own thread, as the site runs it: the site publishes no worker script (pagefind-bundle.ts bundleFileWanted).
      if (q?.initPagefind) q.initPagefind(pf);
      else await pf.options?.({ noWorker: true });
      const manifest = await fetch(new URL('pagefind/shards.json', base).href).then((r) => r.json());
      for (const s of manifest.shards ?? []) for (const p of s.parts) await pf.mergeIndex(new URL(p, base).href);
      const root = new URL(base).pathname;
      const out: { query: string; urls: string[] }[] = [];
      for (const query of queries) {
        const r = q ? await q.rankedSearch(pf, query) : await pf.search(query);
        const data = await Promise.all(r.results.map((x: { data: () => Promise<{ url: string }> }) => x.data()));
        // A merged year's results carry absolute URLs (its bundle's base): compare paths under the site.
        out.push({ query, urls: data.map((d: { url: string }) => new URL(d.url, base).pathname.replace(root, '').replace(/^\//, '')) });
      }
      return out;
    },
    { base: baseUrl, queries, segment: opts.segment },
  );
}

/** The search page a query is typed into unless another is given: the Chinese interface's. */
export const DEFAULT_SEARCH_PATH = 'search/';

export interface FirstSearchMeasure {
  query: string;
  /** The search page it was typed into, relative to the site's root. */
  path: string;
  /** Response body bytes as served (Pagefind's index files are already gzipped; HTML/JS/CSS/JSON are not). */
  bytesServed: number;
  /** Same, with text responses counted gzipped (what GitHub Pages and most hosts send). */
  bytesGzip: number;
  /** Of bytesGzip: Pagefind files (pagefind.js, worker, wasm, meta, index/filter chunks, fragments). */
  bytesPagefindGzip: number;
  requests: number;
  /** Gzipped bytes per kind of file (html, css, js, wasm, meta, index, filter, fragment, other). */
  byKind: Record<string, number>;
  /** Milliseconds from the last keystroke to the first result being shown (or the page saying there is none). */
  typingToResultsMs: number;
  /** Whether the page showed a result (false: it said there was none). */
  found: boolean;
  status: string;
}

interface Counter {
  url: string;
  log: { path: string; bytes: number; gz: number }[];
  close(): Promise<void>;
}

/**
 * A counting proxy in front of the site: the bytes are counted where they are sent,
 * whoever fetches them (Pagefind 1.6 fetched its index from a worker, whose requests a
 * page's DevTools session did not see, until the page set it to run on its own thread:
 * src/browser/search/query.js).
 */
async function countingProxy(baseUrl: string): Promise<Counter> {
  const upstream = new URL(baseUrl);
  const log: Counter['log'] = [];
  const server = createServer(async (req, res) => {
    const r = await fetch(new URL(req.url ?? '/', upstream.origin), { redirect: 'manual' });
    const body = Buffer.from(await r.arrayBuffer());
    const type = r.headers.get('content-type') ?? '';
    const textual = /text|javascript|json|xml|svg/.test(type);
    log.push({ path: req.url ?? '', bytes: body.length, gz: textual ? gzipSync(body, { level: 6 }).length : body.length });
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store' };
    const location = r.headers.get('location');
    if (location) headers.location = location;
    res.writeHead(r.status, headers);
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    log,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

/**
 * Open the search page in a fresh context (cold cache), type the query into the
 * box, and measure bytes and time until the first result is rendered (or the page
 * says there is none: `found` false).
 */
export async function measureFirstSearch(browser: Browser, baseUrl: string, query: string, path = DEFAULT_SEARCH_PATH): Promise<FirstSearchMeasure> {
  const proxy = await countingProxy(baseUrl);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(new URL(path, proxy.url).href, { waitUntil: 'load' });
    const box = page.locator('input[name="q"]').first();
    await box.click();
    await box.pressSequentially(query, { delay: 30 });
    const t0 = await page.evaluate(() => performance.now());
    // The first result, or the page saying there is none (its string from the page's own #search-strings): a
    // query a corpus does not hold (a synthetic year's made-up English) is measured, not waited on until a timeout.
    await page.waitForFunction(
      () => {
        if (document.querySelector('[data-search-results] li')) return true;
        const none = (JSON.parse(document.getElementById('search-strings')?.textContent ?? '{}') as { none?: string }).none;
        return Boolean(none) && (document.querySelector('[data-search-status]')?.textContent ?? '').startsWith(none!);
      },
      undefined,
      { timeout: 15000 },
    );
    const t1 = await page.evaluate(() => performance.now());
    const found = (await page.locator('[data-search-results] li').count()) > 0;
    await page.waitForLoadState('networkidle');
    const status = ((await page.locator('[data-search-status]').textContent()) ?? '').trim();
    const sum = (rows: Counter['log'], k: 'bytes' | 'gz') => rows.reduce((a, r) => a + r[k], 0);
    const pf = proxy.log.filter((r) => /\/pagefind(-shards)?\//.test(r.path));
    const byKind: Record<string, number> = {};
    for (const r of proxy.log) {
      const p = r.path.split('?')[0] ?? '';
      const kind = /\.pf_(\w+)$/.exec(p)?.[1] ?? (/wasm\./.test(p) ? 'wasm' : /\.(js|css|json)$/.exec(p)?.[1] ?? (/\/$|\.html$/.test(p) ? 'html' : 'other'));
      byKind[kind] = (byKind[kind] ?? 0) + r.gz;
    }
    return {
      query,
      path,
      byKind,
      bytesServed: sum(proxy.log, 'bytes'),
      bytesGzip: sum(proxy.log, 'gz'),
      bytesPagefindGzip: sum(pf, 'gz'),
      requests: proxy.log.length,
      typingToResultsMs: Math.round(t1 - t0),
      found,
      status,
    };
  } finally {
    await context.close();
    await proxy.close();
  }
}
