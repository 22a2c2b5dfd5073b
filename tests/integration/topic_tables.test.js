// Topic tables against the real server, over WebSocket: the host opens tables, attendees propose and
// choose (one refused when full), a SIGKILL and restart keeps every choice, and the round seats those who
// chose at their table and the others by the topics they seek or offer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, api, Peer, query } from '../support/server.js';

const TOPICS = [{ id: 'logement', fr: 'Logement', en: 'Housing' }, { id: 'emploi', fr: 'Emploi' }, { id: 'sante', fr: 'Santé' }];
const OWN_WORDS = 'Garde d\'enfants';

// Nine people. Ana, Hugo and Sam choose logement (a table of 3 at most); Léa, refused there, proposes her
// own table; Noé seeks emploi and Iris offers it, neither chooses; Marc, Zoé and Paul say nothing.
const PEOPLE = [
  { name: 'Ana' }, { name: 'Hugo' }, { name: 'Sam' }, { name: 'Léa' },
  { name: 'Noé', purpose: { needs: ['emploi'] } }, { name: 'Iris', purpose: { offers: ['emploi'] } },
  { name: 'Marc' }, { name: 'Zoé' }, { name: 'Paul' },
];

const listed = (peer, test) => peer.next((m) => m.type === 'topic_tables' && test(m));
const byTopic = (list, topic) => list.tables.find((t) => t.topic === topic);

