// Kinds of round against the real server, over WebSocket: one event whose plan mixes mutual help, pairs,
// local network, meet again and discovery; each round's tables checked from what the attendees are told,
// the plan changed live by the host, and kept through a SIGKILL and restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, api, Peer, query } from '../support/server.js';

const TOPICS = [{ id: 'logement', fr: 'Logement', en: 'Housing' }, { id: 'emploi', fr: 'Emploi' }, { id: 'sante', fr: 'Santé' }];
const NEED = 'Une famille à reloger avant l\'hiver';

// Nine people: Ana seeks logement and only Hugo offers it; Sam seeks santé, which nobody offers. Six work
// in the Rhône or the Ain (bordering), three in the Bouches-du-Rhône.
const PEOPLE = [
  { name: 'Ana', purpose: { needs: ['logement'], need_text: NEED, departement: '69' } },
  { name: 'Hugo', purpose: { offers: ['logement', 'emploi'], departement: '69' } },
  { name: 'Sam', purpose: { needs: ['sante'], departement: '69' } },
  { name: 'Léa', purpose: { departement: '69' } },
  { name: 'Noé', purpose: { departement: '69' } },
  { name: 'Iris', purpose: { departement: '01' } },
  { name: 'Marc', purpose: { departement: '13' } },
  { name: 'Zoé', purpose: { departement: '13' } },
  { name: 'Paul', purpose: { departement: '13' } },
];

// Each attendee's table in round `round`, from their own `state`: Map name -> table number.
async function tablesOf(peers, round) {
  const seats = new Map();
  for (const [name, peer] of peers) {
    const state = await peer.next((m) => m.type === 'state' && m.phase === 'round' && m.round === round && m.table);
    seats.set(name, state.table.number);
    peer.last = state;
  }
  return seats;
}

function sizes(seats) {
  const count = new Map();
  for (const table of seats.values()) count.set(table, (count.get(table) || 0) + 1);
  return [...count.values()].sort((a, b) => b - a);
}

