/**
 * Every internal reference in the built site resolves on disk: href/src/srcset
 * of every HTML file and url() in CSS, relative to the page, directory →
 * index.html, fragments → an element with that id. Then the same inside the
 * offline zip (unzipped in memory), where every page link must name index.html.
 * Absolute URLs (canonical, og:*, hreflang alternates to SITE_URL) are not files.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { diskTree, zipTree } from '../support/file-tree.ts';
import { checkLinks, describeProblems, parsePage } from '../support/links.ts';
import { requireSite, SITE_DIR } from '../support/site.ts';
import { offlineBuild } from '../support/builds.ts';
import { ZIP_ROOT, zipDirectory } from '../../scripts/build-offline.ts';
import { settingsFromEnv } from '../../_data/site.ts';

/** The site URL the build under test was made with (the same environment). */
const siteUrl = settingsFromEnv(process.env).siteUrl;

const test = suite('links resolve on disk');

test('_site: every internal link, stylesheet, script and image resolves', () => {
  requireSite();
  const result = checkLinks(diskTree(SITE_DIR));
  console.log(`  _site: ${result.pages} pages, ${result.references} internal references, ${result.problems.length} problems`);
  assert.ok(result.pages > 0 && result.references > result.pages, 'suspiciously few pages or references');
  assert.is(result.problems.length, 0, `broken references:\n${describeProblems(result.problems)}`);
});

test('_site: every page but the 404 has a canonical URL on SITE_URL; without SITE_URL, none, and no page names another domain as the archive', () => {
  requireSite();
  const tree = diskTree(SITE_DIR);
  const bad: string[] = [];
  for (const file of tree.files.filter((f) => f.endsWith('.html'))) {
    const text = tree.read(file);
    const { canonical } = parsePage(text);
    if (siteUrl === null) {
      // No address: no canonical, no og:url, no placeholder domain anywhere.
      if (canonical !== undefined) bad.push(`${file}: canonical ${canonical}`);
      if (/property="og:(url|image)"/.test(text)) bad.push(`${file}: og:url / og:image`);
      if (/example\.org/.test(text)) bad.push(`${file}: names example.org`);
    } else if (!/(^|\/)404\.html$/.test(file) && !canonical?.startsWith(siteUrl)) {
      bad.push(`${file}: ${canonical ?? 'no canonical'}`);
    }
  }
  assert.equal(
    bad.slice(0, 20),
    [],
    `${bad.length} pages whose canonical URL is not under SITE_URL=${siteUrl} (build and test with the same SITE_URL)`,
  );
});

test('offline zip: deterministic, every link names index.html and resolves', () => {
  const { zip, siteDir } = offlineBuild();
  const again = zipDirectory(siteDir);
  assert.ok(Buffer.from(zip).equals(Buffer.from(again)), 'zipping the same directory twice gave different bytes');
  const tree = zipTree(zip, ZIP_ROOT);
  assert.ok(tree.hasFile('index.html'), `the zip has no ${ZIP_ROOT}index.html`);
  const result = checkLinks(tree, { offline: true });
  console.log(
    `  offline zip: ${(zip.length / 1e6).toFixed(1)} MB, ${tree.files.length} files, ${result.pages} pages, ` +
      `${result.references} internal references, ${result.problems.length} problems`,
  );
  assert.is(result.problems.length, 0, `broken or non-offline references in the zip:\n${describeProblems(result.problems)}`);
});

test.run();
