// The client's pure pieces, run in Node without a browser: reconnect backoff, parsing, countdown,
// tablemates, and the host console's state merged from host_update deltas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, parseMessage, clockOffset, messages, tablemates } from '../../client-web/js/protocol.js';
import { Countdown, ServerClock, formatRemaining } from '../../client-web/js/countdown.js';
import { hostStateFromSnapshot, applyHostUpdate, tableOf } from '../../client-web/js/host-state.js';

test('reconnect delays double from 0.5 s, are capped at 10 s, and are jittered', () => {
  const cases = [[0, 250, 500], [1, 500, 1000], [2, 1000, 2000], [4, 4000, 8000], [5, 5000, 10000], [30, 5000, 10000]];
  for (const [attempt, low, high] of cases) {
    assert.equal(backoffDelay(attempt, () => 0), low, `attempt ${attempt}, least`);
    assert.equal(backoffDelay(attempt, () => 1), high, `attempt ${attempt}, most`);
  }
});

test('server messages are parsed only when well formed and of a known type', () => {
  const cases = [
    ['{"type":"presence","present":3}', { type: 'presence', present: 3 }],
    ['{"type":"host_update","gone":[9]}', { type: 'host_update', gone: [9] }],
    ['{"type":"bogus"}', null],
    ['[1,2]', null],
    ['not json', null],
    ['null', null],
  ];
  for (const [raw, expected] of cases) assert.deepEqual(parseMessage(raw), expected, raw);
  assert.equal(clockOffset({ server_time: 10500 }, 10000), 500);
  assert.deepEqual(messages.moveAttendee(7, 2), { type: 'move_attendee', attendee_id: 7, table: 2 });
  assert.deepEqual(messages.extendRound(2), { type: 'extend_round', minutes: 2 });
});

test('remaining time reads as minutes and seconds', () => {
  const cases = [[0, '0:00'], [-5, '0:00'], [1, '0:01'], [59001, '1:00'], [600000, '10:00'], [3723000, '1:02:03']];
  for (const [ms, text] of cases) assert.equal(formatRemaining(ms), text);
});

test('the one-minute warning fires once per round, and again after the round is extended', () => {
  const clock = new ServerClock();
  const now = Date.now();
  let warnings = 0;
  const countdown = new Countdown(null, clock, { onWarning: () => { warnings += 1; } });
  const at = (deadline, key = 'round-1') => countdown.set({ deadline, paused: false, remaining_ms: null, key, warn: true });
  at(now + 120000);
  assert.equal(warnings, 0);
  at(now + 50000);
  at(now + 40000);
  assert.equal(warnings, 1, 'once, not at every redraw');
  at(now + 180000);
  at(now + 30000);
  assert.equal(warnings, 2, 'the host extended the round, then a minute was left again');
  at(now + 30000, 'round-2');
  assert.equal(warnings, 3, 'a new round warns again');
  countdown.set({ deadline: null, paused: true, remaining_ms: 30000, key: 'round-2', warn: true });
  assert.equal(warnings, 3, 'pausing does not warn again');
  countdown.stop();
});

test('tablemates are the people at the table but the attendee', () => {
  const people = [{ id: 4, name: 'Yanis' }, { id: 7, name: 'Camille' }, { id: 9, name: 'Inès' }];
  const cases = [
    [{ number: 3, people }, 7, [4, 9]],
    [{ number: 3, people: [{ id: 7, name: 'Camille' }] }, 7, []],
    [{ number: 3, people }, 12, [4, 7, 9]],
    [{ number: 3 }, 7, []],
    [null, 7, []],
  ];
  for (const [table, you, ids] of cases) {
    assert.deepEqual(tablemates(table, you).map((p) => p.id), ids, `${JSON.stringify(table)} seen by ${you}`);
  }
});

// --- The host console's state -----------------------------------------------------------------

const person = (id, name, connected = true) => ({ id, name, organisation: 'Asso', role: '', connected });
const CLOCK = { phase: 'round', round: 2, rounds: 3, deadline: 1764326400000, paused: false, remaining_ms: null, present: 6 };
const SNAPSHOT = {
  type: 'host_state', ...CLOCK,
  attendees: [person(4, 'Yanis'), person(7, 'Camille'), person(9, 'Inès'), person(11, 'Lucas'),
    person(13, 'Aïcha'), person(15, 'Thomas')],
  tables: [{ number: 1, attendees: [4, 7, 9] }, { number: 2, attendees: [11, 13, 15] }],
};

