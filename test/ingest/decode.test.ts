import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeSource } from '../../src/ingest/decode.ts';
import { IngestError } from '../../src/ingest/errors.ts';

const enc = (s: string) => new TextEncoder().encode(s);

test('LF, CRLF and CR give the same lines; a BOM is dropped', () => {
  const lf = decodeSource(enc('索引\n第 17 節會議\n'), 'x.txt');
  assert.equal(decodeSource(enc('\ufeff索引\r\n第 17 節會議\r\n'), 'x.txt'), lf);
  assert.equal(decodeSource(enc('索引\r第 17 節會議\r'), 'x.txt'), lf);
  assert.equal(lf, ['索引', '第 17 節會議']);
});

function errorOf(fn: () => unknown): IngestError {
  try {
    fn();
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw e;
  }
  throw new Error('expected an IngestError');
}

test('empty and whitespace-only files are refused at line 1', () => {
  assert.is(errorOf(() => decodeSource(new Uint8Array(), 'e.txt')).message, 'e.txt:1: empty source: no text to ingest');
  assert.is(errorOf(() => decodeSource(enc(' \n\n'), 'e.txt')).line, 1);
});

test('binary and non-UTF-8 files are refused naming the line of the first bad byte', () => {
  assert.match(errorOf(() => decodeSource(new Uint8Array([0x61, 0x0a, 0x62, 0x00]), 'b.txt')).message, /^b\.txt:2: binary data/);
  // 審 in Big5 on the third line
  const big5 = new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0xbc, 0x66]);
  assert.match(errorOf(() => decodeSource(big5, 'c.txt')).message, /^c\.txt:3: not valid UTF-8/);
});

test.run();
