/**
 * Interface strings, Traditional Chinese (Hong Kong). The shape of this
 * dictionary is the type every other language must satisfy (see en.ts).
 * `{name}` placeholders are filled by `format()` in src/site/lib/i18n.ts.
 */
import type { PluralForms } from './plural.ts';
export const zhHantHK = {
  langName: '中文',
  /** Names of the languages a source or reply can be in. */
  languageNames: { 'zh-Hant-HK': '中文（繁體）', en: '英文' },
  locale: 'zh-Hant-HK',
  /** A budget year "2023-24" as written in running text. */
  yearRange: '{from}-{to}',
  /** What the archive covers (src/site/lib/scope.ts), where counts are read. */
  scope: {
    note: '本檔案庫目前收錄{scope}的答覆，本頁的數字只計這些答覆。',
    entry: '{year}年度',
  },
  site: {
    /** Between the items of a list written in running text. */
    listSeparator: '、',
    name: '立法會開支預算問答檔案',
    tagline: '立法會議員就開支預算提出的書面問題及政府的答覆',
    skip: '跳到主要內容',
    nav: '主要導覽',
    breadcrumb: '導覽路徑',
    home: '首頁',
    search: '搜尋',
    searchLabel: '搜尋問題及答覆',
    searchButton: '搜尋',
    about: '關於本檔案',
    data: '開放數據',
    members: '議員',
    otherLanguage: '其他語言版本',
    footer: '本網站整理立法會公開文件，非官方網站。文字以官方文件為準。',
    reportError: '報告錯誤',
  },
  reply: {
    facts: '答覆資料',
    replyNo: '答覆編號',
    questionNo: '問題編號',
    member: '提問議員',
    memberRef: '立法會內部參考編號',
    memberRefValue: '（立法會內部參考編號：{ref}）',
    head: '總目',
    programme: '綱領',
    programmeNone: '沒有指定',
    subhead: '分目',
    subheadNone: '沒有指定',
    controllingOfficer: '管制人員',
    director: '局長',
    session: '會議',
    sessionValue: '第 {n} 節',
    year: '年度',
    /** The official document of a reply; {page} is one of page / pages / pagesBetween (pagesBetween: the source prints no page in this reply, so it lies between its neighbours' printed pages). */
    document: '原文件',
    documentValue: '{title}，{page}',
    page: '第 {n} 頁',
    pages: '第 {from}–{to} 頁',
    pagesBetween: '第 {from}–{to} 頁之間',
    source: '來源',
    sourceValue: '{file}，第 {from}–{to} 行',
    previous: '上一則答覆',
    next: '下一則答覆',
    pager: '答覆之間的導覽',
    permalink: '永久連結',
    cite: '引用本答覆',
    reportError: '報告這則答覆的文字錯誤',
    editionMissing: '這則答覆的中文版本尚未收錄於本檔案庫，以下是英文版本的文字。',
    editionLink: '閱讀 {replyNo} 的英文版本',
    contents: '本答覆的目錄',
    contentsAtAnswer: '本答覆的目錄（答覆開首）',
    contentsSummary: '目錄：{sections} 個部分、{tables} 個表',
    sameAnswer: '相同的答覆',
    sameAnswerLead: '同一答覆亦給了以下問題：',
    sameAnswerRule: '判定方法：同一年度內，兩則答覆的文字以每 5 個字為一段比較，相同的段落佔全部段落 {threshold}% 或以上（Jaccard 相似度）。',
    citation: '{director}：《{replyNo}：{title}》（{year}年度開支預算，管制人員對立法會議員初步問題的答覆，問題編號 {questionNo}，{member}議員提問）。{url}',
  },
  lists: {
    replies: '答覆',
    /** Counts take a form per plural category (plural.ts); Chinese has one. */
    replyCount: { other: '{n} 則答覆' } as PluralForms,
    memberCount: { other: '{n} 位議員' } as PluralForms,
    programmes: '綱領',
    heads: '總目',
    years: '年度',
    allMembers: '所有議員',
    membersIntro: '按議員瀏覽其在各年度提出的問題。',
    memberTitle: '{name}議員的問題',
    memberIntro: '{name}議員提出的書面問題，按年度及總目排列，共 {n} 則。',
    headTitle: '總目 {code}：{name}',
    headIntro: '{year}年度這個總目下的答覆，按綱領排列。一則答覆涉及兩個綱領時，兩處都會列出。',
    programmeTitle: '綱領 ({code}) {name}',
    programmeNoneTitle: '沒有指定綱領',
    programmeIntro: '{head}下這個綱領的答覆。',
    yearTitle: '{year}年度開支預算的答覆',
    yearIntro: '{year}年度，管制人員就議員的初步書面問題作出的答覆，按總目及綱領排列。',
    colReply: '答覆編號',
    colTitle: '題目',
    colMember: '議員',
    colHead: '總目',
    colCount: '答覆數目',
    replyList: '答覆一覽',
  },
  charts: {
    byProgramme: '各綱領的答覆數目',
    byMember: '提問最多的議員（{n} 位，同數者一併列出）',
    programmeNote: '一則答覆涉及兩個綱領時，兩處都會計算。',
  },
  home: {
    title: '立法會開支預算問答檔案',
    intro: '每年審核開支預算時，立法會議員向政府提出大量書面問題，各管制人員以書面答覆。本網站把這些答覆整理成可閱讀、可連結、可搜尋的網頁，並保留原文的編號與表格。',
    waysIn: '由這裏開始',
    byYear: '按年度瀏覽',
    byHead: '按總目瀏覽',
    byMember: '按議員瀏覽',
    background: '背景文件',
    searchIntro: '以關鍵字搜尋所有問題及答覆。',
  },
  background: {
    label: '背景文件',
    committee: '委員會',
    date: '日期',
  },
  body: {
    tableCaption: '{section}：表 {n}',
    tableCaptionWhat: '{section}：表 {n}：{what}',
    tableCsv: '下載此表（CSV）',
    /** The name a screen reader gives a paragraph's link: "連結至答覆第 1 段". */
    paragraphLink: '連結至{section}第 {n} 段',
    /** …and a numbered part's: "連結至答覆第 3(b) 點". */
    partLink: '連結至{section}第 {part} 點',
    /** Sections as named in those links. */
    sections: { question: '問題', answer: '答覆', intro: '引言', annex: '附件 {n}', section: '第 {n} 節' },
    extracted: '{section}：表 {n}（按擷取原樣保留：未能可靠還原欄位，文字與原文件相同）',
  },
  search: {
    title: '搜尋',
    intro: '搜尋所有問題及答覆的全文。',
    noScript: '搜尋功能需要 JavaScript。你亦可按年度、總目或議員瀏覽所有答覆。',
    /** 只在檔案庫有多於一個語文版本的答覆時顯示（src/browser/search/edition.js）。 */
    edition: {
      searching: '正在搜尋答覆的{edition}。',
      switchTo: '改為搜尋{edition}',
      names: { 'zh-Hant-HK': '中文版本', en: '英文版本' },
    },
    /** The search page script's strings (src/browser/search/search.js reads them from the page's #search-strings data block). */
    ui: {
      filters: '篩選',
      year: '年度',
      head: '總目',
      programme: '綱領',
      member: '提問議員',
      any: '全部',
      sort: '排序',
      sortRelevance: '相關程度',
      sortReplyNo: '答覆編號',
      searching: '搜尋中……',
      resultsOne: '找到 1 則結果。',
      results: '找到 {n} 則結果。',
      /** exact: results containing the term as typed (listed first); the rest contain all its words. */
      resultsExact: '找到 {n} 則結果，其中 {exact} 則包含完整字詞（排在前面）。',
      none: '找不到結果。請試用較短的詞語，或移除篩選條件。',
      prompt: '請輸入字詞，或選擇篩選條件。',
      showing: '顯示第 1 至 {shown} 則，共 {total} 則。',
      more: '顯示更多結果',
      jump: '直接前往答覆',
      /** One reply offered by the jump: its number and budget year. */
      jumpItem: '{replyNo}（{year}）',
      memberLabel: '提問議員',
      headLabel: '總目',
      resultsLabel: '搜尋結果',
      background: '背景文件',
      failed: '搜尋暫時無法使用：未能載入搜尋索引。',
      /** Only the newest year's index (and any year chosen in the filter) is loaded until the reader asks for the others; {year} lists the years searched. */
      partial: '以上只是 {year} 年度的結果，尚未搜尋其他年度（{years}）。',
      searchAll: '一併搜尋較早的年度',
      /** Between the years listed in `partial`. */
      listSeparator: '、',
      /** A query converted from Simplified to Hong Kong Traditional Chinese (convert.js): {q} is what was searched. */
      converted: '已轉為繁體搜尋「{q}」。',
      /** Marks a result that contains some of the query's words but not the whole term. */
      partialMatch: '部分符合：不含完整字詞',
      /** A result of a query of several words that lacks some of them ({words}: the words it lacks). */
      partialLacking: '部分符合：不含{words}',
      /** Results of several words: {exact} hold every word (full matches, listed first). */
      resultsAll: '找到 {n} 則結果，其中 {exact} 則包含全部字詞（排在前面）。',
      /** A reviewed synonym list applied (content/search/synonyms.json): {forms} is every form searched. */
      synonyms: '同時搜尋了同義詞：{forms}。',
      /** An English name searched as its Chinese name (content/search/glossary.json). */
      glossary: '已按「{en}」的中文名稱搜尋「{zh}」。',
      /** Before the closest terms the archive holds, when no reply contains the query (suggest.js). */
      suggest: '你是否要找：',
      /** A word of Latin letters that no reply contains ({q}); the replies are in Chinese. */
      latinNone: '沒有答覆包含「{q}」。這些答覆的內文是中文：請以中文字詞搜尋，或',
      /** The link after latinNone: a reply-number search. */
      latinReplyNo: '按答覆編號搜尋（例如 ITIB001）',
      /** Shown by offline.js when the page is opened from disk (file://), where the index cannot load. */
      offline: '從磁碟開啟的離線副本（file://）不能使用搜尋：瀏覽器不容許此頁載入搜尋索引。如要離線搜尋，請在存放副本的資料夾開啟終端機，執行「python3 -m http.server」，再以瀏覽器開啟它顯示的網址，並在後面加上 search/ 。不用搜尋的話，可從首頁按年度、總目、綱領及議員瀏覽答覆。',
    },
  },
  about: {
    title: '關於本檔案',
    sourcesTitle: '資料來源',
    sourcesIntro: '本檔案的文字來自以下立法會文件：',
    sourcesCaption: '來源文件一覽',
    colDocument: '文件',
    colSession: '會議',
    colLanguage: '語言',
    colReplies: '答覆數目',
    /** Where LegCo publishes the originals; {legco} is a link to the LegCo homepage (the only address we can vouch for). */
    originalTitle: '在哪裏找到原文件',
    original: '立法會在其網站（{legco}）財務委員會的「審核開支預算」網頁發布這些文件：管制人員對立法會議員初步書面問題的答覆，按決策局分冊，以 PDF 公布。',
    originalPages: '每則答覆頁面的「原文件」一項列出所據文件的標題及頁碼：擷取的文字在該答覆內保留了頁腳的，照錄所印頁碼；否則列出答覆必然所在的頁碼範圍（由前後答覆所印的頁碼推算），註明「之間」。文件的網址未經核實的，本檔案不會提供連結。',
    methodTitle: '文字如何擷取及更正',
    method: [
      '原文件為 PDF，文字經擷取後由程式整理：刪除頁首頁尾、還原被拆開的中文字、合併斷行、找回答覆的編號、總目及綱領，並與文件開首的索引表核對。',
      '未能可靠還原的表格會按擷取原樣保留，並清楚標示。人手更正以獨立的修訂檔記錄，不會直接改動原文，因此每次重建都得出相同的結果。',
    ],
    errorsTitle: '報告錯誤',
    errors: '如發現文字與官方文件不符，請提交問題報告，並註明答覆編號及段落連結。',
    errorsLink: '提交問題報告',
  },
  data: {
    title: '開放數據',
    intro: '所有答覆均可下載，供研究及轉載之用：以 SQL 查詢的資料庫、附有說明的數據包、CSV 及 JSON，以及每則答覆各自的 JSON。每個年度的檔案分開存放，只需下載所需年度。',
    yearsTitle: '各年度的檔案',
    yearsIntro: '每個財政年度有自己的資料夾（例如 /2023-24/data/）；{index} 列出各年度的所有檔案及其大小。',
    files: {
      db: 'SQLite 資料庫：答覆、議員、總目、綱領、表格及每個儲存格，另有可搜尋中文詞語的全文索引',
      metadata: 'Datasette 的說明檔（標題、授權、來源、各欄說明）',
      csv: '每則答覆的每個語文版本一行，中文版本在先（UTF-8，含 BOM，可直接以 Excel 開啟而中文不會變亂碼）',
      tablesJson: '所有答覆各語文版本內的每個表格：答覆識別碼、版本語文（lang）、表格在該版本中的編號、標題、表頭及各行',
      datapackage: '描述以上 CSV 及 JSON 的數據包（Frictionless Data Package）：欄位、類型、主鍵及外鍵、授權及來源',
      tableCsvs: '資料庫的其餘各表的 CSV，欄位見下文',
    },
    yearFolder: '{year} 年度',
    sqlTitle: '以 SQL 查詢',
    sqlIntro: '下載一個年度的 replies.db，以 sqlite3 或任何 SQLite 工具開啟。例如列出含「數碼港」的答覆：',
    ftsNote: '中文全文搜尋：全文索引 replies_fts 把文字存成兩字一組、互相重疊的詞（數碼港 → 數碼、碼港），因為 SQLite 的斷詞器會把一整串中文當作一個詞。搜尋兩個字或以上的詞語時，把它拆成兩字一組、以空格分隔，再加上雙引號作為詞組（"數碼 碼港"），便恰好找到文字含有該詞語的答覆；英文字詞則照常搜尋。',
    datasette: '以 Datasette 瀏覽（附各表說明，以及「search」查詢，輸入中文詞語即可）：',
    replyJsonTitle: '每則答覆的 JSON',
    replyJsonIntro: '每則答覆網頁旁有 reply.json（網頁以 <link rel="alternate" type="application/json"> 連結），包括兩個語文版本、表格及其儲存格、來源及永久連結，只需下載一則答覆：',
    replyJsonFields: {
      version: '格式版本（欄位改變含意或刪除時才會遞增）',
      id: '識別碼（年度/答覆編號）',
      permalink: '答覆網頁的永久網址',
      editions: '各語文版本（editions["zh-Hant-HK"]、editions.en），各有下列欄位',
      'editions.*.tables': '該版本的表格：tableNo、anchor（網頁錨點）、caption、csvUrl、header、rows',
      'editions.*.source': '來源：file、lines（行號）、title（官方文件名稱）、pages（頁碼）、pagesExact、url（官方文件網址，只在知道時提供）',
      'editions.*.markdown': '問題及答覆全文（Markdown）',
    },
    replyJsonOther: '其餘欄位（lang、url、replyNo、questionNo、session、bureau、member、memberRef、head、subhead、programmes、controllingOfficer、director、title）的含意與下表 replies 的同名欄位相同。',
    packageTitle: '數據包',
    packageIntro: '每個年度的 datapackage.json 描述該年度的 CSV 及 JSON，可用任何數據包驗證工具檢查：',
    packageArchive: '有網站網址的版本另有 /data/datapackage.json，以絕對網址描述所有年度的檔案。',
    archiveTitle: '整個檔案庫的資料庫',
    archiveIntro: '所有年度合而為一的 SQLite 資料庫並不在網站上發布（約十萬則答覆，檔案過大）；可從本檔案庫的原始碼以 npm run data:archive 自行產生。',
    tablesTitle: '資料庫各表及欄位',
    tablesIntro: 'replies.db 及各 CSV 的表及欄位如下（CSV 沒有 markdown 欄）。',
    column: '欄位',
    type: '類型',
    description: '說明',
    key: '鍵：{key}',
    tableCsvBeside: '每個表格下方亦有該表的 CSV 檔（UTF-8，含 BOM），網址固定，位於答覆旁，例如 /2023-24/itib144/answer-table-1.csv。',
    fullData: '每則答覆的完整數據（各語文版本的全部欄位、Markdown 全文及表格）在兩處：該答覆自己的 {replyJson}，以及該年度的 replies.db（{replies} 表每個語文版本一行，Markdown 全文在 markdown 欄；表格的每個儲存格在 tables 及 table_cells 表）。replies.csv 有 Markdown 以外的全部欄位（全文太長，放不進試算表的儲存格）。年度的離線版本（以本檔案庫的原始碼執行 npm run build:offline -- --units DIR）亦包含同樣的檔案。',
    termsTitle: '使用條款',
    terms: [
      '答覆的文字屬香港特別行政區政府的官方文件，由立法會公開發表；轉載原文請遵從立法會網站的版權告示，並以官方文件為準。',
      '本檔案庫整理的結構、表格及更正（content/ 內的資料）以 CC BY 4.0 授權，可自由使用及轉載，請註明出處「立法會開支預算答覆檔案庫」；程式碼以 MIT 授權。',
    ],
    csvNote: 'CSV 中以 =、+、-、@ 開頭而非數字的儲存格前加上撇號（\'），試算表便只當作文字顯示，不會當作公式執行。',
  },
  feed: {
    /** The visible link to a page's Atom feed. */
    follow: '訂閱此頁的新答覆（Atom 資訊提供）',
    /** The feed's name where a page advertises it (<link rel="alternate" title>). */
    advertise: '{title}（Atom 資訊提供）',
  },
  notFound: {
    title: '找不到這一頁',
    body: '這個網址沒有內容。網址可能輸入錯誤，或頁面已經移動。',
    home: '返回首頁',
  },
};

export type Strings = typeof zhHantHK;
