// Profiles with purpose against the real server: topics at creation, a purpose at joining and changed live
// over WebSocket, carried to the tablemates' `state`; wrong input refused with its field; the reference
// lists served; the sentence never in the logs; a SIGKILL and restart keep it all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, api, Peer, query } from '../support/server.js';

const TOPICS = [
  { id: 'logement', fr: 'Logement', en: 'Housing' },
  { id: 'emploi', fr: 'Emploi' },
  { id: 'sante-mentale', fr: 'Santé mentale', en: 'Mental health' },
];
const SENTENCE = 'Une famille hébergée chez des tiers depuis six mois';

test('topics at creation, a purpose at joining and live, seen by the tablemate, kept through a restart', async () => {
  let server = await startServer();
  try {
    // Topics are checked at creation, each refusal naming the field.
    for (const topics of [[{ id: 'Logement', fr: 'Logement' }], [{ id: 'a', fr: '' }], [{ id: 'a', fr: 'A' }, { id: 'a', fr: 'B' }], 'logement']) {
      const refused = await api(server.base, 'POST', '/api/events', { title: 'Mauvais', topics });
      assert.equal(refused.status, 400, JSON.stringify(topics));
      assert.equal(refused.body.code, 'invalid_field');
      assert.equal(refused.body.field, 'topics');
    }
    const created = await api(server.base, 'POST', '/api/events', {
      title: 'Entraide', table_size: 2, min_table_size: 2, max_table_size: 2, rounds: 2, round_seconds: 600, break_seconds: 60, topics: TOPICS,
    });
    assert.equal(created.status, 201);
    const eventId = created.body.event.id;
    assert.deepEqual(created.body.event.topics, TOPICS);
    const info = await api(server.base, 'GET', `/api/events/${eventId}`);
    assert.deepEqual(info.body.topics, TOPICS, 'the join page reads the topics');

    // Joining with a wrong purpose is refused, with its field, and nobody joins.
    for (const [purpose, field] of [
      [{ needs: ['justice'] }, 'purpose.needs'],
      [{ offers: 'emploi' }, 'purpose.offers'],
      [{ departement: '20' }, 'purpose.departement'],
      [{ structure: 'mairie' }, 'purpose.structure'],
      [{ need_text: 'x'.repeat(281) }, 'purpose.need_text'],
    ]) {
      const refused = await api(server.base, 'POST', `/api/events/${eventId}/attendees`, { name: 'X', organisation: 'Y', purpose });
      assert.equal(refused.status, 400, JSON.stringify(purpose));
      assert.equal(refused.body.field, field);
    }
    const purpose = { needs: ['logement'], need_text: SENTENCE, offers: ['emploi'], departement: '2A', structure: 'ccas' };
    const camille = await api(server.base, 'POST', `/api/events/${eventId}/attendees`, { name: 'Camille', organisation: 'CCAS de Villeurbanne', purpose });
    assert.equal(camille.status, 201);
    const dominique = await api(server.base, 'POST', `/api/events/${eventId}/attendees`, { name: 'Dominique', organisation: 'Mission locale' });
    assert.equal(dominique.status, 201);
    const c = new Peer(server.base, eventId, camille.body.token);
    const d = new Peer(server.base, eventId, dominique.body.token);
    const welcome = await c.next((m) => m.type === 'welcome');
    assert.deepEqual(welcome.you.purpose, purpose, 'Mon profil starts from what was given');
    assert.deepEqual(welcome.event.topics, TOPICS);
    await d.next((m) => m.type === 'state' && m.phase === 'lobby');

    const host = new Peer(server.base, eventId, created.body.host_token);
    await host.next((m) => m.type === 'host_state');
    host.send({ type: 'start_event' });
    let seen = await d.next((m) => m.type === 'state' && m.phase === 'round' && m.table);
    const mate = seen.table.people.find((p) => p.id === camille.body.attendee_id);
    assert.deepEqual(mate.purpose, purpose, 'the tablemate sees the need, the offer and the département');
    assert.equal(seen.table.people.find((p) => p.id === dominique.body.attendee_id).purpose, undefined, 'none given: none sent');

    // Changed live: committed, then the tablemate's state carries it.
    const changed = { needs: ['sante-mentale'], need_text: 'Un jeune sans suivi', offers: [], departement: '69', structure: '' };
    c.send({ type: 'purpose', purpose: changed, ref: 'p1' });
    seen = await d.next((m) => m.type === 'state' && m.table?.people.some((p) => p.purpose?.departement === '69'));
    assert.deepEqual(seen.table.people.find((p) => p.id === camille.body.attendee_id).purpose, changed);
    const mine = await c.next((m) => m.type === 'me');
    assert.deepEqual(mine.you.purpose, changed);
    const rows = query(server.db, `SELECT needs, need_text, departement FROM attendees WHERE event_id = '${eventId}' AND name = 'Camille'`);
    assert.deepEqual(rows, [{ needs: 'sante-mentale', need_text: 'Un jeune sans suivi', departement: '69' }]);

    // A wrong one is refused with its field and changes nothing.
    c.send({ type: 'purpose', purpose: { departement: '99' }, ref: 'p2' });
    const error = await c.next((m) => m.type === 'error' && m.ref === 'p2');
    assert.equal(error.code, 'invalid_field');
    assert.equal(error.field, 'purpose.departement');
    c.send({ type: 'purpose', purpose: { needs: 'logement' }, ref: 'p3' });
    assert.equal((await c.next((m) => m.type === 'error' && m.ref === 'p3')).field, 'purpose.needs');
    d.send({ type: 'purpose', ref: 'p4' });
    assert.equal((await d.next((m) => m.type === 'error' && m.ref === 'p4')).field, 'purpose');

    // The reference lists the join page reads are the server's own.
    const departements = await (await fetch(`${server.base}/data/departements.json`)).json();
    assert.equal(departements.length, 101);
    assert.deepEqual(departements.find((x) => x.code === '2A').neighbours, ['2B']);
    const structures = await (await fetch(`${server.base}/data/structures.json`)).json();
    assert.ok(structures.some((x) => x.id === 'ccas'));
    assert.equal((await fetch(`${server.base}/data/nothing.json`)).status, 404);

    // The sentence is personal data: never in the logs.
    assert.ok(!JSON.stringify(server.logs).includes('sans suivi'));
    assert.ok(!JSON.stringify(server.logs).includes(SENTENCE));

    // SIGKILL and a restart on the same file: the topics and the latest purpose come back.
    await Promise.all([c.close(), d.close(), host.close()]);
    await server.kill();
    server = await startServer({ port: server.port, dir: server.dir });
    const again = new Peer(server.base, eventId, dominique.body.token);
    seen = await again.next((m) => m.type === 'state' && m.phase === 'round' && m.table);
    assert.deepEqual(seen.table.people.find((p) => p.id === camille.body.attendee_id).purpose, changed);
    assert.deepEqual((await api(server.base, 'GET', `/api/events/${eventId}`)).body.topics, TOPICS);
    await again.close();
  } finally {
    await server.stop();
  }
});
