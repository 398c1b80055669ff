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
    // exact: results containing the term as typed; the rest contain all its words.
    results: (n, exact) => (exact < n ? `找到 ${n} 則結果，其中 ${exact} 則包含完整字詞（排在前面）。` : `找到 ${n} 則結果。`),
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
    results: (n, exact) =>
      `${n} ${n === 1 ? 'result' : 'results'} found.` +
      (exact < n ? ` ${exact} contain the exact term and are listed first.` : ''),
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
  },
};

export function stringsFor(lang) {
  return String(lang).toLowerCase().startsWith('en') ? STRINGS.en : STRINGS['zh-Hant-HK'];
}
