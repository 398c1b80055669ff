/**
 * A site built without SITE_URL (`npm run build`, and `npm start`, which builds
 * the same) names no local server: it is the `_site` that could be published,
 * so no robots.txt, CSV, feed or page of it may point a reader at localhost.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { trySite } from '../support/site.ts';

const test = suite('no local address in the built site');

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) yield* files(join(dir, e.name));
    else if (/\.(html|xml|txt|csv|json|js|webmanifest)$/.test(e.name)) yield join(dir, e.name);
  }
}

test('no file of _site names localhost, 127.0.0.1 or [::1]', () => {
  const site = trySite();
  if (site instanceof Error) throw site;
  const named = [...files(site.siteDir)].filter((f) => /localhost|127\.0\.0\.1|\[::1\]/.test(readFileSync(f, 'utf8')));
  assert.equal(named, []);
});

test.run();
