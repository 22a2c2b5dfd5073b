// The client's pure pieces, run in Node without a browser: reconnect backoff, parsing, countdown,
// tablemates, the host console's state merged from host_update deltas, its list's search and pickers, and
// that every module parses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { backoffDelay, parseMessage, clockOffset, messages, tablemates } from '../../client-web/js/protocol.js';
import { Countdown, ServerClock, formatRemaining } from '../../client-web/js/countdown.js';
import { hostStateFromSnapshot, applyHostUpdate, tableOf, countsOf } from '../../client-web/js/host-state.js';
import { AttendeeQuery, DEFAULT_CRITERIA, peopleChoices, tableChoices, tableFlags, fold } from '../../client-web/js/attendee-query.js';

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
  assert.deepEqual(messages.mergeAttendees(9, 4), { type: 'merge_attendees', duplicate: 9, keep: 4 });
  assert.deepEqual(messages.roundTables(1), { type: 'round_tables', round: 1 });
  assert.deepEqual(parseMessage('{"type":"round_tables","round":1,"tables":[]}'), { type: 'round_tables', round: 1, tables: [] });
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

test('the counts follow each entry: connected, offline, left or removed, seated, and each organisation', () => {
  const before = hostStateFromSnapshot(SNAPSHOT);
  assert.deepEqual(countsOf(before), { connected: 6, offline: 0, left: 0, seated: 6 });
  assert.deepEqual([...before.organisations], [['Asso', 6]]);
  const cases = [
    ['one goes offline', { attendees: [person(7, 'Camille', false)] }, { connected: 5, offline: 1, left: 0, seated: 6 }],
    ['one leaves: still listed, with a status, and unseated',
      { attendees: [{ ...person(15, 'Thomas', false), status: 'left' }], tables: [{ number: 2, attendees: [11, 13] }] },
      { connected: 5, offline: 0, left: 1, seated: 5 }],
    ['one is removed while offline', { attendees: [{ ...person(7, 'Camille', false), status: 'removed' }] },
      { connected: 5, offline: 0, left: 1, seated: 6 }],
    ['a newcomer of another organisation', { attendees: [{ ...person(20, 'Inès Roux'), organisation: 'CCAS' }] },
      { connected: 7, offline: 0, left: 0, seated: 6 }],
    ['a merged duplicate is gone', { gone: [9], tables: [{ number: 1, attendees: [4, 7] }] },
      { connected: 5, offline: 0, left: 0, seated: 5 }],
  ];
  for (const [what, update, counts] of cases) {
    const after = applyHostUpdate(before, { ...CLOCK, ...update });
    assert.deepEqual(countsOf(after), counts, what);
    const total = [...after.organisations.values()].reduce((sum, n) => sum + n, 0);
    assert.equal(total, after.attendees.size, `${what}: every entry counted in one organisation`);
  }
  assert.equal(applyHostUpdate(before, { ...CLOCK, attendees: [{ ...person(15, 'Thomas', false), status: 'left' }] })
    .attendees.get(15).status, 'left');
  assert.deepEqual(countsOf(before), { connected: 6, offline: 0, left: 0, seated: 6 }, 'the state before is left as it was');
});

// --- What the console's list and pickers show ------------------------------------------------

const CROWD = {
  type: 'host_state', ...CLOCK,
  attendees: [
    { id: 1, name: 'Élodie Martin', organisation: 'CCAS de Lyon', role: 'Conseillère', connected: true },
    { id: 2, name: 'Yanis Benali', organisation: 'France Travail', role: '', connected: false },
    { id: 3, name: 'elsa Durand', organisation: 'Mission locale', role: 'Chargée', connected: true },
    { id: 4, name: 'Bruno Petit', organisation: 'CCAS de Lyon', role: '', connected: false, status: 'left' },
    { id: 5, name: 'Aïcha Diallo', organisation: 'Département', role: '', connected: true },
    { id: 6, name: 'Zoé Roux', organisation: 'France Travail', role: '', connected: true },
  ],
  tables: [{ number: 1, attendees: [1, 2] }, { number: 2, attendees: [3, 5] }],
};

