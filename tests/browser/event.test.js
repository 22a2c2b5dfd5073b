// A host creates an event in the browser, six attendees join from their own browsers, the host
// starts round 1: every page shows the right tablemates, chat stays at its table, axe finds nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, startServer, newPage, axeViolations, screenshot } from './harness.js';

const PEOPLE = [
  ['Camille Martin', 'CCAS de Villeurbanne', 'Conseillère'],
  ['Yanis Benali', 'France Travail', 'Conseiller'],
  ['Inès Moreau', 'Mission locale Lyon', ''],
  ['Thomas Girard', 'SIAE Rebond', 'Encadrant technique'],
  ['Aïcha Diallo', 'Département du Rhône', 'Travailleuse sociale'],
  ['Lucas Petit', 'Association Habitat et Humanisme', 'Bénévole'],
];

const PHONE = { width: 360, height: 800 };

const shared = serverAndBrowser();

async function joinAs(page, joinUrl, [name, organisation, role]) {
  await page.goto(joinUrl);
  await page.locator('#join-section').waitFor();
  await page.fill('#name', name);
  await page.fill('#organisation', organisation);
  if (role) await page.fill('#role', role);
  await page.click('#join-submit');
  await page.locator('#lobby-section').waitFor();
  const seat = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)),
    `ensemble.attendee.${new URL(joinUrl).searchParams.get('event')}`);
  return seat.attendee_id;
}

// What sticks out sideways (nothing, on a page that works on a 360 px wide phone).
function overflowing(page) {
  return page.evaluate(() => (document.documentElement.scrollWidth <= window.innerWidth ? []
    : [...document.querySelectorAll('body *')].filter((node) => node.getBoundingClientRect().right > window.innerWidth)
      .map((node) => `${node.tagName.toLowerCase()}#${node.id}.${node.className}`)));
}

// What one attendee page shows in a round: its table number and its tablemates' ids.
async function seatShown(page) {
  const text = await page.locator('#your-table').textContent();
  const number = Number(/(\d+)/.exec(text)[1]);
  const mates = await page.locator('#mates li').evaluateAll((items) => items.map((li) => Number(li.dataset.attendeeId)));
  return { number, mates };
}