test('the host opens topic tables, attendees choose, the round seats them by their choice and their topics', async () => {
  let server = await startServer();
  const peers = new Map();
  let host;
  try {
    const created = await api(server.base, 'POST', '/api/events', {
      title: 'Forum ouvert', table_size: 3, min_table_size: 2, max_table_size: 3, rounds: 2,
      round_seconds: 600, break_seconds: 600, topics: TOPICS, round_kinds: ['topic_tables', 'discovery'],
    });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.event.round_kinds, ['topic_tables', 'discovery']);
    const eventId = created.body.event.id;
    const ids = new Map();
    const tokens = new Map();
    for (const person of PEOPLE) {
      const joined = await api(server.base, 'POST', `/api/events/${eventId}/attendees`,
        { name: person.name, organisation: `Structure ${person.name}`, purpose: person.purpose });
      assert.equal(joined.status, 201);
      ids.set(person.name, joined.body.attendee_id);
      tokens.set(person.name, joined.body.token);
      peers.set(person.name, new Peer(server.base, eventId, joined.body.token));
    }
    // A topic round is coming: every connection hears its (empty) list as it opens.
    for (const peer of peers.values()) assert.deepEqual((await listed(peer, () => true)).tables, []);
    host = new Peer(server.base, eventId, created.body.host_token);
    await host.next((m) => m.type === 'host_state');
    assert.equal((await listed(host, () => true)).mine, null);

    host.send({ type: 'open_topic_table', topic: 'logement' });
    host.send({ type: 'open_topic_table', topic: 'emploi' });
    host.send({ type: 'open_topic_table', topic: 'peche', ref: 'bad' });
    const badTopic = await host.next((m) => m.type === 'error' && m.ref === 'bad');
    assert.equal(badTopic.code, 'invalid_field');
    assert.equal(badTopic.field, 'topic');
    const opened = await listed(host, (m) => m.tables.length === 2);
    const logement = byTopic(opened, 'logement');
    assert.deepEqual(logement, { id: logement.id, topic: 'logement', text: '', seats_taken: 0, cap: 3 });
    const emploi = byTopic(opened, 'emploi');

    // Ana, Hugo and Sam fill logement; each hears their own choice at once, in `me`.
    for (const name of ['Ana', 'Hugo', 'Sam']) {
      peers.get(name).send({ type: 'choose_topic_table', table: logement.id });
      const me = await peers.get(name).next((m) => m.type === 'me');
      assert.equal(me.you.topic_table, logement.id);
    }
    const lea = peers.get('Léa');
    lea.send({ type: 'choose_topic_table', table: logement.id, ref: 'full' });
    assert.equal((await lea.next((m) => m.type === 'error' && m.ref === 'full')).code, 'table_full');
    lea.send({ type: 'propose_topic_table', topic: 'emploi', text: 'Et aussi', ref: 'both' });
    assert.equal((await lea.next((m) => m.type === 'error' && m.ref === 'both')).code, 'invalid_field');
    lea.send({ type: 'propose_topic_table', text: `  ${OWN_WORDS} ` });
    const full = await listed(lea, (m) => m.tables.length === 3 && byTopic(m, 'logement').seats_taken === 3);
    const own = full.tables.find((t) => t.topic === null);
    assert.equal(own.text, OWN_WORDS);
    assert.equal(own.proposed_by_name, 'Léa');
    assert.equal(full.mine, own.id, 'the proposer sits at the table she proposed');
    assert.equal((await listed(peers.get('Ana'), (m) => m.tables.length === 3)).mine, logement.id);
    // An attendee may not open one the host's way, nor a host choose.
    peers.get('Paul').send({ type: 'open_topic_table', topic: 'sante', ref: 'not-host' });
    assert.equal((await peers.get('Paul').next((m) => m.type === 'error' && m.ref === 'not-host')).code, 'forbidden');

    // SIGKILL and a restart before the round: the tables and every choice come back.
    const rows = query(server.db, `SELECT attendee_id, table_id FROM topic_choices WHERE event_id = '${eventId}' ORDER BY attendee_id`);
    assert.deepEqual(rows.map((r) => [r.attendee_id, r.table_id]),
      [['Ana', logement.id], ['Hugo', logement.id], ['Sam', logement.id], ['Léa', own.id]].map(([n, t]) => [ids.get(n), t]));
    await Promise.all([...peers.values(), host].map((p) => p.close()));
    await server.kill();
    server = await startServer({ port: server.port, dir: server.dir });
    for (const [name, token] of tokens) peers.set(name, new Peer(server.base, eventId, token));
    const again = await listed(peers.get('Sam'), () => true);
    assert.equal(again.mine, logement.id);
    assert.equal(byTopic(again, 'logement').seats_taken, 3);
    assert.equal(byTopic(again, 'emploi').seats_taken, 0);
    host = new Peer(server.base, eventId, created.body.host_token);
    await host.next((m) => m.type === 'host_state');

    // The round: choosers at their table; Noé and Iris, who seek or offer emploi, at the emploi table.
    for (const peer of peers.values()) await peer.next((m) => m.type === 'state' && m.phase === 'lobby');
    host.send({ type: 'start_event' });
    const seats = new Map();
    for (const [name, peer] of peers) {
      const state = await peer.next((m) => m.type === 'state' && m.phase === 'round' && m.table);
      seats.set(name, state.table);
    }
    const tableOf = (name) => seats.get(name).number;
    assert.equal(tableOf('Hugo'), tableOf('Ana'));
    assert.equal(tableOf('Sam'), tableOf('Ana'));
    assert.deepEqual(seats.get('Ana').topic_table, { id: logement.id, topic: 'logement', text: '' });
    assert.deepEqual(seats.get('Léa').topic_table, { id: own.id, topic: null, text: OWN_WORDS });
    assert.equal(tableOf('Noé'), tableOf('Iris'));
    assert.deepEqual(seats.get('Noé').topic_table, { id: emploi.id, topic: 'emploi', text: '' });
    for (const table of seats.values()) assert.ok(table.people.length >= 2 && table.people.length <= 3);
    const numbers = query(server.db, `SELECT id, table_number FROM topic_tables WHERE event_id = '${eventId}' ORDER BY id`);
    assert.deepEqual(numbers.find((r) => r.id === logement.id).table_number, tableOf('Ana'));
    // Once the round started, the tables can no longer change.
    host.send({ type: 'open_topic_table', topic: 'sante', ref: 'late' });
    assert.equal((await host.next((m) => m.type === 'error' && m.ref === 'late')).code, 'wrong_phase');
  } finally {
    await Promise.all([...peers.values(), ...(host ? [host] : [])].map((p) => p.close().catch(() => {})));
    await server.stop();
  }
});
