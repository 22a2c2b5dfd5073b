// Several people run one event against the real server: consoles on the same link and on co-host links
// all hear every action with who did it; a revoked link is closed and refused; links and the log survive a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, api, Peer, query } from '../support/server.js';

const hostState = (m) => m.type === 'host_state';
const logged = (action) => (m) => m.type === 'host_update' && (m.log || []).some((e) => e.action === action);

test('two consoles on the creator link and a co-host link act on one event and see each other', async () => {
  let server = await startServer();
  const { dir, db } = server;
  try {
    const created = await api(server.base, 'POST', '/api/events', {
      title: 'Co-animation', host_name: '  Camille  ', rounds: 2, round_seconds: 600, break_seconds: 60,
    });
    assert.equal(created.status, 201);
    const eventId = created.body.event.id;

    // The same person on two devices: neither closes the other.
    const laptop = new Peer(server.base, eventId, created.body.host_token);
    const phone = new Peer(server.base, eventId, created.body.host_token);
    const welcome = await laptop.next((m) => m.type === 'welcome');
    assert.deepEqual(welcome.you, { link: 1, name: 'Camille' });
    const first = await laptop.next(hostState);
    assert.deepEqual(first.host_links, [{ id: 1, name: 'Camille', creator: true }]);
    assert.deepEqual(first.log, []);
    await phone.next(hostState);

    // A name is checked like every name; a link is made only for a host.
    laptop.send({ type: 'create_host_link', name: '\u202e', ref: 'bad' });
    const bad = await laptop.next((m) => m.type === 'error' && m.ref === 'bad');
    assert.equal(bad.code, 'invalid_field');
    assert.equal(bad.field, 'name');

    laptop.send({ type: 'create_host_link', name: 'Dominique', ref: 7 });
    const made = await laptop.next((m) => m.type === 'host_link_created');
    assert.equal(made.ref, 7);
    assert.deepEqual(made.link, { id: 2, name: 'Dominique', creator: false });
    assert.match(made.token, /^[A-Za-z0-9_-]{43}$/);
    const seen = await phone.next(logged('host_link_created'));
    assert.deepEqual(seen.host_links.map((l) => l.name), ['Camille', 'Dominique']);
    assert.equal(seen.log[0].by_name, 'Camille');
    assert.equal(seen.log[0].link_name, 'Dominique');
    assert.equal(phone.messages.some((m) => m.type === 'host_link_created'), false, 'the token goes to the asker only');
    const stored = query(db, `select credential_hash from host_links where event_id='${eventId}' and id=2`);
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0].credential_hash, made.token, 'only the hash is kept');

    const dominique = new Peer(server.base, eventId, made.token);
    assert.deepEqual((await dominique.next((m) => m.type === 'welcome')).you, { link: 2, name: 'Dominique' });
    await dominique.next(hostState);

    const joined = await api(server.base, 'POST', `/api/events/${eventId}/attendees`, { name: 'Ana', organisation: 'CCAS' });
    const ana = new Peer(server.base, eventId, joined.body.token);
    await ana.next((m) => m.type === 'state');
    const attendeeAsHost = { type: 'create_host_link', name: 'Intrus', ref: 'x' };
    ana.send(attendeeAsHost);
    assert.equal((await ana.next((m) => m.type === 'error' && m.ref === 'x')).code, 'forbidden');

    // Camille starts on her phone; Dominique extends; every console sees the new deadline and who did it.
    phone.send({ type: 'start_event' });
    const started = await laptop.next((m) => m.type === 'host_update' && m.phase === 'round' && m.deadline);
    dominique.send({ type: 'extend_round', minutes: 2 });
    for (const console of [laptop, phone, dominique]) {
      const update = await console.next(logged('extend_round'));
      const entry = update.log.find((e) => e.action === 'extend_round');
      assert.equal(entry.by, 2);
      assert.equal(entry.by_name, 'Dominique');
      assert.equal(entry.minutes, 2);
      assert.equal(update.deadline, started.deadline + 2 * 60000);
    }

    // Camille revokes Dominique's link: his console is closed with 4005, and the link no longer works.
    const dominiqueClosed = dominique.closed;
    laptop.send({ type: 'revoke_host_link', link_id: 2 });
    assert.equal((await dominiqueClosed).code, 4005);
    const revoked = await phone.next(logged('host_link_revoked'));
    assert.deepEqual(revoked.host_links.map((l) => l.id), [1]);
    assert.equal((await new Peer(server.base, eventId, made.token).closed).code, 4005);

    // The last link cannot go, so nobody is locked out.
    laptop.send({ type: 'revoke_host_link', link_id: 1, ref: 'last' });
    const last = await laptop.next((m) => m.type === 'error' && m.ref === 'last');
    assert.equal(last.code, 'invalid_field');
    assert.equal(last.field, undefined);

    // After a restart the links, the revocation and the log are as they were.
    await server.kill();
    server = await startServer({ dir });
    const again = new Peer(server.base, eventId, created.body.host_token);
    const resumed = await again.next(hostState);
    assert.deepEqual(resumed.host_links, [{ id: 1, name: 'Camille', creator: true }]);
    assert.deepEqual(resumed.log.map((e) => [e.action, e.by_name]), [
      ['host_link_created', 'Camille'], ['start_event', 'Camille'], ['extend_round', 'Dominique'],
      ['host_link_revoked', 'Camille'],
    ]);
    assert.equal((await new Peer(server.base, eventId, made.token).closed).code, 4005);
  } finally {
    server.child.kill('SIGKILL');
  }
});

test('the creator name is optional and checked like a name', async () => {
  const server = await startServer();
  try {
    const unnamed = await api(server.base, 'POST', '/api/events', { title: 'Sans nom' });
    assert.equal(unnamed.status, 201);
    const host = new Peer(server.base, unnamed.body.event.id, unnamed.body.host_token);
    assert.deepEqual((await host.next(hostState)).host_links, [{ id: 1, name: '', creator: true }]);
    for (const host_name of ['x'.repeat(81), 'a\u0007b', 42]) {
      const refused = await api(server.base, 'POST', '/api/events', { title: 'Refusé', host_name });
      assert.equal(refused.status, 400, JSON.stringify(host_name));
      assert.equal(refused.body.field, 'host_name');
    }
    host.close();
  } finally {
    await server.stop();
  }
});
