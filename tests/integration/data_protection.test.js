// Data protection against the real server and its database file: a host deletes the whole event, an
// attendee erases themself, a host erases one attendee, expired events are purged (CLI and at start-up).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { binary, startServer, api, Peer, query } from '../support/server.js';

const tables = ['attendees', 'rounds', 'seats', 'encounters', 'chat_messages', 'announcements', 'plans',
  'host_links', 'host_actions', 'talked_answers', 'contact_wishes', 'table_ratings'];

const settings = { title: 'Protection', table_size: 3, min_table_size: 2, max_table_size: 4, rounds: 2,
  round_seconds: 600, break_seconds: 60 };

async function newEvent(server, extra = {}) {
  const created = await api(server.base, 'POST', '/api/events', { ...settings, ...extra });
  assert.equal(created.status, 201);
  return { id: created.body.event.id, hostToken: created.body.host_token, event: created.body.event };
}

async function join(server, eventId, name) {
  const joined = await api(server.base, 'POST', `/api/events/${eventId}/attendees`, { name, organisation: `Org ${name}` });
  assert.equal(joined.status, 201);
  return { id: joined.body.attendee_id, token: joined.body.token, name };
}

async function del(server, url, token) {
  const headers = token === undefined ? {} : { authorization: `Bearer ${token}` };
  const response = await fetch(server.base + url, { method: 'DELETE', headers });
  return { status: response.status, body: await response.json().catch(() => null) };
}

const rowsOf = (db, eventId) => Object.fromEntries(tables.map((t) =>
  [t, query(db, `SELECT COUNT(*) AS n FROM ${t} WHERE event_id = '${eventId}'`)[0].n]));

