// @ts-check
// The search's state lives in the URL (?q=…&year=…&head=…&programme=…&member=…&sort=replyNo
// &edition=…): shared links and the back button restore it. Pure functions of strings, tested in Node.
import { sameColon } from './query.js';

export const FILTERS = ['year', 'head', 'programme', 'member'];

/**
 * @typedef {{ q: string, sort: string, year: string, head: string, programme: string, member: string }} SearchState
 */

/**
 * The state a query string holds. Heads are printed with two colons; the filters use one (sameColon, as the index does).
 * @param {string} search location.search
 * @returns {SearchState}
 */
export function readState(search) {
  const p = new URLSearchParams(search);
  const state = /** @type {SearchState} */ ({ q: p.get('q') ?? '', sort: p.get('sort') === 'replyNo' ? 'replyNo' : '' });
  for (const f of FILTERS) state[f] = sameColon(p.get(f) ?? '');
  return state;
}

/**
 * The page's address for a state (`edition`: the edition asked for in the URL, kept).
 * @param {Partial<SearchState>} state
 * @param {string} pathname
 * @param {string | null} [edition]
 */
export function stateUrl(state, pathname, edition = null) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of FILTERS) if (state[f]) p.set(f, state[f]);
  if (state.sort) p.set('sort', state.sort);
  if (edition) p.set('edition', edition);
  const qs = p.toString();
  return pathname + (qs ? `?${qs}` : '');
}
