/**
 * A horizontal bar chart as inline SVG plus the same figures as a table.
 *
 * - The SVG is decoration for sighted readers (aria-hidden); the numbers are
 *   also printed at the end of each bar. Screen readers get the table, which
 *   charts.css hides visually; the figure's caption names both.
 * - No inline style, no <style> (CSP style-src 'self'): colours come from
 *   classes in charts.css, which use the page's custom properties, so the chart
 *   follows light/dark mode and prints in black.
 * - No viewBox: geometry in CSS pixels and percentages of the chart's width, so
 *   text keeps its real size on a phone instead of shrinking with the drawing.
 * - Each label sits on its own line above its bar, so long Chinese names fit;
 *   it carries `lang` when the data's language differs from the page's, so a
 *   Chinese name on an English page gets Hong Kong glyph forms.
 */
import type { InterfaceLang } from '../../../_data/site.ts';
import { html, type SafeHtml } from '../../lib/html.ts';
import { formatNumber } from '../lib/i18n.ts';
import { inLang } from '../lib/layout.ts';
import { wrapBalanced } from '../images/wrap.ts';
import type { Bar } from './chart-data.ts';

export interface BarChartOptions {
  /** Unique on the page; prefixes the ids of the caption. */
  id: string;
  caption: string;
  /** Column headers of the table. */
  labelHeader: string;
  valueHeader: string;
  lang: InterfaceLang;
  /** A sentence under the chart (e.g. how double counting works); optional. */
  note?: string;
}

const LABEL_SIZE = 15;
const LINE = 20;
const BAR_HEIGHT = 16;
const GAP = 14;
/** Share of the width the longest bar takes; the rest holds its number. */
const BAR_SPAN = 85;
/**
 * Labels wrap at this many em (18 × 15 px = 270 px: fits a 320 px wide screen,
 * i.e. 400 % zoom) on up to two lines, then end with …; the table has them whole.
 */
const LABEL_EM = 18;
const LABEL_LINES = 2;

function percent(value: number, max: number): string {
  // Fixed precision: the same data always gives the same bytes.
  return `${(max === 0 ? 0 : (value / max) * BAR_SPAN).toFixed(2)}%`;
}

function svg(bars: readonly Bar[], lang: InterfaceLang): SafeHtml {
  const max = Math.max(0, ...bars.map((b) => b.value));
  let top = 0;
  const rows = bars.map((b) => {
    const lines = wrapBalanced(b.prefix + b.label, LABEL_EM, LABEL_LINES).lines;
    const barTop = top + lines.length * LINE + 6;
    const width = percent(b.value, max);
    const row = html`<g class="chart__row">
<text class="chart__label" font-size="${String(LABEL_SIZE)}"${b.label === '' || b.lang === lang ? '' : html` lang="${b.lang}"`}>${lines.map(
      (line, i) => html`<tspan x="0" y="${String(top + LABEL_SIZE + 1 + i * LINE)}">${line}</tspan>`,
    )}</text>
<rect class="chart__bar" x="0" y="${String(barTop)}" width="${width}" height="${String(BAR_HEIGHT)}"/>
<text class="chart__value" x="${width}" dx="6" y="${String(barTop + BAR_HEIGHT - 3)}" font-size="${String(LABEL_SIZE)}">${formatNumber(b.value, lang)}</text>
</g>`;
    top = barTop + BAR_HEIGHT + GAP;
    return row;
  });
  return html`<svg class="chart__svg" xmlns="http://www.w3.org/2000/svg" width="100%" height="${String(top)}" aria-hidden="true">
${rows}
</svg>`;
}

function table(bars: readonly Bar[], o: BarChartOptions, captionId: string): SafeHtml {
  // Wrapped: a table grows to its content whatever its own width, so it is the
  // wrapper that is made 1 px and clips it (charts.css); the page never scrolls sideways.
  return html`<div class="chart__sr"><table class="chart__table" aria-labelledby="${captionId}">
<thead><tr><th scope="col">${o.labelHeader}</th><th scope="col">${o.valueHeader}</th></tr></thead>
<tbody>
${bars.map((b) => html`<tr><th scope="row">${b.prefix}${b.label ? inLang(b.label, b.lang, o.lang) : ''}</th><td>${formatNumber(b.value, o.lang)}</td></tr>
`)}</tbody>
</table></div>`;
}

export function barChart(bars: readonly Bar[], o: BarChartOptions): SafeHtml {
  if (bars.length === 0) return html``;
  const captionId = `${o.id}-caption`;
  return html`<figure class="chart" id="${o.id}">
<figcaption id="${captionId}">${o.caption}</figcaption>
${svg(bars, o.lang)}
${table(bars, o, captionId)}
${o.note ? html`<p class="chart__note">${o.note}</p>` : ''}
</figure>`;
}
