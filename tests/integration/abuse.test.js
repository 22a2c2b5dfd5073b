// Limits that hold against someone sending whatever they like: they follow the person, not the
// connection, and they bound what one address or one event can take.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, api, Peer, query } from '../support/server.js';

let server;
before(async () => { server = await startServer({ args: ['--create-limit', '3'] }); });
after(() => server.stop());

async function seated(eventId, hostToken, names) {
  const host = new Peer(server.base, eventId, hostToken);
  await host.next((m) => m.type === 'host_state');
  const people = [];
  for (const name of names) {
    const joined = (await api(server.base, 'POST', `/api/events/${eventId}/attendees`, { name, organisation: 'CCAS' })).body;
    const peer = new Peer(server.base, eventId, joined.token);
    await peer.next((m) => m.type === 'state');
    people.push({ ...joined, peer });
  }
  host.send({ type: 'start_event' });
  for (const p of people) await p.peer.next((m) => m.type === 'state' && m.phase === 'round' && m.table);
  return { host, people };
}

test('the chat limit follows the person across reconnections, and reconnecting is itself limited', async () => {
  const created = (await api(server.base, 'POST', '/api/events', { title: 'Limites', table_size: 3 })).body;
  const { people: [a, b] } = await seated(created.event.id, created.host_token, ['Ana', 'Bea', 'Cy']);
  for (let i = 0; i < 5; i++) a.peer.send({ type: 'chat', text: `message ${i}` });
  for (let i = 0; i < 5; i++) await a.peer.next((m) => m.type === 'chat' && m.text === `message ${i}`);
  await a.peer.close();
  const again = new Peer(server.base, created.event.id, a.token);
  await again.next((m) => m.type === 'state');
  again.send({ type: 'chat', text: 'one more', ref: 1 });
  assert.equal((await again.next((m) => m.type === 'error')).code, 'rate_limited');

  // Bea reconnects again and again: past the burst, the server asks her to wait (1013, not final).
  const codes = [];
  for (let i = 0; i < 12; i++) {
    const peer = new Peer(server.base, created.event.id, b.token);
    const outcome = await Promise.race([peer.next((m) => m.type === 'state').then(() => 'state'), peer.closed.then((c) => c.code)]);
    codes.push(outcome);
    if (outcome === 1013) break;
  }
  assert.equal(codes.at(-1), 1013, JSON.stringify(codes));
  assert.ok(codes.length >= 9, `the burst lets a few reconnections through: ${JSON.stringify(codes)}`);
  assert.equal(query(server.db, 'SELECT count(*) AS n FROM chat_messages')[0].n, 5);
});

test('one address creates at most --create-limit events an hour; an event holds at most max_attendees', async () => {
  const first = await api(server.base, 'POST', '/api/events', { title: 'Petit', max_attendees: 2 });
  assert.equal(first.status, 201);
  const id = first.body.event.id;
  for (const name of ['Ana', 'Bea']) assert.equal((await api(server.base, 'POST', `/api/events/${id}/attendees`, { name, organisation: 'o' })).status, 201);
  const third = await api(server.base, 'POST', `/api/events/${id}/attendees`, { name: 'Cy', organisation: 'o' });
  assert.equal(third.status, 409);
  assert.equal(third.body.code, 'event_full');
  assert.equal(query(server.db, `SELECT count(*) AS n FROM attendees WHERE event_id = '${id}'`)[0].n, 2);

  assert.equal((await api(server.base, 'POST', '/api/events', { title: 'Trois' })).status, 201);
  const fourth = await api(server.base, 'POST', '/api/events', { title: 'Quatre' });
  assert.equal(fourth.status, 429);
  assert.equal(fourth.body.code, 'rate_limited');
  assert.equal(query(server.db, 'SELECT count(*) AS n FROM events')[0].n, 3);
});

