/**
 * npm start: build, then serve _site on http://localhost:8080 with a tiny
 * static server (no dependency; the site is plain files). PORT overrides;
 * SITE_URL defaults to this server's address.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { main } from './build.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

const port = Number(process.env.PORT ?? 8080);
// Locally, absolute URLs (canonical, og:url, the 404 page's links) point at this server.
process.env.SITE_URL ??= `http://localhost:${port}/`;
const root = await main();
if (!root) process.exit(1);

createServer((req, res) => {
  let rel: string;
  try {
    rel = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    res.writeHead(400).end('Bad request');
    return;
  }
  let file = path.join(root, path.normalize(rel));
  if (!file.startsWith(root)) {
    res.writeHead(403).end('Forbidden');
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!rel.endsWith('/')) {
      res.writeHead(301, { Location: `${encodeURI(rel)}/` }).end();
      return;
    }
    file = path.join(file, 'index.html');
  }
  const status = existsSync(file) ? 200 : 404;
  if (status === 404) file = path.join(root, '404.html');
  res.writeHead(status, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}).listen(port, () => {
  console.log(`Serving ${path.relative(process.cwd(), root) || root} at http://localhost:${port}/`);
});
