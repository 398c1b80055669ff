// Classic (non-module) script: module scripts and fetch() do not work from
// file://, so the search script never runs in an offline copy opened from disk.
// This one does, and says plainly how to search offline instead of failing silently.
(function () {
  if (location.protocol !== 'file:') return;
  var en = (document.documentElement.lang || '').toLowerCase().indexOf('en') === 0;
  var form = document.querySelector('form[data-search-form]') || document.querySelector('main form');
  if (!form) return;
  var p = document.createElement('p');
  p.className = 'search-offline';
  p.setAttribute('data-search-offline', '');
  p.textContent = en
    ? 'Search does not work in a copy opened from disk (file://): browsers do not let this page load the search index. To search offline, open a terminal in the folder that holds this copy, run "python3 -m http.server", then open http://localhost:8000/en/search/ in your browser. Without search, browse replies by year, head, programme and member from the home page.'
    : '從磁碟開啟的離線副本（file://）不能使用搜尋：瀏覽器不容許此頁載入搜尋索引。如要離線搜尋，請在存放副本的資料夾開啟終端機，執行「python3 -m http.server」，再以瀏覽器開啟 http://localhost:8000/search/ 。不用搜尋的話，可從首頁按年度、總目、綱領及議員瀏覽答覆。';
  form.parentNode.insertBefore(p, form.nextSibling);
})();
