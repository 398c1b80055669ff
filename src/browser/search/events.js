// @ts-check
// The page's events and its history: typing replaces the history entry (after a pause),
// submitting or changing a control pushes one, the back button restores the state it recorded.
import { FILTERS, readState } from './url-state.js';

const DEBOUNCE_MS = 180;

/**
 * @param {{ form: HTMLFormElement, input: HTMLInputElement } & import('./controls.js').Controls} ui
 * @param {{ run: (state: any) => unknown, renderMore: () => unknown, applyState: (state: any) => void, searchAllYears: () => void, urlOf: (state: any) => string }} actions
 */
export function bindEvents(ui, actions) {
  const { form, input, controls, sortSelect, more, allYearsButton } = ui;
  function stateFromControls() {
    const s = { q: input.value.trim(), sort: sortSelect.value };
    for (const f of FILTERS) s[f] = controls[f].value;
    return s;
  }

  // One history entry per control the reader changes, not per value passed on the way:
  // arrow keys on a focused select fire 'change' for every option they cross.
  let lastPushedBy = null;
  let timer = 0;
  input.addEventListener('input', () => {
    lastPushedBy = null;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const s = stateFromControls();
      history.replaceState(null, '', actions.urlOf(s));
      actions.run(s);
    }, DEBOUNCE_MS);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    lastPushedBy = null;
    clearTimeout(timer);
    const s = stateFromControls();
    if (actions.urlOf(s) !== location.pathname + location.search) history.pushState(null, '', actions.urlOf(s));
    actions.run(s);
  });
  for (const select of [...Object.values(controls), sortSelect]) {
    select.addEventListener('change', () => {
      const s = stateFromControls();
      if (lastPushedBy === select) history.replaceState(null, '', actions.urlOf(s));
      else history.pushState(null, '', actions.urlOf(s));
      lastPushedBy = select;
      actions.run(s);
    });
  }
  more.addEventListener('click', () => actions.renderMore());
  allYearsButton.addEventListener('click', () => {
    actions.searchAllYears();
    allYearsButton.hidden = true;
    input.focus(); // the button goes away; keep focus in the form, the status announces the new count
    actions.run(stateFromControls());
  });
  window.addEventListener('popstate', () => {
    lastPushedBy = null;
    const s = readState(location.search);
    actions.applyState(s);
    actions.run(s);
  });
}
