// The client's pure pieces, run in Node without a browser: reconnect backoff, parsing, countdown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, parseMessage, clockOffset, messages } from '../../client-web/js/protocol.js';
import { Countdown, ServerClock, formatRemaining } from '../../client-web/js/countdown.js';

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
