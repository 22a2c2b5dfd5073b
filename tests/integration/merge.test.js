// The host merges two entries of one person mid-round: the duplicate's connection comes back as the entry
// kept, at the duplicate's table, and the database's meetings follow; after a restart too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, api, Peer, query } from '../support/server.js';

const inRound = (m) => m.type === 'state' && m.phase === 'round' && m.table;

test('merging a duplicate entry moves its seat, meetings and link to the entry kept', async () => {
  let server = await startServer();
  const { db, dir } = server;
  try {
    const created = await api(server.base, 'POST', '/api/events', {
      title: 'Fusion', table_size: 3, min_table_size: 2, max_table_size: 4, rounds: 2, round_seconds: 600,
      break_seconds: 60,
    });
    const eventId = created.body.event.id;
    const host = new Peer(server.base, eventId, created.body.host_token);
    await host.next((m) => m.type === 'host_state');

    const join = async (name) => {
      const joined = await api(server.base, 'POST', `/api/events/${eventId}/attendees`, { name, organisation: 'CCAS' });
      assert.equal(joined.status, 201);
      return { id: joined.body.attendee_id, token: joined.body.token };
    };
    const people = [];
    for (let i = 0; i < 6; i++) {
      const person = await join(`Personne ${i}`);
      person.peer = new Peer(server.base, eventId, person.token);
      await person.peer.next((m) => m.type === 'state' && m.phase === 'lobby');
      people.push(person);
    }
    // Nadia's first entry lost its token and never came back; her second entry takes part in round 1.
    const lost = await join('Nadia');
    const again = people[5];
    host.send({ type: 'start_event' });
    const states = new Map();
    for (const p of people) states.set(p.id, await p.peer.next(inRound));
    const seat = states.get(again.id).table;
    const mates = seat.people.map((p) => p.id).filter((id) => id !== again.id);
    assert.ok(mates.length >= 1);

    host.send({ type: 'merge_attendees', duplicate: again.id, keep: lost.id, ref: 'm1' });
    // The duplicate's connection is told to come back; its link now signs in as the entry kept.
    const closed = await again.peer.closed;
    assert.equal(closed.code, 1013);
    const update = await host.next((m) => m.type === 'host_update' && (m.gone || []).includes(again.id));
    assert.ok(update.attendees.some((a) => a.id === lost.id));

    const back = new Peer(server.base, eventId, again.token);
    assert.equal((await back.next((m) => m.type === 'welcome')).you.id, lost.id);
    const state = await back.next(inRound);
    assert.equal(state.table.number, seat.number, 'back at the duplicate\'s table');
    assert.ok(state.table.people.some((p) => p.id === lost.id));
    assert.ok(!state.table.people.some((p) => p.id === again.id));

    // Bad merges are refused with a clear error and change nothing.
    host.send({ type: 'merge_attendees', duplicate: again.id, keep: lost.id, ref: 'm2' });
    assert.equal((await host.next((m) => m.type === 'error' && m.ref === 'm2')).code, 'not_found');
    host.send({ type: 'merge_attendees', duplicate: lost.id, keep: lost.id, ref: 'm3' });
    assert.equal((await host.next((m) => m.type === 'error' && m.ref === 'm3')).code, 'invalid_field');
    host.send({ type: 'merge_attendees', duplicate: 'x', keep: lost.id, ref: 'm4' });
    const wrong = await host.next((m) => m.type === 'error' && m.ref === 'm4');
    assert.deepEqual([wrong.code, wrong.field], ['invalid_field', 'duplicate']);
    people[0].peer.send({ type: 'merge_attendees', duplicate: people[1].id, keep: people[0].id, ref: 'm5' });
    assert.equal((await people[0].peer.next((m) => m.type === 'error' && m.ref === 'm5')).code, 'forbidden');

    const meetings = () => query(db, `SELECT a, b FROM encounters WHERE event_id = '${eventId}' ORDER BY a, b`)
      .map(({ a, b }) => `${a}-${b}`);
    const met = meetings();
    for (const mate of mates) assert.ok(met.includes([lost.id, mate].sort((x, y) => x - y).join('-')));
    assert.ok(!met.some((pair) => pair.split('-').includes(String(again.id))), 'no meeting left to the duplicate');
    const [row] = query(db, `SELECT status, merged_into FROM attendees WHERE event_id = '${eventId}' AND id = ${again.id}`);
    assert.deepEqual(row, { status: 'merged', merged_into: lost.id });

    // After a restart, the duplicate's link still signs in as the entry kept, at the same table.
    back.ws.terminate();
    for (const p of people.slice(0, 5)) p.peer.ws.terminate();
    host.ws.terminate();
    await server.kill();
    server = await startServer({ dir });
    const resumed = new Peer(server.base, eventId, again.token);
    assert.equal((await resumed.next((m) => m.type === 'welcome')).you.id, lost.id);
    assert.equal((await resumed.next(inRound)).table.number, seat.number);
    resumed.ws.terminate();
  } finally {
    await server.stop();
  }
});