test('an event runs in the browser: create, join, seat, chat, accessibility', async () => {
  const host = await newPage(shared.browser);
  await host.goto(`${shared.server.url}/`);
  assert.deepEqual(await axeViolations(host, 'create page'), []);
  await host.fill('#title', 'Rencontres insertion Lyon');
  await host.fill('#round_minutes', '30');
  await host.fill('#break_minutes', '2');
  await host.fill('#prompts', 'Quel dossier vous bloque en ce moment ?\nQui aimeriez-vous rencontrer ?');
  await host.fill('#video_link_template', 'https://visio.example.org/{event}-{round}-{table}');
  await host.click('#create-submit');
  await host.locator('#created-section').waitFor();
  assert.deepEqual(await axeViolations(host, 'event created'), []);
  const joinUrl = await host.inputValue('#join-link');
  assert.match(await host.inputValue('#host-link'), /\/host\.html\?event=[^#]+#key=.+/);
  await host.click('#open-console');
  await host.locator('#console').waitFor();

  const pages = [];
  const ids = [];
  for (const person of PEOPLE) {
    const page = await newPage(shared.browser, { viewport: PHONE });
    if (pages.length === 0) {
      await page.goto(joinUrl);
      await page.locator('#join-section').waitFor();
      assert.deepEqual(await axeViolations(page, 'join page'), []);
    }
    ids.push(await joinAs(page, joinUrl, person));
    pages.push(page);
  }
  const nameOf = new Map(ids.map((id, i) => [id, PEOPLE[i][0]]));

  await host.locator('#present', { hasText: /^6$/ }).waitFor();
  await host.click('#start-event');

  // The host console's tables, once round 1 is on.
  await host.locator('#phase', { hasText: 'Tour en cours' }).waitFor();
  await host.locator('#tables .table-card').first().waitFor();
  const hostTables = await host.locator('#tables .table-card').evaluateAll((cards) => cards.map((card) => ({
    number: Number(card.dataset.table),
    attendees: [...card.querySelectorAll('li')].map((li) => Number(li.dataset.attendeeId)).sort((a, b) => a - b),
  })));
  const seated = hostTables.flatMap((table) => table.attendees).sort((a, b) => a - b);
  assert.deepEqual(seated, [...ids].sort((a, b) => a - b), 'everyone is seated exactly once');
  assert.ok(hostTables.length >= 2, 'six people at tables of 3 to 5 make two tables');
  for (const table of hostTables) {
    assert.ok(table.attendees.length >= 3 && table.attendees.length <= 5, `table ${table.number} size`);
  }

  // Each attendee page agrees with the host console, and so tablemates agree with each other.
  const tableOf = new Map();
  for (const [i, page] of pages.entries()) {
    await page.locator('#round-section').waitFor();
    await page.locator('#your-table', { hasText: /\d/ }).waitFor();
    const shown = await seatShown(page);
    const table = hostTables.find((candidate) => candidate.number === shown.number);
    assert.ok(table, `${PEOPLE[i][0]} sits at a table the host sees`);
    const everyone = [...shown.mates, ids[i]].sort((a, b) => a - b);
    assert.deepEqual(everyone, table.attendees, `${PEOPLE[i][0]} sees the tablemates of table ${shown.number}`);
    const names = await page.locator('#mates .mate-name').allTextContents();
    assert.deepEqual(names.sort(), shown.mates.map((id) => nameOf.get(id)).sort());
    tableOf.set(ids[i], shown.number);
  }
  for (const [i, page] of pages.entries()) {
    for (const mate of (await seatShown(page)).mates) {
      assert.equal(tableOf.get(mate), tableOf.get(ids[i]), 'tablemates sit at the same table');
    }
  }
  await pages[0].locator('#prompt', { hasText: 'Quel dossier vous bloque en ce moment ?' }).waitFor();
  const video = await pages[0].getAttribute('#video-link', 'href');
  assert.match(video, new RegExp(`^https://visio\\.example\\.org/.+-1-${tableOf.get(ids[0])}$`));

  // Chat: a message at table A reaches table A only. A later message at table B is the barrier:
  // anything wrongly sent to B's pages would have arrived before it.
  const tableA = tableOf.get(ids[0]);
  const atA = pages.filter((_, i) => tableOf.get(ids[i]) === tableA);
  const atB = pages.filter((_, i) => tableOf.get(ids[i]) !== tableA);
  const textA = 'Bonjour la table, je suis Camille du CCAS !';
  await atA[0].fill('#chat-text', textA);
  await atA[0].press('#chat-text', 'Enter');
  for (const page of atA) await page.locator('#chat-log li', { hasText: textA }).waitFor();
  const textB = 'Et ici, bonjour de l\'autre table.';
  await atB[0].fill('#chat-text', textB);
  await atB[0].click('#chat-form button[type="submit"]');
  for (const page of atB) {
    await page.locator('#chat-log li', { hasText: textB }).waitFor();
    assert.equal(await page.locator('#chat-log li', { hasText: textA }).count(), 0, 'chat stays at its table');
  }
  for (const page of atA) {
    assert.equal(await page.locator('#chat-log li', { hasText: textB }).count(), 0, 'chat stays at its table');
  }

  // A reload comes back as the same person, at the same table, with the table's chat.
  await atA[1].reload();
  await atA[1].locator('#chat-log li', { hasText: textA }).waitFor();
  assert.equal(await atA[1].isVisible('#join-section'), false, 'no form after a reload');
  assert.equal((await seatShown(atA[1])).number, tableA);

  // The host's broadcast shows on every attendee page.
  const news = 'Dernier tour dans 5 minutes, merci à toutes et tous !';
  await host.fill('#broadcast-text', news);
  await host.click('#broadcast-send');
  for (const page of pages) await page.locator('#announcement-text', { hasText: news }).waitFor();

  assert.deepEqual(await axeViolations(atA[0], 'attendee round view'), []);
  await host.locator('#attendees tr', { hasText: PEOPLE[5][0] }).waitFor();
  assert.deepEqual(await axeViolations(host, 'host console'), []);
  await screenshot(atA[0], 'attendee.png');
  await screenshot(host, 'host.png');
  assert.deepEqual(await overflowing(atA[0]), [], 'the attendee view fits a phone');
  await host.setViewportSize(PHONE);
  assert.deepEqual(await overflowing(host), [], 'the host console fits a phone');

  // The host removes someone (after confirming): their page says so and stays put, even reloaded.
  const removed = atB[atB.length - 1];
  const removedId = ids[pages.indexOf(removed)];
  await host.click(`#attendees button[data-remove-id="${removedId}"]`);
  await host.click('dialog [data-confirm="yes"]');
  await removed.locator('#notice-heading', { hasText: 'Vous avez été retiré·e de l\'événement' }).waitFor();
  // The host's list keeps them, marked as removed, with nothing more to do but merge.
  await host.locator(`#attendees tr[data-attendee-id="${removedId}"] td.is-offline`, { hasText: 'retiré·e' }).waitFor();
  assert.equal(await host.locator(`#attendees button[data-remove-id="${removedId}"]`).count(), 0);
  await host.locator('#count-left', { hasText: /^1$/ }).waitFor();
  await removed.reload();
  await removed.locator('#notice-heading', { hasText: 'Vous avez été retiré·e de l\'événement' }).waitFor();

  // An attendee leaves with the header button, after confirming.
  const leaving = atA[atA.length - 1];
  await leaving.click('#leave');
  await leaving.click('dialog [data-confirm="yes"]');
  await leaving.locator('#notice-heading', { hasText: 'Vous avez quitté l\'événement' }).waitFor();

  // The server dies mid-round and comes back on the same port and database: pages say they are
  // reconnecting, then find their table and its chat again by themselves.
  await shared.server.kill();
  await atA[0].locator('#reconnecting').waitFor();
  assert.equal(await atA[0].textContent('#reconnecting'), 'Reconnexion en cours…');
  shared.server = await startServer({ port: shared.server.port, dir: shared.server.dir });
  await atA[0].locator('#reconnecting').waitFor({ state: 'hidden' });
  await atA[0].locator('#chat-log li', { hasText: textA }).waitFor();
  assert.equal((await seatShown(atA[0])).number, tableA);
  await host.locator('#reconnecting').waitFor({ state: 'hidden' });

  for (const page of [host, ...pages]) assert.deepEqual(page.problems, [], `no script error on ${page.url()}`);
  await Promise.all([host, ...pages].map((page) => page.context().close()));
});
