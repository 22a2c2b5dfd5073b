// Bad input gets a clear error, changes nothing, and leaves the connection usable where that is safe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { startServer, api, Peer } from '../support/server.js';

let server;
let event;
before(async () => {
  server = await startServer();
  event = (await api(server.base, 'POST', '/api/events', { title: 'Essai', round_seconds: 600 })).body;
});
after(() => server.stop());

async function attendee(name = 'Alex', eventId = event.event.id) {
  const joined = await api(server.base, 'POST', `/api/events/${eventId}/attendees`, { name, organisation: 'CCAS' });
  const peer = new Peer(server.base, eventId, joined.body.token);
  await peer.next((m) => m.type === 'state');
  return { ...joined.body, peer };
}

test('REST refuses bad bodies with the protocol error codes', async () => {
  const cases = [
    ['POST', '/api/events', '{not json', 400, 'malformed_json'],
    ['POST', '/api/events', { title: '' }, 400, 'invalid_field'],
    ['POST', '/api/events', { title: 'x', table_size: 'four' }, 400, 'invalid_field'],
    ['POST', '/api/events', { title: 'x', table_size: 4, min_table_size: 5 }, 400, 'invalid_field'],
    ['POST', '/api/events', { title: 'x', video_link_template: 'javascript:alert(1)' }, 400, 'invalid_field'],
    ['POST', `/api/events/${event.event.id}/attendees`, { name: 'x'.repeat(81), organisation: 'o' }, 400, 'invalid_field'],
    ['POST', `/api/events/${event.event.id}/attendees`, { name: 'Zoé' }, 400, 'invalid_field'],
    ['POST', `/api/events/${event.event.id}/attendees`, { name: 'a\u0007b', organisation: 'o' }, 400, 'invalid_field'],
    ['GET', '/api/events/nosuchevent', undefined, 404, 'not_found'],
    ['POST', '/api/events', JSON.stringify({ title: 'x'.repeat(70 * 1024) }), 413, 'too_large'],
  ];
  for (const [method, url, body, status, code] of cases) {
    const response = await api(server.base, method, url, body);
    assert.equal(response.status, status, `${method} ${url} ${String(JSON.stringify(body)).slice(0, 60)}`);
    assert.equal(response.body.code, code);
  }
  assert.equal((await fetch(`${server.base}/healthz`)).status, 200);
});

test('a refused hello closes the socket with a code the browser can read', async () => {
  for (const token of ['', 'wrong-token', event.host_token + 'x']) {
    const peer = new Peer(server.base, event.event.id, token);
    assert.equal((await peer.closed).code, 4003, `token ${JSON.stringify(token)}`);
  }
  assert.equal((await new Peer(server.base, 'nosuchevent', event.host_token).closed).code, 4004);
  // The first message must be the hello: anything else is a refusal, not a command.
  const ws = new WebSocket(`${server.base.replace('http', 'ws')}/ws?event=${event.event.id}&token=${event.host_token}`);
  const closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('open', () => ws.send(JSON.stringify({ type: 'start_event' })));
  assert.equal(await closed, 4003);
});

test('a socket that never says hello is dropped after the 10 s the protocol gives it', async () => {
  const ws = new WebSocket(`${server.base.replace('http', 'ws')}/ws?event=${event.event.id}`);
  await new Promise((resolve) => ws.on('open', resolve));
  const opened = Date.now();
  await new Promise((resolve) => ws.on('close', resolve));
  const after = Date.now() - opened;
  assert.ok(after >= 9000 && after < 15000, `closed after ${after} ms`);
});

test('a page of another site can neither open a socket nor change anything', async () => {
  const evil = { Origin: 'https://evil.example' };
  const ws = new WebSocket(`${server.base.replace('http', 'ws')}/ws?event=${event.event.id}`, { headers: evil });
  const status = await new Promise((resolve) => {
    ws.on('unexpected-response', (req, res) => resolve(res.statusCode));
    ws.on('open', () => resolve('opened'));
  });
  assert.equal(status, 403);
  const created = await fetch(`${server.base}/api/events`, {
    method: 'POST', headers: { ...evil, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x' }),
  });
  assert.equal(created.status, 403);
  assert.equal((await created.json()).code, 'forbidden');
  // A cross-site form can only send text/plain: JSON bodies must say they are JSON.
  const plain = await fetch(`${server.base}/api/events/${event.event.id}/attendees`, {
    method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ name: 'A', organisation: 'B' }),
  });
  assert.equal(plain.status, 415);
  assert.equal((await plain.json()).code, 'unsupported_media_type');
  // The page's own origin is welcome.
  const own = await fetch(`${server.base}/api/events`, {
    method: 'POST', headers: { Origin: server.base, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x' }),
  });
  assert.equal(own.status, 201);
});

