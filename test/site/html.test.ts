/** The html tag escapes everything it is given unless it is markup this codebase produced. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { attr, html, raw } from '../../src/lib/html.ts';

test('interpolated text is escaped, in text and in attributes', () => {
  const title = '<script>alert(1)</script> & "quoted"';
  assert.is(html`<h1 title="${title}">${title}</h1>`.value,
    '<h1 title="&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;</h1>');
});

test('nested html and raw() pass through; arrays join; empty values vanish', () => {
  const items = ['<a>', 'b'].map((x) => html`<li>${x}</li>`);
  assert.is(html`<ul>${items}</ul>${null}${undefined}${false}${raw('<hr>')}`.value, '<ul><li>&lt;a&gt;</li><li>b</li></ul><hr>');
  assert.is(html`<input${attr('value', '"x"')}${attr('id', null)}>`.value, '<input value="&quot;x&quot;">');
});

test.run();
