// Every host control, clicked in the host console, changes what the attendee pages show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, axeViolations } from './harness.js';

const shared = serverAndBrowser();

// mm:ss or h:mm:ss on screen, in seconds.
async function secondsShown(page, selector) {
  const text = await page.textContent(selector);
  return text.trim().split(':').map(Number).reduce((total, part) => total * 60 + part, 0);
}

test('the host pauses, resumes, extends, moves, ends rounds and ends the event', async () => {
  const response = await fetch(`${shared.server.url}/api/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Commandes', table_size: 2, min_table_size: 2, max_table_size: 3, rounds: 2,
      round_seconds: 1200, break_seconds: 600 }),
  });
  const created = await response.json();
  const id = encodeURIComponent(created.event.id);
  const host = await newPage(shared.browser);
  await host.goto(`${shared.server.url}/host.html?event=${id}#key=${encodeURIComponent(created.host_token)}`);
  await host.locator('#console').waitFor();

  // A command that does not fit the phase is refused by the server, and the console says why.
  await host.evaluate(() => document.getElementById('end-round').removeAttribute('aria-disabled'));
  await host.click('#end-round');
  await host.locator('#live', { hasText: 'Ce n\'est pas possible à ce moment de l\'événement.' }).waitFor();

  const pages = [];
  for (const name of ['Ana', 'Bruno', 'Chloé', 'Driss']) {
    const page = await newPage(shared.browser);
    await page.goto(`${shared.server.url}/join.html?event=${id}`);
    await page.locator('#join-section').waitFor();
    await page.fill('#name', name);
    await page.fill('#organisation', 'Association');
    await page.click('#join-submit');
    await page.locator('#lobby-present').waitFor();
    pages.push(page);
  }
  const [ana] = pages;
  await ana.locator('#lobby-present', { hasText: '4 participant·es présent·es' }).waitFor();
  await host.click('#start-event');
  await ana.locator('#round-heading', { hasText: 'Tour 1 sur 2' }).waitFor();

  await host.click('#pause');
  await ana.locator('#round-paused').waitFor();
  await host.locator('#host-paused').waitFor();
  await host.click('#resume');
  await ana.locator('#round-paused').waitFor({ state: 'hidden' });

  const before = await secondsShown(ana, '#round-countdown');
  await host.fill('#extend-minutes', '5');
  await host.click('#extend');
  // The server took it (every console logs it), then the attendee's countdown shows it.
  await host.locator('#host-log li', { hasText: 'a prolongé le tour de 5' }).waitFor();
  await ana.waitForFunction((limit) => {
    const [m, s] = document.getElementById('round-countdown').textContent.split(':').map(Number);
    return m * 60 + s > limit;
  }, before + 200);

  // Ana moves to a new table, where she sits alone with nobody to talk to yet: moved from her card,
  // the new table picked in the picker.
  const tableCount = await host.locator('#tables .table-card').count();
  const anaId = await host.getAttribute('#attendees tr:has(td.attendee-name:text-is("Ana"))', 'data-attendee-id');
  await host.click(`#tables button[data-move-id="${anaId}"]`);
  await host.locator('dialog.picker[open]').waitFor();
  await host.click(`dialog.picker .choice:has-text("Nouvelle table (${tableCount + 1})")`);
  await ana.locator('#your-table', { hasText: `Vous êtes à la table ${tableCount + 1}` }).waitFor();
  await ana.locator('#no-mates').waitFor();

  await host.click('#end-round');
  await ana.locator('#break-next', { hasText: 'Prochain tour dans 10\u00a0min' }).waitFor();
  await host.locator('#phase', { hasText: 'Pause entre deux tours' }).waitFor();
  assert.deepEqual(await axeViolations(ana, 'break screen'), []);
  await host.click('#next-round');
  await ana.locator('#round-heading', { hasText: 'Tour 2 sur 2' }).waitFor();

  // Switching language mid-round redraws the live view, not only the fixed labels.
  await ana.click('#lang-switch');
  await ana.locator('#round-heading', { hasText: 'Round 2 of 2' }).waitFor();
  assert.match(await ana.textContent('#your-table'), /^You are at table \d+$/);
  assert.equal(await ana.textContent('#chat-heading'), 'Table chat');
  assert.deepEqual(await axeViolations(ana, 'attendee round view in English'), []);

  await host.click('#end-event');
  await host.click('dialog [data-confirm="no"]');
  assert.equal(await host.textContent('#phase'), 'Tour en cours', 'cancelling the dialog ends nothing');
  await host.click('#end-event');
  await host.click('dialog [data-confirm="yes"]');
  await ana.locator('#notice-heading', { hasText: 'Thank you!' }).waitFor();
  for (const page of pages.slice(1)) await page.locator('#notice-heading', { hasText: 'Merci' }).waitFor();
  assert.deepEqual(await axeViolations(pages[1], 'ended screen'), []);
  await host.locator('#phase', { hasText: 'Terminé' }).waitFor();
  for (const page of [host, ...pages]) assert.deepEqual(page.problems, []);
});
