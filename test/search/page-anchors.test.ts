/**
 * A record's blocks take the ids of the reply page's own elements (issue 17: a result
 * opens at the paragraph holding the term). Checked on built pages: every block of the
 * body but the flattened tables finds its element, and each id names an element whose
 * text is the block's.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockIds, matchKey, pageAnchors } from '../../src/search/page-anchors.ts';
import { replyRecord } from '../../src/search/records.ts';
import { readReply } from '../../src/model/front-matter.ts';
import { CONTENT_DIR, SITE_DIR, requireSite } from '../support/site.ts';

test('the anchored elements of a page: paragraphs, tables, headings, with their text', () => {
  const html = '<header><p id="x">nav</p></header><main><h2 id="answer-h">答覆</h2><p id="answer-1">政府 已<a class="pa" href="#answer-1">#</a></p><table id="answer-table-1"><tr><td>1</td></tr></table></main>';
  assert.equal(pageAnchors(html), [
    { tag: 'h2', id: 'answer-h', key: '答覆' },
    { tag: 'p', id: 'answer-1', key: '政府已' },
    { tag: 'table', id: 'answer-table-1', key: '1' },
  ]);
  assert.equal(blockIds([{ kind: 'prose', text: '答覆：', heading: true }, { kind: 'prose', text: '政府已' }, { kind: 'table', text: '1' }, { kind: 'facts', text: '某議員' }], pageAnchors(html)), ['answer-h', 'answer-1', 'answer-table-1', undefined]);
});

test('on the built pages of ITIB190 and ITIB150 every block of the body names the element that shows it', () => {
  requireSite();
  for (const n of ['itib190', 'itib150', 'itib023']) {
    const file = join(CONTENT_DIR, 'replies', '2023-24', `${n}.md`);
    const { frontMatter, body } = readReply(readFileSync(file, 'utf8'), file);
    const page = readFileSync(join(SITE_DIR, '2023-24', n, 'index.html'), 'utf8');
    const r = replyRecord(frontMatter, body, page);
    const anchors = new Map(pageAnchors(page).map((a) => [a.id, a]));
    for (const b of r.blocks.filter((x) => x.kind !== 'facts' && !x.fenced)) {
      assert.ok(b.id, `${n}: no id for ${b.text.slice(0, 30)}`);
      const a = anchors.get(b.id!)!;
      if (a.tag === 'p') assert.ok(a.key.startsWith(matchKey(b.text).slice(0, 24)), `${n} ${b.id}`);
    }
  }
});

test.run();
