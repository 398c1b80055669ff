/**
 * The local static server, behaving like GitHub Pages for what readers and
 * the tests meet: the site can be mounted under a path prefix such as
 * `/legco-archive/`, a directory URL serves its index.html, a directory
 * without its trailing slash is redirected, and anything missing gets
 * 404.html with status 404. Files, directory redirects and path safety are
 * serve-static's (express's maintained file server; it never builds a redirect
 * that leaves the origin, unlike the hand-written server it replaced, which
 * turned `/.//evil.example/…` into `Location: //evil.example/…`); only GET and
 * HEAD are answered, as Pages does, anything else is 405. `npm start` serves
 * the built site with it, and the browser tests see `_site` through it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import serveStatic from 'serve-static';

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

export interface ServeOptions {
  /** 0 (default): any free port. */
  port?: number;
  host?: string;
}

/**
 * What a reader's request got wrong, in words: serve-static signals it with an
 * error whose name (RangeNotSatisfiableError…) once reached the body of a 500.
 */
const CLIENT_ERRORS: Record<number, string> = {
  400: 'bad request',
  403: 'forbidden',
  412: 'precondition failed: the file does not match If-Match or has changed since If-Unmodified-Since',
  416: 'range not satisfiable: the Range header asks for bytes the file does not have',
};

/** A 4xx answer with a plain message; the headers serve-static attached (Content-Range on a 416) are kept. */
function clientError(res: ServerResponse, status: number, err: { headers?: Record<string, string> }): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { ...(err.headers ?? {}), 'content-type': 'text/plain; charset=utf-8' });
  res.end(CLIENT_ERRORS[status] ?? 'the request cannot be answered');
}

export async function serveDirectory(root: string, prefix = '/', options: ServeOptions = {}): Promise<StaticServer> {
  const base = normalisePrefix(prefix);
  const rootAbs = resolve(root);
  // No dotfiles, no ETag/Last-Modified variance in tests; index.html for directories; redirect to the trailing slash.
  const files = serveStatic(rootAbs, { index: ['index.html'], redirect: true, dotfiles: 'ignore', fallthrough: true });

  const notFound = async (req: IncomingMessage, res: ServerResponse) => {
    const page = join(rootAbs, '404.html');
    const body = await readFile(page).catch(() => null);
    res.writeHead(404, { 'content-type': body ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : (body ?? 'not found'));
  };

  const server: Server = createServer((req, res) => {
    // Our own fault (a 404 page that cannot be read, a file that vanished mid-stream): 500, logged here, never shown.
    const fail = (err: unknown) => {
      console.error(`static server: ${req.method} ${req.url}: ${(err as Error)?.message ?? String(err)}`);
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('internal server error');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('method not allowed');
      return;
    }
    const url = req.url ?? '/';
    const path = url.split('?')[0]!;
    if (`${path}/` === base) {
      res.writeHead(301, { location: base });
      res.end();
      return;
    }
    if (!path.startsWith(base)) return void notFound(req, res).catch(fail);
    // Mount under the prefix: serve-static reads req.url and builds its redirect from req.originalUrl.
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
    req.url = url.slice(base.length - 1);
    files(req, res, (err?: unknown) => {
      const status = (err as { status?: number } | undefined)?.status;
      if (status !== undefined && status !== 404 && status >= 400 && status < 500) return clientError(res, status, err as { headers?: Record<string, string> });
      if (err && status !== 404) return fail(err);
      notFound(req, res).catch(fail);
    });
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
