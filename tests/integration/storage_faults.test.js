// The database fails under the running server. Another process holding its write lock: creating or joining an
// event answers 503 storage_unavailable while the rest goes on, and works again once the lock is gone. A full
// disk at a round's deadline (the server's file size limit lowered with prlimit, which fails its writes as a
// full disk would): the event waits, tried again ever more slowly and the host told, creating an event
// answers 503, and the event goes on by itself once there is room again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { startServer, api, Peer, query } from '../support/server.js';

// Another process in the database's write transaction (sqlite3 in BEGIN IMMEDIATE) until released.
async function lockDatabase(db) {
  const child = spawn('sqlite3', [db], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('locked')) resolve();
    });
    exited.then(() => reject(new Error('sqlite3 ended before it held the lock')));
    child.stdin.write(".timeout 5000\nBEGIN IMMEDIATE;\nSELECT 'locked';\n");
  });
  return { release: () => { child.stdin.end('ROLLBACK;\n'); return exited; } };
}

// The first log line, written already or to come, that matches.
function logLine(server, match, ms = 20000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const line = server.logs.find(match);
      if (!line) return false;
      clearTimeout(timer);
      server.child.stdout.off('data', onData);
      resolve(line);
      return true;
    };
    const onData = () => setImmediate(check);  // after the server's own handler has parsed the chunk
    const timer = setTimeout(() => {
      server.child.stdout.off('data', onData);
      reject(new Error(`no matching log line within ${ms} ms`));
    }, ms);
    if (!check()) server.child.stdout.on('data', onData);
  });
}

// Past this many bytes the server's writes fail as on a full disk; `unlimited` gives the room back.
function limitFileSize(server, limit) {
  execFileSync('prlimit', ['--pid', String(server.child.pid), `--fsize=${limit}:`]);
}

async function attendee(server, eventId, name) {
  const joined = await api(server.base, 'POST', `/api/events/${eventId}/attendees`, { name, organisation: `Org ${name}` });
  assert.equal(joined.status, 201);
  const peer = new Peer(server.base, eventId, joined.body.token);
  await peer.next((m) => m.type === 'state');
  return peer;
}

test('while another process holds the database, creating and joining answer 503 and the rest goes on', async () => {
  const server = await startServer();
  try {
    const before = await api(server.base, 'POST', '/api/events', { title: 'Avant' });
    assert.equal(before.status, 201);
    const eventId = before.body.event.id;

    const lock = await lockDatabase(server.db);
    try {
      // Both wait for the lock as long as the server's busy timeout (5 s), one after the other.
      const creating = api(server.base, 'POST', '/api/events', { title: 'Pendant' });
      const joining = api(server.base, 'POST', `/api/events/${eventId}/attendees`, { name: 'Zoé', organisation: 'CCAS' });
      // Meanwhile the server answers what needs no write.
      assert.equal((await fetch(`${server.base}/healthz`)).status, 200);
      const info = await api(server.base, 'GET', `/api/events/${eventId}`);
      assert.equal(info.status, 200);
      assert.equal(info.body.title, 'Avant');

      for (const refused of [await creating, await joining]) {
        assert.equal(refused.status, 503);
        assert.equal(refused.body.code, 'storage_unavailable');
      }
      assert.equal(query(server.db, "SELECT COUNT(*) AS n FROM events WHERE settings LIKE '%Pendant%'")[0].n, 0);
    } finally {
      await lock.release();
    }

    const after = await api(server.base, 'POST', '/api/events', { title: 'Après' });
    assert.equal(after.status, 201);
    // The event whose join failed takes changes again once its first wait (0.5 s) is over: a client tries
    // again after a 503, and so does this test, at most for a few seconds.
    let joined;
    for (let attempt = 0; attempt < 25; attempt++) {
      joined = await api(server.base, 'POST', `/api/events/${eventId}/attendees`, { name: 'Zoé', organisation: 'CCAS' });
      if (joined.status !== 503) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(joined.status, 201);
    assert.equal(server.child.exitCode, null);
  } finally {
    await server.stop();
  }
});

test('a full disk at a deadline pauses the event, tried again ever more slowly; it goes on once there is room', async () => {
  const server = await startServer();
  try {
    const created = await api(server.base, 'POST', '/api/events',
      { title: 'Disque plein', table_size: 2, min_table_size: 2, max_table_size: 3, rounds: 2, break_seconds: 3 });
    assert.equal(created.status, 201);
    const eventId = created.body.event.id;
    const host = new Peer(server.base, eventId, created.body.host_token);
    await host.next((m) => m.type === 'host_state');
    const people = [];
    for (const name of ['Ada', 'Bilal', 'Chloé', 'Dmitri']) people.push(await attendee(server, eventId, name));

    host.send({ type: 'start_event' });
    for (const peer of people) await peer.next((m) => m.type === 'state' && m.phase === 'round');
    host.send({ type: 'end_round' });
    for (const peer of people) await peer.next((m) => m.type === 'state' && m.phase === 'break');

    // The break ends in 3 s: the disk is full before then.
    limitFileSize(server, 1);
    const failed = (n) => (line) => line.event === 'commit_failed' && line.event_id === eventId && line.failures === n;
    const first = await logLine(server, failed(1));
    assert.deepEqual(await host.next((m) => m.type === 'storage'), { type: 'storage', ok: false });
    const refused = [
      await api(server.base, 'POST', `/api/events/${eventId}/attendees`, { name: 'Émile', organisation: 'CCAS' }),
      await api(server.base, 'POST', '/api/events', { title: 'Sur un disque plein' }),
    ];
    for (const response of refused) {
      assert.equal(response.status, 503);
      assert.equal(response.body.code, 'storage_unavailable');
    }

    // Tried again after 0.5 s, then 1 s: not a loop. Nobody was told of a round that was not saved.
    const third = await logLine(server, failed(3));
    assert.deepEqual(server.logs.filter(failed(2)).concat([third]).map((l) => l.retry_in_ms), [1000, 2000]);
    assert.equal(first.retry_in_ms, 500);
    assert.ok(third.ts - first.ts >= 1500, `three tries within ${third.ts - first.ts} ms`);
    assert.equal(server.logs.filter((l) => l.event === 'commit_failed' && l.event_id === eventId).length, 3);
    for (const peer of people) assert.equal(peer.messages.filter((m) => m.type === 'state' && m.round === 2).length, 0);

    // Room again: the next try saves round 2, and the event goes on by itself.
    limitFileSize(server, 'unlimited');
    assert.deepEqual(await host.next((m) => m.type === 'storage'), { type: 'storage', ok: true });
    for (const peer of people) {
      const state = await peer.next((m) => m.type === 'state' && m.phase === 'round' && m.round === 2);
      assert.ok(state.table, 'seated in round 2');
    }
    await logLine(server, (line) => line.event === 'storage_recovered' && line.event_id === eventId);
    assert.equal(query(server.db, 'SELECT COUNT(*) AS n FROM seats WHERE round = 2')[0].n, 4);
  } finally {
    await server.stop();
  }
});