test('an event mixing the kinds of round seats each as its kind asks, and the host changes the plan live', async () => {
  let server = await startServer();
  const peers = new Map();
  let host;
  try {
    const refused = await api(server.base, 'POST', '/api/events', { title: 'X', rounds: 2, round_kinds: ['pairs', 'topics'] });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.field, 'round_kinds');
    const tooMany = await api(server.base, 'POST', '/api/events', { title: 'X', rounds: 1, round_kinds: ['pairs', 'pairs'] });
    assert.equal(tooMany.body.field, 'round_kinds');

    const kinds = ['mutual_help', 'pairs', 'local', 'meet_again'];
    const created = await api(server.base, 'POST', '/api/events', {
      title: 'Entraide et territoire', table_size: 3, min_table_size: 2, max_table_size: 4, rounds: 4,
      round_seconds: 600, break_seconds: 600, topics: TOPICS, round_kinds: kinds,
    });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.event.round_kinds, kinds);
    const eventId = created.body.event.id;
    const ids = new Map();
    const tokens = new Map();
    for (const person of PEOPLE) {
      const joined = await api(server.base, 'POST', `/api/events/${eventId}/attendees`, { name: person.name, organisation: `Structure ${person.name}`, purpose: person.purpose });
      assert.equal(joined.status, 201);
      ids.set(person.name, joined.body.attendee_id);
      tokens.set(person.name, joined.body.token);
      peers.set(person.name, new Peer(server.base, eventId, joined.body.token));
    }
    for (const peer of peers.values()) {
      const lobby = await peer.next((m) => m.type === 'state' && m.phase === 'lobby');
      assert.equal(lobby.kind, 'mutual_help', 'the lobby says what the first round is for');
    }
    host = new Peer(server.base, eventId, created.body.host_token);
    const snapshot = await host.next((m) => m.type === 'host_state');
    assert.deepEqual(snapshot.round_kinds, kinds);
    assert.equal(snapshot.needs, null, 'nothing to count before round 1');

    // Round 1, mutual help: Ana sits with Hugo, and their table states her need in her words.
    host.send({ type: 'start_event' });
    let seats = await tablesOf(peers, 1);
    assert.equal(seats.get('Ana'), seats.get('Hugo'));
    const ana = peers.get('Ana').last;
    assert.equal(ana.kind, 'mutual_help');
    assert.deepEqual(ana.table.need, { attendee_id: ids.get('Ana'), topic: 'logement', text: NEED });
    for (const peer of peers.values()) {
      assert.notEqual(peer.last.table.need?.attendee_id, ids.get('Sam'), 'santé is offered by nobody: no table is made up around it');
    }
    const needs = (await host.next((m) => m.type === 'host_update' && m.needs?.round === 1)).needs;
    assert.deepEqual(needs, { round: 1, met: [ids.get('Ana')], unmet: [ids.get('Sam')], never_met: [ids.get('Sam')] });

    // Ana and Hugo both ask to keep in touch, for the meet-again round.
    peers.get('Ana').send({ type: 'keep_in_touch', about: ids.get('Hugo'), wish: true });
    peers.get('Hugo').send({ type: 'keep_in_touch', about: ids.get('Ana'), wish: true });
    await peers.get('Ana').next((m) => m.type === 'me' && m.contacts?.length === 1);

    // The break: round 1 cannot change any more; a fifth round, pairs, is added, and everyone hears it.
    host.send({ type: 'end_round' });
    host.send({ type: 'set_round_kind', round: 1, kind: 'local', ref: 'late' });
    assert.equal((await host.next((m) => m.type === 'error' && m.ref === 'late')).code, 'wrong_phase');
    host.send({ type: 'set_round_kind', round: 5, kind: 'pairs' });
    const planned = await host.next((m) => m.type === 'host_update' && m.round_kinds?.length === 5);
    assert.deepEqual(planned.round_kinds, [...kinds, 'pairs']);
    assert.equal(planned.rounds, 5);
    assert.ok(planned.log.some((e) => e.action === 'round_kind_set' && e.round === 5 && e.kind === 'pairs'), 'the log says who did it');
    const breakState = await peers.get('Léa').next((m) => m.type === 'state' && m.phase === 'break' && m.rounds === 5);
    assert.equal(breakState.kind, 'pairs', 'the break says what the next round (2) is for');

    // Round 2, pairs: four tables, one of three (nine people), nobody seated with someone met in round 1.
    host.send({ type: 'next_round' });
    const before = seats;
    seats = await tablesOf(peers, 2);
    assert.deepEqual(sizes(seats), [3, 2, 2, 2]);
    for (const [a, table] of seats) {
      for (const [b, other] of seats) {
        if (a < b && table === other) assert.notEqual(before.get(a), before.get(b), `${a} and ${b} met again`);
      }
    }

    // Round 3, local network: no table mixes the Bouches-du-Rhône with the Rhône or the Ain.
    host.send({ type: 'next_round' });
    seats = await tablesOf(peers, 3);
    const south = new Set(['Marc', 'Zoé', 'Paul'].map((name) => seats.get(name)));
    for (const name of ['Ana', 'Hugo', 'Sam', 'Léa', 'Noé', 'Iris']) assert.ok(!south.has(seats.get(name)), `${name} seated with the 13`);

    // SIGKILL and a restart in the break: the plan, with its added round, comes back.
    host.send({ type: 'end_round' });
    await peers.get('Léa').next((m) => m.type === 'state' && m.phase === 'break' && m.round === 3);
    assert.deepEqual(JSON.parse(query(server.db, `SELECT settings FROM events WHERE id = '${eventId}'`)[0].settings).round_kinds,
      [...kinds, 'pairs']);
    await Promise.all([...peers.values(), host].map((p) => p.close()));
    await server.kill();
    server = await startServer({ port: server.port, dir: server.dir });
    assert.deepEqual((await api(server.base, 'GET', `/api/events/${eventId}`)).body.round_kinds, [...kinds, 'pairs']);
    for (const [name, token] of tokens) peers.set(name, new Peer(server.base, eventId, token));
    for (const peer of peers.values()) await peer.next((m) => m.type === 'state' && m.phase === 'break');
    host = new Peer(server.base, eventId, created.body.host_token);
    assert.deepEqual((await host.next((m) => m.type === 'host_state')).round_kinds, [...kinds, 'pairs']);

    // Round 4, meet again: Ana and Hugo, who both asked to keep in touch, sit together again.
    host.send({ type: 'next_round' });
    seats = await tablesOf(peers, 4);
    assert.equal(seats.get('Ana'), seats.get('Hugo'));
    assert.equal(peers.get('Ana').last.kind, 'meet_again');
  } finally {
    await Promise.all([...peers.values(), ...(host ? [host] : [])].map((p) => p.close().catch(() => {})));
    await server.stop();
  }
});
