/**
 * Eleventy plugin for the charts: publishes charts.css as /assets/charts.css
 * and exposes the chart builders as shortcodes for templates in any language.
 * The site's .11ty.ts templates may equally import page-charts.ts directly.
 */
import type { InterfaceLang } from '../../../_data/site.ts';
import type { HeadGroup, YearGroup } from '../data/model.ts';
import { html, type SafeHtml } from '../lib/html.ts';
import { headCharts, yearCharts, type ChartStrings } from './page-charts.ts';

export const CHART_STYLESHEET = '/assets/charts.css';

interface EleventyConfigSubset {
  addPassthroughCopy(map: Record<string, string>): void;
  addShortcode(name: string, fn: (...args: never[]) => string): void;
}

/** The <link> a page with charts puts in its head (root-absolute; the site's URL transform makes it relative). */
export function chartStylesheetLink(): SafeHtml {
  return html`<link rel="stylesheet" href="${CHART_STYLESHEET}">`;
}

export function chartsPlugin(eleventyConfig: EleventyConfigSubset): void {
  eleventyConfig.addPassthroughCopy({ 'src/site/charts/charts.css': CHART_STYLESHEET.replace(/^\//, '') });
  eleventyConfig.addShortcode('yearCharts', (y: YearGroup, lang: InterfaceLang, cs: ChartStrings) => yearCharts(y, lang, cs).toString());
  eleventyConfig.addShortcode('headCharts', (h: HeadGroup, lang: InterfaceLang, cs: ChartStrings) => headCharts(h, lang, cs).toString());
  eleventyConfig.addShortcode('chartStylesheet', () => chartStylesheetLink().toString());
}
