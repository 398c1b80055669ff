import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readIndexTable } from '../../src/ingest/index-table.ts';
import { enLayout, zhLayout } from '../../src/ingest/layout.ts';
import { Role } from '../../src/ingest/roles.ts';

const ZH = [
  '索引 ',
  '答覆編號 問題編號 議員姓名 總目 綱領 ',
  'ITIB007 1356 陳紹雄 135  ',
  'ITIB104 2042 周浩鼎 155 (6) 資助金：香港生產力促進局，香港',
  '',
  '應用科技研究院有限公司 ',
  'ITIB190 2159 林振昇 47 (1) 政府內部資訊科技的使用 ',
  '(2) 資訊科技基建及標準 ',
  '答覆編號 問題編號 議員姓名 總目 綱領 ',
  'ITIB263 1061 陸頌雄 111  ',
];

test('rows, no programme, a wrapped programme name and a second programme line', () => {
  const roles = new Uint8Array(ZH.length);
  const rows = readIndexTable(ZH, ZH.length, zhLayout, roles, 'x.txt');
  assert.equal(rows.map((r) => r.replyNo), ['ITIB007', 'ITIB104', 'ITIB190', 'ITIB263']);
  assert.equal(rows[0]!.programmes, []);
  assert.is(rows[0]!.headCode, '135');
  assert.is(rows[0]!.questionNo, 1356);
  assert.equal(rows[1]!.programmes, [{ code: '6', name: '資助金：香港生產力促進局，香港應用科技研究院有限公司' }]);
  assert.equal(rows[2]!.programmes, [
    { code: '1', name: '政府內部資訊科技的使用' },
    { code: '2', name: '資訊科技基建及標準' },
  ]);
  // a repeated column header is not a programme continuation
  assert.equal(rows[3]!.programmes, []);
  assert.is(rows[3]!.line, 10);
  assert.ok([...roles].every((r, i) => r === Role.index || ZH[i]!.trim() === ''));
});

test('English rows: member names with spaces and commas, wrapped programme', () => {
  const en = ['INDEX ', 'Name of Member Head Programme ', 'ITIB259 431 YUNG Hoi-yan, Judy 47 (2) IT Infrastructure and ', 'Standards '];
  const rows = readIndexTable(en, en.length, enLayout, new Uint8Array(en.length), 'x.txt');
  assert.is(rows[0]!.member, 'YUNG Hoi-yan, Judy');
  assert.equal(rows[0]!.programmes, [{ code: '2', name: 'IT Infrastructure and Standards' }]);
});

test.run();
