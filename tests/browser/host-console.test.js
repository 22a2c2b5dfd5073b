// The host console with 300 attendees, joined over REST and WebSocket from the test process as the
// integration tests do: counts, search, filters, sorting, offline and alone flagged on the cards, a move
// from a card, the tables of past rounds at the break and after the end, the merge action's messages,
// axe-core on every new view, and the time each host_update takes to apply and draw, printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, axeViolations, screenshot } from './harness.js';
import { api, Peer, query } from '../support/server.js';

const COUNT = 300;
const FIRST = ['Camille', 'Yanis', 'Inès', 'Thomas', 'Aïcha', 'Lucas', 'Élodie', 'Driss', 'Léa', 'Bruno'];
const LAST = ['Martin', 'Benali', 'Moreau', 'Girard', 'Diallo', 'Petit', 'Roux', 'Bernard', 'Faure', 'Nguyen'];
const nameOf = (i) => `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]} ${i + 1}`;

const shared = serverAndBrowser();

// Everyone joins over REST and connects a WebSocket, a few dozen at a time; resolves once all are in the lobby.
async function joinCrowd(eventId) {
  const people = [];
  for (let start = 0; start < COUNT; start += 30) {
    const batch = await Promise.all(Array.from({ length: Math.min(30, COUNT - start) }, async (_, k) => {
      const i = start + k;
      const joined = await api(shared.server.base, 'POST', `/api/events/${eventId}/attendees`,
        { name: nameOf(i), organisation: `Structure ${i % 30}`, role: i % 3 ? 'Conseiller·e' : '' });
      assert.equal(joined.status, 201);
      const peer = new Peer(shared.server.base, eventId, joined.body.token);
      await peer.next((m) => m.type === 'state' && m.phase === 'lobby');
      return { id: joined.body.attendee_id, name: nameOf(i), peer };
    }));
    people.push(...batch);
  }
  return people;
}

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

