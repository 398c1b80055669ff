/**
 * The reply page, one per reply per interface language (/2023-24/itib001/ and
 * /2023-24/en/itib001/), paginated over the reply routes (data/routes.ts).
 * Each page shows the reply's edition in its interface language (editionFor);
 * where that edition is not in the archive, it shows the edition that is,
 * marked with its language, and says so. A page links to the other edition
 * when the archive has it.
 * The body in the edition's own language is the one rendered when the archive
 * was loaded; on a page of another interface language it is rendered again
 * for that page, so its captions and link names are in the page's language.
 */
import type { InterfaceLang, Settings } from '../../../_data/site.ts';
import { editionFor, type Edition, type Reply, type ReplyLink } from '../../model/reply.ts';
import { SAME_ANSWER_THRESHOLD } from '../data/same-answers.ts';
import { contentsNav } from '../lib/contents.ts';
import { itemOf, pagesOf, type TemplateData } from '../data/routes.ts';
import { html, raw, type SafeHtml } from '../../lib/html.ts';
import { format, formatHtml, formatNumber, formatYear, strings } from '../lib/i18n.ts';
import { inLang, layout, localName, localText } from '../lib/layout.ts';
import { renderBody } from '../markdown/index.ts';
import { editionPath, headPath, localize, programmePath, publicUrl, replyJsonPath, yearPath } from '../../model/urls.ts';

/** The edition's facts; `r` is the reply, `e` the edition the page shows. Names in the page's language where the archive has them. */
function facts(r: Reply, e: Edition, lang: InterfaceLang, same: readonly Reply[]): SafeHtml {
  const s = strings(lang).reply;
  const t = (text: string) => inLang(text, e.lang, lang);
  const programmes = e.programmes.length
    ? e.programmes.map(
        (p, i) => html`${i > 0 ? strings(lang).site.listSeparator : ''}<a href="${localize(programmePath(r.year, r.head.code, p.code), lang)}">(${p.code}) ${localName(p.name, e.lang, r.labels.programmes[p.code] ?? {}, lang)}</a>`,
      )
    : html`<a href="${localize(programmePath(r.year, r.head.code, null), lang)}">${s.programmeNone}</a>`;
  return html`<dl class="facts">
<div><dt>${s.questionNo}</dt><dd>${String(e.questionNo)}</dd></div>
<div><dt>${s.member}</dt><dd><a href="${localize(r.memberPage, lang)}">${localName(e.member, e.lang, r.labels.member, lang)}</a>${
    e.memberRef ? html` <span class="ref">${format(s.memberRefValue, { ref: e.memberRef })}</span>` : ''
  }</dd></div>
<div><dt>${s.head}</dt><dd><a href="${localize(headPath(r.year, r.head.code), lang)}">(${r.head.code}) ${localName(e.head.name, e.lang, r.labels.head, lang)}</a></dd></div>
<div><dt>${s.programme}</dt><dd>${programmes}</dd></div>
<div><dt>${s.subhead}</dt><dd>${e.subhead ? t(e.subhead) : s.subheadNone}</dd></div>
<div><dt>${s.controllingOfficer}</dt><dd>${t(e.controllingOfficer)}</dd></div>
<div><dt>${s.director}</dt><dd>${t(e.director)}</dd></div>
<div><dt>${s.session}</dt><dd>${format(s.sessionValue, { n: formatNumber(e.session, lang) })}</dd></div>
${officialDocument(e, lang)}<div><dt>${s.source}</dt><dd><a href="${localize('/about/', lang)}#sources">${format(s.sourceValue, { file: e.source.file.replace(/^.*\//, ''), from: e.source.lines[0], to: e.source.lines[1] })}</a></dd></div>
<div><dt>${s.year}</dt><dd><a href="${localize(yearPath(r.year), lang)}">${formatYear(r.year, lang)}</a></dd></div>
${same.length ? html`<div class="same"><dt>${s.sameAnswer}</dt><dd><a href="#same-answer-h">${same.map((o) => o.replyNo).join(strings(lang).site.listSeparator)}</a></dd></div>
` : ''}</dl>`;
}

/** The official document and the printed page(s) of the reply (src/ingest/pages.ts); a link only when the source's metadata gives the document's address. */
function officialDocument(r: Edition, lang: InterfaceLang): SafeHtml | '' {
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
  return html`<li class="${rel}"><a href="${localize(link.path, lang)}" rel="${rel}"><span class="dir">${label}</span> <span class="no">${link.replyNo}</span> ${localName(link.title, link.lang, link.titles, lang)}</a></li>`;
}

export const data = pagesOf('reply');

/** The archive's replies by id, made once per archive (not per page: a year has 11,000 pages). */
const byIdOf = new WeakMap<readonly Reply[], Map<string, Reply>>();

export function render(d: TemplateData): string {
  const reply = itemOf(d.archive, d.route, 'reply');
  let byId = byIdOf.get(d.archive.replies);
  if (!byId) byIdOf.set(d.archive.replies, (byId = new Map(d.archive.replies.map((r) => [r.id, r]))));
  return renderReplyPage(reply, d.route.lang, d.settings, d.route.cardLang, reply.sameAnswers.map((id) => byId.get(id)!));
}