// What a case compares: the clock, attendees in order, tables by number, and where each attendee sits.
function summary(state) {
  return {
    clock: Object.fromEntries(Object.keys(CLOCK).map((field) => [field, state[field]])),
    attendees: [...state.attendees.values()].map((a) => `${a.id} ${a.name}${a.connected ? '' : ' (offline)'}`),
    tables: Object.fromEntries([...state.tables.values()].map((table) => [table.number, table.attendees])),
    seats: Object.fromEntries([...state.attendees.keys()].map((id) => [id, tableOf(state, id)])),
  };
}

// The seat index says exactly what the tables say.
function assertSeatsMatchTables(state, label) {
  let seated = 0;
  for (const table of state.tables.values()) {
    for (const id of table.attendees) assert.equal(tableOf(state, id), table.number, `${label}: ${id} sits at ${table.number}`);
    seated += table.attendees.length;
  }
  assert.equal(state.seats.size, seated, `${label}: no seat left over`);
}

test('a host_state snapshot gives attendees by id and each attendee their table', () => {
  const state = hostStateFromSnapshot(SNAPSHOT);
  assert.deepEqual(summary(state), {
    clock: CLOCK,
    attendees: ['4 Yanis', '7 Camille', '9 Inès', '11 Lucas', '13 Aïcha', '15 Thomas'],
    tables: { 1: [4, 7, 9], 2: [11, 13, 15] },
    seats: { 4: 1, 7: 1, 9: 1, 11: 2, 13: 2, 15: 2 },
  });
  assert.equal(tableOf(state, 99), null, 'an unknown id sits nowhere');
  const lobby = hostStateFromSnapshot({ ...SNAPSHOT, phase: 'lobby', round: 0, deadline: null, tables: [] });
  assert.deepEqual(summary(lobby).seats, { 4: null, 7: null, 9: null, 11: null, 13: null, 15: null });
});

