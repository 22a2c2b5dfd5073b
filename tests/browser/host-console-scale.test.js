// The host console at 10,000 attendees. Rather than 10,000 sockets, the page's own modules are fed a
// synthetic host_state and host_updates: the page stays light (one page of rows and cards), search and
// the pickers find one person or table among all, a past round's tables show at the break, and the time
// each update takes to apply and draw is printed (not asserted: it depends on the machine).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, axeViolations } from './harness.js';

const ATTENDEES = 10000;
const TABLE_SIZE = 5;
const UPDATES = 20;

const shared = serverAndBrowser();

// In the page: the console's modules, a snapshot of `count` attendees seated in round 1, and a view
// whose actions are recorded rather than sent. Everything stays on window.scale for the next steps.
function buildConsole({ count, tableSize }) {
  return (async () => {
    const { HostView } = await import('./js/host-view.js');
    const { hostStateFromSnapshot, applyHostUpdate, roundTablesFrom } = await import('./js/host-state.js');
    const { hostActions } = await import('./js/host-actions.js');
    const { ServerClock } = await import('./js/countdown.js');
    const first = ['Camille', 'Yanis', 'Inès', 'Thomas', 'Aïcha', 'Lucas', 'Élodie', 'Driss', 'Léa', 'Bruno'];
    const last = ['Martin', 'Benali', 'Moreau', 'Girard', 'Diallo', 'Petit', 'Roux', 'Bernard', 'Faure', 'Nguyen'];
    const attendees = [];
    for (let id = 1; id <= count; id += 1) {
      attendees.push({
        id, name: `${first[id % 10]} ${last[Math.floor(id / 10) % 10]} ${id}`,
        organisation: `Structure ${id % 250}`, role: id % 3 ? 'Conseiller·e' : '', connected: id % 17 !== 0,
      });
    }
    const tables = [];
    for (let start = 0; start < count; start += tableSize) {
      tables.push({ number: tables.length + 1, attendees: attendees.slice(start, start + tableSize).map((a) => a.id) });
    }
    const snapshot = { type: 'host_state', phase: 'round', round: 1, rounds: 3, deadline: Date.now() + 600000,
      paused: false, remaining_ms: null, present: attendees.filter((a) => a.connected).length, attendees, tables };
    const scale = { sent: [], asked: [], applyHostUpdate, roundTablesFrom, attendees, tables };
    scale.view = new HostView(new ServerClock(), {
      ...hostActions({ send: (message) => { scale.sent.push(message); return true; }, currentState: () => scale.state }),
      onNeedRound: (round) => scale.asked.push(round),
    });
    document.getElementById('host-problem').hidden = true;
    document.getElementById('console').hidden = false;
    const started = performance.now();
    scale.state = hostStateFromSnapshot(snapshot);
    scale.view.setSnapshot(scale.state);
    document.body.getBoundingClientRect();
    scale.snapshotMs = performance.now() - started;
    window.scale = scale;
    return scale.snapshotMs;
  })();
}

// In the page: `updates` host_updates like the server's at 5 a second in a crowd (a few people come
// and go, one moves), each applied and drawn, layout included; their times in ms.
function feedUpdates({ updates, count }) {
  const { scale } = window;
  const times = [];
  for (let u = 0; u < updates; u += 1) {
    const flipped = [];
    for (let k = 0; k < 12; k += 1) {
      const a = scale.state.attendees.get(1 + ((u * 97 + k * 631) % count));
      flipped.push({ ...a, connected: !a.connected });
    }
    const from = scale.state.tables.get(1 + (u % 50));
    const to = scale.state.tables.get(51 + (u % 50));
    const mover = from.attendees[0];
    const update = { type: 'host_update', ...Object.fromEntries(['phase', 'round', 'rounds', 'deadline', 'paused', 'remaining_ms']
      .map((field) => [field, scale.state[field]])), present: scale.state.present, attendees: flipped, gone: [],
    tables_reset: false, tables: [{ number: from.number, attendees: from.attendees.slice(1) },
      { number: to.number, attendees: [...to.attendees, mover] }] };
    const started = performance.now();
    scale.state = scale.applyHostUpdate(scale.state, update);
    scale.view.setState(scale.state);
    document.body.getBoundingClientRect();
    times.push(performance.now() - started);
  }
  return times;
}

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

