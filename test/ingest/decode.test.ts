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

/** Line 640 of a 700-line file holding `bad` after two characters: the error names line 640 and column 3, not the end of the file. */
function badAt640(bad: number[]): Uint8Array {
  const before = enc(Array.from({ length: 639 }, (_, i) => `第 ${i + 1} 行`).join('\n') + '\n答覆');
  const after = enc('完\n' + Array.from({ length: 60 }, () => '其後的文字').join('\n') + '\n');
  return new Uint8Array([...before, ...bad, ...after]);
}

test('each invalid UTF-8 sequence is reported at its own line and column (surrogates, overlong forms, past U+10FFFF)', () => {
  for (const bad of [[0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xe0, 0x80, 0x80], [0xf0, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0xff]]) {
    const hex = bad.map((b) => b.toString(16)).join(' ');
    assert.match(errorOf(() => decodeSource(badAt640(bad), 'u.txt')).message, /^u\.txt:640: not valid UTF-8 at column 3 /, hex);
  }
  // The four-byte character just below the limit and a three-byte one just below the surrogates are valid.
  assert.ok(decodeSource(badAt640([0xf4, 0x8f, 0xbf, 0xbf]), 'u.txt').length > 640);
  assert.ok(decodeSource(badAt640([0xed, 0x9f, 0xbf]), 'u.txt').length > 640);
});

test('a control character or lone surrogate stops the ingest at its line and column; a tab does not', () => {
  assert.match(errorOf(() => decodeSource(enc('索引\n提問人：張\u0007議員\n'), 'k.txt')).message, /^k\.txt:2: a control character \(U\+0007\).* at column 6$/);
  assert.match(errorOf(() => decodeSource(enc('索引\n\u0085\n'), 'k.txt')).message, /^k\.txt:2: a control character \(U\+0085\)/);
  assert.equal(decodeSource(enc('a\tb\n'), 'k.txt'), ['a\tb']);
});

test.run();
