/**
 * The reply page, one per reply per interface language (/2023-24/itib001/ and
 * /en/2023-24/itib001/), paginated over the reply routes (data/routes.ts).
 * The body in the reply's own language is the one rendered when the archive
 * was loaded; on a page of another interface language it is rendered again
 * for that page, so its captions and link names are in the page's language.
 */
import type { InterfaceLang, Settings } from '../../../_data/site.ts';
import type { Reply, ReplyLink } from '../data/model.ts';
import { itemOf, pagesOf, type TemplateData } from '../data/routes.ts';
import { html, raw, type SafeHtml } from '../lib/html.ts';
import { format, formatHtml, formatNumber, formatYear, strings } from '../lib/i18n.ts';
import { inLang, layout } from '../lib/layout.ts';
import { renderBody } from '../markdown/index.ts';
import { headPath, publicUrl, localize, memberPath, programmePath, yearPath } from '../lib/urls.ts';

function facts(r: Reply, lang: InterfaceLang): SafeHtml {
  const s = strings(lang).reply;
  const t = (text: string) => inLang(text, r.lang, lang);
  const programmes = r.programmes.length
    ? r.programmes.map(
        (p, i) => html`${i > 0 ? strings(lang).site.listSeparator : ''}<a href="${localize(programmePath(r.year, r.head.code, p.code), lang)}">(${p.code}) ${t(p.name)}</a>`,
      )
    : html`<a href="${localize(programmePath(r.year, r.head.code, null), lang)}">${s.programmeNone}</a>`;
  return html`<dl class="facts">
<div><dt>${s.questionNo}</dt><dd>${String(r.questionNo)}</dd></div>
<div><dt>${s.member}</dt><dd><a href="${localize(memberPath(r.member), lang)}">${t(r.member)}</a>${
    r.memberRef ? html` <span class="ref">${format(s.memberRefValue, { ref: r.memberRef })}</span>` : ''
  }</dd></div>
<div><dt>${s.head}</dt><dd><a href="${localize(headPath(r.year, r.head.code), lang)}">(${r.head.code}) ${t(r.head.name)}</a></dd></div>
<div><dt>${s.programme}</dt><dd>${programmes}</dd></div>
<div><dt>${s.subhead}</dt><dd>${r.subhead ? t(r.subhead) : s.subheadNone}</dd></div>
<div><dt>${s.controllingOfficer}</dt><dd>${t(r.controllingOfficer)}</dd></div>
<div><dt>${s.director}</dt><dd>${t(r.director)}</dd></div>
<div><dt>${s.session}</dt><dd>${format(s.sessionValue, { n: formatNumber(r.session, lang) })}</dd></div>
${officialDocument(r, lang)}<div><dt>${s.source}</dt><dd><a href="${localize('/about/', lang)}#sources">${format(s.sourceValue, { file: r.source.file.replace(/^.*\//, ''), from: r.source.lines[0], to: r.source.lines[1] })}</a></dd></div>
<div><dt>${s.year}</dt><dd><a href="${localize(yearPath(r.year), lang)}">${formatYear(r.year, lang)}</a></dd></div>
</dl>`;
}

/** The official document and the printed page(s) of the reply (src/ingest/pages.ts); a link only when the source's metadata gives the document's address. */
function officialDocument(r: Reply, lang: InterfaceLang): SafeHtml | '' {
  const s = strings(lang).reply;
  const { title, url, pages, pagesExact } = r.source;
  if (!title) return '';
  const [from, to] = pages ?? [0, 0];
  const where = !pages ? '' : format(from === to ? s.page : pagesExact ? s.pages : s.pagesBetween, { n: from, from, to });
  const cite = html`<cite>${inLang(title, r.lang, lang)}</cite>`;
  const page = url && where ? html`<a href="${url}#page=${String(from)}">${where}</a>` : where;
  const named = url && !where ? html`<a href="${url}">${cite}</a>` : cite;
  const value = where ? formatHtml(s.documentValue, { title: named, page }) : named;
  return html`<div><dt>${s.document}</dt><dd>${value}</dd></div>
`;
}

function neighbour(link: ReplyLink | null, rel: 'prev' | 'next', label: string, lang: InterfaceLang): SafeHtml {
  if (!link) return html``;
  return html`<li class="${rel}"><a href="${localize(link.path, lang)}" rel="${rel}"><span class="dir">${label}</span> <span class="no">${link.replyNo}</span> ${inLang(link.title, link.lang, lang)}</a></li>`;
}

export const data = pagesOf('reply');

export function render(d: TemplateData): string {
  return renderReplyPage(itemOf(d.archive, d.route, 'reply'), d.route.lang, d.settings);
}

export function renderReplyPage(r: Reply, lang: InterfaceLang, settings: Pick<Settings, 'siteUrl' | 'issuesUrl'>): string {
  const s = strings(lang);
  // The address shown and cited: absolute on the site's address, else the page's path (never a placeholder domain).
  const url = publicUrl(localize(r.path, lang), settings.siteUrl);
  // The reply's own words (title, names) keep the reply's language inside an interface-language citation.
  const t = (text: string) => inLang(text, r.lang, lang);
  const citation = formatHtml(s.reply.citation, {
    director: t(r.director),
    replyNo: r.replyNo,
    title: t(r.title),
    year: formatYear(r.year, lang),
    questionNo: String(r.questionNo),
    member: t(r.member),
    url: settings.siteUrl === null ? '' : url,
  });
  const main = html`<article class="reply"${lang === r.lang ? html` data-pagefind-body` : ''}>
<h1><span class="no">${r.replyNo}</span> ${inLang(r.title, r.lang, lang)}</h1>
${facts(r, lang)}
<div class="body"${lang === r.lang ? '' : html` lang="${r.lang}"`}>
${raw(lang === r.lang ? r.bodyHtml : renderBody(r.markdown, r.lang, 'reply', lang, { dataPath: r.path })) /* src/site/markdown, html:false: source text is escaped there; labels in the interface language */}
</div>
</article>
<nav class="pager" aria-label="${s.reply.pager}"><ul>
${neighbour(r.prev, 'prev', s.reply.previous, lang)}
${neighbour(r.next, 'next', s.reply.next, lang)}
</ul></nav>
<aside class="cite">
<p><span class="label">${s.reply.permalink}</span> <a href="${localize(r.path, lang)}" class="permalink">${url}</a></p>
<p><span class="label">${s.reply.cite}</span> <span class="citation">${citation}</span></p>
<p><a href="${settings.issuesUrl}/new?title=${encodeURIComponent(`${r.replyNo}: `)}&amp;body=${encodeURIComponent(url)}" class="report">${s.reply.reportError}</a></p>
</aside>`;
  return layout({
    siteUrl: settings.siteUrl,
    lang,
    path: r.path,
    title: `${r.replyNo} ${r.title}`,
    description: `${r.member} · (${r.head.code}) ${r.head.name} · ${formatYear(r.year, lang)}`,
    crumbs: [
      { label: formatYear(r.year, lang), path: yearPath(r.year) },
      { label: html`${s.reply.head} ${r.head.code}`, path: headPath(r.year, r.head.code) },
    ],
    crumbLabel: r.replyNo,
    main,
    ogType: 'article',
  });
}
