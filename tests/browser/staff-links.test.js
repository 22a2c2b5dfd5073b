// The console's read-only staff link: made in the team card, shown once to copy, listed, logged and revoked;
// the link opens the review endpoints and never the console; "Ouvrir la revue" carries the host's own key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, axeViolations } from './harness.js';
import { Peer, api } from '../support/server.js';

const shared = serverAndBrowser();

async function reviewStatus(eventId, token) {
  const response = await fetch(`${shared.server.url}/api/events/${eventId}/review/report`,
    { headers: { authorization: `Bearer ${token}` } });
  return response.status;
}

test('a host makes, copies and revokes a read-only staff link from the console', async () => {
  const created = await api(shared.server.url, 'POST', '/api/events', { title: 'Revue', host_name: 'Camille' });
  const eventId = created.body.event.id;
  const page = await newPage(shared.browser);
  await page.goto(created.body.host_url);
  await page.locator('#console').waitFor();
  const review = await page.getAttribute('#open-review', 'href');
  assert.ok(review.endsWith(`/review.html?event=${eventId}#key=${created.body.host_token}`), review);

  await page.fill('#staff-name', 'Équipe évaluation');
  await page.click('#staff-create');
  await page.locator('#staff-new-text', { hasText: 'Lien de consultation pour Équipe évaluation' }).waitFor();
  const url = await page.inputValue('#staff-new-link');
  const token = url.match(/review\.html\?event=[a-z0-9]+#key=([A-Za-z0-9_-]{43})$/)[1];
  await page.locator('#staff-links li', { hasText: 'Équipe évaluation' }).waitFor();
  await page.locator('#host-log li', { hasText: 'Camille a créé un lien de consultation pour Équipe évaluation' }).waitFor();
  assert.deepEqual(await axeViolations(page, 'console with a staff link'), []);

  assert.equal(await reviewStatus(eventId, token), 200);
  assert.equal((await new Peer(shared.server.url, eventId, token).closed).code, 4003);

  await page.click('#staff-links li button');
  await page.click('dialog [data-confirm="yes"]');
  await page.locator('#host-log li', { hasText: 'Camille a retiré le lien de consultation de Équipe évaluation' }).waitFor();
  await page.locator('#staff-new').waitFor({ state: 'hidden' });
  assert.equal(await page.locator('#staff-links li').count(), 0);
  assert.equal(await reviewStatus(eventId, token), 401);
  await page.close();
});
