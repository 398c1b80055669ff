// Interface strings of the search page script, by interface language (<html lang>).
// Kept next to the script that uses them: the page shell's own strings (box label,
// button) live in _data/i18n.
export const STRINGS = {
  'zh-Hant-HK': {
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
    results: (n) => `找到 ${n} 則結果。`,
    none: '找不到結果。請試用較短的詞語，或移除篩選條件。',
    prompt: '請輸入字詞，或選擇篩選條件。',
    showing: (shown, total) => `顯示第 1 至 ${shown} 則，共 ${total} 則。`,
    more: '顯示更多結果',
    jump: '直接前往答覆',
    replyNo: '答覆編號',
    memberLabel: '提問議員',
    headLabel: '總目',
    resultsLabel: '搜尋結果',
    background: '背景文件',
    failed: '搜尋暫時無法使用：未能載入搜尋索引。',
    offline:
      '從本機檔案（file://）開啟時，瀏覽器不容許載入搜尋索引，所以此頁不能搜尋。離線使用方法：在本檔案所在資料夾執行「python3 -m http.server」，再以瀏覽器開啟 http://localhost:8000/search/ ；或使用首頁的總目、綱領及議員索引瀏覽答覆。',
  },
  en: {
    filters: 'Filters',
    year: 'Year',
    head: 'Head',
    programme: 'Programme',
    member: 'Member',
    any: 'All',
    sort: 'Sort by',
    sortRelevance: 'Relevance',
    sortReplyNo: 'Reply number',
    searching: 'Searching…',
    results: (n) => `${n} ${n === 1 ? 'result' : 'results'} found.`,
    none: 'No results. Try a shorter word, or remove a filter.',
    prompt: 'Type a word, or choose a filter.',
    showing: (shown, total) => `Showing 1 to ${shown} of ${total}.`,
    more: 'Show more results',
    jump: 'Go straight to reply',
    replyNo: 'Reply no.',
    memberLabel: 'Asked by',
    headLabel: 'Head',
    resultsLabel: 'Search results',
    background: 'Background paper',
    failed: 'Search is unavailable: the search index could not be loaded.',
    offline:
      'Opened from a file (file://), the browser does not allow this page to load the search index, so search cannot work here. To search offline, run "python3 -m http.server" in this folder and open http://localhost:8000/en/search/ in your browser — or browse replies by head, programme and member from the home page.',
  },
};

export function stringsFor(lang) {
  return String(lang).toLowerCase().startsWith('en') ? STRINGS.en : STRINGS['zh-Hant-HK'];
}
