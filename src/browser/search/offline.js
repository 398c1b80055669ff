// @ts-check
// Classic (non-module) script: module scripts and fetch() do not work from
// file://, so the search script never runs in an offline copy opened from disk.
// This one does, and says plainly how to search offline instead of failing silently.
// Its text is the dictionary's search.ui.offline, from the page's #search-strings data block.
(function () {
  if (location.protocol !== 'file:') return;
  var form = document.querySelector('form[data-search-form]') || document.querySelector('main form');
  var data = document.getElementById('search-strings');
  var text = '';
  try {
    text = JSON.parse((data && data.textContent) || '{}').offline || '';
  } catch (e) {
    text = '';
  }
  if (!form || !text) return;
  var p = document.createElement('p');
  p.className = 'search-offline';
  p.setAttribute('data-search-offline', '');
  p.textContent = text;
  form.parentNode.insertBefore(p, form.nextSibling);
})();
