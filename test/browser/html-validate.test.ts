/**
 * Every HTML file in _site validates with html-validate, using the repository's
 * .htmlvalidate.json (the recommended preset). The config is loaded explicitly,
 * not looked up next to each file: a site built outside the repository
 * (ARCHIVE_OUT=/tmp/…) would otherwise be checked against no rules at all.
 *
 * JSON has no comments, so a rule switched off in .htmlvalidate.json needs its
 * reason in RULE_REASONS below; the second test fails otherwise. Messages are
 * grouped by rule with a few examples each, so a template defect shows up
 * once, not 700 times.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { diskTree } from '../support/file-tree.ts';
import { requireSite, SITE_DIR } from '../support/site.ts';

const test = suite('html-validate');
const CONFIG_FILE = resolve(import.meta.dirname, '../../.htmlvalidate.json');
const config = JSON.parse(readFileSync(CONFIG_FILE, 'utf8')) as ConfigData;

/** Why a rule is off or relaxed in .htmlvalidate.json. */
const RULE_REASONS: Record<string, string> = {
  'doctype-style':
    'Letter case of the DOCTYPE is not significant in HTML (the standard writes it either way); ' +
    'the templates emit <!doctype html>. Style only, no effect on parsing or accessibility.',
};

test('every rule relaxed in .htmlvalidate.json has a documented reason', () => {
  const relaxed = Object.entries(config.rules ?? {})
    .filter(([, v]) => v === 'off' || v === 0 || (Array.isArray(v) && (v[0] === 'off' || v[0] === 0 || v[1])))
    .map(([rule]) => rule);
  assert.equal(relaxed.filter((r) => !RULE_REASONS[r]), [], 'rules relaxed without a reason in RULE_REASONS');
});

test('every page in _site validates', async () => {
  requireSite();
  const validator = new HtmlValidate(new StaticConfigLoader(config));
  const files = diskTree(SITE_DIR).files.filter((f) => f.endsWith('.html'));
  const byRule = new Map<string, string[]>();
  let errors = 0;
  for (const file of files) {
    const report = await validator.validateFile(join(SITE_DIR, file));
    for (const result of report.results) {
      for (const m of result.messages) {
        errors++;
        const list = byRule.get(m.ruleId) ?? [];
        list.push(`${file}:${m.line}:${m.column} ${m.message} [${m.selector ?? ''}]`);
        byRule.set(m.ruleId, list);
      }
    }
  }
  const summary = [...byRule.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([rule, msgs]) => `  ${rule}: ${msgs.length}\n${msgs.slice(0, 3).map((m) => `      ${m}`).join('\n')}`)
    .join('\n');
  console.log(`  html-validate: ${files.length} files, ${errors} messages${errors ? `\n${summary}` : ''}`);
  assert.ok(files.length > 0, 'no HTML files');
  assert.is(errors, 0, `html-validate messages by rule:\n${summary}`);
});

test.run();
