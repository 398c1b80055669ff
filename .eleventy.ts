/**
 * Eleventy configuration. Templates are TypeScript (*.11ty.ts) in
 * src/site/pages; every interpolation goes through the escaping `html` tag
 * (src/site/lib/html.ts). Content is read once by src/site/data/load.ts into
 * global data; the pagination templates iterate over src/site/data/pages.ts.
 * ARCHIVE_CONTENT (default "content") picks the content directory.
 */
import path from 'node:path';
import { site } from './_data/site.ts';
import { loadArchive } from './src/site/data/load.ts';
import { pageLists } from './src/site/data/pages.ts';
import { relativizeHtml } from './src/site/lib/relative-url.ts';
import { writeReplyPages } from './src/site/render/write-reply-pages.ts';
import { chartsPlugin } from './src/site/charts/plugin.ts';
import { absoluteUrl } from './src/site/lib/urls.ts';

// Eleventy's config type is not exported in a form tsc can check; the subset we use:
interface EleventyConfig {
  addExtension(ext: string | string[], opts: { key: string }): void;
  addTemplateFormats(formats: string | string[]): void;
  addGlobalData(name: string, value: unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  setQuietMode(q: boolean): void;
  on(event: 'eleventy.after', fn: (arg: { dir: { output: string } }) => void): void;
  addShortcode(name: string, fn: (...args: never[]) => string): void;
  addTransform(name: string, fn: (this: { page: { url: string | false; outputPath: string | false } }, content: string) => string): void;
}

export default function (eleventyConfig: EleventyConfig) {
  const contentDir = path.resolve(process.env.ARCHIVE_CONTENT ?? 'content');
  const archive = loadArchive(contentDir);
  eleventyConfig.addGlobalData('archive', archive);
  eleventyConfig.addGlobalData('pages', pageLists(archive));

  eleventyConfig.addExtension('11ty.ts', { key: '11ty.js' });
  eleventyConfig.addTemplateFormats('11ty.ts');
  eleventyConfig.addPassthroughCopy({ 'src/site/assets': 'assets' });
  chartsPlugin(eleventyConfig); // charts.css → /assets/charts.css (src/site/charts, issue 6)

  // One rewrite for every URL in every HTML page: root-absolute → page-relative.
  // (A string transform, not htmlTransformer.addUrlTransform: re-parsing 40 000
  // pages with posthtml was a quarter of the build; see relativizeHtml.)
  // The 404 page is served at arbitrary depths, so its links are absolute.
  eleventyConfig.addTransform('relative-urls', function (this: { page: { url: string | false; outputPath: string | false } }, content: string) {
    const { url, outputPath } = this.page;
    if (typeof outputPath !== 'string' || !outputPath.endsWith('.html') || typeof url !== 'string') return content;
    if (url === '/404.html') return relativizeHtml(content, url, false, (u) => absoluteUrl(u));
    return relativizeHtml(content, url, site.offline);
  });

  // Reply pages (the bulk of the site) are written directly after Eleventy's
  // pages: see src/site/render/reply-page.ts for the measured reason.
  eleventyConfig.on('eleventy.after', ({ dir }) => {
    writeReplyPages(archive, dir.output);
  });

  return {
    templateFormats: ['11ty.ts'],
    dir: {
      input: 'src/site/pages',
      includes: '../_includes',
      data: '../../../_data',
      output: process.env.ARCHIVE_OUT ?? '_site',
    },
  };
}
