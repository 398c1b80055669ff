/**
 * The page loads earlier years' indexes only when a search needs them, and says
 * which years a result list does not cover until then.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { shardsToLoad, unsearchedYears } from '../../src/browser/search/shards.js';
import { bundleFileWanted } from '../../src/search/pagefind-bundle.ts';

const manifest = {
  primary: '2025-26',
  shards: [
    { name: '2025-26', parts: ['2025-26/pagefind/1/', '2025-26/pagefind/2/'] },
    { name: '2024-25', parts: ['2024-25/pagefind/1/'] },
    { name: '2023-24', parts: ['2023-24/pagefind/1/', '2023-24/pagefind/2/', '2023-24/pagefind/3/'] },
  ],
};

test('a plain search uses the newest year only, and names the years it has not searched', () => {
  const loaded = new Set<string>();
  assert.equal(shardsToLoad({ year: '' }, manifest, loaded, false).map((s) => s.name), ['2025-26']);
  loaded.add('2025-26');
  assert.equal(shardsToLoad({ year: '' }, manifest, loaded, false), []);
  assert.equal(unsearchedYears({ year: '' }, manifest, loaded), ['2024-25', '2023-24']);
});

test('asking for all years loads every shard once; then the results are complete', () => {
  const loaded = new Set<string>();
  assert.equal(shardsToLoad({ year: '' }, manifest, loaded, true).map((s) => s.name), ['2025-26', '2024-25', '2023-24']);
  loaded.add('2025-26').add('2024-25').add('2023-24');
  assert.equal(shardsToLoad({ year: '' }, manifest, loaded, true), []);
  assert.equal(unsearchedYears({ year: '' }, manifest, loaded), []);
});

test('a year filter loads that year only and the result is complete for it', () => {
  const loaded = new Set<string>();
  assert.equal(shardsToLoad({ year: '2023-24' }, manifest, loaded, false).map((s) => s.name), ['2023-24']);
  assert.equal(shardsToLoad({ year: '2025-26' }, manifest, loaded, false).map((s) => s.name), ['2025-26'], 'the newest year too is a bundle of its own');
  assert.equal(unsearchedYears({ year: '2023-24' }, manifest, loaded), []);
});

test('Pagefind default UI files are not published; shards carry no script or WebAssembly', () => {
  for (const f of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-component-ui.js', 'pagefind-highlight.js']) {
    assert.not.ok(bundleFileWanted(f, true), f);
  }
  assert.not.ok(bundleFileWanted('pagefind-worker.js', true), 'the page runs Pagefind without its worker');
  for (const f of ['pagefind.js', 'wasm.unknown.pagefind', 'pagefind-entry.json', 'pagefind.yue_abc.pf_meta', 'index/yue_1.pf_index', 'fragment/yue_2.pf_fragment', 'filter/yue_3.pf_filter']) {
    assert.ok(bundleFileWanted(f, true), f);
  }
  assert.not.ok(bundleFileWanted('pagefind.js', false));
  assert.not.ok(bundleFileWanted('wasm.unknown.pagefind', false));
  assert.ok(bundleFileWanted('pagefind-entry.json', false));
});

test.run();
