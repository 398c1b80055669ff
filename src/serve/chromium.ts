/**
 * Launch the system (Debian) chromium with the flags this project requires.
 * We never download a browser: playwright-core drives the installed one.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Overridable for machines where chromium lives elsewhere (e.g. a CI runner's google-chrome). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `chromium not found at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install chromium) ` +
        'or set CHROMIUM_PATH to an installed Chromium/Chrome binary',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Quiet, offline-friendly browser: no background traffic that would pollute
    // the "no request leaves the origin" check, no sandbox (containers, CI).
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
    ],
  });
}
