/**
 * The local server behaves like GitHub Pages where a reader (or an attacker)
 * would notice: directory redirects stay on the origin, missing pages get the
 * site's 404 page, only GET and HEAD are answered, nothing outside the site
 * is served.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { serveDirectory, type StaticServer } from '../../src/serve/static-server.ts';

// A scratch folder of its own holds the site and, beside it, the file a path traversal would reach
// (once /tmp/outside.txt: a fixed name that overwrote whatever was there and stayed behind).
const scratch = mkdtempSync(path.join(os.tmpdir(), 'serve-'));
const site = path.join(scratch, 'site');
mkdirSync(path.join(site, '2023-24'), { recursive: true });
writeFileSync(path.join(site, 'index.html'), 'home');
writeFileSync(path.join(site, '2023-24/index.html'), 'year');
writeFileSync(path.join(site, '404.html'), 'the archive has no such page');
writeFileSync(path.join(scratch, 'outside.txt'), 'secret');
test.after(() => rmSync(scratch, { recursive: true, force: true }));

/** A raw request, the path sent exactly as given (no URL normalisation by a client). */
function get(server: StaticServer, rawPath: string, method = 'GET', headers: Record<string, string> = {}): Promise<{ status: number; location?: string; body: string }> {
  const { port } = new URL(server.origin);
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode!, body, ...(res.headers.location ? { location: res.headers.location } : {}) }));
    });
    req.on('error', fail);
    req.end();
  });
}

for (const prefix of ['/', '/legco-archive/']) {
  test(`under ${prefix}: pages, the trailing-slash redirect and the 404 page`, async () => {
    const s = await serveDirectory(site, prefix);
    try {
      assert.equal(await get(s, prefix), { status: 200, body: 'home' });
      assert.equal(await get(s, `${prefix}2023-24/`), { status: 200, body: 'year' });
      assert.equal((await get(s, `${prefix}2023-24`)).location, `${prefix}2023-24/`);
      assert.equal(await get(s, `${prefix}2099-00/`), { status: 404, body: 'the archive has no such page' });
    } finally {
      await s.close();
    }
  });
}

test('a redirect never leaves the origin, however the path is written', async () => {
  const s = await serveDirectory(site);
  try {
    for (const raw of ['/.//evil.example/%2e%2e%2f2023-24', '//evil.example/%2e%2e/2023-24', '/%2fevil.example/..%2f2023-24']) {
      const r = await get(s, raw);
      if (r.location !== undefined) {
        assert.not.match(r.location, /^\/[\\/]|^[a-z]+:/i, `${raw} → ${r.location}`); // not protocol-relative, no scheme
        assert.is(new URL(r.location, s.origin).origin, s.origin, `${raw} → ${r.location}`);
      }
    }
  } finally {
    await s.close();
  }
});

test('POST, PUT and DELETE are refused with 405; files outside the site are never served', async () => {
  const s = await serveDirectory(site);
  try {
    for (const m of ['POST', 'PUT', 'DELETE']) assert.is((await get(s, '/', m)).status, 405);
    assert.is((await get(s, '/', 'HEAD')).status, 200);
    for (const raw of ['/../outside.txt', '/%2e%2e/outside.txt', '/2023-24/..%2f..%2foutside.txt']) {
      const r = await get(s, raw);
      assert.not.ok(r.body.includes('secret'), raw);
      assert.ok(r.status === 404 || r.status === 400 || r.status === 403, `${raw}: ${r.status}`);
    }
  } finally {
    await s.close();
  }
});

test('a range past the end is 416 and a failed precondition 412, in plain words; a valid range still works', async () => {
  const s = await serveDirectory(site);
  try {
    const cases: Array<[Record<string, string>, number]> = [
      [{ range: 'bytes=99999999-' }, 416],
      [{ 'if-match': '"not-this-file"' }, 412],
      [{ 'if-unmodified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' }, 412],
    ];
    for (const [headers, status] of cases) {
      const r = await get(s, '/2023-24/', 'GET', headers);
      assert.is(r.status, status, JSON.stringify(headers));
      // What a reader sees is words, never the library's exception name or a stack.
      assert.not.match(r.body, /Error|\bat\b.*:\d+|^\s*$/, `${JSON.stringify(headers)}: ${r.body}`);
    }
    assert.equal(await get(s, '/2023-24/', 'GET', { range: 'bytes=0-1' }), { status: 206, body: 'ye' });
  } finally {
    await s.close();
  }
});

test.run();
