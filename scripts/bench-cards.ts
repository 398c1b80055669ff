/**
 * `npm run bench:cards -- [--cards 2000] [--small 200] [--workers 2] [--vs DIR] [--json FILE]`
 * What a share card costs in bytes and CPU, from an empty cache (src/bench/cards.ts).
 * `--vs DIR`: also measure another checkout's cards (DIR holds its src/site/images), alternating.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchCards, formatCards } from '../src/bench/cards.ts';

const { values } = parseArgs({
  options: {
    cards: { type: 'string', default: '2000' },
    small: { type: 'string', default: '200' },
    workers: { type: 'string', default: String(availableParallelism()) },
    vs: { type: 'string' },
    json: { type: 'string' },
  },
});

const number = (name: 'cards' | 'small' | 'workers') => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench:cards: --${name} must be a whole number ≥ 1, got "${values[name]}"`);
    process.exit(2);
  }
  return n;
};

const options = {
  cards: number('cards'),
  small: number('small'),
  workers: number('workers'),
  contentDir: path.resolve(process.env.ARCHIVE_CONTENT ?? 'content'),
  implementations: [
    { name: 'this checkout', root: path.resolve(import.meta.dirname, '..') },
    ...(values.vs ? [{ name: `--vs ${values.vs}`, root: path.resolve(values.vs) }] : []),
  ],
};
const rows = benchCards(options);
console.log(formatCards(rows, options));
if (values.json) writeFileSync(values.json, `${JSON.stringify({ options, rows }, null, 2)}\n`);
