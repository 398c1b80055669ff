/**
 * Titles that say what was asked: the subject of the question (a scheme, body,
 * project or item) and what is asked about it (spending, staff, numbers,
 * progress …), read from the question's request — the part after 就此 / 請告知
 * — rather than its preamble, which usually quotes the estimates.
 *
 * The title is composed, never cut, so it cannot end mid-phrase; when no
 * subject is found the caller falls back to the first-clause rule (title.ts).
 * Titles the rule gets wrong are corrected in content/patches/titles.json.
 */

/** Composed titles stay within this many characters (code points); a longer one is not used. */
export const SUBJECT_MAX = 30;

/**
 * Bodies, places and programmes the questions name without quotation marks,
 * longest first where one contains another. Quoted names (「…」, 《…》) need no
 * entry: they are read from the question itself.
 */
const NAMED = [
  '政府資訊科技總監辦公室', '效率促進辦公室', '引進重點企業辦公室', '1823聯絡中心', '1823',
  '香港科技園公司', '科技園公司', '香港科學園', '科學園', '數碼港',
  '香港生產力促進局', '生產力局', '北部都會區', '新田科技城', '港深創新及科技園', '港深創科園', '落馬洲河套地區', '河套',
  '微電子研發院', '研發院', '研發中心', '主題研究院', '研究院', '超算中心', '數據中心', '先進製造業中心', '微電子中心',
  '智慧燈柱', '智慧城市', '電子政府', '數字經濟', '數字化經濟發展委員會', '網絡安全', '資訊保安', '人工智能', 'Web3',
  '科技統籌(整體撥款)', '科技券計劃', '科技券', '管理參議主任職系', '檢測和認證業', '研究人才庫', '生產力促進局',
  '智方便', '公共Wi-Fi', '創新及科技基金', '智慧政府創新實驗室', '香港太空館', '奇趣IT識多啲計劃', '中學IT創新實驗室計劃',
  '生命健康科技', '前沿科技', '新型工業化', '再工業化', '流動應用程式', '政府網站', '開放數據',
  ...['創科人才', '科技人才', '人才', '初創企業', '中小企', '大灣區', '長者', '中小學', '公務員', '創科生態'],
].sort((a, b) => b.length - a.length);
/**
 * Who or what a scheme serves rather than the scheme: counted at half weight, so
 * 「傑出創科學人計劃」 named once outweighs 人才 named three times around it.
 */
const BROAD = new Set(['創科人才', '科技人才', '人才', '初創企業', '中小企', '大灣區', '長者', '中小學', '公務員', '創科生態', '智慧城市', '人工智能', '前沿科技', '網絡安全', '資訊保安']);

/** Words that are the document's own names for itself or its sources, never a question's subject. */
const NOT_SUBJECT = /^(?:財政預算案|預算案|\d{4}-\d{2}年度財政預算案|\d{4}年施政報告|施政報告|藍圖|計劃|委員會|本會|局方)$/u;

/** Quoted words that are a phrase of the estimates, not a name: they hold 的 or start with a verb. */
const QUOTATION = /的|^(?:推動|推行|提速|發展|進一步|加強|繼續|推展|提升|促進|鼓勵|支援|二零|\d{4}(?:年|-))/u;

/** What is asked, in the order a title lists them; each with the words that ask it. */
const ASPECTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['開支', /開支|預算|撥款|資金|費用|成本|資助額|金額|款項|投放|涉款/u],
  ['人手', /人手|編制|職位|人員|員工|職級|聘用/u],
  ['數字', /數目|數字|宗數|人數|次數|人次|多少(?!開支|資源|人手|金額|款項)/u],
  ['進度', /進度|時間表|何時|進展|落成|推展/u],
  ['成效', /成效|評估|指標|效益|成果|檢討/u],
  ['用地', /用地|土地|面積/u],
];

/** Where the request starts: the preamble before it only sets the scene. */
const REQUEST = /就此|(?:請|可否|能否)(?:當局|政府|局方)?(?:告知|提供|列出|說明)|請問|請當局|請政府/u;

const length = (s: string) => Array.from(s).length;

interface Candidate { name: string; score: number; first: number }

/** The subject: the name the question returns to most, counting the request twice; ties go to the earlier. */
function subjectOf(preamble: string, request: string): string | null {
  const found = new Map<string, Candidate>();
  const add = (name: string, at: number, weight: number) => {
    const inner = name.replace(/^[「《]|[」》]$/gu, '');
    if (NOT_SUBJECT.test(inner) || length(inner) < 3 || length(name) > 20 || QUOTATION.test(inner)) return;
    const c = found.get(name) ?? { name, score: 0, first: at };
    c.score += weight;
    c.first = Math.min(c.first, at);
    found.set(name, c);
  };
  const scan = (text: string, weight: number, offset: number) => {
    let masked = text;
    for (const m of text.matchAll(/「[^「」]{2,18}」|《[^《》]{2,18}》/gu)) {
      // A name the member put in quotation marks is the one they mean: double weight.
      add(m[0], offset + m.index, weight * 2);
      masked = masked.slice(0, m.index) + ' '.repeat(m[0].length) + masked.slice(m.index + m[0].length);
    }
    // Unquoted names, longest first, each occurrence counted once (数碼港 inside 數碼港Web3基地 is not counted again).
    for (const name of NAMED) {
      let at = masked.indexOf(name);
      while (at >= 0) {
        add(name, offset + at, BROAD.has(name) ? weight / 2 : weight);
        masked = masked.slice(0, at) + ' '.repeat(name.length) + masked.slice(at + name.length);
        at = masked.indexOf(name, at + name.length);
      }
    }
  };
  scan(preamble, 1, 0);
  scan(request, 2, preamble.length);
  const best = [...found.values()].sort((a, b) => b.score - a.score || a.first - b.first)[0];
  return best ? best.name : null;
}

/** The aspects the request asks about, in the order of ASPECTS, at most two. */
function aspectsOf(request: string): string[] {
  return ASPECTS.filter(([, re]) => re.test(request)).map(([label]) => label).slice(0, 2);
}

/**
 * `「智方便」的開支及數字`: the subject and what is asked, or null when the
 * question names no subject the rule can find (the caller then uses title.ts).
 */
export function subjectTitle(question: readonly string[]): string | null {
  const text = question.join('');
  const m = REQUEST.exec(text);
  const preamble = m ? text.slice(0, m.index) : '';
  const request = m ? text.slice(m.index) : text;
  const subject = subjectOf(preamble, request);
  if (subject === null) return null;
  const aspects = aspectsOf(request);
  const asked = aspects.length === 0 ? '詳情' : aspects.join('及');
  const title = `${subject}的${asked}`;
  return length(title) <= SUBJECT_MAX ? title : null;
}