/** "The same answer was given to …": the other replies of its group, each with its member and title. */
function sameAnswers(others: readonly Reply[], lang: InterfaceLang): SafeHtml | '' {
  if (others.length === 0) return '';
  const s = strings(lang).reply;
  const items = others.map((o) => {
    const e = editionFor(o, lang);
    const member = localText(e.member, e.lang, o.labels.member, lang);
    return html`<li><a href="${localize(o.path, lang)}"><span class="no">${o.replyNo}</span> ${inLang(e.title, e.lang, lang)}</a> <span class="by">${inLang(member.text, member.lang, lang)}</span></li>`;
  });
  return html`<aside class="same-answer" aria-labelledby="same-answer-h">
<h2 id="same-answer-h">${s.sameAnswer}</h2>
<p>${s.sameAnswerLead}</p>
<ul>${items}</ul>
<p class="count">${format(s.sameAnswerRule, { threshold: String(Math.round(SAME_ANSWER_THRESHOLD * 100)) })}</p>
</aside>
`;
}

/**
 * Where the page's interface language has no edition of the reply: a notice,
 * in that language, that the edition is not yet in the archive. Where the
 * other language has an edition the page does not show: a link to it.
 */
function editionNotes(r: Reply, e: Edition, lang: InterfaceLang): SafeHtml | '' {
  const s = strings(lang).reply;
  const missing = e.lang !== lang ? html`<p class="edition-note" role="note">${s.editionMissing}</p>
` : '';
  const others = (Object.keys(r.editions) as InterfaceLang[]).filter((l) => l !== e.lang);
  const links = others.map(
    (l) => html`<p class="edition-link"><a href="${localize(r.path, l)}" hreflang="${l}">${format(s.editionLink, { replyNo: r.replyNo })}</a></p>
`,
  );
  return missing || links.length ? html`${missing}${links}` : '';
}

export function renderReplyPage(r: Reply, lang: InterfaceLang, settings: Pick<Settings, 'siteUrl' | 'issuesUrl'>, cardLang?: InterfaceLang, same: readonly Reply[] = []): string {
  const s = strings(lang);
  const e = editionFor(r, lang);
  // The address shown and cited: absolute on the site's address, else the page's path (never a placeholder domain).
  const url = publicUrl(localize(r.path, lang), settings.siteUrl);
  // The reply's own words (title, names) keep the edition's language inside an interface-language citation.
  const t = (text: string) => inLang(text, e.lang, lang);
  const member = localText(e.member, e.lang, r.labels.member, lang);
  const head = localText(e.head.name, e.lang, r.labels.head, lang);
  const citation = formatHtml(s.reply.citation, {
    director: t(e.director),
    replyNo: r.replyNo,
    title: t(e.title),
    year: formatYear(r.year, lang),
    questionNo: String(e.questionNo),
    member: inLang(member.text, member.lang, lang),
    url: settings.siteUrl === null ? '' : url,
  });
  const rendered = lang === e.lang ? e.bodyHtml : renderBody(e.markdown, e.lang, 'reply', lang, { dataPath: editionPath(e) });
  // The phone's copy of the contents opens the answer (lib/contents.ts).
  const body = rendered.replace(/(<h2 id="answer-h"[^>]*>[\s\S]*?<\/h2>\n)/, (h) => `${h}${contentsNav(rendered, lang, 'answer')}`);
  const main = html`<article class="reply"${lang === e.lang ? html` data-pagefind-body` : ''}>
<h1><span class="no">${r.replyNo}</span> ${inLang(e.title, e.lang, lang)}</h1>
${editionNotes(r, e, lang)}${facts(r, e, lang, same)}
${contentsNav(rendered, lang)}<div class="body"${lang === e.lang ? '' : html` lang="${e.lang}"`}>
${raw(body) /* src/site/markdown, html:false: source text is escaped there; labels in the interface language; tables link to the CSVs of the edition shown */}
</div>
${sameAnswers(same, lang)}</article>
<nav class="pager" aria-label="${s.reply.pager}"><ul>
${neighbour(r.prev, 'prev', s.reply.previous, lang)}
${neighbour(r.next, 'next', s.reply.next, lang)}
</ul></nav>
<aside class="cite" aria-label="${s.reply.cite}">
<p><span class="label">${s.reply.permalink}</span> <a href="${localize(r.path, lang)}" class="permalink">${url}</a></p>
<p><span class="label">${s.reply.cite}</span> <span class="citation">${citation}</span></p>
<p><a href="${settings.issuesUrl}/new?title=${encodeURIComponent(`${r.replyNo}: `)}&amp;body=${encodeURIComponent(url)}" class="report">${s.reply.reportError}</a></p>
</aside>`;
  return layout({
    siteUrl: settings.siteUrl,
    lang,
    path: r.path,
    title: `${r.replyNo} ${e.title}`,
    description: `${member.text} · (${r.head.code}) ${head.text} · ${formatYear(r.year, lang)}`,
    crumbs: [
      { label: formatYear(r.year, lang), path: yearPath(r.year) },
      { label: html`${s.reply.head} ${r.head.code}`, path: headPath(r.year, r.head.code) },
    ],
    crumbLabel: r.replyNo,
    main,
    ogType: 'article',
    cardLang,
    // The reply as data (both editions, tables, source: src/open-data/reply-json.ts), one file for every interface language.
    head: html`<link rel="alternate" type="application/json" href="${replyJsonPath(r)}">`,
  });
}
