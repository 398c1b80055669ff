/**
 * Eleventy, configured by arguments: `writePages` renders every route of the
 * route table (data/routes.ts) into `outDir` with the templates in
 * src/site/pages (TypeScript, *.11ty.ts; every interpolation goes through the
 * escaping `html` tag of src/lib/html.ts), one layout and one link rewrite.
 *
 * The archive, the route table and the settings reach the templates as
 * global data. Each page carries only its light route (pagination alias
 * `route`: url, lang, kind, key) and looks its reply or group up by key,
 * so Eleventy never copies the archive per page.
 */
import Eleventy from '@11ty/eleventy';
import type { Settings } from '../../_data/site.ts';
import { chartsPlugin } from './charts/plugin.ts';
import type { Archive } from '../model/reply.ts';
import type { RouteTable } from './data/routes.ts';
import { relativizeHtml } from './lib/relative-url.ts';
import { absoluteUrl } from '../model/urls.ts';

const TEMPLATES = 'src/site/pages';

interface TransformContext {
  page: { url: string | false; outputPath: string | false };
}

// Eleventy's config type is not exported in a form tsc can check; the subset we use:
export interface EleventyConfig {
  addExtension(ext: string | string[], opts: { key: string }): void;
  setTemplateFormats(formats: string | string[]): void;
  addGlobalData(name: string, value: unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addTransform(name: string, fn: (this: TransformContext, content: string) => string): void;
  benchmarkManager?: { get(group: string): { setIsVerbose(verbose: boolean): void } };
}

/** The configuration callback for `new Eleventy(input, output, { config })`, closed over this build's data. */
export function eleventyConfig(settings: Settings, archive: Archive, routes: RouteTable, assets = true, render: RouteTable = routes) {
  return (config: EleventyConfig): void => {
    // Eleventy makes its "Configuration" benchmark group before quietMode applies, so every warm build
    // printed "[11ty] Benchmark … relative-urls Transform". Off; DEBUG=Eleventy:Benchmark* shows it.
    config.benchmarkManager?.get('Configuration').setIsVerbose(false);
    config.addGlobalData('archive', archive);
    config.addGlobalData('routes', routes);
    config.addGlobalData('render', render);
    config.addGlobalData('settings', settings);

    config.addExtension('11ty.ts', { key: '11ty.js' });
    config.setTemplateFormats('11ty.ts');
    // The site's assets are the shell's (src/build/shell.ts); a year's unit links to them.
    if (assets) {
      config.addPassthroughCopy({ 'src/site/assets': 'assets' });
      chartsPlugin(config); // charts.css → /assets/charts.css (src/site/charts)
    }

    // One rewrite for every URL in every HTML page: root-absolute → page-relative.
    // (A string transform, not htmlTransformer.addUrlTransform: re-parsing 40 000
    // pages with posthtml was a quarter of the build; see relativizeHtml.)
    // The 404 page is served at any depth, so its links cannot be page-relative:
    // absolute on the site's address, or root-absolute when the build has none
    // (right for a site served at a domain's root; a site under a path prefix sets SITE_URL).
    // In the offline copy there is no server: 404.html is just a page at the root.
    const { siteUrl } = settings;
    config.addTransform('relative-urls', function (this: TransformContext, content: string) {
      const { url, outputPath } = this.page;
      if (typeof outputPath !== 'string' || !outputPath.endsWith('.html') || typeof url !== 'string') return content;
      if (url === '/404.html') {
        if (siteUrl !== null) return relativizeHtml(content, url, false, (u) => absoluteUrl(u, siteUrl));
        // Offline (opened from disk, no server to serve it elsewhere) it is a page at the root like any other.
        return settings.offline ? relativizeHtml(content, url, true) : content;
      }
      return relativizeHtml(content, url, settings.offline);
    });
  };
}

/**
 * Renders the routes into `outDir` (which may differ from settings.outDir: the build writes a `.partial` folder first).
 * `assets`: also copy the site's stylesheets (the shell does; a year's unit does not).
 * `templates` narrows the input to one template (the dev loop's reply pages).
 * `only`: write just these routes of `routes` (the unit's pages whose inputs changed, the dev loop's edited reply);
 * the templates still see every route (a sitemap lists them all).
 */
export async function writePages(
  settings: Settings,
  archive: Archive,
  routes: RouteTable,
  outDir: string,
  options: { assets?: boolean; templates?: string; only?: RouteTable } = {},
): Promise<void> {
  const config = eleventyConfig(settings, archive, routes, options.assets ?? true, options.only ?? routes);
  const eleventy = new Eleventy(options.templates ?? TEMPLATES, outDir, { quietMode: true, config });
  await eleventy.write();
}
