// The end-of-round cards against the real server: answers over WebSocket in the break and over REST after
// the end, contacts revealed only on mutual consent, presence per seat, and a restart that keeps it all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, api, Peer, query } from '../support/server.js';

const EMAILS = ['ana@example.org', 'bruno@example.org', 'chloe@example.org', 'driss@example.org'];
const PHONE = '+33 6 12 34 56 78';

// GET or POST /api/events/{id}/me with a Bearer token (or none).
async function me(base, eventId, token, body) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${base}/api/events/${eventId}/me`, {
    method: body === undefined ? 'GET' : 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, body: text ? JSON.parse(text) : null };
}

// Four attendees (the second with a phone too) seated in round 1 at tables of two, and a host.
async function eventInRound(server) {
  const created = await api(server.base, 'POST', '/api/events', {
    title: 'Cartes', table_size: 2, min_table_size: 2, max_table_size: 3, rounds: 2, round_seconds: 600, break_seconds: 600,
  });
  assert.equal(created.status, 201);
  const eventId = created.body.event.id;
  const hostToken = created.body.host_token;
  const host = new Peer(server.base, eventId, hostToken);
  const people = [];
  for (let i = 0; i < 4; i++) {
    const joined = await api(server.base, 'POST', `/api/events/${eventId}/attendees`, {
      name: `Personne ${i}`, organisation: `Structure ${i}`, role: 'Chargée de mission', email: EMAILS[i], phone: i === 1 ? PHONE : '',
    });
    assert.equal(joined.status, 201);
    people.push({ id: joined.body.attendee_id, token: joined.body.token, peer: new Peer(server.base, eventId, joined.body.token) });
  }
  for (const p of people) await p.peer.next((m) => m.type === 'state' && m.phase === 'lobby');
  host.send({ type: 'start_event' });
  for (const p of people) {
    const state = await p.peer.next((m) => m.type === 'state' && m.phase === 'round' && m.table);
    p.table = state.table.number;
    p.mates = state.table.people.map((x) => x.id).filter((id) => id !== p.id);
  }
  // A stays with the first of their tablemates; S sits at another table.
  const a = people[0];
  const b = people.find((p) => p.id === a.mates[0]);
  const stranger = people.find((p) => p.table !== a.table);
  return { eventId, hostToken, host, people, a, b, stranger };
}

// The person of index `who` (the second has a phone too) has no contact in `text`.
const noContactOf = (text, who) => assert.ok(!text.includes(EMAILS[who]) && (who !== 1 || !text.includes(PHONE)),
  `the contact of ${who} leaked: ${text.slice(0, 300)}`);

test('over WebSocket: cards answered in the break; contacts only when both wish it, hidden again at once', async () => {
  const server = await startServer();
  try {
    const { eventId, hostToken, host, people, a, b, stranger } = await eventInRound(server);
    const ai = people.indexOf(a);
    const bi = people.indexOf(b);

    // Presence: A opens the video link, sends one message, hides the page; the chat's echo says all were taken.
    a.peer.send({ type: 'video_opened' });
    a.peer.send({ type: 'chat', text: 'Bonjour' });
    a.peer.send({ type: 'visibility', visible: false });
    a.peer.send({ type: 'chat', text: 'Encore moi' });
    await a.peer.next((m) => m.type === 'chat' && m.text === 'Encore moi');
    host.send({ type: 'end_round' });
    await a.peer.next((m) => m.type === 'state' && m.phase === 'break');

    a.peer.send({ type: 'talked', round: 1, about: b.id, talked: true });
    let mine = await a.peer.next((m) => m.type === 'me');
    assert.equal(mine.met[0].round, 1);
    assert.equal(mine.met[0].people.find((p) => p.id === b.id).talked, true);

    a.peer.send({ type: 'keep_in_touch', about: b.id, wish: true, ref: 'k1' });
    mine = await a.peer.next((m) => m.type === 'me');
    assert.equal(mine.met[0].people.find((p) => p.id === b.id).keep_in_touch, true);
    assert.deepEqual(mine.contacts, []);

    // B hears nothing of A's wish: their first `me` is the answer to their own rating, without A's contact.
    b.peer.send({ type: 'rate_table', round: 1, score: 4 });
    const theirs = await b.peer.next((m) => m.type === 'me');
    assert.equal(theirs.met[0].rating, 4);
    assert.deepEqual(theirs.contacts, []);
    assert.equal(theirs.met[0].people.find((p) => p.id === a.id).keep_in_touch, false);
    noContactOf(JSON.stringify(theirs), ai);
    assert.ok(!b.peer.messages.some((m) => m.type === 'me'), 'B was told of a one-sided wish');
    noContactOf(JSON.stringify((await me(server.base, eventId, b.token)).body), ai);
    // Nor does the host, live or on a new console.
    const console2 = new Peer(server.base, eventId, hostToken);
    const hostState = await console2.next((m) => m.type === 'host_state');
    for (const i of [0, 1, 2, 3]) noContactOf(JSON.stringify([hostState, host.messages]), i);

    // Refused: about someone at another table, a score out of range.
    a.peer.send({ type: 'talked', round: 1, about: stranger.id, talked: true, ref: 'bad' });
    assert.equal((await a.peer.next((m) => m.type === 'error' && m.ref === 'bad')).code, 'invalid_field');
    a.peer.send({ type: 'rate_table', round: 1, score: 9, ref: 'bad2' });
    assert.equal((await a.peer.next((m) => m.type === 'error' && m.ref === 'bad2')).field, 'score');

    // B wishes it too: both see each other's contact at once.
    b.peer.send({ type: 'keep_in_touch', about: a.id, wish: true });
    const bSees = await b.peer.next((m) => m.type === 'me' && m.contacts.length === 1);
    assert.equal(bSees.contacts[0].email, EMAILS[ai]);
    const aSees = await a.peer.next((m) => m.type === 'me' && m.contacts.length === 1);
    assert.deepEqual([aSees.contacts[0].id, aSees.contacts[0].email, aSees.contacts[0].phone],
      [b.id, EMAILS[bi], bi === 1 ? PHONE : '']);
    assert.equal(aSees.contacts[0].organisation, `Structure ${bi}`);

    // A withdraws: B's page loses it at once, with no request from B.
    a.peer.send({ type: 'keep_in_touch', about: b.id, wish: false });
    const bAfter = await b.peer.next((m) => m.type === 'me');
    assert.deepEqual(bAfter.contacts, []);
    noContactOf(JSON.stringify(bAfter), ai);
    assert.deepEqual((await me(server.base, eventId, a.token)).body.contacts, []);

    // What was written: answers, the one wish that holds, the rating, the presence of A's seat.
    assert.deepEqual(query(server.db, `SELECT round, attendee_id, about, talked FROM talked_answers`),
      [{ round: 1, attendee_id: a.id, about: b.id, talked: 1 }]);
    assert.deepEqual(query(server.db, `SELECT attendee_id, about FROM contact_wishes`), [{ attendee_id: b.id, about: a.id }]);
    assert.deepEqual(query(server.db, `SELECT round, attendee_id, score FROM table_ratings`), [{ round: 1, attendee_id: b.id, score: 4 }]);
    const seats = query(server.db, `SELECT attendee_id, visible_ms, chat_sent, video_opened FROM seats WHERE round = 1`);
    const seatOf = (p) => seats.find((s) => s.attendee_id === p.id);
    assert.equal(seatOf(a).chat_sent, 2);
    assert.equal(seatOf(a).video_opened, 1);
    assert.equal(seatOf(b).chat_sent, 0);
    assert.equal(seatOf(b).video_opened, 0);
    assert.ok(seatOf(b).visible_ms > 0, 'B was visible all round');
    assert.ok(seatOf(a).visible_ms <= seatOf(b).visible_ms, 'A hid the page before the round ended');
    console2.close();
  } finally {
    await server.stop();
  }
});

test('over REST: the personal page after the end, mutual consent, refusals, and a restart that keeps answers', async () => {
  let server = await startServer();
  const { dir, port } = server;
  try {
    const { eventId, hostToken, host, people, a, b, stranger } = await eventInRound(server);
    const ai = people.indexOf(a);
    const bi = people.indexOf(b);
    host.send({ type: 'end_event' });
    for (const p of people) assert.equal((await p.peer.closed).code, 1000);

    // Who may read a page: the attendee's own token only.
    assert.equal((await me(server.base, eventId, null)).status, 401);
    assert.equal((await me(server.base, eventId, 'not-a-token')).status, 401);
    assert.equal((await me(server.base, eventId, hostToken)).status, 403);
    assert.equal((await me(server.base, 'nosuchevent', a.token)).status, 404);

    const page = (await me(server.base, eventId, a.token)).body;
    assert.equal(page.event.phase, 'ended');
    assert.deepEqual([page.you.id, page.you.email], [a.id, EMAILS[ai]]);
    assert.deepEqual(page.met.map((r) => [r.round, r.table]), [[1, a.table]]);
    assert.deepEqual(page.met[0].people.map((p) => p.id).sort(), [...a.mates].sort());
    assert.equal(page.met[0].people[0].talked, null);

    // Answers after the end, each one answered with the page as it now stands.
    let answer = await me(server.base, eventId, a.token, { type: 'rate_table', round: 1, score: 5 });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.met[0].rating, 5);
    answer = await me(server.base, eventId, a.token, { type: 'talked', round: 1, about: b.id, talked: false });
    assert.equal(answer.body.met[0].people.find((p) => p.id === b.id).talked, false);
    assert.equal((await me(server.base, eventId, a.token, { type: 'talked', round: 1, about: stranger.id, talked: true })).status, 400);
    assert.equal((await me(server.base, eventId, a.token, { type: 'talked', round: 2, about: b.id, talked: true })).status, 400);
    assert.equal((await me(server.base, eventId, a.token, { type: 'chat', text: 'x' })).body.code, 'unknown_type');
    assert.equal((await me(server.base, eventId, a.token, { type: 'visibility', visible: true })).status, 400);
    assert.equal((await me(server.base, eventId, a.token, { type: 'keep_in_touch', about: b.id })).body.field, 'wish');

    // A one-sided wish reveals nothing, to either side.
    answer = await me(server.base, eventId, a.token, { type: 'keep_in_touch', about: b.id, wish: true });
    assert.deepEqual(answer.body.contacts, []);
    noContactOf(answer.text, bi);
    noContactOf((await me(server.base, eventId, b.token)).text, ai);
    // Both: revealed to both.
    answer = await me(server.base, eventId, b.token, { type: 'keep_in_touch', about: a.id, wish: true });
    assert.deepEqual(answer.body.contacts.map((c) => [c.id, c.email]), [[a.id, EMAILS[ai]]]);
    assert.deepEqual((await me(server.base, eventId, a.token)).body.contacts.map((c) => c.email), [EMAILS[bi]]);
    // The host's console still never shows a contact.
    const console2 = new Peer(server.base, eventId, hostToken);
    const hostState = JSON.stringify(await console2.next((m) => m.type === 'host_state'));
    for (const i of [0, 1, 2, 3]) noContactOf(hostState, i);
    console2.close();

    // A restart keeps every answer and the mutual contact.
    await server.kill();
    server = await startServer({ port, dir });
    const after = (await me(server.base, eventId, a.token)).body;
    assert.equal(after.met[0].rating, 5);
    assert.equal(after.met[0].people.find((p) => p.id === b.id).talked, false);
    assert.deepEqual(after.contacts.map((c) => c.email), [EMAILS[bi]]);
    // Withdrawn: hidden again from the other side.
    await me(server.base, eventId, b.token, { type: 'keep_in_touch', about: a.id, wish: false });
    assert.deepEqual((await me(server.base, eventId, a.token)).body.contacts, []);
    assert.deepEqual(query(server.db, `SELECT attendee_id, about FROM contact_wishes`), [{ attendee_id: a.id, about: b.id }]);
    // The logs never carry a contact.
    noContactOf(JSON.stringify(server.logs), ai);
  } finally {
    await server.stop();
  }
});

test('who left keeps their personal page (met, mutual contacts, answers); who was removed does not', async () => {
  const server = await startServer();
  try {
    const { eventId, hostToken, host, people, a, b, stranger } = await eventInRound(server);
    const bi = people.indexOf(b);
    // Both wish to keep in touch during the round, then A leaves it.
    a.peer.send({ type: 'keep_in_touch', about: b.id, wish: true });
    await a.peer.next((m) => m.type === 'me');
    b.peer.send({ type: 'keep_in_touch', about: a.id, wish: true });
    await b.peer.next((m) => m.type === 'me' && m.contacts.length === 1);
    a.peer.send({ type: 'leave' });
    assert.equal((await a.peer.closed).code, 1000);
    host.send({ type: 'remove_attendee', attendee_id: stranger.id });
    assert.equal((await stranger.peer.closed).code, 4001);

    // The event still runs: the live event stays closed to both, the page stays open to the one who left.
    assert.equal((await new Peer(server.base, eventId, a.token).closed).code, 4001);
    let page = await me(server.base, eventId, a.token);
    assert.equal(page.status, 200, page.text);
    assert.equal(page.body.event.phase, 'round');
    assert.deepEqual(page.body.met.map((r) => r.round), [1]);
    assert.ok(page.body.met[0].people.some((p) => p.id === b.id));
    assert.deepEqual(page.body.contacts.map((c) => [c.id, c.email]), [[b.id, EMAILS[bi]]]);
    // Answers about the round they sat in are taken; about one they did not sit in, refused as for anyone.
    let answer = await me(server.base, eventId, a.token, { type: 'talked', round: 1, about: b.id, talked: true });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.met[0].people.find((p) => p.id === b.id).talked, true);
    assert.equal((await me(server.base, eventId, a.token, { type: 'rate_table', round: 2, score: 3 })).status, 400);

    host.send({ type: 'end_event' });
    await b.peer.closed;
    // After the end too; withdrawing the wish hides the contact from both.
    answer = await me(server.base, eventId, a.token, { type: 'keep_in_touch', about: b.id, wish: false });
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(answer.body.contacts, []);
    assert.deepEqual((await me(server.base, eventId, b.token)).body.contacts, []);
    assert.equal((await me(server.base, eventId, a.token, { type: 'rate_table', round: 1, score: 4 })).body.met[0].rating, 4);

    // Removed by the host: refused, reading and answering; a wrong token: unauthorized.
    const removed = await me(server.base, eventId, stranger.token);
    assert.equal(removed.status, 403);
    assert.equal(removed.body.code, 'forbidden');
    assert.equal((await me(server.base, eventId, stranger.token, { type: 'rate_table', round: 1, score: 2 })).status, 403);
    assert.equal((await me(server.base, eventId, `${a.token}x`)).status, 401);
    assert.equal((await me(server.base, eventId, hostToken)).status, 403);
  } finally {
    await server.stop();
  }
});

test('joining refuses a contact that is not one', async () => {
  const server = await startServer();
  try {
    const created = await api(server.base, 'POST', '/api/events', { title: 'Contacts' });
    const join = (extra) => api(server.base, 'POST', `/api/events/${created.body.event.id}/attendees`,
      { name: 'Ana', organisation: 'CCAS', ...extra });
    for (const email of ['ana', 'ana@', '@example.org', 'ana@example', 'a b@example.org', `${'a'.repeat(250)}@example.org`]) {
      const refused = await join({ email });
      assert.equal(refused.status, 400, email);
      assert.equal(refused.body.field, 'email');
    }
    for (const phone of ['06 12 ab', '1'.repeat(31), '+']) assert.equal((await join({ phone })).body.field, 'phone');
    assert.equal((await join({ email: 'ana@example.org', phone: '+33 (0)6 12-34.56' })).status, 201);
    assert.equal((await join({})).status, 201);
  } finally {
    await server.stop();
  }
});
