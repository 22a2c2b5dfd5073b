// A host console whose first snapshot is over the 1 MiB a slow client may have queued (protocol.md,
// Limits) still gets it: the limit is on a backlog, not on one message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, api, Peer } from '../support/server.js';

test('the host console of a large event gets its snapshot, over 1 MiB, and stays connected', async () => {
  const server = await startServer();
  try {
    const created = await api(server.base, 'POST', '/api/events', { title: 'Grand événement', rounds: 2 });
    assert.equal(created.status, 201);
    const eventId = created.body.event.id;
    // Names at their longest, in 3-byte characters: about 900 bytes per entry of host_state.
    const long = (n, prefix) => `${prefix}${'€'.repeat(n - prefix.length)}`;
    const people = 1400;
    for (let i = 0; i < people; i += 50) {
      const batch = [];
      for (let j = i; j < Math.min(people, i + 50); j++) {
        batch.push(api(server.base, 'POST', `/api/events/${eventId}/attendees`, {
          name: long(80, `P${j} `), organisation: long(120, `O${j} `), role: long(80, `R${j} `),
        }).then((joined) => assert.equal(joined.status, 201)));
      }
      await Promise.all(batch);
    }

    const host = new Peer(server.base, eventId, created.body.host_token);
    let bytes = 0;
    host.ws.on('message', (data) => { bytes += data.length; });
    const snapshot = await host.next((m) => m.type === 'host_state', 30000);
    assert.equal(snapshot.attendees.length, people);
    assert.ok(bytes > 1024 * 1024, `the snapshot is ${bytes} bytes`);
    // Still connected: a command is answered.
    host.send({ type: 'broadcast', text: 'Bienvenue', ref: 'b1' });
    await host.next((m) => m.type === 'host_update' && (m.log || []).some((e) => e.action === 'broadcast'));
    host.ws.terminate();
  } finally {
    await server.stop();
  }
});