test('the host console with 300 attendees: counts, search, filters, flags, a move, past rounds', async () => {
  const created = await api(shared.server.base, 'POST', '/api/events', {
    title: 'Forum de l\'insertion', table_size: 4, min_table_size: 3, max_table_size: 5, rounds: 2,
    round_seconds: 1800, break_seconds: 600,
  });
  const eventId = created.body.event.id;
  const host = await newPage(shared.browser);
  const sent = [];
  host.on('websocket', (ws) => ws.on('framesent', (frame) => sent.push(String(frame.payload))));
  await host.goto(`${shared.server.url}/host.html?event=${eventId}#key=${encodeURIComponent(created.body.host_token)}`);
  await host.locator('#console').waitFor();
  // Each update's time to apply and draw, from the page's performance timeline: 300 joins, a round
  // start, people going offline.
  await host.evaluate(() => {
    window.drawTimes = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'host_update') window.drawTimes.push(entry.duration);
    }).observe({ type: 'measure' });
  });

  const people = await joinCrowd(eventId);
  const byId = new Map(people.map((p) => [p.id, p]));
  await host.locator('#present', { hasText: /^300$/ }).waitFor();
  await host.locator('#attendees-heading', { hasText: 'Participant·es (300)' }).waitFor();
  assert.equal(await host.textContent('#attendees-summary'), '1–50 sur 300');
  assert.equal(await host.locator('#attendees tr').count(), 50, 'one page of rows');
  await host.click('#start-event');
  await host.locator('#count-seated', { hasText: /^300$/ }).waitFor();
  await host.locator('#tables-heading', { hasText: 'Tables du tour 1' }).waitFor();
  assert.equal(await host.locator('#tables .table-card').count(), 24, 'one page of cards');

  // Some people of the first card drop offline: counted, marked, their table flagged.
  const firstCard = host.locator('#tables .table-card').first();
  const firstTable = await firstCard.evaluate((card) => ({
    number: Number(card.dataset.table), ids: [...card.querySelectorAll('li')].map((li) => Number(li.dataset.attendeeId)),
  }));
  const dropped = firstTable.ids[0];
  await byId.get(dropped).peer.close();
  const others = people.filter((p) => !firstTable.ids.includes(p.id)).slice(0, 19);
  await Promise.all(others.map((p) => p.peer.close()));
  await host.locator('#count-offline', { hasText: /^20$/ }).waitFor();
  assert.equal(await host.textContent('#present'), '280');
  assert.equal(await host.textContent('#count-seated'), '300', 'offline people keep their seat');
  await firstCard.locator(`li[data-attendee-id="${dropped}"]`, { hasText: '(hors ligne)' }).waitFor();
  await firstCard.locator('.flag', { hasText: '1 hors ligne' }).waitFor();
  const times = await host.evaluate(() => window.drawTimes);
  assert.ok(times.length > 0, 'the console measured its updates');
  console.log(`[host console] ${COUNT} attendees: ${times.length} host_updates applied and drawn in median `
    + `${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);

  // Someone leaves for good: still listed, marked, counted.
  const leaver = people.find((p) => !firstTable.ids.includes(p.id) && !others.includes(p));
  leaver.peer.send({ type: 'leave' });
  await host.locator('#count-left', { hasText: /^1$/ }).waitFor();
  await host.selectOption('#attendee-show', 'left');
  await host.locator('#attendees-summary', { hasText: '1–1 sur 1' }).waitFor();
  assert.equal(await host.textContent('#attendees tr td.attendee-name'), leaver.name);
  assert.match(await host.textContent('#attendees tr'), /a quitté/);
  await host.selectOption('#attendee-show', 'offline');
  await host.locator('#attendees-summary', { hasText: '1–20 sur 20' }).waitFor();
  await host.selectOption('#attendee-show', 'unseated');
  await host.locator('#no-attendees', { hasText: 'Personne ne correspond à ces critères.' }).waitFor();
  await host.selectOption('#attendee-show', 'connected');
  await host.locator('#attendees-summary', { hasText: '1–50 sur 279' }).waitFor();
  await host.selectOption('#attendee-show', 'all');

  // Search by name (accents aside) and by organisation; filter by organisation and by table.
  await host.fill('#attendee-search', 'elodie roux 67');
  await host.locator('#attendees-summary', { hasText: '1–1 sur 1' }).waitFor();
  assert.equal(await host.textContent('#attendees tr td.attendee-name'), 'Élodie Roux 67');
  await host.fill('#attendee-search', 'structure 27');
  await host.locator('#attendees-summary', { hasText: '1–10 sur 10' }).waitFor();
  await host.fill('#attendee-search', '');
  await host.selectOption('#attendee-organisation', 'Structure 3');
  await host.locator('#attendees-summary', { hasText: '1–10 sur 10' }).waitFor();
  await host.selectOption('#attendee-organisation', '');
  await host.fill('#attendee-table', String(firstTable.number));
  await host.locator('#attendees-summary', { hasText: `1–${firstTable.ids.length} sur ${firstTable.ids.length}` }).waitFor();
  const listed = await host.locator('#attendees tr').evaluateAll((rows) => rows.map((row) => Number(row.dataset.attendeeId)));
  assert.deepEqual(listed.sort((a, b) => a - b), [...firstTable.ids].sort((a, b) => a - b));
  assert.deepEqual(await axeViolations(host, 'host console, filtered'), []);
  await host.fill('#attendee-table', '');

  // Sorting: by name, then the other way round.
  await host.locator('#attendees-summary', { hasText: '1–50 sur 300' }).waitFor();
  const names = () => host.locator('#attendees td.attendee-name').allTextContents();
  const ascending = await names();
  assert.equal(await host.getAttribute('#attendees-table th:first-child', 'aria-sort'), 'ascending');
  await host.click('#attendees-table button[data-sort="name"]');
  await host.locator('#attendees-table th:first-child[aria-sort="descending"]').waitFor();
  const descending = await names();
  assert.ok(descending[0].localeCompare(ascending[0], 'fr') > 0, `${descending[0]} after ${ascending[0]}`);

  // A move from a card, to a new table found in the picker by its number: alone there, and flagged.
  const mover = byId.get(firstTable.ids[1]);
  const tableCount = Number(/^(\d+) tables/.exec(await host.textContent('#tables-summary'))[1]);
  await firstCard.locator(`button[data-move-id="${mover.id}"]`).click();
  await host.locator('dialog.picker[open]').waitFor();
  assert.deepEqual(await axeViolations(host, 'move picker'), []);
  await host.keyboard.type(String(tableCount + 1));
  await host.locator('dialog.picker .choice', { hasText: `Nouvelle table (${tableCount + 1})` }).waitFor();
  await host.keyboard.press('Enter');
  await mover.peer.next((m) => m.type === 'state' && m.table && m.table.number === tableCount + 1);
  await host.check('#tables-flagged');
  const newCard = host.locator(`#tables .table-card[data-table="${tableCount + 1}"]`);
  await newCard.locator('.flag', { hasText: 'Une seule personne en ligne' }).waitFor();
  await newCard.locator(`li[data-attendee-id="${mover.id}"]`).waitFor();
  assert.deepEqual(await axeViolations(host, 'host console, tables to watch'), []);
  await screenshot(host, 'host-300.png');
  await host.uncheck('#tables-flagged');

  // The break: round 1's tables as they ended, as the database has them.
  await host.click('#end-round');
  await host.locator('#tables-heading', { hasText: 'Tables du tour 1 (terminé)' }).waitFor();
  const stored = query(shared.server.db, `SELECT COUNT(DISTINCT table_number) AS n FROM seats WHERE event_id = '${eventId}' AND round = 1 AND left_at IS NULL`)[0].n;
  await host.locator('#tables-summary', { hasText: `${stored} tables à la fin du tour` }).waitFor();
  assert.equal(await host.locator('#tables .table-card').count(), Math.min(24, stored));
  assert.equal(await host.locator('#tables button[data-move-id]').count(), 0, 'nobody is moved in a past round');
  await host.locator(`#tables .table-card[data-table="${firstTable.number}"] li[data-attendee-id="${dropped}"]`).waitFor();
  assert.deepEqual(await axeViolations(host, 'past round at the break'), []);

  // Round 2, then round 1 looked back at; then the end: the last round shows, and round 1 still can.
  await host.click('#next-round');
  await host.locator('#tables-heading', { hasText: /^Tables du tour 2$/ }).waitFor();
  await host.selectOption('#tables-round', '1');
  await host.locator('#tables-heading', { hasText: 'Tables du tour 1 (terminé)' }).waitFor();
  await host.click('#end-event');
  await host.click('dialog [data-confirm="yes"]');
  await host.locator('#phase', { hasText: 'Terminé' }).waitFor();
  await host.selectOption('#tables-round', '2');
  await host.locator('#tables-heading', { hasText: 'Tables du tour 2 (terminé)' }).waitFor();
  await host.locator('#tables .table-card').first().waitFor();
  await host.selectOption('#tables-round', '1');
  await host.locator(`#tables .table-card[data-table="${firstTable.number}"] li[data-attendee-id="${dropped}"]`).waitFor();
  assert.equal(await host.isVisible('#no-tables'), false);

  // Merging a duplicate entry: the picker, the confirmation, then the message (the server's side is
  // another branch's; only what the console sends is checked here).
  await host.fill('#attendee-search', nameOf(100));
  await host.click(`#attendees button[data-merge-id="${people[100].id}"]`);
  await host.locator('dialog.picker[open]').waitFor();
  await host.keyboard.type(nameOf(0));
  await host.locator('dialog.picker .choice', { hasText: nameOf(0) }).first().waitFor();
  await host.keyboard.press('Enter');
  await host.locator('dialog.confirm[open]', { hasText: `« ${nameOf(100)} (Structure 10) »` }).waitFor();
  assert.deepEqual(await axeViolations(host, 'merge confirmation'), []);
  await host.click('dialog.confirm [data-confirm="yes"]');
  await host.waitForFunction(() => document.querySelector('dialog') === null);
  const merge = sent.map((text) => JSON.parse(text)).find((m) => m.type === 'merge_attendees');
  assert.deepEqual({ ...merge, ref: undefined }, { type: 'merge_attendees', duplicate: people[100].id, keep: people[0].id, ref: undefined });
  assert.deepEqual(host.problems, []);
  await Promise.all(people.map((p) => p.peer.close()));
});
