// One event whose plan mixes every kind of round, run from the console in the browser: local network (tables
// of one département), mutual help (the need seated with its one helper), topic tables (chosen in the break
// on the attendee's page), pairs, discovery and meet again (two people who both asked to keep in touch sit
// together again). Camille follows it all on her own page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, camilleJoins, axeViolations } from './harness.js';
import { Peer, api, query } from '../support/server.js';

const shared = serverAndBrowser();
const TOPICS = [{ id: 'logement', fr: 'Logement', en: 'Housing' }, { id: 'emploi', fr: 'Emploi', en: 'Work' }];
const KINDS = ['local', 'mutual_help', 'topic_tables', 'pairs', 'discovery', 'meet_again'];

test('a host runs discovery, mutual-help, topic, pairs, local and meet-again rounds in one event', async () => {
  const created = (await api(shared.server.url, 'POST', '/api/events', {
    title: 'Rencontres du réseau', table_size: 3, min_table_size: 2, max_table_size: 4, rounds: KINDS.length,
    round_seconds: 1200, break_seconds: 600, topics: TOPICS, round_kinds: KINDS,
  })).body;
  const id = created.event.id;

  // Camille seeks help on housing, in the Rhône; Hugo alone offers it, in the Rhône too.
  const camille = await camilleJoins(shared.browser, shared.server.url, id, { departement: '69' });
  await camille.locator('#lobby-kind', { hasText: 'Prochain tour : Réseau local' }).waitFor();

  const peers = new Map();
  const join = async (name, purpose) => {
    const joined = await api(shared.server.url, 'POST', `/api/events/${id}/attendees`, { name, organisation: `Structure ${name}`, purpose });
    assert.equal(joined.status, 201);
    const peer = new Peer(shared.server.url, id, joined.body.token);
    await peer.next((m) => m.type === 'state');
    peers.set(name, { peer, id: joined.body.attendee_id });
  };
  await join('Hugo', { offers: ['logement'], departement: '69' });
  await join('Léa', { departement: '69' });
  for (const name of ['Noé', 'Iris', 'Marc']) await join(name, { departement: '75' });
  for (const name of ['Sam', 'Zoé']) await join(name, { departement: '13' });
  const hugo = peers.get('Hugo');

  const host = await newPage(shared.browser);
  await host.goto(`${shared.server.url}/host.html?event=${id}#key=${encodeURIComponent(created.host_token)}`);
  await host.locator('#host-kind-6').waitFor();
  // During a round « Tour suivant » asks first: it also skips the break.
  const nextRoundNow = async (round) => {
    await host.locator('#round', { hasText: `Tour ${round} sur ${KINDS.length}` }).waitFor();
    await host.locator('#phase', { hasText: 'Tour en cours' }).waitFor();
    await host.click('#next-round');
    await host.click('[data-confirm="yes"]');
  };
  const mates = async () => (await camille.locator('#mates li').allTextContents()).join(' | ');

  // 1. Local network: the Rhône's three together, nobody from elsewhere.
  await host.click('#start-event');
  await camille.locator('#round-kind', { hasText: 'Ce tour : Réseau local' }).waitFor();
  await camille.locator('#mates li', { hasText: 'Léa' }).waitFor();
  const local = await mates();
  assert.match(local, /Hugo/);
  for (const name of ['Noé', 'Iris', 'Marc', 'Sam', 'Zoé']) assert.doesNotMatch(local, new RegExp(name), local);

  // 2. Mutual help: Camille's need meets Hugo's offer.
  await nextRoundNow(1);
  await camille.locator('#round-kind', { hasText: 'Ce tour : Entraide' }).waitFor();
  await camille.locator('#mates li', { hasText: 'Hugo' }).waitFor();

  // In the break, Hugo asks to keep in touch with Camille, and she ticks « Garder le contact » on her card.
  await host.click('#end-round');
  const camilleId = query(shared.server.db, `SELECT id FROM attendees WHERE event_id = '${id}' AND name = 'Camille'`)[0].id;
  hugo.peer.send({ type: 'keep_in_touch', about: camilleId, wish: true });
  await camille.locator(`#card-keep-2-${hugo.id}`).waitFor();
  await camille.click(`#card-keep-2-${hugo.id}`);
  await hugo.peer.next((m) => m.type === 'me' && m.contacts.some((c) => c.id === camilleId));

  // 3. Topic tables: in the same break the console opens « Logement » and Camille chooses it on her page.
  await host.locator('#tt-host-heading', { hasText: 'Tables thématiques du tour 3' }).waitFor();
  await host.click('#tt-host-open-logement');
  await camille.locator('#tt-list li', { hasText: 'Logement' }).waitFor();
  const table = await camille.locator('#tt-list button[id^="tt-choose-"]').first().getAttribute('id');
  await camille.click(`#${table}`);
  await camille.locator('#live', { hasText: 'Vous avez choisi la table « Logement ».' }).waitFor();
  await host.click('#next-round');
  await camille.locator('#round-kind', { hasText: 'Table thématique : Logement' }).waitFor();

  // 4. Pairs: eight people, four tables of two.
  await nextRoundNow(3);
  await camille.locator('#round-kind', { hasText: 'Ce tour : En tête-à-tête' }).waitFor();
  assert.equal(await camille.locator('#mates li').count(), 1, await mates());

  // 5. Discovery.
  await nextRoundNow(4);
  await camille.locator('#round-kind', { hasText: 'Ce tour : Découverte' }).waitFor();

  // 6. Meet again: Camille and Hugo, who both asked to keep in touch, sit together again.
  await nextRoundNow(5);
  await camille.locator('#round-kind', { hasText: 'Ce tour : Se revoir' }).waitFor();
  await camille.locator('#mates li', { hasText: 'Hugo' }).waitFor();

  await host.locator('#host-plan li', { hasText: 'Tour 6 : Se revoir (commencé)' }).waitFor();
  assert.deepEqual(await axeViolations(camille, 'a meet-again table'), []);
  assert.deepEqual(camille.problems, []);
  assert.deepEqual(host.problems, []);
  await Promise.all([...peers.values()].map(({ peer }) => peer.close()));
});
