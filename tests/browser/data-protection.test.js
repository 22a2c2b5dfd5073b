// Data protection in the browser: the retention shown at creation and on the join page, the host erasing
// one attendee from their row ("Anonyme" then), the attendee's own "Effacer mes données" (erase-me.js,
// rendered into the join page for the test until the personal page holds it), and "Supprimer l'événement".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, axeViolations } from './harness.js';
import { query } from '../support/server.js';

const shared = serverAndBrowser();

async function createEvent(extra = {}) {
  const response = await fetch(`${shared.server.url}/api/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Protection', table_size: 2, min_table_size: 2, max_table_size: 3, rounds: 2,
      round_seconds: 1200, break_seconds: 600, ...extra }),
  });
  assert.equal(response.status, 201);
  return response.json();
}

async function join(id, name) {
  const page = await newPage(shared.browser);
  await page.goto(`${shared.server.url}/join.html?event=${id}`);
  await page.locator('#join-section').waitFor();
  await page.fill('#name', name);
  await page.fill('#organisation', 'Mission locale');
  await page.click('#join-submit');
  await page.locator('#lobby-present').waitFor();
  return page;
}

async function console_(created) {
  const host = await newPage(shared.browser);
  await host.goto(`${shared.server.url}/host.html?event=${encodeURIComponent(created.event.id)}#key=${encodeURIComponent(created.host_token)}`);
  await host.locator('#console').waitFor();
  return host;
}

test('the creation form sets the retention and says what it means', async () => {
  const page = await newPage(shared.browser);
  await page.goto(`${shared.server.url}/`);
  await page.locator('#hint-retention', { hasText: '90 jours après sa fin' }).waitFor();
  await page.fill('#title', 'Rétention');
  await page.fill('#retention_days', '30');
  await page.locator('#hint-retention', { hasText: 'effacées 30 jours après sa fin' }).waitFor();
  await page.fill('#retention_days', '0');
  await page.click('#create-submit');
  assert.equal(await page.locator('#retention_days').getAttribute('aria-invalid'), 'true');
  await page.fill('#retention_days', '30');
  await page.click('#create-submit');
  await page.locator('#created-section').waitFor();
  const joinUrl = await page.locator('#join-link').inputValue();
  const id = new URL(joinUrl).searchParams.get('event');
  assert.equal(query(shared.server.db, `SELECT json_extract(settings, '$.retention_days') AS d FROM events WHERE id = '${id}'`)[0].d, 30);

  const attendee = await newPage(shared.browser);
  await attendee.goto(joinUrl);
  await attendee.locator('#data-how-long', { hasText: 'effacées 30 jours après sa fin' }).waitFor();
  assert.deepEqual(page.problems, []);
  assert.deepEqual(attendee.problems, []);
});

test('a host erases one attendee from the console; the attendee erases themself with erase-me.js', async () => {
  const created = await createEvent();
  const id = encodeURIComponent(created.event.id);
  const host = await console_(created);
  const ana = await join(id, 'Ana Effacée');
  const ben = await join(id, 'Ben Partant');
  await host.locator('#attendees tr', { hasText: 'Ana Effacée' }).waitFor();
  const anaId = await host.locator('#attendees tr', { hasText: 'Ana Effacée' }).getAttribute('data-attendee-id');

  await host.click(`[data-erase-id="${anaId}"]`);
  const confirm = host.locator('dialog.confirm');
  await confirm.waitFor();
  assert.match(await confirm.textContent(), /Ana Effacée.*définitif/s);
  assert.deepEqual(await axeViolations(host, 'erase confirmation'), []);
  await confirm.locator('[data-confirm="yes"]').click();
  await host.locator(`#attendees tr[data-attendee-id="${anaId}"] .attendee-name`, { hasText: 'Anonyme' }).waitFor();
  await ana.locator('text=Vos données ont été effacées').first().waitFor();
  assert.equal(query(shared.server.db, `SELECT name FROM attendees WHERE event_id = '${created.event.id}' AND id = ${anaId}`)[0].name, '');

  // The attendee's own button, rendered into their page as the personal page will hold it.
  await ben.evaluate(async (eventId) => {
    const { renderEraseMe } = await import('./js/erase-me.js');
    const seat = JSON.parse(Object.values(localStorage).find((v) => v.includes('token')));
    const box = document.createElement('div');
    box.id = 'erase-box';
    document.querySelector('main').append(box);
    renderEraseMe(box, { eventId, token: seat.token, onErased: () => { box.dataset.erased = 'yes'; } });
  }, created.event.id);
  await ben.click('[data-action="erase-me"]');
  const own = ben.locator('dialog.confirm');
  await own.waitFor();
  assert.match(await own.textContent(), /définitif/);
  assert.deepEqual(await axeViolations(ben, 'erase-me confirmation'), []);
  await own.locator('[data-confirm="yes"]').click();
  await ben.locator('#erase-box[data-erased="yes"]').waitFor({ state: 'attached' });
  const benId = await host.locator('#attendees tr', { hasText: 'Ben Partant' }).getAttribute('data-attendee-id');
  await host.locator(`#attendees tr[data-attendee-id="${benId}"] .attendee-name`, { hasText: 'Anonyme' }).waitFor();
  assert.equal(query(shared.server.db, `SELECT COUNT(*) AS n FROM attendees WHERE event_id = '${created.event.id}' AND erased_at IS NOT NULL`)[0].n, 2);
  for (const page of [host, ana, ben]) assert.deepEqual(page.problems, []);
});

test('the host deletes the event from the console after a confirmation that it cannot be undone', async () => {
  const created = await createEvent();
  const id = encodeURIComponent(created.event.id);
  const host = await console_(created);
  const attendee = await join(id, 'Chloé');
  await host.click('#delete-event');
  const confirm = host.locator('dialog.confirm');
  await confirm.waitFor();
  assert.match(await confirm.textContent(), /ne peut pas être annulé/);
  // Cancelling deletes nothing.
  await confirm.locator('[data-confirm="no"]').click();
  assert.equal(query(shared.server.db, `SELECT COUNT(*) AS n FROM events WHERE id = '${created.event.id}'`)[0].n, 1);
  await host.click('#delete-event');
  await host.locator('dialog.confirm [data-confirm="yes"]').click();
  await host.locator('#host-problem', { hasText: 'supprimé' }).waitFor();
  await attendee.locator('text=Événement supprimé').first().waitFor();
  assert.equal(query(shared.server.db, `SELECT COUNT(*) AS n FROM events WHERE id = '${created.event.id}'`)[0].n, 0);
  assert.equal(query(shared.server.db, `SELECT COUNT(*) AS n FROM attendees WHERE event_id = '${created.event.id}'`)[0].n, 0);
  assert.deepEqual(host.problems, []);
  assert.deepEqual(attendee.problems, []);
});
