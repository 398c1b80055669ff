import type { MarkdownIt as MarkdownItInstance, Token } from 'markdown-it';

/**
 * An http(s) address as it is printed in the replies: ASCII only (the text
 * runs straight on into Chinese: "網頁https://www.itf.gov.hk/tc/index.html供公衆參閲"),
 * without the sentence's closing punctuation or a bracket the text opened
 * ("(http://www.smartcity.gov.hk)。").
 */
const ADDRESS = /https?:\/\/[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+(?::\d{1,5})?(?:[/?#][A-Za-z0-9\-._~!$&'()*+,;=:@/?#%]*)?/g;
function trimAddress(url: string): string {
  const count = (c: string) => url.split(c).length - 1;
  while (/[.,;:!?'*]$/.test(url) || (url.endsWith(')') && count('(') < count(')'))) url = url.slice(0, -1);
  return url;
}

/**
 * Web addresses in the text become links: http: and https: only, nothing
 * else (no e-mail, no other scheme, no "www." guesses). markdown-it's own
 * linkify (linkify-it) is not used: it links an address only after a space
 * or punctuation, and these replies print them straight after a Chinese
 * character ("網頁https://…"), so half of them stayed text. Runs after
 * text_join, so an escaped "\_" inside an address is part of it.
 */
export function linkAddresses(md: MarkdownItInstance): void {
  md.core.ruler.after('text_join', 'archive_links', (state) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      const out: Token[] = [];
      let inLink = 0;
      for (const t of block.children) {
        if (t.type === 'link_open') inLink++;
        if (t.type === 'link_close') inLink--;
        if (t.type !== 'text' || inLink > 0 || !t.content.includes('http')) {
          out.push(t);
          continue;
        }
        let last = 0;
        const text = (content: string) => Object.assign(new state.Token('text', '', 0), { content });
        for (const m of t.content.matchAll(ADDRESS)) {
          const url = trimAddress(m[0]);
          const href = md.normalizeLink(url);
          if (!md.validateLink(href)) continue;
          if (m.index > last) out.push(text(t.content.slice(last, m.index)));
          const open = new state.Token('link_open', 'a', 1);
          open.attrs = [['href', href]];
          open.markup = 'linkify';
          out.push(open, text(url), new state.Token('link_close', 'a', -1));
          last = m.index + url.length;
        }
        if (last === 0) out.push(t);
        else if (last < t.content.length) out.push(text(t.content.slice(last)));
      }
      block.children = out;
    }
  });
}
