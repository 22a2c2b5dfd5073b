// Topic tables in the browser: an attendee in the lobby reads the coming round's tables with their seats
// left, chooses one by keyboard (aria-pressed, said in the live region), sees the seats change as others
// choose, in French then English; the console opens a table per topic in one click and shows who chose;
// the round's table page says its topic. axe-core finds nothing to fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, axeViolations, screenshot } from './harness.js';
import { Peer, api, query } from '../support/server.js';

const shared = serverAndBrowser();
const TOPICS = [{ id: 'logement', fr: 'Logement', en: 'Housing' }, { id: 'emploi', fr: 'Emploi', en: 'Work' },
  { id: 'sante', fr: 'Santé', en: 'Health' }];

test('an attendee chooses a topic table by keyboard and sees the seats left change', async () => {
  const created = (await api(shared.server.url, 'POST', '/api/events', {
    title: 'Forum ouvert', table_size: 3, min_table_size: 2, max_table_size: 3, rounds: 2, round_seconds: 1200,
    break_seconds: 600, topics: TOPICS, round_kinds: ['topic_tables'],
  })).body;
  const id = created.event.id;
  const hostPeer = new Peer(shared.server.url, id, created.host_token);
  await hostPeer.next((m) => m.type === 'host_state');
  hostPeer.send({ type: 'open_topic_table', topic: 'logement' });
  hostPeer.send({ type: 'open_topic_table', topic: 'emploi' });
  const opened = await hostPeer.next((m) => m.type === 'topic_tables' && m.tables.length === 2);
  const logement = opened.tables.find((t) => t.topic === 'logement').id;

  const camille = await newPage(shared.browser);
  await camille.goto(`${shared.server.url}/join.html?event=${id}`);
  await camille.locator('#name').waitFor();
  await camille.fill('#name', 'Camille');
  await camille.fill('#organisation', 'CCAS de Villeurbanne');
  await camille.click('#join-submit');
  await camille.locator('#tt-heading', { hasText: 'Tables thématiques du tour 1' }).waitFor();
  await camille.locator(`#tt-seats-${logement}`, { hasText: '3 places restantes' }).waitFor();

  // Two others choose logement: one seat is left, which Camille sees without reloading.
  const peers = [];
  for (const name of ['Hugo', 'Sam', 'Léa', 'Noé']) {
    const joined = await api(shared.server.url, 'POST', `/api/events/${id}/attendees`, { name, organisation: `Structure ${name}` });
    const peer = new Peer(shared.server.url, id, joined.body.token);
    peers.push(peer);
    await peer.next((m) => m.type === 'topic_tables');
  }
  for (const peer of peers.slice(0, 2)) {
    peer.send({ type: 'choose_topic_table', table: logement });
    await peer.next((m) => m.type === 'me' && m.you.topic_table === logement);
  }
  await camille.locator(`#tt-seats-${logement}`, { hasText: '1 place restante' }).waitFor();

  // By keyboard: Tab to the button, Enter. The button says it is pressed, the live region says so too.
  await camille.focus(`#tt-choose-${logement}`);
  assert.equal(await camille.locator(`#tt-choose-${logement}`).getAttribute('aria-pressed'), 'false');
  await camille.keyboard.press('Enter');
  await camille.locator('#live', { hasText: 'Vous avez choisi la table « Logement ».' }).waitFor();
  await camille.locator(`#tt-choose-${logement}[aria-pressed="true"]`, { hasText: 'Ma table : « Logement »' }).waitFor();
  await camille.locator(`#tt-seats-${logement}`, { hasText: 'Complète' }).waitFor();
  const camilleId = query(shared.server.db, `SELECT id FROM attendees WHERE event_id = '${id}' AND name = 'Camille'`)[0].id;
  assert.deepEqual(query(shared.server.db, `SELECT table_id FROM topic_choices WHERE attendee_id = ${camilleId} AND event_id = '${id}'`),
    [{ table_id: logement }]);
  // The table is full for Léa.
  peers[2].send({ type: 'choose_topic_table', table: logement, ref: 'full' });
  assert.equal((await peers[2].next((m) => m.type === 'error' && m.ref === 'full')).code, 'table_full');
  // Her own table: five attendees fill two tables of 2 at least, and two are open already.
  await camille.fill('#tt-text', 'Mobilité');
  await camille.press('#tt-text', 'Enter');
  await camille.locator('#tt-propose-error', { hasText: 'Il y a déjà autant de tables que les participant·es peuvent en remplir' }).waitFor();
  assert.deepEqual(await axeViolations(camille, 'topic tables in the lobby'), []);
  await screenshot(camille, 'topic-tables.png');

  await camille.click('#lang-switch');
  await camille.locator('#tt-heading', { hasText: 'Topic tables of round 1' }).waitFor();
  await camille.locator(`#tt-seats-${logement}`, { hasText: 'Full' }).waitFor();
  await camille.locator(`#tt-choose-${logement}`, { hasText: 'My table: “Housing”' }).waitFor();
  assert.deepEqual(await axeViolations(camille, 'topic tables in English'), []);

  // The console: one click opens santé; each open table shows who chose it.
  const host = await newPage(shared.browser);
  await host.goto(`${shared.server.url}/host.html?event=${id}#key=${encodeURIComponent(created.host_token)}`);
  await host.locator('#tt-host-heading', { hasText: 'Tables thématiques du tour 1' }).waitFor();
  await host.locator('#tt-host-list li', { hasText: '3 sur 3 ont choisi cette table' }).waitFor();
  await host.click('#tt-host-open-sante');
  await host.locator('#tt-host-list li', { hasText: 'Santé' }).waitFor();
  await camille.locator('#tt-list li', { hasText: 'Health' }).waitFor();
  assert.deepEqual(await axeViolations(host, 'console with topic tables'), []);
  await host.getByRole('button', { name: 'Fermer « Santé »' }).click();
  await host.locator('#live', { hasText: 'Table « Santé » fermée.' }).waitFor();
  await host.locator('#host-log li', { hasText: 'a fermé la table « Santé » du tour 1' }).waitFor();
  await camille.locator('#tt-list li', { hasText: 'Health' }).waitFor({ state: 'detached' });

  // The round: Camille's table page says its topic.
  await host.click('#start-event');
  await camille.locator('#round-kind', { hasText: 'Topic table: Housing' }).waitFor();
  assert.ok(await camille.locator('#topic-tables-card').isHidden());
  assert.deepEqual(camille.problems, []);
  assert.deepEqual(host.problems, []);
  await Promise.all([...peers, hostPeer].map((p) => p.close()));
});
