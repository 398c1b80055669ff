/**
 * The only fonts share cards are drawn with: Noto Sans HK from npm
 * (@expo-google-fonts/noto-sans-hk). The render workers run with a fontconfig
 * file that lists these two font folders and nothing else — no system folders,
 * no distribution settings — so a machine without Chinese fonts draws the same
 * pixels as one with them, and nothing on the machine can change a card.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { html } from '../../lib/html.ts';

export const FONT_FAMILY = 'Noto Sans HK';

const PACKAGE = '@expo-google-fonts/noto-sans-hk';

export interface FontFiles {
  regular: string;
  bold: string;
}

export function notoSansHk(): FontFiles {
  const resolve = (file: string) => fileURLToPath(import.meta.resolve(`${PACKAGE}/${file}`));
  return {
    regular: resolve('400Regular/NotoSansHK_400Regular.ttf'),
    bold: resolve('700Bold/NotoSansHK_700Bold.ttf'),
  };
}

/** Hash of the font files' bytes: a new font version re-renders every card. */
export function fontsHash(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex');
}

/**
 * A complete fontconfig configuration: only `fontDirs`, a private cache folder,
 * and no <include> of the system configuration.
 */
export function fontconfigXml(fontDirs: readonly string[], cacheDir: string): string {
  return html`<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
${fontDirs.map((dir) => html`<dir>${path.resolve(dir)}</dir>
`)}<cachedir>${path.resolve(cacheDir)}</cachedir>
</fontconfig>
`.toString();
}