test('a host deletes the whole event: every connection closed, 404 after, no row left in the file', async () => {
  const server = await startServer();
  try {
    const { id, hostToken, event } = await newEvent(server);
    assert.equal(event.retention_days, 90, 'the default retention is part of the event');
    const other = await newEvent(server);
    const host = new Peer(server.base, id, hostToken);
    await host.next((m) => m.type === 'host_state');
    const people = [];
    for (const name of ['Anaquasimodo', 'Ben', 'Cléo', 'Dora']) {
      const person = await join(server, id, name);
      person.peer = new Peer(server.base, id, person.token);
      await person.peer.next((m) => m.type === 'state');
      people.push(person);
    }
    await join(server, other.id, 'Ailleursbenoit');
    host.send({ type: 'start_event' });
    const seated = await people[0].peer.next((m) => m.type === 'state' && m.phase === 'round' && m.table);
    people[0].peer.send({ type: 'chat', text: 'un message' });
    await people[0].peer.next((m) => m.type === 'chat');
    assert.ok(seated.table.number >= 1);
    assert.ok(rowsOf(server.db, id).seats >= 4);

    // Only a working host link: no token, a wrong one, an attendee's.
    assert.equal((await del(server, `/api/events/${id}`)).status, 401);
    assert.equal((await del(server, `/api/events/${id}`, 'not-a-token')).status, 401);
    const refused = await del(server, `/api/events/${id}`, people[1].token);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'forbidden');
    assert.equal((await del(server, `/api/events/${id}`, other.hostToken)).status, 401);

    const deleted = await del(server, `/api/events/${id}`, hostToken);
    assert.equal(deleted.status, 204);
    assert.equal((await host.closed).code, 4006);
    for (const p of people) assert.equal((await p.peer.closed).code, 4006);

    assert.equal((await api(server.base, 'GET', `/api/events/${id}`)).status, 404);
    assert.equal((await api(server.base, 'POST', `/api/events/${id}/attendees`, { name: 'Eve' })).status, 404);
    assert.equal((await del(server, `/api/events/${id}`, hostToken)).status, 404);
    const again = new Peer(server.base, id, hostToken);
    assert.equal((await again.closed).code, 4004);

    assert.equal(query(server.db, `SELECT COUNT(*) AS n FROM events WHERE id = '${id}'`)[0].n, 0);
    for (const [table, n] of Object.entries(rowsOf(server.db, id))) assert.equal(n, 0, table);
    // The other event is untouched.
    assert.equal(rowsOf(server.db, other.id).attendees, 1);
    assert.equal((await api(server.base, 'GET', `/api/events/${other.id}`)).status, 200);
    assert.ok(server.logs.some((l) => l.event === 'event_deleted' && l.event_id === id));

    // Stopped, the server leaves one file: the deleted names are not in its bytes (secure delete), the
    // other event's are.
    server.child.kill('SIGTERM');
    await server.exited;
    const bytes = [server.db, `${server.db}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString('latin1')).join('');
    assert.ok(bytes.includes('Ailleursbenoit'), 'the search works');
    assert.ok(!bytes.includes('Anaquasimodo'), 'a deleted name stays in the file');
    assert.ok(!bytes.includes('un message'), 'a deleted chat message stays in the file');
  } finally {
    await server.stop();
  }
});

test('an attendee erases themself, a host erases another: anonymous entries, links refused, tables mended', async () => {
  const server = await startServer();
  try {
    const { id, hostToken } = await newEvent(server);
    const host = new Peer(server.base, id, hostToken);
    await host.next((m) => m.type === 'host_state');
    const people = [];
    for (const name of ['Zoéerase', 'Yannerase', 'Xavier', 'Wanda', 'Victor', 'Ursula']) {
      const person = await join(server, id, name);
      person.peer = new Peer(server.base, id, person.token);
      await person.peer.next((m) => m.type === 'state');
      people.push(person);
    }
    host.send({ type: 'start_event' });
    for (const p of people) await p.peer.next((m) => m.type === 'state' && m.phase === 'round' && m.table);
    const [self, erasedByHost] = people;
    self.peer.send({ type: 'chat', text: 'secret de Zoé' });
    await self.peer.next((m) => m.type === 'chat');

    // Someone else's token, or none, erases nobody.
    assert.equal((await del(server, `/api/events/${id}/me`)).status, 401);
    assert.equal((await del(server, `/api/events/${id}/me`, 'wrong')).status, 401);
    assert.equal((await del(server, `/api/events/${id}/me`, self.token)).status, 204);
    assert.equal((await self.peer.closed).code, 4007);
    const update = await host.next((m) => m.type === 'host_update' &&
      (m.attendees || []).some((a) => a.id === self.id && a.erased));
    const entry = update.attendees.find((a) => a.id === self.id);
    assert.equal(entry.name, '');
    assert.equal(entry.organisation, '');

    const [row] = query(server.db, `SELECT name, organisation, role, email, erased_at, status FROM attendees WHERE event_id = '${id}' AND id = ${self.id}`);
    assert.equal(row.name, '');
    assert.equal(row.organisation, '');
    assert.ok(row.erased_at > 0);
    assert.equal(row.status, 'left');
    assert.equal(query(server.db, `SELECT COUNT(*) AS n FROM chat_messages WHERE event_id = '${id}' AND attendee_id = ${self.id}`)[0].n, 0);
    assert.ok(query(server.db, `SELECT COUNT(*) AS n FROM seats WHERE event_id = '${id}' AND attendee_id = ${self.id}`)[0].n >= 1);
    assert.ok(query(server.db, `SELECT COUNT(*) AS n FROM encounters WHERE event_id = '${id}' AND (a = ${self.id} OR b = ${self.id})`)[0].n >= 1);
    // The link no longer works.
    assert.equal((await del(server, `/api/events/${id}/me`, self.token)).status, 401);
    assert.equal((await new Peer(server.base, id, self.token).closed).code, 4003);

    // An attendee cannot erase someone else over the WebSocket.
    people[2].peer.send({ type: 'erase_attendee', attendee_id: erasedByHost.id, ref: 'e0' });
    assert.equal((await people[2].peer.next((m) => m.type === 'error' && m.ref === 'e0')).code, 'forbidden');

    host.send({ type: 'erase_attendee', attendee_id: erasedByHost.id, ref: 'e1' });
    assert.equal((await erasedByHost.peer.closed).code, 4007);
    const logged = await host.next((m) => m.type === 'host_update' &&
      (m.log || []).some((a) => a.action === 'erase_attendee'));
    const action = logged.log.find((a) => a.action === 'erase_attendee');
    assert.equal(action.attendee_id, erasedByHost.id);
    assert.ok(!JSON.stringify(action).includes('Yannerase'), 'the log never holds the name');
    const [byHost] = query(server.db, `SELECT name, status, erased_at FROM attendees WHERE event_id = '${id}' AND id = ${erasedByHost.id}`);
    assert.equal(byHost.name, '');
    assert.equal(byHost.status, 'removed');
    host.send({ type: 'erase_attendee', attendee_id: erasedByHost.id, ref: 'e2' });
    assert.equal((await host.next((m) => m.type === 'error' && m.ref === 'e2')).code, 'not_found');

    // No live table is left with one of the erased, and a fresh console shows two anonymous entries.
    const fresh = new Peer(server.base, id, hostToken);
    const state = await fresh.next((m) => m.type === 'host_state');
    assert.ok(state.tables.length >= 1);
    assert.equal(state.tables.reduce((n, table) => n + table.attendees.length, 0), 4, 'the four others are all seated');
    for (const table of state.tables) {
      assert.ok(!table.attendees.includes(self.id) && !table.attendees.includes(erasedByHost.id));
      assert.ok(table.attendees.length >= 2, 'nobody is left alone at a table');
    }
    assert.equal(state.attendees.filter((a) => a.erased).length, 2);
    assert.ok(!JSON.stringify(state).includes('Zoéerase') && !JSON.stringify(state).includes('secret de Zoé'));
    assert.ok(!server.logs.some((l) => JSON.stringify(l).includes('Yannerase') || JSON.stringify(l).includes('Zoéerase')));

    // Nor in the file's bytes once the server stopped.
    server.child.kill('SIGTERM');
    await server.exited;
    const bytes = [server.db, `${server.db}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString('latin1')).join('');
    assert.ok(bytes.includes('Xavier'), 'the search works');
    assert.ok(!bytes.includes('Yannerase'), 'an erased name stays in the file');
    assert.ok(!bytes.includes('secret de Zo'), 'an erased chat message stays in the file');
  } finally {
    await server.stop();
  }
});