test('a ping gets a pong, and counts as a message', async () => {
  const { peer } = await attendee('Pia');
  peer.send({ type: 'ping' });
  assert.deepEqual(await peer.next((m) => m.type === 'pong'), { type: 'pong' });
  for (let i = 0; i < 40; i++) peer.send({ type: 'ping' });
  assert.equal((await peer.closed).code, 1008);
});

test('malformed, unknown and unauthorised messages get errors and the connection goes on', async () => {
  const { peer } = await attendee();
  peer.send('{oops');
  assert.equal((await peer.next((m) => m.type === 'error')).code, 'malformed_json');
  peer.send({ type: 'dance', ref: 7 });
  assert.deepEqual(await peer.next((m) => m.type === 'error'), { type: 'error', code: 'unknown_type', message: 'unknown message type', ref: 7 });
  peer.send({ type: 'start_event' });
  assert.equal((await peer.next((m) => m.type === 'error')).code, 'forbidden');
  peer.send({ type: 'chat', text: 42 });
  assert.equal((await peer.next((m) => m.type === 'error')).field, 'text');
  peer.send({ type: 'chat', text: 'hello' });
  assert.equal((await peer.next((m) => m.type === 'error')).code, 'wrong_phase');
  const info = await api(server.base, 'GET', `/api/events/${event.event.id}`);
  assert.equal(info.body.phase, 'lobby');
});

test('a chat flood is rate limited and an oversized message closes with 1009', async () => {
  const host = new Peer(server.base, event.event.id, event.host_token);
  await host.next((m) => m.type === 'host_state');
  const a = await attendee('Flo');
  await attendee('Sam');
  host.send({ type: 'start_event' });
  await a.peer.next((m) => m.type === 'state' && m.phase === 'round');
  for (let i = 0; i < 8; i++) a.peer.send({ type: 'chat', text: `message ${i}` });
  const limited = await a.peer.next((m) => m.type === 'error');
  assert.equal(limited.code, 'rate_limited');
  // One message every 2 s refills the bucket: the refusal says when the next may go.
  assert.ok(limited.retry_after_ms > 0 && limited.retry_after_ms <= 2000, `retry_after_ms ${limited.retry_after_ms}`);
  const delivered = [];
  for (let i = 0; i < 5; i++) delivered.push((await a.peer.next((m) => m.type === 'chat')).text);
  assert.deepEqual(delivered, [0, 1, 2, 3, 4].map((i) => `message ${i}`));

  a.peer.send(JSON.stringify({ type: 'chat', text: 'x'.repeat(65 * 1024) }));
  assert.equal((await a.peer.closed).code, 1009);
});

// The server reads a message in steps (an idle connection holds no full-size buffer): the longest one allowed,
// with characters split across steps, must still arrive whole, followed by the next.
test('the longest chat message, 1,000 characters of two bytes each, arrives whole', async () => {
  const own = (await api(server.base, 'POST', '/api/events', { title: 'Longue', round_seconds: 600 })).body;
  const host = new Peer(server.base, own.event.id, own.host_token);
  await host.next((m) => m.type === 'host_state');
  const a = await attendee('Flo', own.event.id);
  const b = await attendee('Sam', own.event.id);
  host.send({ type: 'start_event' });
  await a.peer.next((m) => m.type === 'state' && m.phase === 'round');
  await b.peer.next((m) => m.type === 'state' && m.phase === 'round');
  const longest = 'é'.repeat(999) + '!';
  a.peer.send({ type: 'chat', text: longest });
  a.peer.send({ type: 'chat', text: 'suite' });
  assert.equal((await b.peer.next((m) => m.type === 'chat')).text, longest);
  assert.equal((await b.peer.next((m) => m.type === 'chat')).text, 'suite');
});
