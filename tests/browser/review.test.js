// Staff review in the browser: an event played for real over WebSocket (host and nine attendees, two
// rounds, then the end), its review page opened with the host link and with a staff link: the graph,
// the filters, one person's encounters, the report, the tables, the language switch, axe-core, and the
// messages for a wrong link and an attendee's link. The expected figures come from the seats the
// attendees were shown, not from the server's review answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serverAndBrowser, newPage, axeViolations, screenshot } from './harness.js';
import { api, Peer } from '../support/server.js';

const shared = serverAndBrowser();
const ORGANISATIONS = ['CCAS de Villeurbanne', 'France Travail', 'Mission locale Lyon'];
const ROUNDS = 2;

const isRound = (n) => (m) => m.type === 'state' && m.phase === 'round' && m.round === n && m.table;
const pairKey = (x, y) => (x < y ? `${x}-${y}` : `${y}-${x}`);

// Runs the event to its end; returns its ids, tokens, and what each attendee was shown each round.
async function playEvent(base) {
  const created = await api(base, 'POST', '/api/events', {
    title: 'Rencontres insertion Lyon', table_size: 3, min_table_size: 3, max_table_size: 4,
    rounds: ROUNDS, round_seconds: 600, break_seconds: 60,
  });
  assert.equal(created.status, 201);
  const eventId = created.body.event.id;
  const host = new Peer(base, eventId, created.body.host_token);
  await host.next((m) => m.type === 'host_state');
  const people = [];
  for (let i = 0; i < 9; i += 1) {
    const person = { name: `Personne ${i + 1}`, organisation: ORGANISATIONS[i % 3], role: 'Conseiller·e' };
    const joined = await api(base, 'POST', `/api/events/${eventId}/attendees`, person);
    assert.equal(joined.status, 201);
    people.push({ ...person, id: joined.body.attendee_id, token: joined.body.token,
      peer: new Peer(base, eventId, joined.body.token) });
  }
  for (const person of people) await person.peer.next((m) => m.type === 'state' && m.phase === 'lobby');
  const seats = []; // seats[round - 1]: Map attendee id → {table, mates}
  for (let round = 1; round <= ROUNDS; round += 1) {
    host.send({ type: round === 1 ? 'start_event' : 'next_round' });
    const shown = await Promise.all(people.map(async (p) => [p.id, await p.peer.next(isRound(round))]));
    seats.push(new Map(shown.map(([id, state]) => [id, {
      table: state.table.number, mates: state.table.people.map((m) => m.id).filter((m) => m !== id),
    }])));
  }
  host.send({ type: 'end_event' });
  for (const person of people) await person.peer.next((m) => m.type === 'state' && m.phase === 'ended');
  // After the end, from their own page: everyone says they talked with each tablemate of round 1, and
  // the first person and their first tablemate both wish to keep in touch.
  const answer = async (person, body) => {
    const response = await fetch(`${base}/api/events/${eventId}/me`, { method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${person.token}` }, body: JSON.stringify(body) });
    assert.equal(response.status, 200);
  };
  for (const person of people)
    for (const mate of seats[0].get(person.id).mates) await answer(person, { type: 'talked', round: 1, about: mate, talked: true });
  const [first] = people;
  const firstMate = people.find((p) => p.id === seats[0].get(first.id).mates[0]);
  await answer(first, { type: 'keep_in_touch', about: firstMate.id, wish: true });
  await answer(firstMate, { type: 'keep_in_touch', about: first.id, wish: true });
  return { eventId, hostToken: created.body.host_token, host, people, seats };
}

// The pairs of one round, or of all rounds (a pair counted once however many rounds).
function pairs(seats) {
  const all = new Set();
  for (const round of seats) for (const [id, seat] of round) for (const mate of seat.mates) all.add(pairKey(id, mate));
  return all;
}

async function openReview(browser, base, eventId, token, options) {
  const page = await newPage(browser, options);
  await page.goto(`${base}/review.html?event=${eventId}#key=${encodeURIComponent(token)}`);
  return page;
}

async function waitForGraph(page) {
  await page.waitForFunction(() => performance.getEntriesByName('review-graph-drawn').length > 0
    || document.getElementById('graph').hidden, null, { timeout: 30000 });
}

test('staff open the review of a finished event: graph, filters, encounters, report, tables, accessibility', async () => {
  const { base } = shared.server;
  const { eventId, hostToken, host, people, seats } = await playEvent(base);
  const allPairs = pairs(seats);
  const roundOnePairs = pairs([seats[0]]);

  const page = await openReview(shared.browser, base, eventId, hostToken, { viewport: { width: 1280, height: 1100 } });
  await page.locator('#review').waitFor();
  await waitForGraph(page);
  assert.equal(await page.isHidden('#graph'), false, 'the graph is drawn');
  const drawn = await page.evaluate(() => ({ order: window.ensembleReview.graph.order,
    size: window.ensembleReview.graph.size }));
  assert.deepEqual(drawn, { order: people.length, size: allPairs.size });
  // Something is on the canvas: pixels of the nodes' colours, not only the white background.
  const inked = await page.evaluate(() => [...document.querySelectorAll('#graph canvas')].reduce((count, canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) inked += 1;
    return count + inked;
  }, 0));
  assert.ok(inked > 1000, `inked pixels: ${inked}`);
  // Every module the page loads is in its modulepreload list (else it is fetched a level later).
  const preload = await page.evaluate(() => {
    const listed = new Set([...document.querySelectorAll('link[rel=modulepreload], script[src]')].map((l) => (l.href || l.src)));
    return performance.getEntriesByType('resource').map((r) => r.name)
      .filter((name) => name.endsWith('.js') && !name.endsWith('/review-layout-worker.js') && !listed.has(name));
  });
  assert.deepEqual(preload, []);
  assert.equal(await page.textContent('#event-title'), 'Rencontres insertion Lyon');
  assert.match(await page.textContent('#filter-summary'), new RegExp(`^${allPairs.size} rencontres affichées sur ${allPairs.size}`));

  // The legend names each organisation with its count of people.
  const legend = await page.locator('#legend-orgs li').allTextContents();
  for (const organisation of ORGANISATIONS) assert.ok(legend.includes(`${organisation} — 3 pers.`), legend.join(' | '));

  // Filters: round 1 only, then one organisation, then talked (nobody answered the cards: none shown).
  await page.selectOption('#filter-round', '1');
  assert.match(await page.textContent('#filter-summary'), new RegExp(`^${roundOnePairs.size} rencontres? affichées? sur ${allPairs.size}`));
  assert.equal(await page.locator('#encounter-rows tr').count(), roundOnePairs.size);
  await page.selectOption('#filter-round', '0');
  await page.selectOption('#filter-organisation', `=${ORGANISATIONS[1]}`);
  const touching = [...allPairs].filter((key) => key.split('-').map(Number)
    .some((id) => people.find((p) => p.id === id).organisation === ORGANISATIONS[1]));
  assert.equal(await page.locator('#encounter-rows tr').count(), touching.length);
  assert.equal(await page.locator('#people-rows tr').count(), 3);
  await page.selectOption('#filter-organisation', '*');
  // Talked: both said yes about every pair of round 1 (a pair met again in round 2 counts once).
  await page.selectOption('#filter-talked', 'both');
  assert.equal(await page.locator('#encounter-rows tr').count(),
    [...allPairs].filter((key) => roundOnePairs.has(key)).length);
  await page.selectOption('#filter-round', '2');
  const roundTwoOnly = [...pairs([seats[1]])].filter((key) => !roundOnePairs.has(key));
  assert.equal(await page.locator('#encounter-rows tr').count(), pairs([seats[1]]).size - roundTwoOnly.length);
  await page.selectOption('#filter-round', '0');
  await page.selectOption('#filter-talked', 'all');

  await screenshot(page, 'review.png', { fullPage: false });

  // Pan and zoom: the wheel zooms in, a drag moves the view, the picture is drawn again once the gesture
  // pauses (no CSS transform left), and "Recentrer" frames the whole graph again.
  const camera = () => page.evaluate(() => ({ ...window.ensembleReview.graph.canvas.camera }));
  const settled = () => page.waitForFunction(() => [...document.querySelectorAll('#graph canvas')]
    .every((canvas) => canvas.style.transform === ''));
  const fitted = await camera();
  const box = await page.locator('#graph').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -200);
  await settled();
  const zoomed = await camera();
  assert.ok(zoomed.scale > fitted.scale * 1.5, `zoomed from ${fitted.scale} to ${zoomed.scale}`);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 60, { steps: 5 });
  await page.mouse.up();
  await settled();
  const moved = await camera();
  assert.ok(Math.abs(moved.x - zoomed.x - 120) < 1 && Math.abs(moved.y - zoomed.y - 60) < 1, JSON.stringify({ zoomed, moved }));
  assert.equal(await page.evaluate(() => window.ensembleReview.graph.selected), null, 'a drag is not a click');
  await page.click('#zoom-reset');
  assert.deepEqual(await camera(), fitted);

  // One person's encounters, chosen with the keyboard: one row per round per tablemate.
  const chosen = people[4];
  await page.focus('#person-search');
  await page.keyboard.type(chosen.name);
  assert.match(await page.textContent('#person-matches'), /^1 personne trouvée/);
  await page.keyboard.press('Enter');
  await page.locator('#person-details').waitFor();
  assert.equal(await page.textContent('#person-heading'), `Les rencontres de ${chosen.name}`);
  const expectedRows = seats.flatMap((round, i) => round.get(chosen.id).mates.map((mate) => [String(i + 1),
    String(round.get(chosen.id).table), `${people.find((p) => p.id === mate).name} (${people.find((p) => p.id === mate).organisation})`]))
    .sort((x, y) => x[0] - y[0] || x[2].localeCompare(y[2]));
  const rows = (await page.locator('#person-rows tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent))))
    .map((cells) => cells.slice(0, 3)).sort((x, y) => x[0] - y[0] || x[2].localeCompare(y[2]));
  assert.deepEqual(rows, expectedRows);
  assert.equal(await page.evaluate(() => window.ensembleReview.graph.selected), chosen.id);
  // A click on another person's node in the graph chooses them; a click on the first one, back. The layout
  // goes on after the first frame: nodes are clicked once they stand still. The graph stays in view (the
  // page neither scrolls to the details nor jumps when the choice is announced).
  await page.waitForFunction(() => performance.getEntriesByName('review-layout-settled').length > 0, null, { timeout: 30000 });
  await page.locator('#graph').scrollIntoViewIfNeeded();
  // Where the graph is in the window and whether the live region is shown, from now and frame by frame
  // until the clicks are done (were the region emptied to announce, the page would jump for a moment).
  await page.evaluate(() => {
    const [graph, live] = ['graph', 'live'].map((id) => document.getElementById(id));
    window.seen = { graphTops: new Set(), liveHidden: 0 };
    const watch = () => {
      if (!window.seen) return;
      window.seen.graphTops.add(graph.getBoundingClientRect().top);
      if (!live.offsetHeight) window.seen.liveHidden += 1;
      requestAnimationFrame(watch);
    };
    watch();
  });
  for (const person of [people[7], chosen]) {
    const at = await page.evaluate((id) => {
      const { graph } = window.ensembleReview;
      const index = graph.model.nodes.findIndex((node) => node.id === id);
      const { scale, x, y } = graph.canvas.camera;
      const box = document.getElementById('graph');
      const { left, top } = box.getBoundingClientRect();
      return { x: left + box.clientLeft + graph.x[index] * scale + x, y: top + box.clientTop + graph.y[index] * scale + y };
    }, person.id);
    await page.mouse.click(at.x, at.y);
    assert.equal(await page.evaluate(() => window.ensembleReview.graph.selected), person.id, JSON.stringify(at));
    assert.equal(await page.textContent('#person-heading'), `Les rencontres de ${person.name}`);
    await page.locator('#live', { hasText: `Les rencontres de ${person.name}` }).waitFor({ state: 'attached' });
  }
  const seen = await page.evaluate(() => {
    const { graphTops, liveHidden } = window.seen;
    window.seen = null;
    return { graphTops: [...graphTops], liveHidden };
  });
  assert.equal(seen.graphTops.length, 1, `the graph moved on the page while people were clicked: ${seen.graphTops}`);
  assert.equal(seen.liveHidden, 0, 'frames where the live region was hidden');

  // The report: everyone seated in both rounds; new people met, worked out from the seats.
  const bars = await page.locator('#fig-attendees-per-round .bars li').evaluateAll((items) => items.map((li) =>
    [li.querySelector('.bar-label').textContent, li.querySelector('.bar-value').textContent]));
  assert.deepEqual(bars, Array.from({ length: ROUNDS }, (_, i) => [`Tour ${i + 1}`, `${people.length} pers.`]));
  const met = people.map((p) => new Set(seats.flatMap((round) => round.get(p.id).mates)).size).sort((x, y) => x - y);
  assert.equal(await page.textContent('#fig-new-people .figure-value'), `médiane ${met[4]}, minimum ${met[0]}`);
  assert.equal(await page.textContent('#fig-cross-org .figure-definition'),
    'Part des paires dont les deux personnes viennent de structures différentes.');

  // The table alternative lists everyone with the number of people they met.
  const peopleRows = await page.locator('#people-rows tr').evaluateAll((trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[3].textContent]));
  assert.equal(peopleRows.length, people.length);
  for (const p of people) {
    const count = new Set(seats.flatMap((round) => round.get(p.id).mates)).size;
    assert.ok(peopleRows.some(([name, n]) => name === p.name && n === String(count)), `${p.name} met ${count}`);
  }

  assert.deepEqual(await axeViolations(page, 'review page'), []);

  await page.click('#lang-switch');
  assert.equal(await page.textContent('h1'), 'Event review');
  assert.match(await page.textContent('#filter-summary'), new RegExp(`^${allPairs.size} of ${allPairs.size} encounters shown`));
  assert.equal(await page.textContent('#person-heading'), `${chosen.name}'s encounters`);
  // Closing the details with the keyboard: nobody chosen, focus back in the search box.
  await page.focus('#person-clear');
  await page.keyboard.press('Enter');
  assert.equal(await page.isHidden('#person-details'), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'person-search');
  assert.equal(await page.evaluate(() => window.ensembleReview.graph.selected), null);
  assert.deepEqual(await axeViolations(page, 'review page in English'), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // A read-only staff link opens the same review.
  host.send({ type: 'create_staff_link', name: 'Équipe évaluation' });
  const staff = await host.next((m) => m.type === 'staff_link_created');
  const staffPage = await openReview(shared.browser, base, eventId, staff.token);
  await staffPage.locator('#review').waitFor();
  await staffPage.locator('#people-rows tr').nth(people.length - 1).waitFor(); // drawn after the graph
  assert.equal(await staffPage.locator('#people-rows tr').count(), people.length);
  await staffPage.context().close();

  for (const p of people) p.peer.ws.close();
  host.ws.close();
});

test('a wrong link and an attendee\'s link are refused with a clear message, in French and English', async () => {
  const { base } = shared.server;
  const created = await api(base, 'POST', '/api/events', { title: 'Réunion', table_size: 3, min_table_size: 2,
    max_table_size: 4, rounds: 1, round_seconds: 600, break_seconds: 0 });
  const eventId = created.body.event.id;
  const joined = await api(base, 'POST', `/api/events/${eventId}/attendees`, { name: 'Camille', organisation: 'CCAS', role: '' });

  const wrong = await openReview(shared.browser, base, eventId, 'not-a-real-token');
  await wrong.locator('#review-problem').waitFor();
  assert.match(await wrong.textContent('#review-problem'), /faux ou a été révoqué/);
  assert.equal(await wrong.isHidden('#review'), true);
  await wrong.click('#lang-switch');
  assert.match(await wrong.textContent('#review-problem'), /wrong or was revoked/);
  assert.deepEqual(await axeViolations(wrong, 'review refused'), []);
  await wrong.context().close();

  const attendee = await openReview(shared.browser, base, eventId, joined.body.token);
  await attendee.locator('#review-problem').waitFor();
  assert.match(await attendee.textContent('#review-problem'), /lien de participant·e ne suffit pas/);
  await attendee.context().close();

  const missing = await newPage(shared.browser);
  await missing.goto(`${base}/review.html?event=${eventId}`);
  await missing.locator('#review-problem').waitFor();
  assert.match(await missing.textContent('#review-problem'), /la clé après «\s#key=\s» manque/);
  await missing.context().close();
});

test('the export buttons download with the token in a header, never in the URL', async () => {
  const { base } = shared.server;
  const created = await api(base, 'POST', '/api/events', { title: 'Export', table_size: 3, min_table_size: 2,
    max_table_size: 4, rounds: 1, round_seconds: 600, break_seconds: 0 });
  const eventId = created.body.event.id;
  const token = created.body.host_token;
  const host = new Peer(base, eventId, token);
  await host.next((m) => m.type === 'host_state');
  host.send({ type: 'end_event' });
  await host.next((m) => m.type === 'host_update' && m.phase === 'ended');
  host.ws.close();
  const page = await openReview(shared.browser, base, eventId, token);
  await page.locator('#review').waitFor();
  const requests = [];
  page.on('request', (request) => { if (request.url().includes('/export')) requests.push(request); });
  await page.check('#export-pseudonymise');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-gexf')]);
  assert.equal(download.suggestedFilename(), `ensemble-${eventId}-pseudo.gexf`);
  assert.match(await readFile(await download.path(), 'utf8'), /<gexf/);
  assert.equal(requests.length, 1);
  assert.equal(new URL(requests[0].url()).search, '?format=gexf&pseudonymise=1');
  assert.equal(await requests[0].headerValue('authorization'), `Bearer ${token}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