test('expired events are purged: `ensemble purge` on demand (--dry-run first), `serve` at start-up', async () => {
  let server = await startServer();
  const { dir, db } = server;
  try {
    const old = await newEvent(server, { retention_days: 1 });
    const fresh = await newEvent(server);
    const later = await newEvent(server, { retention_days: 1 });
    for (const e of [old, fresh, later]) {
      await join(server, e.id, 'Personne');
      const host = new Peer(server.base, e.id, e.hostToken);
      await host.next((m) => m.type === 'host_state');
      host.send({ type: 'end_event' });
      await host.next((m) => m.type === 'host_update' && m.phase === 'ended');
      host.close();
    }
    await server.kill();
    const ended = query(db, `SELECT id, ended_at FROM events WHERE id = '${old.id}'`)[0];
    assert.ok(Math.abs(ended.ended_at - Date.now()) < 60_000, 'the end is recorded');
    execFileSync('sqlite3', [db, `UPDATE events SET ended_at = ended_at - 2 * 86400000 WHERE id IN ('${old.id}', '${later.id}')`]);

    const dry = spawnSync(binary, ['purge', '--db', db, '--dry-run'], { encoding: 'utf8' });
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, new RegExp(`event ${old.id}, ended \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC, 1 attendees: would be deleted`));
    assert.match(dry.stdout, /2 events would be deleted/);
    assert.ok(!dry.stdout.includes(fresh.id));
    assert.ok(!dry.stdout.includes('Personne'));
    assert.equal(query(db, `SELECT COUNT(*) AS n FROM events WHERE id = '${old.id}'`)[0].n, 1);

    // Only the first goes on demand; the other waits for the server's own purge at start-up.
    execFileSync('sqlite3', [db, `UPDATE events SET ended_at = ${Date.now()} WHERE id = '${later.id}'`]);
    const run = spawnSync(binary, ['purge', '--db', db], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /1 event deleted/);
    assert.equal(query(db, `SELECT COUNT(*) AS n FROM events WHERE id = '${old.id}'`)[0].n, 0);
    for (const [table, n] of Object.entries(rowsOf(db, old.id))) assert.equal(n, 0, table);
    assert.equal(query(db, `SELECT COUNT(*) AS n FROM events WHERE id IN ('${fresh.id}', '${later.id}')`)[0].n, 2);

    const missing = spawnSync(binary, ['purge', '--db', `${dir}/nope.db`], { encoding: 'utf8' });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no database file/);

    execFileSync('sqlite3', [db, `UPDATE events SET ended_at = ended_at - 2 * 86400000 WHERE id = '${later.id}'`]);
    server = await startServer({ dir });
    const purged = server.logs.find((l) => l.event === 'events_purged') ??
      await new Promise((resolve) => server.child.stdout.on('data', () => {
        const line = server.logs.find((l) => l.event === 'events_purged');
        if (line) resolve(line);
      }));
    assert.deepEqual(purged.event_ids, [later.id]);
    assert.equal(purged.attendees, 1);
    assert.equal((await api(server.base, 'GET', `/api/events/${later.id}`)).status, 404);
    assert.equal((await api(server.base, 'GET', `/api/events/${fresh.id}`)).status, 200);
  } finally {
    await server.stop();
  }
});