test('host_update deltas merge into the console state', () => {
  const base = summary(hostStateFromSnapshot(SNAPSHOT));
  // [what happens, the update, what differs from the snapshot]
  const cases = [
    ['a new attendee comes last, not seated yet',
      { ...CLOCK, present: 7, attendees: [person(12, 'Inès Roux')] },
      { clock: { present: 7 }, attendees: [...base.attendees, '12 Inès Roux'], seats: { ...base.seats, 12: null } }],
    ['a latecomer is seated at once',
      { ...CLOCK, present: 7, attendees: [person(12, 'Inès Roux')], tables: [{ number: 1, attendees: [4, 7, 9, 12] }] },
      { clock: { present: 7 }, attendees: [...base.attendees, '12 Inès Roux'],
        tables: { 1: [4, 7, 9, 12], 2: [11, 13, 15] }, seats: { ...base.seats, 12: 1 } }],
    ['a changed attendee is replaced where it was',
      { ...CLOCK, present: 5, attendees: [person(7, 'Camille M.', false)] },
      { clock: { present: 5 }, attendees: ['4 Yanis', '7 Camille M. (offline)', '9 Inès', '11 Lucas', '13 Aïcha', '15 Thomas'] }],
    ['gone ids are dropped, unknown ones ignored, and their table mended',
      { ...CLOCK, present: 5, gone: [15, 99], tables: [{ number: 2, attendees: [11, 13] }] },
      { clock: { present: 5 }, attendees: ['4 Yanis', '7 Camille', '9 Inès', '11 Lucas', '13 Aïcha'],
        tables: { 1: [4, 7, 9], 2: [11, 13] }, seats: { 4: 1, 7: 1, 9: 1, 11: 2, 13: 2 } }],
    ['an attendee both changed and gone in one update is gone',
      { ...CLOCK, attendees: [person(15, 'Thomas G.')], gone: [15], tables: [{ number: 2, attendees: [11, 13] }] },
      { attendees: ['4 Yanis', '7 Camille', '9 Inès', '11 Lucas', '13 Aïcha'],
        tables: { 1: [4, 7, 9], 2: [11, 13] }, seats: { 4: 1, 7: 1, 9: 1, 11: 2, 13: 2 } }],
    ['a table emptied is dropped, its people merged into another',
      { ...CLOCK, present: 4, gone: [11, 13], tables: [{ number: 2, attendees: [] }, { number: 1, attendees: [4, 7, 9, 15] }] },
      { clock: { present: 4 }, attendees: ['4 Yanis', '7 Camille', '9 Inès', '15 Thomas'],
        tables: { 1: [4, 7, 9, 15] }, seats: { 4: 1, 7: 1, 9: 1, 15: 1 } }],
    ['a move keeps the new seat whichever table comes first',
      { ...CLOCK, tables: [{ number: 1, attendees: [4, 7, 9, 15] }, { number: 2, attendees: [11, 13] }] },
      { tables: { 1: [4, 7, 9, 15], 2: [11, 13] }, seats: { ...base.seats, 15: 1 } }],
    ['a move keeps the new seat whichever table comes first (other order)',
      { ...CLOCK, tables: [{ number: 2, attendees: [11, 13] }, { number: 1, attendees: [4, 7, 9, 15] }] },
      { tables: { 1: [4, 7, 9, 15], 2: [11, 13] }, seats: { ...base.seats, 15: 1 } }],
    ['a move to a new table opens it',
      { ...CLOCK, tables: [{ number: 1, attendees: [7, 9] }, { number: 3, attendees: [4] }] },
      { tables: { 1: [7, 9], 2: [11, 13, 15], 3: [4] }, seats: { ...base.seats, 4: 3 } }],
    ['tables_reset drops every table before the new round\'s',
      { ...CLOCK, round: 3, deadline: 1764327000000, tables_reset: true,
        tables: [{ number: 1, attendees: [4, 11] }, { number: 2, attendees: [7, 13] }, { number: 3, attendees: [9, 15] }] },
      { clock: { round: 3, deadline: 1764327000000 }, tables: { 1: [4, 11], 2: [7, 13], 3: [9, 15] },
        seats: { 4: 1, 7: 2, 9: 3, 11: 1, 13: 2, 15: 3 } }],
    ['tables_reset alone leaves nobody seated (a break)',
      { ...CLOCK, phase: 'break', deadline: 1764326520000, tables_reset: true },
      { clock: { phase: 'break', deadline: 1764326520000 }, tables: {},
        seats: { 4: null, 7: null, 9: null, 11: null, 13: null, 15: null } }],
    ['clock fields are taken as they come, null included',
      { ...CLOCK, paused: true, deadline: null, remaining_ms: 42000, present: 5 },
      { clock: { paused: true, deadline: null, remaining_ms: 42000, present: 5 } }],
    ['the event ends',
      { ...CLOCK, phase: 'ended', deadline: null, present: 0, tables_reset: true },
      { clock: { phase: 'ended', deadline: null, present: 0 }, tables: {},
        seats: { 4: null, 7: null, 9: null, 11: null, 13: null, 15: null } }],
    ['absent fields change nothing', { type: 'host_update' }, {}],
    ['empty fields change nothing', { ...CLOCK, attendees: [], gone: [], tables_reset: false, tables: [] }, {}],
  ];
  for (const [what, update, differs] of cases) {
    const before = hostStateFromSnapshot(SNAPSHOT);
    const after = applyHostUpdate(before, update);
    assert.deepEqual(summary(after), { ...base, ...differs, clock: { ...base.clock, ...differs.clock } }, what);
    assertSeatsMatchTables(after, what);
    assert.deepEqual(summary(before), base, `${what}: the state before is left as it was`);
  }
});

test('a host_update shares what it does not touch, so a quiet update costs nothing per attendee', () => {
  const before = hostStateFromSnapshot(SNAPSHOT);
  const clockOnly = applyHostUpdate(before, { ...CLOCK, present: 5 });
  assert.equal(clockOnly.attendees, before.attendees);
  assert.equal(clockOnly.tables, before.tables);
  assert.equal(clockOnly.seats, before.seats);
  const someoneNew = applyHostUpdate(before, { ...CLOCK, attendees: [person(12, 'Inès Roux')] });
  assert.notEqual(someoneNew.attendees, before.attendees);
  assert.equal(someoneNew.tables, before.tables);
  const tables = applyHostUpdate(before, { ...CLOCK, tables: [{ number: 1, attendees: [4, 7] }] });
  assert.equal(tables.attendees, before.attendees);
  assert.notEqual(tables.seats, before.seats);
});
