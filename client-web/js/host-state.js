// The host console's state, built from a `host_state` snapshot and kept up to date by `host_update`
// deltas (protocol.md). Pure: no DOM, so Node tests it; a new state is returned, the old one is left as it was.
//
// state: {phase, round, rounds, kind, deadline, paused, remaining_ms, present, round_kinds, needs,
//         attendees: Map id → attendee (in the order they came; who left or was removed stays, with `status`),
//         tables: Map number → {number, attendees}, seats: Map attendee id → table number (derived from
//         tables, so no lookup scans every table), tally: {connected, offline, left} and
//         organisations: Map organisation → how many entries (kept as entries change, never recounted)}

const CLOCK_FIELDS = ['phase', 'round', 'rounds', 'kind', 'deadline', 'paused', 'remaining_ms', 'present', 'round_kinds', 'needs'];

export function emptyHostState() {
  return {
    phase: 'lobby', round: 0, rounds: 0, kind: null, deadline: null, paused: false, remaining_ms: null, present: 0,
    round_kinds: [], needs: null,
    attendees: new Map(), tables: new Map(), seats: new Map(),
    tally: { connected: 0, offline: 0, left: 0 }, organisations: new Map(),
  };
}

// 'active', 'left' or 'removed': the protocol leaves `status` out while someone is in the event.
export function statusOf(attendee) {
  return attendee.status || 'active';
}

// Which count of the tally an entry adds to.
function tallyKey(attendee) {
  if (statusOf(attendee) !== 'active') return 'left';
  return attendee.connected ? 'connected' : 'offline';
}

// A snapshot is an update to an empty console that also drops every table.
export function hostStateFromSnapshot(snapshot) {
  return applyHostUpdate(emptyHostState(), { ...snapshot, tables_reset: true });
}

// Apply one `host_update` in the order protocol.md gives: attendees, gone, tables_reset, tables.
// Maps nothing touches are shared with the old state rather than copied (10,000 attendees, 5 updates a second).
export function applyHostUpdate(state, update) {
  const next = { ...state };
  for (const field of CLOCK_FIELDS) {
    if (update[field] !== undefined) next[field] = update[field];
  }
  const changed = update.attendees || [];
  const gone = update.gone || [];
  if (changed.length > 0 || gone.length > 0) {
    next.attendees = new Map(state.attendees);
    next.tally = { ...state.tally };
    for (const attendee of changed) {
      const before = next.attendees.get(attendee.id);
      next.attendees.set(attendee.id, attendee);
      if (before) next.tally[tallyKey(before)] -= 1;
      next.tally[tallyKey(attendee)] += 1;
      if (!before || before.organisation !== attendee.organisation) {
        if (before) countOrganisation(next, state, before.organisation, -1);
        countOrganisation(next, state, attendee.organisation, 1);
      }
    }
    for (const id of gone) {
      const before = next.attendees.get(id);
      if (!before) continue;
      next.attendees.delete(id);
      next.tally[tallyKey(before)] -= 1;
      countOrganisation(next, state, before.organisation, -1);
    }
  }
  const tables = update.tables || [];
  if (update.tables_reset === true || tables.length > 0) {
    next.tables = update.tables_reset === true ? new Map() : new Map(state.tables);
    next.seats = update.tables_reset === true ? new Map() : new Map(state.seats);
    for (const table of tables) replaceTable(next, table);
  }
  return next;
}

// The organisations' counts change only when someone comes, goes or changes organisation: the map is
// copied then, and shared otherwise, so the console redraws its organisation filter only then.
function countOrganisation(next, state, organisation, delta) {
  if (next.organisations === state.organisations) next.organisations = new Map(state.organisations);
  const left = (next.organisations.get(organisation) || 0) + delta;
  if (left > 0) next.organisations.set(organisation, left);
  else next.organisations.delete(organisation);
}

// Replace a table by number, or drop it when it has nobody. A seat is freed only if it still points
// here: someone moved from table 3 to 5 in one update may already be seated at 5.
function replaceTable(state, table) {
  const before = state.tables.get(table.number);
  if (before) {
    for (const id of before.attendees) {
      if (state.seats.get(id) === table.number) state.seats.delete(id);
    }
  }
  const ids = table.attendees || [];
  if (ids.length === 0) {
    state.tables.delete(table.number);
    return;
  }
  state.tables.set(table.number, { number: table.number, attendees: ids });
  for (const id of ids) state.seats.set(id, table.number);
}

// The number of the table an attendee sits at, or null when not seated.
export function tableOf(state, attendeeId) {
  return state.seats.get(attendeeId) ?? null;
}

// The counts the console shows: present (connected), offline, left (or removed), seated at a table.
export function countsOf(state) {
  return { ...state.tally, seated: state.seats.size };
}

// The tables a `round_tables` answer lists, as the state keeps them: Map number → {number, attendees}.
export function roundTablesFrom(message) {
  return new Map((message.tables || []).map((table) => [table.number, { number: table.number, attendees: table.attendees }]));
}
