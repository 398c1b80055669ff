/** The extracted-block plugin, and escaping of everything the source text contains. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderBody } from '../../src/site/markdown/index.ts';

const reply = (md: string) => renderBody(md, 'zh-Hant-HK', 'reply');

test('extracted: a fenced ```extracted block is shown verbatim and labelled', () => {
  const out = reply('## 答覆\n\n```extracted\n項目   2021-22\n甲 <b>  1 300\n```\n');
  assert.match(out, '<figure class="extracted" id="answer-extracted-1">');
  assert.match(out, '<figcaption id="answer-extracted-1-c">按擷取原樣保留的表格');
  assert.match(out, 'role="region" tabindex="0" aria-labelledby="answer-extracted-1-c"><pre>項目   2021-22\n甲 &lt;b&gt;  1 300\n</pre>');
  const en = renderBody('## Reply\n\n```extracted\nx\n```\n', 'en', 'reply');
  assert.match(en, 'Table kept as extracted');
});

test('source text that looks like HTML, Markdown or links stays inert text', () => {
  const out = reply(
    '## 問題\n\n\\<script\\>alert(1)\\</script\\> \\<img src=x onerror=alert(1)\\>\n\n' +
      '<script>alert(2)</script>\n\n![x](https://evil.example/x.png) [a](javascript:alert(3)) <https://evil.example/>\n',
  );
  assert.not.match(out, /<script|<img|<a href="(?!#)/);
  assert.match(out, '&lt;script&gt;alert(1)&lt;/script&gt;');
  assert.match(out, '&lt;img src=x onerror=alert(1)&gt;');
  assert.match(out, '&lt;script&gt;alert(2)&lt;/script&gt;');
});

test.run();
