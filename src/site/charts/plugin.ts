/**
 * Eleventy plugin for the charts: publishes charts.css as /assets/charts.css.
 * The templates draw charts with page-charts.ts and link the stylesheet with
 * chartStylesheetLink().
 */
import { html, type SafeHtml } from '../../lib/html.ts';

export const CHART_STYLESHEET = '/assets/charts.css';

interface EleventyConfigSubset {
  addPassthroughCopy(map: Record<string, string>): void;
}

/** The <link> a page with charts puts in its head (root-absolute; the site's URL transform makes it relative). */
export function chartStylesheetLink(): SafeHtml {
  return html`<link rel="stylesheet" href="${CHART_STYLESHEET}">`;
}

export function chartsPlugin(eleventyConfig: EleventyConfigSubset): void {
  eleventyConfig.addPassthroughCopy({ 'src/site/charts/charts.css': CHART_STYLESHEET.replace(/^\//, '') });
}
