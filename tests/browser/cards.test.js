// The end-of-round card in the break (answered with the keyboard), then the end screen: the people met
// and a mutual contact; the personal link opens the same page on another device. axe finds nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, axeViolations, screenshot } from './harness.js';
import { api, Peer } from '../support/server.js';

const shared = serverAndBrowser();

async function joinAs(page, joinUrl, { name, organisation, email }) {
  await page.goto(joinUrl);
  await page.locator('#join-section').waitFor();
  await page.fill('#name', name);
  await page.fill('#organisation', organisation);
  await page.fill('#email', email);
  await page.click('#join-submit');
  await page.locator('#lobby-section').waitFor();
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key)).attendee_id,
    `ensemble.attendee.${new URL(joinUrl).searchParams.get('event')}`);
}

// Tab until the element matching `selector` has the focus.
async function tabTo(page, selector, limit = 40) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement.matches(s), selector)) return;
  }
  assert.fail(`${selector} never got the focus`);
}

test('the card in the break, the people met and a mutual contact at the end, the personal link', async () => {
  const { url } = shared.server;
  const created = await api(url, 'POST', '/api/events', {
    title: 'Cartes de fin de tour', table_size: 2, min_table_size: 2, max_table_size: 2, rounds: 2, round_seconds: 600,
    break_seconds: 600,
  });
  const eventId = created.body.event.id;
  const host = new Peer(url, eventId, created.body.host_token);
  const joinUrl = `${url}/join.html?event=${eventId}`;

  const ana = await newPage(shared.browser);
  const bruno = await newPage(shared.browser);
  await ana.goto(joinUrl);
  await ana.locator('#join-section').waitFor();
  assert.equal(await ana.locator('#contacts-explain').textContent(),
    'Votre e-mail et votre téléphone sont partagés uniquement avec les personnes que vous choisissez toutes deux de garder en contact. Personne d\'autre ne les voit, ni vos voisin·es de table, ni l\'animateur·rice.');
  const anaId = await joinAs(ana, joinUrl, { name: 'Ana Lopez', organisation: 'CCAS de Lyon', email: 'ana@example.org' });
  const brunoId = await joinAs(bruno, joinUrl, { name: 'Bruno Petit', organisation: 'Mission locale', email: 'bruno@example.org' });

  // The personal link is offered from the lobby on, so that it can be kept before the end; not in a round.
  await ana.locator('#personal-link-section').waitFor();
  assert.match(await ana.inputValue('#personal-link'), new RegExp(`/join\\.html\\?event=${eventId}#me=.+`));
  host.send({ type: 'start_event' });
  await ana.locator('#round-section').waitFor();
  assert.equal(await ana.isVisible('#personal-link-section'), false);
  host.send({ type: 'end_round' });
  await ana.locator('#break-section').waitFor();
  await ana.locator('#card-section').waitFor();
  assert.equal(await ana.locator('#card-heading').textContent(), 'Votre table du tour 1 (table 1)');
  assert.equal(await ana.locator('#card-body .met-name').textContent(), 'Bruno Petit');
  assert.deepEqual(await axeViolations(ana, 'end-of-round card'), []);

  // Keyboard only: "Oui", then "Garder le contact", then a 4 for the table.
  await ana.locator('#break-heading').focus();
  await tabTo(ana, `input[name="card-talked-1-${brunoId}"]`);
  await ana.keyboard.press('Space');
  await ana.locator('#live', { hasText: 'Réponse enregistrée.' }).waitFor();
  await tabTo(ana, `#card-keep-1-${brunoId}`);
  await ana.keyboard.press('Space');
  await tabTo(ana, 'input[name="card-rating-1"]');
  for (let i = 0; i < 3; i += 1) await ana.keyboard.press('ArrowRight');
  await ana.locator('input[name="card-rating-1"][value="4"]:checked').waitFor();
  assert.equal(await ana.isChecked(`input[name="card-talked-1-${brunoId}"][value="yes"]`), true);
  assert.equal(await ana.isChecked(`#card-keep-1-${brunoId}`), true);

  // Bruno keeps in touch too, with a tap.
  await bruno.locator('#card-section').waitFor();
  await bruno.click(`#card-keep-1-${anaId}`);

  host.send({ type: 'end_event' });
  for (const page of [ana, bruno]) {
    await page.locator('#notice-heading', { hasText: 'Merci !' }).waitFor();
    await page.locator('#me-section').waitFor();
  }
  assert.equal(await ana.locator('#met-body h3').textContent(), 'Tour 1 · table 1');
  assert.equal(await ana.locator('#met-body .met-name').textContent(), 'Bruno Petit');
  await ana.locator('#contacts-list', { hasText: 'bruno@example.org' }).waitFor();
  assert.equal(await ana.isChecked(`input[name="met-rating-1"][value="4"]`), true);

  // The personal link: copied with a visible confirmation, and it opens the page on another device.
  await ana.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  const link = await ana.inputValue('#personal-link');
  assert.match(link, new RegExp(`/join\\.html\\?event=${eventId}#me=.+`));
  await ana.click('#copy-personal-link');
  await ana.locator('#personal-link-copied', { hasText: 'Lien copié.' }).waitFor();
  assert.deepEqual(await axeViolations(ana, 'personal page'), []);
  await screenshot(ana, 'attendee-met.png');

  const elsewhere = await newPage(shared.browser, { viewport: { width: 360, height: 800 } });
  await elsewhere.goto(link);
  await elsewhere.locator('#contacts-list', { hasText: 'bruno@example.org' }).waitFor();
  // Withdrawn from the other device: the contact goes, there and for Bruno.
  await elsewhere.click(`#met-keep-1-${brunoId}`);
  await elsewhere.locator('#no-contacts').waitFor();
  await bruno.reload();
  await bruno.locator('#me-section').waitFor();
  await bruno.locator('#no-contacts').waitFor();
  assert.equal(await bruno.locator('#contacts-list li').count(), 0);
  assert.deepEqual(await axeViolations(elsewhere, 'personal page on a phone'), []);

  // Bruno erases his data from his own page: confirmed, then his link no longer works.
  const brunoToken = await bruno.evaluate((key) => JSON.parse(localStorage.getItem(key)).token, `ensemble.attendee.${eventId}`);
  await bruno.click('[data-action="erase-me"]');
  await bruno.click('dialog[open] [data-confirm="yes"]');
  await bruno.locator('text=Vos données ont été effacées').first().waitFor();
  const after = await fetch(`${shared.server.base}/api/events/${eventId}/me`, { headers: { authorization: `Bearer ${brunoToken}` } });
  assert.equal(after.status, 401);

  for (const page of [ana, bruno, elsewhere]) assert.deepEqual(page.problems, []);
  host.close();
});