test('the host console at 10,000 attendees: light, searchable, and each update drawn quickly', async () => {
  const page = await newPage(shared.browser);
  // No key: the console connects to nothing, and the test feeds its modules instead.
  await page.goto(`${shared.server.url}/host.html?event=synthetic`);
  await page.locator('#host-problem').waitFor();
  const snapshotMs = await page.evaluate(buildConsole, { count: ATTENDEES, tableSize: TABLE_SIZE });
  await page.locator('#attendees-heading', { hasText: `Participant·es (${ATTENDEES})` }).waitFor();

  const times = await page.evaluate(feedUpdates, { updates: UPDATES, count: ATTENDEES });
  console.log(`[host console] ${ATTENDEES} attendees: snapshot drawn in ${snapshotMs.toFixed(1)} ms; `
    + `${UPDATES} host_updates drawn in median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);

  // Light: one page of rows and one of cards, whatever the crowd.
  const weight = await page.evaluate(() => ({
    elements: document.getElementsByTagName('*').length,
    height: document.documentElement.scrollHeight,
    rows: document.querySelectorAll('#attendees tr').length,
    cards: document.querySelectorAll('#tables .table-card').length,
  }));
  console.log(`[host console] ${ATTENDEES} attendees: ${weight.elements} elements, page ${weight.height} px tall`);
  assert.equal(weight.rows, 50);
  assert.equal(weight.cards, 24);
  assert.ok(weight.elements < 3000, `${weight.elements} elements`);
  assert.ok(weight.height < 8000, `${weight.height} px`);
  const flagged = Number(/^2000 tables, dont (\d+) à surveiller$/.exec(await page.textContent('#tables-summary'))[1]);
  assert.ok(flagged > 500, 'a table with someone offline is to watch');
  await page.check('#tables-flagged');
  assert.equal(await page.locator('#tables .table-card.is-flagged').count(), 24, 'only tables to watch');
  await page.uncheck('#tables-flagged');
  await page.locator('#tables .table-card:not(.is-flagged)').first().waitFor();

  // One person among 10,000, by a name without its accent; then an organisation, a filter, a table.
  await page.fill('#attendee-search', 'elodie roux 6066');
  await page.locator('#attendees-summary', { hasText: '1–1 sur 1' }).waitFor();
  assert.equal(await page.textContent('#attendees tr td.attendee-name'), 'Élodie Roux 6066');
  await page.fill('#attendee-search', '');
  await page.selectOption('#attendee-organisation', 'Structure 7');
  await page.locator('#attendees-summary', { hasText: '1–40 sur 40' }).waitFor();
  await page.selectOption('#attendee-show', 'offline');
  const offlineRows = await page.locator('#attendees tr td.is-offline').count();
  assert.ok(offlineRows > 0 && offlineRows === await page.locator('#attendees tr').count(), 'only offline people');
  await page.selectOption('#attendee-organisation', '');
  await page.selectOption('#attendee-show', 'all');
  await page.fill('#attendee-table', '1999');
  await page.locator('#attendees-summary', { hasText: '1–5 sur 5' }).waitFor();
  await page.fill('#attendee-table', '');
  await page.click('#attendees-pager-next');
  await page.locator('#attendees-summary', { hasText: `51–100 sur ${ATTENDEES}` }).waitFor();

  // Moving from a card: the picker finds table 1999 by its number, Enter takes it.
  const mover = await page.getAttribute('#tables .table-card li button[data-move-id]', 'data-move-id');
  await page.click(`#tables button[data-move-id="${mover}"]`);
  await page.locator('dialog.picker[open]').waitFor();
  await page.keyboard.type('1999');
  await page.locator('dialog.picker .choice', { hasText: 'Table 1999' }).first().waitFor();
  assert.deepEqual(await axeViolations(page, 'move picker at 10,000'), []);
  await page.keyboard.press('Enter');
  await page.locator('dialog.picker').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.dataset.moveId), mover, 'focus back on the button');

  // Merging a duplicate: the picker of people, then a confirmation that says what will happen.
  await page.click('#attendees button[data-merge-id]');
  await page.locator('dialog.picker[open]').waitFor();
  await page.fill('dialog.picker input', 'camille martin 100');
  await page.locator('dialog.picker .choice[data-pick-key="1000"]').waitFor();
  await page.keyboard.press('Enter');
  await page.locator('dialog.confirm[open]', { hasText: 'Camille Martin 100 (Structure 100)' }).waitFor();
  assert.match(await page.textContent('dialog.confirm'), /disparaîtra de la liste/);
  await page.click('dialog.confirm [data-confirm="yes"]');
  const sent = await page.evaluate(() => window.scale.sent);
  assert.deepEqual(sent[0], { type: 'move_attendee', attendee_id: Number(mover), table: 1999 });
  assert.equal(sent[1].type, 'merge_attendees');
  assert.equal(sent[1].keep, 100);
  assert.notEqual(sent[1].duplicate, 100);
  assert.deepEqual(await axeViolations(page, 'host console at 10,000'), []);

  // The break: round 1's tables are asked for once, and shown as they ended.
  const asked = await page.evaluate(() => {
    const { scale } = window;
    scale.state = scale.applyHostUpdate(scale.state, { phase: 'break', tables_reset: true });
    scale.view.setState(scale.state);
    return scale.asked;
  });
  assert.deepEqual(asked, [1]);
  await page.locator('#tables-summary', { hasText: 'Chargement…' }).waitFor();
  await page.evaluate(() => window.scale.view.setRoundTables(1, window.scale.roundTablesFrom({ tables: window.scale.tables })));
  await page.locator('#tables-heading', { hasText: 'Tables du tour 1 (terminé)' }).waitFor();
  assert.equal(await page.locator('#tables .table-card').count(), 24);
  assert.equal(await page.locator('#tables button[data-move-id]').count(), 0, 'nobody is moved in a past round');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
