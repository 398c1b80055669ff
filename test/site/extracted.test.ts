/** The extracted-block plugin, and escaping of everything the source text contains. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderBody } from '../../src/site/markdown/index.ts';

const reply = (md: string) => renderBody(md, 'zh-Hant-HK', 'reply');

test('extracted: a fenced ```extracted block is shown verbatim and labelled', () => {
  const out = reply('## 答覆\n\n```extracted\n項目   2021-22\n甲 <b>  1 300\n```\n');
  assert.match(out, '<figure class="extracted" id="answer-table-1">');
  assert.match(out, '<figcaption id="answer-table-1-c">答覆：表 1（按擷取原樣保留');
  assert.match(out, 'tabindex="0" aria-labelledby="answer-table-1-c"><pre>項目   2021-22\n甲 &lt;b&gt;  1 300\n</pre>');
  const en = renderBody('## Reply\n\n```extracted\nx\n```\n', 'en', 'reply');
  assert.match(en, 'Reply: table 1 (kept as extracted');
});

test('extracted: recovered and extracted tables share one numbering per section, so captions are unique', () => {
  const out = reply('## 答覆\n\n| a |\n| --- |\n| 1 |\n\n```extracted\nx\n```\n\n| b |\n| --- |\n| 2 |\n');
  assert.equal(out.match(/<caption id="[^"]+">[^<]+|<figcaption id="[^"]+">[^（<]+/g)?.map((c) => c.replace(/^<[^>]+>/, '')), [
    '答覆：表 1：a',
    '答覆：表 2',
    '答覆：表 3：b',
  ]);
});

test('source text that looks like HTML, Markdown or links stays inert text', () => {
  const out = reply(
    '## 問題\n\n\\<script\\>alert(1)\\</script\\> \\<img src=x onerror=alert(1)\\>\n\n' +
      '<script>alert(2)</script>\n\n![x](https://evil.example/x.png) [a](javascript:alert(3)) <https://evil.example/>\n',
  );
  assert.not.match(out, /<script|<img|href="javascript:/);
  // Markdown's link and image syntax stays text; only the bare web addresses in it are linked (markdown/index.ts).
  assert.match(out, '![x](<a href="https://evil.example/x.png">https://evil.example/x.png</a>)');
  assert.match(out, '[a](javascript:alert(3))');
  assert.match(out, '&lt;script&gt;alert(1)&lt;/script&gt;');
  assert.match(out, '&lt;img src=x onerror=alert(1)&gt;');
  assert.match(out, '&lt;script&gt;alert(2)&lt;/script&gt;');
});

test.run();