test('who left keeps the people met and a mutual contact, on this device and from their link; who was removed does not', async () => {
  const { url } = shared.server;
  const created = await api(url, 'POST', '/api/events', {
    title: 'Partir en cours de route', table_size: 2, min_table_size: 2, max_table_size: 3, rounds: 3, round_seconds: 600,
    break_seconds: 600,
  });
  const eventId = created.body.event.id;
  const host = new Peer(url, eventId, created.body.host_token);
  const joinUrl = `${url}/join.html?event=${eventId}`;
  const ana = await newPage(shared.browser);
  const anaId = await joinAs(ana, joinUrl, { name: 'Ana Lopez', organisation: 'CCAS de Lyon', email: 'ana@example.org' });
  const others = [];
  for (const [name, email] of [['Bruno Petit', 'bruno@example.org'], ['Chloé Roux', 'chloe@example.org']]) {
    const joined = await api(url, 'POST', `/api/events/${eventId}/attendees`, { name, organisation: 'Mission locale', email });
    const peer = new Peer(url, eventId, joined.body.token);
    await peer.next((m) => m.type === 'state' && m.phase === 'lobby');
    others.push({ id: joined.body.attendee_id, token: joined.body.token, peer });
  }
  const [bruno, chloe] = others;

  // Three at one table; in the break Ana and Bruno both wish to keep in touch, and the host removes Chloé.
  host.send({ type: 'start_event' });
  await ana.locator('#round-section').waitFor();
  host.send({ type: 'end_round' });
  await ana.locator('#card-section').waitFor();
  await ana.click(`#card-keep-1-${bruno.id}`);
  await ana.locator('#live', { hasText: 'Réponse enregistrée.' }).waitFor();
  bruno.peer.send({ type: 'keep_in_touch', about: anaId, wish: true });
  await bruno.peer.next((m) => m.type === 'me' && m.contacts.length === 1);
  host.send({ type: 'remove_attendee', attendee_id: chloe.id });
  assert.equal((await chloe.peer.closed).code, 4001);

  // Ana leaves mid-event: the notice, then whom she met and her mutual contact, and her link to keep.
  await ana.click('#leave');
  await ana.click('dialog [data-confirm="yes"]');
  await ana.locator('#notice-heading', { hasText: 'Vous avez quitté l\'événement' }).waitFor();
  await ana.locator('#contacts-list', { hasText: 'bruno@example.org' }).waitFor();
  assert.deepEqual((await ana.locator('#met-body .met-name').allTextContents()).sort(), ['Bruno Petit', 'Chloé Roux']);
  const link = await ana.inputValue('#personal-link');
  assert.match(link, new RegExp(`/join\\.html\\?event=${eventId}#me=.+`));
  assert.deepEqual(await axeViolations(ana, 'page of someone who left'), []);
  await ana.reload();
  await ana.locator('#notice-heading', { hasText: 'Vous avez quitté l\'événement' }).waitFor();
  await ana.locator('#contacts-list', { hasText: 'bruno@example.org' }).waitFor();

  // From the link on another device (the live event refuses it): the same page, and answers still taken.
  const elsewhere = await newPage(shared.browser);
  await elsewhere.goto(link);
  await elsewhere.locator('#notice-heading', { hasText: 'Vous avez quitté l\'événement' }).waitFor();
  await elsewhere.locator('#contacts-list', { hasText: 'bruno@example.org' }).waitFor();
  await elsewhere.click(`#met-keep-1-${bruno.id}`);
  await elsewhere.locator('#no-contacts').waitFor();
  assert.equal(await elsewhere.locator('#contacts-list li').count(), 0);

  // Chloé's link, removed by the host: the removal notice, and nothing of the page.
  const removed = await newPage(shared.browser);
  await removed.goto(`${joinUrl}#me=${encodeURIComponent(chloe.token)}`);
  await removed.locator('#notice-heading', { hasText: 'Vous avez été retiré·e de l\'événement' }).waitFor();
  assert.equal(await removed.isVisible('#me-section'), false);
  assert.equal(await removed.isVisible('#personal-link-section'), false);

  for (const page of [ana, elsewhere, removed]) assert.deepEqual(page.problems, []);
  bruno.peer.close();
  host.close();
});
