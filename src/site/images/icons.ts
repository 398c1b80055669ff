/**
 * Site icons from one SVG source (icon.svg, a 512×512 viewBox): the SVG itself
 * as favicon, PNG fallbacks, the apple-touch icon (square, no transparency:
 * iOS rounds the corners itself) and the web app manifest that lists them.
 * Paths in the manifest are relative to it, so the site works under any prefix.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CARD_COLOURS } from './card-markup.ts';

export const ICON_SOURCE = fileURLToPath(new URL('./icon.svg', import.meta.url));

export interface IconJob {
  /** Output path relative to the site root. */
  out: string;
  svg: string;
}

const PNG_ICONS = [
  { out: 'favicon-32.png', size: 32, square: false },
  { out: 'icon-192.png', size: 192, square: false },
  { out: 'icon-512.png', size: 512, square: false },
  { out: 'apple-touch-icon.png', size: 180, square: true },
] as const;

export function readIconSource(file = ICON_SOURCE): string {
  const svg = readFileSync(file, 'utf8').trim();
  if (!/^<svg [^>]*viewBox="0 0 512 512"/.test(svg) || /^<svg [^>]*\swidth=/.test(svg)) {
    throw new Error(`${file}:1: the icon source must start with <svg … viewBox="0 0 512 512"> and have no width/height`);
  }
  return svg;
}

/** The PNG icons as SVGs sized for rendering. */
export function iconJobs(source: string): IconJob[] {
  return PNG_ICONS.map(({ out, size, square }) => {
    let svg = source.replace('<svg ', `<svg width="${size}" height="${size}" `);
    if (square) svg = svg.replace('>', `><rect width="512" height="512" fill="${CARD_COLOURS.background}"/>`);
    return { out, svg };
  });
}

export function webManifest(name: string, lang: string): string {
  const manifest = {
    name,
    lang,
    start_url: './',
    scope: './',
    display: 'browser',
    background_color: '#ffffff',
    theme_color: CARD_COLOURS.background,
    icons: [
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
    ],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
