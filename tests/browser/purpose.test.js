// Profiles with purpose in the browser: topics edited at creation, a need, an offer and a département
// given on joining with the keyboard, the tablemate's table card reading them (FR, then EN), "Mon profil"
// changing them live, and axe-core finding nothing to fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, axeViolations } from './harness.js';
import { Peer, query } from '../support/server.js';

const shared = serverAndBrowser();

test('the create form starts from the sector\'s topics, which the host edits', async () => {
  const page = await newPage(shared.browser);
  await page.goto(`${shared.server.url}/`);
  await page.locator('#topic-fr-1').waitFor();
  assert.equal(await page.locator('#topic-fr-1').inputValue(), 'Emploi');
  const count = await page.locator('#topics li').count();
  assert.equal(count, 14);
  assert.deepEqual(await axeViolations(page, 'create form with topics'), []);
  await page.click('[aria-label="Retirer le thème 1"]');
  assert.equal(await page.locator('#topics li').count(), count - 1);
  await page.click('#topic-add');
  await page.keyboard.type('Accès à la culture');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Access to culture');
  await page.fill('#title', 'Avec thèmes');
  await page.click('#create-submit');
  await page.locator('#created-section').waitFor();
  const id = new URL(await page.locator('#join-link').inputValue()).searchParams.get('event');
  const topics = JSON.parse(query(shared.server.db, `SELECT settings FROM events WHERE id = '${id}'`)[0].settings).topics;
  assert.equal(topics.length, count);
  assert.equal(topics[0].id, 'formation');
  assert.deepEqual(topics.at(-1), { id: 'acces-a-la-culture', fr: 'Accès à la culture', en: 'Access to culture' });
  assert.deepEqual(page.problems, []);
});

test('join with a need, an offer and a département by keyboard; the tablemate reads them; Mon profil changes them', async () => {
  const response = await fetch(`${shared.server.url}/api/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Entraide', table_size: 2, min_table_size: 2, max_table_size: 2, rounds: 2, round_seconds: 1200,
      topics: [{ id: 'logement', fr: 'Logement', en: 'Housing' }, { id: 'emploi', fr: 'Emploi', en: 'Employment' }] }),
  });
  assert.equal(response.status, 201);
  const created = await response.json();
  const id = created.event.id;

  const camille = await newPage(shared.browser);
  await camille.goto(`${shared.server.url}/join.html?event=${id}`);
  await camille.locator('#join-needs-logement').waitFor();
  assert.deepEqual(await axeViolations(camille, 'join form with purpose'), []);
  await camille.keyboard.type('Camille');  // the name field has focus
  await camille.keyboard.press('Tab');
  await camille.keyboard.type('CCAS de Villeurbanne');
  await camille.focus('#join-needs-logement');
  await camille.keyboard.press('Space');
  await camille.keyboard.press('Tab');  // to the other need, then to the sentence
  await camille.keyboard.press('Tab');
  await camille.keyboard.type('Une famille à reloger avant l\'hiver');
  await camille.keyboard.press('Tab');
  await camille.keyboard.press('Tab');  // past "Logement" offered, to "Emploi"
  await camille.keyboard.press('Space');
  await camille.focus('#join-departement');
  await camille.selectOption('#join-departement', '69');
  await camille.focus('#join-submit');
  await camille.keyboard.press('Enter');
  await camille.locator('#lobby-present').waitFor();
  const rows = query(shared.server.db, `SELECT needs, need_text, offers, departement FROM attendees WHERE event_id = '${id}'`);
  assert.deepEqual(rows, [{ needs: 'logement', need_text: 'Une famille à reloger avant l\'hiver', offers: 'emploi', departement: '69' }]);

  const dominique = await newPage(shared.browser);
  await dominique.goto(`${shared.server.url}/join.html?event=${id}`);
  await dominique.locator('#join-section').waitFor();
  await dominique.fill('#name', 'Dominique');
  await dominique.fill('#organisation', 'Mission locale');
  await dominique.click('#join-submit');
  await dominique.locator('#lobby-present').waitFor();

  const host = new Peer(shared.server.url, id, created.host_token);
  await host.next((m) => m.type === 'host_state');
  host.send({ type: 'start_event' });
  const card = dominique.locator('#mates li', { hasText: 'Camille' });
  await card.locator('dt', { hasText: 'Cherche de l\'aide sur' }).waitFor();
  const text = await card.textContent();
  assert.match(text, /Logement/);
  assert.match(text, /Une famille à reloger avant l'hiver/);
  assert.match(text, /Peut aider sur\s*Emploi/);
  assert.match(text, /69 — Rhône/);
  assert.deepEqual(await axeViolations(dominique, 'table card with a purpose'), []);

  await dominique.click('#lang-switch');
  await card.locator('dt', { hasText: 'Looking for help with' }).waitFor();
  assert.match(await card.textContent(), /Housing/);
  assert.match(await card.textContent(), /Can help with\s*Employment/);

  // Mon profil: Camille moves to the Ain; the tablemate's card follows, and Camille hears it was saved.
  await camille.locator('#profile-section').waitFor();
  await camille.focus('#profile-details summary');
  await camille.keyboard.press('Enter');  // unfolds the form
  assert.equal(await camille.locator('#profile-departement').inputValue(), '69');
  await camille.selectOption('#profile-departement', '01');
  await camille.focus('#profile-save');
  await camille.keyboard.press('Enter');
  await camille.locator('#live', { hasText: 'Profil enregistré' }).waitFor();
  await card.locator('dd', { hasText: '01 — Ain' }).waitFor();
  assert.deepEqual(await axeViolations(camille, 'Mon profil'), []);
  // The host console lists each attendee's département.
  const console_ = await newPage(shared.browser);
  await console_.goto(`${shared.server.url}/host.html?event=${id}#key=${encodeURIComponent(created.host_token)}`);
  await console_.locator('#attendees tr', { hasText: 'Camille' }).locator('td', { hasText: /^01$/ }).waitFor();
  assert.deepEqual(console_.problems, []);
  await host.close();
  assert.deepEqual(camille.problems, []);
  assert.deepEqual(dominique.problems, []);
});
