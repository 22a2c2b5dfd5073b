// The rules of signals.js, run in Node without a browser: which change between two `state`s is
// signalled, and what the tab's title says.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

let signalBetween;
let tabTitle;

before(async () => {
  // i18n.js reads the browser's language when it loads: French, as on the attendees' work laptops.
  globalThis.navigator ??= { language: 'fr-FR', languages: ['fr-FR'] };
  ({ signalBetween, tabTitle } = await import('../../client-web/js/signals.js'));
});

const table = (n) => ({ number: n, people: [] });
const state = (phase, round, extra = {}) => ({
  phase, round, rounds: 3, paused: false, deadline: 1000, remaining_ms: null, table: null, ...extra,
});

test('a change is signalled once, and only a change the attendee would otherwise miss', () => {
  const cases = [
    ['page just opened', null, state('round', 1, { table: table(2) }), null],
    ['round 1 starts', state('lobby', 0), state('round', 1, { table: table(2) }),
      { kind: 'round', round: 1, rounds: 3, n: 2 }],
    ['round 1 starts, no seat yet', state('lobby', 0), state('round', 1), null],
    ['then seated', state('round', 1), state('round', 1, { table: table(4) }),
      { kind: 'round', round: 1, rounds: 3, n: 4 }],
    ['moved mid-round', state('round', 1, { table: table(2) }), state('round', 1, { table: table(1) }),
      { kind: 'moved', n: 1 }],
    ['same table, a tablemate came', state('round', 1, { table: table(2) }), state('round', 1, { table: table(2) }), null],
    ['the break', state('round', 1, { table: table(2) }), state('break', 1, { deadline: 5000 }),
      { kind: 'break', deadline: 5000 }],
    ['a break that starts paused', state('round', 1, { table: table(2), paused: true }),
      state('break', 1, { paused: true, deadline: null }), { kind: 'break', deadline: null }],
    ['round 2 after the break, same table number', state('break', 1), state('round', 2, { table: table(2) }),
      { kind: 'round', round: 2, rounds: 3, n: 2 }],
    ['round 2 at once, no break', state('round', 1, { table: table(2) }), state('round', 2, { table: table(2) }),
      { kind: 'round', round: 2, rounds: 3, n: 2 }],
    ['paused', state('round', 1, { table: table(2) }), state('round', 1, { table: table(2), paused: true }),
      { kind: 'paused' }],
    ['resumed', state('break', 1, { paused: true }), state('break', 1), { kind: 'resumed' }],
    ['the end', state('round', 3, { table: table(2) }), state('ended', 3), { kind: 'ended' }],
    ['still the end', state('ended', 3), state('ended', 3), null],
    ['presence only', state('lobby', 0), state('lobby', 0), null],
  ];
  for (const [label, before, now, expected] of cases) assert.deepEqual(signalBetween(before, now), expected, label);
});

test('the tab title carries the state and the time left', () => {
  const cases = [
    ['round', state('round', 2, { table: table(3) }), 58000, '⏱ 0:58 · Table 3'],
    ['round, over a minute', state('round', 2, { table: table(3) }), 600000, '⏱ 10:00 · Table 3'],
    ['round, paused', state('round', 2, { table: table(3), paused: true }), 30000, '⏸ En pause · Table 3'],
    ['round, not seated yet', state('round', 2), 30000, '⏱ 0:30 · Place en cours'],
    ['break', state('break', 2), 90000, '⏱ 1:30 · Pause'],
    ['lobby', state('lobby', 0), 0, 'En attente du début — ensemble'],
    ['ended', state('ended', 3), 0, 'Terminé — ensemble'],
    ['nothing yet', null, 0, 'Rejoindre — ensemble'],
  ];
  for (const [label, s, remaining, expected] of cases) assert.equal(tabTitle(s, remaining), expected, label);
});
