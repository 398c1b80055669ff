// @ts-check
// The search page's controls, added after the form: a filter per facet and a sort, the
// status line (announced), the note (did you mean, Latin text), the "all years" button,
// the reply-number jump, the result list and the "more" button.
import { el } from './dom.js';
import { FILTERS } from './url-state.js';
import { editionSwitch } from './edition.js';

/**
 * @typedef {{ controls: Record<string, HTMLSelectElement>, sortSelect: HTMLSelectElement, status: HTMLElement, note: HTMLElement, jump: HTMLElement, list: HTMLOListElement, more: HTMLButtonElement, allYearsButton: HTMLButtonElement }} Controls
 */

/**
 * @param {HTMLFormElement} form
 * @param {Record<string, string>} t the interface strings
 * @param {any} edition the edition searched (edition.js)
 * @returns {Controls}
 */
export function buildControls(form, t, edition) {
  // The online site opened from disk never gets here (module scripts are blocked there): offline.js
  // explains instead. The offline mirror runs this file as part of a classic script (offline-files.js).
  const status = el('p', { class: 'search-status', role: 'status', 'aria-live': 'polite', 'data-search-status': true });
  /** @type {Record<string, HTMLSelectElement>} */
  const controls = {};
  const fieldset = el('fieldset', { class: 'search-filters' }, el('legend', { class: 'search-filters-legend', text: t.filters }));
  for (const f of FILTERS) {
    const id = `search-filter-${f}`;
    const select = el('select', { id, name: f }, el('option', { value: '', text: t.any }));
    controls[f] = select;
    fieldset.append(el('div', { class: 'search-filter' }, el('label', { for: id, text: t[f] }), select));
  }
  const sortSelect = el(
    'select',
    { id: 'search-sort', name: 'sort' },
    el('option', { value: '', text: t.sortRelevance }),
    el('option', { value: 'replyNo', text: t.sortReplyNo }),
  );
  fieldset.append(el('div', { class: 'search-filter' }, el('label', { for: 'search-sort', text: t.sort }), sortSelect));

  const jump = el('p', { class: 'search-jump', 'data-search-jump': true, hidden: true });
  const note = el('p', { class: 'search-note', 'data-search-note': true, hidden: true });
  const list = el('ol', { class: 'search-results', 'data-search-results': true, 'aria-label': t.resultsLabel });
  const more = el('button', { type: 'button', class: 'search-more', hidden: true, text: t.more });
  const allYearsButton = el('button', { type: 'button', class: 'search-all-years', hidden: true, text: t.searchAll });
  // On a narrow screen the filters fold behind one control, so the first result is on the first screen.
  const box = el('details', { class: 'search-filter-box', open: matchMedia('(min-width: 48em)').matches }, el('summary', { text: t.filters }), fieldset);
  const typed = () => String(new FormData(form).get('q') ?? '').trim();
  const region = el('section', { class: 'search-ui', 'aria-label': t.resultsLabel }, editionSwitch(edition, typed), box, status, note, allYearsButton, jump, list, more);
  const host = document.getElementById('search-results');
  if (host) host.append(region);
  else form.after(region);
  return { controls, sortSelect, status, note, jump, list, more, allYearsButton };
}

/**
 * The filters' options, from the manifest (written by the build, already sorted), not from
 * pagefind.filters(), which would fetch every filter chunk of every shard up front.
 * @param {Controls} ui
 * @param {any} manifest
 * @param {Record<string, string>} selected
 */
export function fillFilters(ui, manifest, selected) {
  for (const f of FILTERS) {
    const select = ui.controls[f];
    for (const v of manifest.filters?.[f] ?? []) select.append(el('option', { value: v, text: v }));
    select.value = selected[f] ?? '';
  }
}

/** Whether a filter offers a value. */
export function offers(ui, f, value) {
  return ui.controls[f].querySelector(`option[value="${CSS.escape(value)}"]`) !== null;
}
