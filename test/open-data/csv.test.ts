/**
 * CSV that opens safely in a spreadsheet: formulas in source text are made
 * inert, numbers as printed stay as printed, Excel gets its BOM and CRLF.
 */
import { parse } from 'csv-parse/sync';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { csvFile, inertCell } from '../../src/open-data/csv.ts';

test('a cell a spreadsheet would run as a formula gets a leading apostrophe', () => {
  for (const hostile of [`=cmd|' /C calc'!A0`, '=HYPERLINK("http://x","y")', '+1+cmd|x', '-2+3+cmd|x', '@SUM(A1)', '\t=1+1', '\r=1']) {
    assert.is(inertCell(hostile), `'${hostile}`, hostile);
  }
});

test('numbers and dashes as the replies print them stay as printed', () => {
  for (const plain of ['-', '–', '-5', '+3.2%', '1 300', '2,133.2', '40.6', '約70', '分目090', '']) assert.is(inertCell(plain), plain);
});

test('a CSV file: BOM, CRLF, quoted where needed, hostile cells inert, read back by a CSV parser', () => {
  const text = csvFile([['地區', '熱點數目'], ['中西區', '3 978'], ['=HYPERLINK("x")', '-'], ['a, "b"', 7]]);
  assert.ok(text.startsWith('\uFEFF'));
  assert.is(text.split('\r\n').length, 5); // four records, each ended by CRLF
  assert.equal(parse(text, { bom: true }), [['地區', '熱點數目'], ['中西區', '3 978'], [`'=HYPERLINK("x")`, '-'], ['a, "b"', '7']]);
});

test.run();
