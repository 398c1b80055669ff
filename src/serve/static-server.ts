/**
 * A tiny static file server (node:http) that behaves like GitHub Pages for what
 * the tests need: the site can be mounted under a path prefix such as
 * `/legco-archive/`, a directory URL serves its index.html, a directory without
 * its trailing slash is redirected, and anything missing gets 404.html with
 * status 404. `npm start` serves the built site with it, and the browser tests
 * see the real `_site` through it exactly as deployed.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Origin plus prefix, always ending in `/`: the URL of the site's home page. */
  baseUrl: string;
  close(): Promise<void>;
}

function normalisePrefix(prefix: string): string {
  let p = prefix.startsWith('/') ? prefix : `/${prefix}`;
  if (!p.endsWith('/')) p += '/';
  return p;
}

async function fileKind(path: string): Promise<'file' | 'dir' | null> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

export interface ServeOptions {
  /** 0 (default): any free port. */
  port?: number;
  host?: string;
}

export async function serveDirectory(root: string, prefix = '/', options: ServeOptions = {}): Promise<StaticServer> {
  const base = normalisePrefix(prefix);
  const rootAbs = resolve(root);

  const server: Server = createServer(async (req, res) => {
    const send = async (status: number, path: string | null, body?: string) => {
      if (path) {
        const data = await readFile(path);
        res.writeHead(status, { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' });
        res.end(req.method === 'HEAD' ? undefined : data);
      } else {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(body ?? '');
      }
    };
    const notFound = async () => {
      const page = join(rootAbs, '404.html');
      if ((await fileKind(page)) === 'file') await send(404, page);
      else await send(404, null, 'not found');
    };
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        await send(400, null, 'bad URL encoding');
        return;
      }
      if (`${pathname}/` === base) {
        res.writeHead(301, { location: base });
        res.end();
        return;
      }
      if (!pathname.startsWith(base)) return void (await notFound());
      const target = resolve(rootAbs, `.${sep}${pathname.slice(base.length)}`);
      if (target !== rootAbs && !target.startsWith(rootAbs + sep)) return void (await notFound());
      const kind = await fileKind(target);
      if (kind === 'file') return void (await send(200, target));
      if (kind === 'dir') {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` });
          res.end();
          return;
        }
        const index = join(target, 'index.html');
        if ((await fileKind(index)) === 'file') return void (await send(200, index));
      }
      await notFound();
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(err));
    }
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: origin + base,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.closeAllConnections();
        server.close((err) => (err ? fail(err) : ok()));
      }),
  };
}
