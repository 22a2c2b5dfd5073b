// The client speaks French by default and English on demand, and shows names and messages as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage } from './harness.js';

const HTML_NAME = '<img src=x onerror=alert(1)>';
const HTML_ORGANISATION = '<script>alert(2)</script>';
const HTML_CHAT = '<b onmouseover=alert(3)>gras</b>';

const shared = serverAndBrowser();

test('French by default, English from the language button, and the choice is remembered', async () => {
  const page = await newPage(shared.browser, { locale: 'de-DE' });
  await page.goto(`${shared.server.url}/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await page.locator('h1', { hasText: 'Créer un événement' }).waitFor();
  await page.click('#lang-switch');
  await page.locator('html[lang="en"]').waitFor();
  await page.locator('h1', { hasText: 'Create an event' }).waitFor();
  assert.equal(await page.textContent('label[for="title"]'), 'Event title');
  assert.equal(await page.textContent('#lang-switch'), 'Français');
  assert.equal(await page.title(), 'Create an event — ensemble');

  // A check that fails in the chosen language, and the choice survives a reload.
  await page.click('#create-submit');
  await page.locator('#create-error', { hasText: 'Give the event a title (200 characters at most).' }).waitFor();
  await page.reload();
  await page.locator('h1', { hasText: 'Create an event' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');

  const english = await newPage(shared.browser, { locale: 'en-GB' });
  await english.goto(`${shared.server.url}/`);
  await english.locator('html[lang="en"]').waitFor();
  await english.click('#lang-switch');
  await english.locator('h1', { hasText: 'Créer un événement' }).waitFor();
  assert.equal(await english.getAttribute('html', 'lang'), 'fr');
  for (const p of [page, english]) assert.deepEqual(p.problems, []);
  await Promise.all([page, english].map((p) => p.context().close()));
});

test('a name, an organisation and a message made of HTML are shown as text', async () => {
  const response = await fetch(`${shared.server.url}/api/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Test <i>titre</i>', round_seconds: 1800 }),
  });
  assert.equal(response.status, 201);
  const created = await response.json();
  const joinUrl = `${shared.server.url}/join.html?event=${encodeURIComponent(created.event.id)}`;
  const hostUrl = `${shared.server.url}/host.html?event=${encodeURIComponent(created.event.id)}#key=${encodeURIComponent(created.host_token)}`;

  const odd = await newPage(shared.browser);
  await odd.goto(joinUrl);
  await odd.locator('#event-title', { hasText: 'Test <i>titre</i>' }).waitFor();
  await odd.fill('#name', HTML_NAME);
  await odd.fill('#organisation', HTML_ORGANISATION);
  await odd.click('#join-submit');
  await odd.locator('#lobby-heading', { hasText: `Bienvenue, ${HTML_NAME} !` }).waitFor();

  const mate = await newPage(shared.browser);
  await mate.goto(joinUrl);
  await mate.locator('#join-section').waitFor();
  await mate.fill('#name', 'Camille Martin');
  await mate.fill('#organisation', 'CCAS de Villeurbanne');
  await mate.click('#join-submit');
  await mate.locator('#lobby-section').waitFor();

  const host = await newPage(shared.browser);
  await host.goto(hostUrl);
  const row = host.locator('#attendees tr', { hasText: HTML_NAME });
  await row.waitFor();
  assert.equal(await row.locator('.attendee-name').textContent(), HTML_NAME);
  await host.locator('#present', { hasText: /^2$/ }).waitFor();
  await host.click('#start-event');

  await mate.locator('#mates .mate-name', { hasText: HTML_NAME }).waitFor();
  assert.equal(await mate.textContent('#mates .mate-name'), HTML_NAME);
  assert.match(await mate.textContent('#mates .mate-meta'), /<script>alert\(2\)<\/script>/);
  await odd.locator('#round-section').waitFor();
  await odd.fill('#chat-text', HTML_CHAT);
  await odd.press('#chat-text', 'Enter');
  await mate.locator('#chat-log .text', { hasText: HTML_CHAT }).waitFor();

  // Past 5 messages in 10 seconds the server refuses chat; the page says so in plain words.
  for (let i = 1; i <= 5; i += 1) {
    await odd.fill('#chat-text', `message ${i}`);
    await odd.press('#chat-text', 'Enter');
  }
  await odd.locator('#chat-error', { hasText: 'Doucement : trop de messages d\'un coup.' }).waitFor();

  for (const page of [odd, mate, host]) {
    assert.equal(await page.locator('main img, main script, main b, header i').count(), 0, 'no markup made it in');
    assert.deepEqual(page.problems, [], 'no alert, no script error');
  }
  await Promise.all([odd, mate, host].map((p) => p.context().close()));
});
