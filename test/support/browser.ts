/**
 * The browser tests' preflight and their fonts.
 *
 * Preflight: a browser test file makes its suite with `browserSuite(name)`
 * instead of uvu's `suite(name)`. When chromium is missing, every such suite is
 * left unrun and the run ends with ONE message naming the binary, how to
 * install it and which files did not run, and exit code 1 — instead of the same
 * launch error once per test (99 times, 1,453 lines before). Tests that need no
 * browser still run and report as usual.
 *
 * Fonts: a test that measures layout prints which fonts it ran with (`fontsInUse`),
 * because without a CJK font every Chinese character is a box of another width
 * and the measurement is of a page no reader sees.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { suite, type Test } from 'uvu';
import { CHROMIUM_PATH } from '../../src/serve/chromium.ts';

const notRun: string[] = [];

function chromiumMissing(): boolean {
  return !existsSync(CHROMIUM_PATH);
}

/** A uvu suite that runs only when chromium is installed (see the file comment). */
export function browserSuite(name: string): Test {
  const test = suite(name);
  if (!chromiumMissing()) return test;
  if (notRun.length === 0) {
    // uvu sets process.exitCode from its own failures just before exit; this runs after it.
    process.on('exit', () => {
      console.error(
        `\n✖ browser tests not run: chromium not found at ${CHROMIUM_PATH}. Install Debian's chromium ` +
          `(apt-get install chromium fonts-noto-cjk; .ci/run does) or set CHROMIUM_PATH. Not run: ${notRun.join('; ')}\n`,
      );
      process.exitCode = 1;
    });
  }
  notRun.push(name);
  test.run = () => {};
  return test;
}

/** The font fontconfig gives chromium for a pattern: "family (file)", or why it cannot say. */
function fcMatch(pattern: string): string {
  const r = spawnSync('fc-match', ['-f', '%{family[0]} (%{file})', pattern], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return 'unknown (fc-match not available)';
  return r.stdout.trim();
}

/**
 * One line for the test log: the fonts the page's Chinese and Latin text fall
 * back to (the stylesheet names system fonts only, resolved by fontconfig).
 */
export function fontsInUse(): string {
  const cjk = fcMatch('sans-serif:lang=zh-hk');
  const latin = fcMatch('sans-serif:lang=en');
  const hasCjk = /CJK|HK|TC|Han|Hei|Ming|Song/i.test(cjk);
  return `fonts: Chinese → ${cjk}, Latin → ${latin}${hasCjk ? '' : ' — NO CJK FONT: Chinese renders as boxes (apt-get install fonts-noto-cjk)'}`;
}
