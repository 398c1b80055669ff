/**
 * npm run dev: the edit loop. Builds the site once through the archive's one
 * pipeline (scripts/build.ts: archive → route table → Eleventy → search →
 * images) into a folder of its own, serves it with Eleventy's dev server
 * (live reload), and watches:
 *
 * - content/replies/ — an edited reply re-renders only that reply's pages
 *   (both interfaces) with the same templates and route table; when its
 *   front-matter changed (title, names: lists show them) every Eleventy page
 *   is written again. Search index and share cards are left as they were:
 *   `npm run build` makes them.
 * - content/sources/, content/patches/ — `npm run ingest`, whose new Markdown
 *   then rebuilds as above.
 * - content/pages/, src/, _data/ — a new build process from scratch (code is
 *   loaded once per process, so changed code needs a new one).
 *
 * The supervisor (this process without --worker) owns the server, so the
 * browser stays connected while a worker process builds. Without SITE_URL:
 * nothing in the dev folder names this server. PORT (8080), DEV_OUT
 * (.cache/dev-site) override.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertPortFree, portFromEnv } from '../src/serve/port.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.resolve(ROOT, process.env.DEV_OUT ?? '.cache/dev-site');

/** What a worker tells the supervisor. */
type Message = { reload: string[] } | { failed: string };

/**
 * Node's own recursive watcher (Linux since Node 20: the project's minimum is
 * 20.19), debounced: an editor's save is several events.
 */
function watchTrees(dirs: string[], onChange: (files: string[]) => void, delayMs = 80): FSWatcher[] {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  return dirs.map((dir) =>
    watch(path.join(ROOT, dir), { recursive: true }, (_event, name) => {
      if (!name || /(^|\/)(\.|#)|~$|\.swp$/.test(name)) return; // editors' temporary files
      pending.add(path.join(dir, name));
      clearTimeout(timer);
      timer = setTimeout(() => {
        const files = [...pending];
        pending = new Set();
        onChange(files);
      }, delayMs);
    }),
  );
}

async function supervisor(): Promise<void> {
  const port = portFromEnv(process.env, 'npm run dev');
  await assertPortFree(port, 'localhost', 'npm run dev');
  const { default: EleventyDevServer } = await import('@11ty/eleventy-dev-server');
  const server = EleventyDevServer.getServer('archive', OUT, { liveReload: true, domDiff: false, showVersion: false, watch: [], portReassignmentRetryCount: 0 });
  let worker: ChildProcess | undefined;
  let serving = false;
  const start = () => {
    worker?.kill();
    const env = { ...process.env, ARCHIVE_OUT: OUT, SITE_URL: '' };
    worker = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--worker'], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    worker.on('message', (m: Message) => {
      if ('failed' in m) return; // the worker printed it; the page stays as it was until the next save
      if (!serving) {
        server.serve(port);
        serving = true;
        console.log(`dev: serving ${path.relative(ROOT, OUT)} at http://localhost:${port}/ — edit content/, src/ or _data/ and the page reloads (Ctrl-C stops)`);
      } else server.reload({ files: m.reload });
    });
  };
  watchTrees(['src', '_data', 'content/pages'], (files) => {
    console.log(`dev: ${files[0]}${files.length > 1 ? ` and ${files.length - 1} more` : ''} changed: building again`);
    start();
  });
  start();
  process.on('SIGINT', () => {
    worker?.kill();
    void server.close().then(() => process.exit(0));
  });
}

async function worker(): Promise<void> {
  const send = (m: Message) => process.send?.(m);
  const { settingsFromEnv } = await import('../_data/site.ts');
  const { main } = await import('./build.ts');
  const { rebuildReplies, startRebuilds } = await import('../src/site/dev-rebuild.ts');
  const settings = settingsFromEnv(process.env);
  if (!(await main(settings))) {
    send({ failed: 'build' });
    return;
  }
  startRebuilds(settings);
  send({ reload: [] });
  let ingesting: ChildProcess | undefined;
  watchTrees(['content/replies', 'content/sources', 'content/patches'], async (files) => {
    if (files.some((f) => !f.startsWith(path.join('content', 'replies')))) {
      // A source or a patch: the ingest writes the Markdown, whose change comes back here.
      ingesting?.kill();
      console.log('dev: a source or patch changed: npm run ingest');
      ingesting = spawn('npm', ['run', '--silent', 'ingest'], { cwd: ROOT, stdio: 'inherit' });
      return;
    }
    const started = performance.now();
    try {
      const r = await rebuildReplies(settings, files.map((f) => path.join(ROOT, f)));
      console.log(`dev: ${r.what}: ${r.pages} page(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      send({ reload: r.written });
    } catch (err) {
      const e = err as Error & { originalError?: Error };
      console.error(`dev: ${(e.originalError ?? e).message}`);
      send({ failed: 'rebuild' });
    }
  });
}

try {
  await (process.argv.includes('--worker') ? worker() : supervisor());
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
