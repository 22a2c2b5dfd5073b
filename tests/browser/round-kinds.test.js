// Kinds of round in the browser: the plan chosen on the create form by keyboard; a mutual-help round where
// the attendee who seeks help sits with the one attendee who offers it and reads her need as the table's
// prompt (FR, then EN); the console's plan and needs met, a round's kind changed by keyboard, and one click
// for a mutual-help round serving the needs never met. axe-core finds nothing to fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, camilleJoins, axeViolations, screenshot } from './harness.js';
import { Peer, query, api } from '../support/server.js';

const shared = serverAndBrowser();
const TOPICS = [{ id: 'logement', fr: 'Logement', en: 'Housing' }, { id: 'sante', fr: 'Santé', en: 'Health' }];

test('the create form has a plan of rounds that follows their number, chosen by keyboard', async () => {
  const page = await newPage(shared.browser);
  await page.goto(`${shared.server.url}/`);
  await page.locator('#round-kind-3').waitFor();
  assert.equal(await page.locator('#round-plan li').count(), 3);
  await page.fill('#rounds', '4');
  await page.locator('#round-kind-4').waitFor();
  await page.focus('#round-kind-2');
  await page.keyboard.press('ArrowDown');  // Découverte -> Entraide
  assert.equal(await page.locator('#round-kind-2').inputValue(), 'mutual_help');
  await page.locator('#round-kind-2-hint', { hasText: 'besoin' }).waitFor();
  await page.selectOption('#round-kind-4', 'pairs');
  assert.deepEqual(await axeViolations(page, 'create form with a plan of rounds'), []);
  await page.fill('#title', 'Avec programme');
  await page.click('#create-submit');
  await page.locator('#created-section').waitFor();
  const id = new URL(await page.locator('#join-link').inputValue()).searchParams.get('event');
  const settings = JSON.parse(query(shared.server.db, `SELECT settings FROM events WHERE id = '${id}'`)[0].settings);
  assert.deepEqual(settings.round_kinds, ['discovery', 'mutual_help', 'discovery', 'pairs']);
  assert.deepEqual(page.problems, []);
});

test('a mutual-help round seats the need with its one helper; the console shows needs met and starts another', async () => {
  const created = (await api(shared.server.url, 'POST', '/api/events', {
    title: 'Entraide', table_size: 3, min_table_size: 2, max_table_size: 4, rounds: 2, round_seconds: 1200,
    break_seconds: 600, topics: TOPICS, round_kinds: ['mutual_help'],
  })).body;
  const id = created.event.id;

  // Camille joins in the browser with a need; Hugo alone offers logement; Sam seeks santé, offered by nobody.
  const camille = await camilleJoins(shared.browser, shared.server.url, id);
  await camille.locator('#lobby-kind', { hasText: 'Prochain tour : Entraide' }).waitFor();
  const peers = [];
  const join = async (name, purpose) => {
    const joined = await api(shared.server.url, 'POST', `/api/events/${id}/attendees`, { name, organisation: `Structure ${name}`, purpose });
    const peer = new Peer(shared.server.url, id, joined.body.token);
    peers.push(peer);
    await peer.next((m) => m.type === 'state');
    return joined.body.attendee_id;
  };
  const hugo = await join('Hugo', { offers: ['logement'] });
  const sam = await join('Sam', { needs: ['sante'] });
  for (const name of ['Léa', 'Noé', 'Iris', 'Marc']) await join(name, {});

  const host = await newPage(shared.browser);
  await host.goto(`${shared.server.url}/host.html?event=${id}#key=${encodeURIComponent(created.host_token)}`);
  await host.locator('#host-kind-1').waitFor();
  assert.equal(await host.locator('#host-kind-1').inputValue(), 'mutual_help');
  assert.equal(await host.locator('#host-kind-2').inputValue(), 'discovery');
  await host.click('#start-event');

  // Camille's table: Hugo is there, and the prompt is her need in her own words.
  await camille.locator('#round-kind', { hasText: 'Ce tour : Entraide' }).waitFor();
  await camille.locator('#prompt', { hasText: 'Camille (CCAS de Villeurbanne) cherche de l\'aide sur « Logement » : Une famille à reloger' }).waitFor();
  await camille.locator('#mates li', { hasText: 'Hugo' }).waitFor();
  assert.deepEqual(await axeViolations(camille, 'a mutual-help table'), []);
  await screenshot(camille, 'mutual-help-table.png');
  await camille.click('#lang-switch');
  await camille.locator('#prompt', { hasText: 'is looking for help with “Housing”: Une famille à reloger' }).waitFor();
  await camille.locator('#round-kind', { hasText: 'This round: Mutual help' }).waitFor();

  // The console: Camille met, Sam not, and never met so far.
  await host.locator('#needs-summary', { hasText: 'Tour 1 : 1 besoin couvert sur 2.' }).waitFor();
  await host.locator('#needs-unmet li', { hasText: 'Sam' }).waitFor();
  await host.locator('#needs-never', { hasText: 'Jamais couverts depuis le début : 1' }).waitFor();
  assert.match(await host.locator('#host-plan li').first().textContent(), /^Tour 1\s:\sEntraide \(commencé\)$/);
  assert.deepEqual(await axeViolations(host, 'console with the plan and needs'), []);
  await screenshot(host, 'round-plan-console.png');

  // Round 2 changed by keyboard, then one click makes it a mutual-help round and starts it.
  await host.focus('#host-kind-2');
  await host.keyboard.press('ArrowDown');  // Découverte -> Entraide
  await host.keyboard.press('ArrowDown');  // -> En tête-à-tête
  await host.locator('#live', { hasText: 'Tour 2 : En tête-à-tête.' }).waitFor();
  await host.locator('#host-log li', { hasText: 'tour 2 en En tête-à-tête' }).waitFor();
  assert.equal(JSON.parse(query(shared.server.db, `SELECT settings FROM events WHERE id = '${id}'`)[0].settings).round_kinds[1], 'pairs');
  await host.focus('#needs-start');
  await host.keyboard.press('Enter');
  await host.locator('#round', { hasText: 'Tour 2 sur 2' }).waitFor();
  await host.locator('#host-plan li', { hasText: 'Tour 2 : Entraide (commencé)' }).waitFor();
  const state = await peers[0].next((m) => m.type === 'state' && m.round === 2 && m.table);
  assert.equal(state.kind, 'mutual_help');
  assert.ok(hugo && sam);
  assert.deepEqual(host.problems, []);
  assert.deepEqual(camille.problems, []);
  await Promise.all(peers.map((p) => p.close()));
});