test('the list searches names and organisations, filters, and sorts by any column', () => {
  const state = hostStateFromSnapshot(CROWD);
  const run = (criteria) => new AttendeeQuery().run(state, { ...DEFAULT_CRITERIA, ...criteria });
  const cases = [
    ['everyone, by name, accents and case aside', {}, [5, 4, 1, 3, 2, 6]],
    ['descending', { descending: true }, [6, 2, 3, 1, 4, 5]],
    ['a name without its accent', { text: 'elodie' }, [1]],
    ['a part of an organisation', { text: 'ccas' }, [4, 1]],
    ['connected', { show: 'connected' }, [5, 1, 3, 6]],
    ['offline (not who left)', { show: 'offline' }, [2]],
    ['not seated (not who left)', { show: 'unseated' }, [6]],
    ['left or removed', { show: 'left' }, [4]],
    ['at table 2', { table: 2 }, [5, 3]],
    ['of one organisation, exactly', { organisation: 'France Travail' }, [2, 6]],
    ['filters together', { organisation: 'France Travail', show: 'connected' }, [6]],
    ['by organisation, then name', { sort: 'organisation' }, [4, 1, 5, 2, 6, 3]],
    ['by connection: online, offline, left', { sort: 'connection' }, [5, 1, 3, 6, 2, 4]],
    ['by table, the unseated last', { sort: 'table' }, [1, 2, 5, 3, 4, 6]],
    ['nobody', { text: 'personne de ce nom' }, []],
  ];
  for (const [what, criteria, ids] of cases) assert.deepEqual(run(criteria), ids, what);
  assert.equal(fold('Ça Évolue'), 'ca evolue');
});

test('the sorted order is kept while no sort value changes, and redone when one does', () => {
  const query = new AttendeeQuery();
  const state = hostStateFromSnapshot(CROWD);
  const first = query.order(state, DEFAULT_CRITERIA);
  const offline = applyHostUpdate(state, { attendees: [{ ...CROWD.attendees[0], connected: false }] });
  assert.equal(query.order(offline, DEFAULT_CRITERIA), first, 'going offline does not move anyone by name');
  const renamed = applyHostUpdate(state, { attendees: [{ ...CROWD.attendees[0], name: 'Zazie' }] });
  assert.deepEqual(query.order(renamed, DEFAULT_CRITERIA), [5, 4, 3, 2, 1, 6]);
  const joined = applyHostUpdate(state, { attendees: [{ id: 7, name: 'Adam', organisation: 'CAF', role: '', connected: true }] });
  assert.deepEqual(query.order(joined, DEFAULT_CRITERIA), [7, 5, 4, 1, 3, 2, 6]);
});

test('the pickers find tables by number or by who sits there, and people by name or organisation', () => {
  const state = hostStateFromSnapshot(CROWD);
  const numbers = (choices) => choices.items.map((c) => (c.isNew ? `new ${c.number}` : c.number));
  assert.deepEqual(numbers(tableChoices(state, '', { except: 1 })), ['new 3', 2]);
  assert.deepEqual(numbers(tableChoices(state, '2')), [2]);
  assert.deepEqual(numbers(tableChoices(state, '3')), ['new 3']);
  assert.deepEqual(numbers(tableChoices(state, 'aicha')), [2]);
  assert.deepEqual(numbers(tableChoices(state, 'france travail')), [1]);
  assert.deepEqual(tableChoices(state, '', { limit: 1 }).more, 2);
  const people = (choices) => choices.items.map((a) => a.id);
  assert.deepEqual(people(peopleChoices(state, 'ccas', { except: 1 })), [4]);
  assert.deepEqual(people(peopleChoices(state, '', { except: 3 })), [5, 1, 2, 6, 4], 'who is in the event first');
  assert.deepEqual(peopleChoices(state, '', { limit: 2 }).more, 4);
});

test('a table is flagged when someone at it is offline or one person alone is online', () => {
  const state = hostStateFromSnapshot(CROWD);
  assert.deepEqual(tableFlags(state, state.tables.get(1)), { online: 1, offline: 1, alone: true, empty: false });
  assert.deepEqual(tableFlags(state, state.tables.get(2)), { online: 2, offline: 0, alone: false, empty: false });
  assert.deepEqual(tableFlags(state, { number: 9, attendees: [2, 4] }), { online: 0, offline: 2, alone: false, empty: true });
});

// A slip in one module (an unescaped quote in a string, say) stops every page that imports it: each module is
// parsed here, in a second, before any browser starts.
test('every client module parses as an ES module', () => {
  const dir = new URL('../../client-web/js/', import.meta.url);
  const modules = readdirSync(dir).filter((name) => name.endsWith('.js'));
  assert.ok(modules.length > 40, `${modules.length} modules found`);
  for (const name of modules) {
    const check = spawnSync(process.execPath, ['--input-type=module', '--check'],
      { input: readFileSync(new URL(name, dir)), encoding: 'utf8' });
    assert.equal(check.status, 0, `${name}: ${check.stderr}`);
  }
});

