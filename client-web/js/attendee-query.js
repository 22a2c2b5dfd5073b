// Which attendees and tables the host console shows, in which order: search, filters, sort and the
// pickers' choices. Pure (no DOM), so Node tests it; quick at 10,000 attendees, 5 updates a second.
import { statusOf, tableOf } from './host-state.js';
import { fold } from './fold.js';

export { fold };

// Entries are replaced, never changed, when the server says something new: their folded texts are kept
// with them and computed once.
const folded = new WeakMap();
function keysOf(attendee) {
  let keys = folded.get(attendee);
  if (!keys) {
    const name = fold(attendee.name);
    const organisation = fold(attendee.organisation);
    keys = { name, organisation, role: fold(attendee.role), both: `${name}\n${organisation}` };
    folded.set(attendee, keys);
  }
  return keys;
}

const CONNECTION_RANK = { connected: 0, offline: 1, left: 2, removed: 3 };

// 'connected', 'offline', 'left' or 'removed'.
export function connectionOf(attendee) {
  const status = statusOf(attendee);
  if (status !== 'active') return status;
  return attendee.connected ? 'connected' : 'offline';
}

// The value each sortable column sorts by.
const SORT_KEYS = {
  name: (state, a) => keysOf(a).name,
  organisation: (state, a) => keysOf(a).organisation,
  role: (state, a) => keysOf(a).role,
  connection: (state, a) => CONNECTION_RANK[connectionOf(a)],
  table: (state, a) => tableOf(state, a.id) ?? Number.MAX_SAFE_INTEGER,
};
export const SORTABLE = Object.keys(SORT_KEYS);

// What the list shows: {text, show: 'all' | 'connected' | 'offline' | 'unseated' | 'left', table (a
// number or null), organisation (exact, or null), sort (one of SORTABLE), descending}.
export const DEFAULT_CRITERIA = Object.freeze({
  text: '', show: 'all', table: null, organisation: null, sort: 'name', descending: false,
});

const SHOW = {
  all: () => true,
  connected: (state, a) => connectionOf(a) === 'connected',
  offline: (state, a) => connectionOf(a) === 'offline',
  unseated: (state, a) => statusOf(a) === 'active' && tableOf(state, a.id) === null,
  left: (state, a) => statusOf(a) !== 'active',
};

// `text` is criteria.text folded (once for the whole list, not once per attendee).
export function matches(state, attendee, criteria, text = fold(criteria.text).trim()) {
  if (text && !keysOf(attendee).both.includes(text)) return false;
  if (!SHOW[criteria.show](state, attendee)) return false;
  if (criteria.table !== null && tableOf(state, attendee.id) !== criteria.table) return false;
  if (criteria.organisation !== null && attendee.organisation !== criteria.organisation) return false;
  return true;
}

// The list's ids, filtered and sorted. The sorted order is kept between updates and only sorted again
// when a sort value changed: at 10,000 attendees most updates only say who went offline.
export class AttendeeQuery {
  constructor() {
    this.sorted = null;  // {sort, descending, ids, values}
  }

  run(state, criteria) {
    const text = fold(criteria.text).trim();
    const ids = this.order(state, criteria);
    const everyone = !text && criteria.show === 'all' && criteria.table === null && criteria.organisation === null;
    return everyone ? ids : ids.filter((id) => matches(state, state.attendees.get(id), criteria, text));
  }

  order(state, { sort, descending }) {
    const valueOf = SORT_KEYS[sort];
    const kept = this.sorted;
    if (kept && kept.sort === sort && kept.descending === descending && kept.ids.length === state.attendees.size
      && kept.ids.every((id, i) => state.attendees.has(id) && valueOf(state, state.attendees.get(id)) === kept.values[i])) {
      return kept.ids;
    }
    const rows = [...state.attendees.values()].map((a) => ({ id: a.id, value: valueOf(state, a), name: keysOf(a).name }));
    const sign = descending ? -1 : 1;
    rows.sort((x, y) => sign * (compare(x.value, y.value) || compare(x.name, y.name) || x.id - y.id));
    this.sorted = { sort, descending, ids: rows.map((row) => row.id), values: rows.map((row) => row.value) };
    return this.sorted.ids;
  }
}

function compare(x, y) {
  if (x < y) return -1;
  return x > y ? 1 : 0;
}

// People the host may pick (merging: the entry to keep), best first: the search in names and
// organisations, those in the event before those who left, by name. At most `limit`, and how many more.
export function peopleChoices(state, text, { except = null, limit = 20 } = {}) {
  const query = fold(text).trim();
  const found = [];
  for (const a of state.attendees.values()) {
    if (a.id !== except && (!query || keysOf(a).both.includes(query))) found.push(a);
  }
  found.sort((x, y) => (statusOf(x) === 'active' ? 0 : 1) - (statusOf(y) === 'active' ? 0 : 1)
    || compare(keysOf(x).name, keysOf(y).name) || x.id - y.id);
  return { items: found.slice(0, limit), more: Math.max(0, found.length - limit) };
}

// Tables someone may be moved to (the one they sit at left out), best first: a number typed finds that
// table; words find the tables where someone's name or organisation holds them. A new table comes
// first when nothing is typed or its number is. {items: [{number, attendees, isNew}], more}.
export function tableChoices(state, text, { except = null, limit = 20 } = {}) {
  const query = fold(text).trim();
  const numbers = [...state.tables.keys()].sort((x, y) => x - y);
  const next = (numbers.length ? numbers[numbers.length - 1] : 0) + 1;
  const found = [];
  const asNumber = /^\d+$/.test(query) ? Number(query) : null;
  if (!query || asNumber === next) found.push({ number: next, attendees: [], isNew: true });
  for (const number of numbers) {
    if (number === except) continue;
    const table = state.tables.get(number);
    const hit = !query || (asNumber !== null ? String(number).startsWith(query)
      : table.attendees.some((id) => state.attendees.has(id) && keysOf(state.attendees.get(id)).both.includes(query)));
    if (hit) found.push({ number, attendees: table.attendees, isNew: false });
  }
  if (asNumber !== null) found.sort((x, y) => (x.number === asNumber ? -1 : 0) - (y.number === asNumber ? -1 : 0));
  return { items: found.slice(0, limit), more: Math.max(0, found.length - limit) };
}

// A table to watch: someone at it is offline, or only one person at it is online (nobody to talk to).
export function tableFlags(state, table) {
  let online = 0;
  let offline = 0;
  for (const id of table.attendees) {
    const a = state.attendees.get(id);
    if (a && connectionOf(a) === 'connected') online += 1;
    else offline += 1;
  }
  return { online, offline, alone: online === 1, empty: online === 0 };
}
