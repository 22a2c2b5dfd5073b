// One person, two entries (a browser that lost its place, then a new join): the host merges them from
// the console, and the duplicate's page comes back by itself as the entry kept, at that entry's seat.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, axeViolations } from './harness.js';

const shared = serverAndBrowser();

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

test('the host merges a duplicate entry into the one kept; its page comes back as that person', async () => {
  const response = await fetch(`${shared.server.url}/api/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Fusion', table_size: 2, min_table_size: 2, max_table_size: 3, rounds: 2,
      round_seconds: 1200, break_seconds: 600 }),
  });
  const created = await response.json();
  const id = encodeURIComponent(created.event.id);
  const host = await newPage(shared.browser);
  await host.goto(`${shared.server.url}/host.html?event=${id}#key=${encodeURIComponent(created.host_token)}`);
  await host.locator('#console').waitFor();

  const first = await join(id, 'Nadia Benali');
  const other = await join(id, 'Olivier');
  // The same person again from another browser: a second entry.
  const again = await join(id, 'Nadia B.');
  await again.locator('#lobby-heading', { hasText: 'Nadia B.' }).waitFor();
  await host.locator('#attendees tr', { hasText: 'Nadia B.' }).waitFor();
  const duplicateId = await host.locator('#attendees tr', { hasText: 'Nadia B.' }).getAttribute('data-attendee-id');
  const keepId = await host.locator('#attendees tr', { hasText: 'Nadia Benali' }).getAttribute('data-attendee-id');

  await host.click(`[data-merge-id="${duplicateId}"]`);
  const picker = host.locator('dialog.picker');
  await picker.waitFor();
  await picker.locator('input[type="search"]').fill('benali');
  await picker.locator(`[data-pick-key="${keepId}"]`).waitFor();
  assert.equal(await picker.locator('.choice').count(), 1, 'the search narrows the choices to one');
  assert.deepEqual(await axeViolations(host, 'merge picker'), []);
  await picker.locator(`[data-pick-key="${keepId}"]`).click();
  const confirm = host.locator('dialog.confirm');
  await confirm.waitFor();
  assert.match(await confirm.textContent(), /Nadia B\..*Nadia Benali/s);
  await confirm.locator('[data-confirm="yes"]').click();

  // The duplicate leaves the console's list; its page comes back as the entry kept.
  await host.locator('#attendees tr', { hasText: 'Nadia B.' }).waitFor({ state: 'detached' });
  await again.locator('#lobby-heading', { hasText: 'Nadia Benali' }).waitFor();
  assert.ok(await host.locator(`#attendees tr[data-attendee-id="${keepId}"]`).isVisible());

  // Seated as one person: two people at the start, one table of two.
  await host.click('#start-event');
  for (const page of [again, other]) await page.locator('#round-heading', { hasText: 'Tour 1 sur 2' }).waitFor();
  await again.locator('#mates li', { hasText: 'Olivier' }).waitFor();
  assert.equal(await again.locator('#mates li', { hasText: 'Nadia' }).count(), 0);
  assert.deepEqual(host.problems.concat(again.problems, other.problems), []);
  await first.context().close();
});
