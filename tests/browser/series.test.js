// A series of events in the browser: a host starts a series from the create form and adds a second
// event to it with the series link, both events are played over WebSocket with the same people (same
// emails), then the series review shows the merged graph, the trend from one event to the next, whom a
// chosen person never met, in French and English, with axe-core; and a wrong series link is explained.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, axeViolations, screenshot } from './harness.js';
import { api, Peer } from '../support/server.js';

const shared = serverAndBrowser();
const isRound = (n) => (m) => m.type === 'state' && m.phase === 'round' && m.round === n && m.table;

// The create form, filled by keyboard: an event of pairs, one round, with the series choice given.
async function createFromForm(page, base, title, series) {
  await page.goto(`${base}/`);
  await page.fill('#title', title);
  for (const [id, value] of [['#table_size', '2'], ['#min_table_size', '2'], ['#max_table_size', '3'], ['#rounds', '1']]) {
    await page.fill(id, value);
  }
  if (series.title) {
    await page.check('#series-new');
    await page.fill('#series_title', series.title);
  } else {
    await page.check('#series-existing');
    await page.fill('#series_link', series.link);
  }
  await page.press('#create-submit', 'Enter');
  await page.waitForSelector('#created-section:not([hidden])');
  assert.equal(await page.isVisible('#series-created'), true);
  const hostUrl = new URL(await page.inputValue('#host-link'));
  return {
    eventId: hostUrl.searchParams.get('event'),
    hostToken: new URLSearchParams(hostUrl.hash.slice(1)).get('key'),
    seriesLink: await page.inputValue('#series-link-out'),
  };
}

// People join with these emails and one round is played to the end; returns who sat with whom.
async function play(base, { eventId, hostToken }, people) {
  const host = new Peer(base, eventId, hostToken);
  await host.next((m) => m.type === 'host_state');
  const joined = [];
  for (const person of people) {
    const answer = await api(base, 'POST', `/api/events/${eventId}/attendees`, person);
    assert.equal(answer.status, 201);
    joined.push({ ...person, id: answer.body.attendee_id, peer: new Peer(base, eventId, answer.body.token) });
  }
  for (const p of joined) await p.peer.next((m) => m.type === 'state' && m.phase === 'lobby');
  host.send({ type: 'start_event' });
  const mates = new Map();
  for (const p of joined) {
    const state = await p.peer.next(isRound(1));
    mates.set(p.name, state.table.people.map((m) => m.name).filter((n) => n !== p.name));
  }
  host.send({ type: 'end_event' });
  for (const p of joined) await p.peer.next((m) => m.type === 'state' && m.phase === 'ended');
  return mates;
}

test('a series made from the create form, played twice, reviewed as one', async () => {
  const { base } = shared.server;
  const page = await newPage(shared.browser);
  const january = await createFromForm(page, base, 'Janvier', { title: 'Rencontres mensuelles' });
  assert.match(january.seriesLink, /review\.html\?series=[a-z0-9]+#key=/);
  assert.match(await page.textContent('#series-created-text'), /Rencontres mensuelles/);
  const february = await createFromForm(page, base, 'Février', { link: january.seriesLink });
  assert.equal(february.seriesLink, january.seriesLink);

  const people = ['Ana', 'Bilal', 'Chloé', 'Dina'].map((name, i) => ({
    name, organisation: ['CCAS', 'Mission locale'][i % 2], email: `${name.toLowerCase()}@example.org`,
  }));
  const met = new Map(people.map((p) => [p.name, new Set()]));
  for (const [name, mates] of await play(base, january, people)) for (const m of mates) met.get(name).add(m);
  // In February Ana writes her email in capitals, and Eve comes without one.
  const again = [{ ...people[0], email: 'ANA@Example.org' }, ...people.slice(1), { name: 'Eve', organisation: 'CAF' }];
  met.set('Eve', new Set());
  const february_mates = await play(base, february, again);
  for (const [name, mates] of february_mates) {
    for (const m of mates) {
      assert.equal(met.get(name).has(m), false, `${name} sat again with ${m}`);
      met.get(name).add(m);
    }
  }

  await page.goto(january.seriesLink);
  await page.waitForSelector('#review:not([hidden])');
  assert.equal(await page.textContent('#review-heading'), 'Bilan de la série');
  assert.equal(await page.title(), 'Bilan de la série — ensemble');
  assert.deepEqual(await page.$$eval('#trend-rows th', (ths) => ths.map((th) => th.firstChild.textContent)), ['Janvier', 'Février']);
  // Attendees and returning, per event: 4 then 5, of whom 4 had come.
  assert.deepEqual(await page.$$eval('#trend-rows tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 2)
    .map((td) => td.firstChild.textContent))), [['4', '0'], ['5', '4']]);
  assert.deepEqual(await page.$$eval('#filter-round option', (o) => o.map((x) => x.textContent)),
    ['Tous les tours', 'Janvier, tour 1', 'Février, tour 1']);
  assert.match(await page.textContent('#event-facts'), /2 événements, 2 tours/);
  // Five people (Ana once), whoever never met Ana is listed when she is chosen by keyboard.
  assert.equal(await page.$$eval('#people-rows tr', (rows) => rows.length), 5);
  await page.focus('#person-search');
  await page.keyboard.type('Ana');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('never-met-list').children.length > 0
    || /jamais rencontré 0/.test(document.getElementById('never-met-person').textContent));
  const expected = ['Bilal', 'Chloé', 'Dina', 'Eve'].filter((n) => !met.get('Ana').has(n));
  const listed = await page.$$eval('#never-met-list li', (items) => items.map((li) => li.textContent.split(' — ')[0]));
  assert.deepEqual(listed, expected);
  assert.deepEqual(await axeViolations(page, 'series review'), []);
  await page.$eval('#series-section', (section) => section.scrollIntoView());
  await screenshot(page, 'series.png', { fullPage: false });

  await page.click('#lang-switch');
  assert.equal(await page.textContent('#review-heading'), 'Series review');
  assert.deepEqual(await page.$$eval('#filter-round option', (o) => o.map((x) => x.textContent)).then((x) => x[1]), 'Janvier, round 1');
  assert.deepEqual(await axeViolations(page, 'series review in English'), []);
  assert.deepEqual(page.problems, []);

  // A wrong key says so, in words.
  const wrong = await newPage(shared.browser);
  await wrong.goto(january.seriesLink.replace(/#key=.*/, '#key=faux'));
  await wrong.waitForSelector('#review-problem:not([hidden])');
  assert.match(await wrong.textContent('#review-problem'), /lien n'ouvre pas le bilan de la série/);
  // And a create form given a link that is not a series link says so before asking anything.
  await wrong.goto(`${base}/`);
  await wrong.fill('#title', 'Mars');
  await wrong.check('#series-existing');
  await wrong.fill('#series_link', 'https://example.org/pas-un-lien');
  await wrong.press('#create-submit', 'Enter');
  await wrong.waitForFunction(() => document.getElementById('create-error').textContent !== '');
  assert.match(await wrong.textContent('#create-error'), /lien de série ne fonctionne pas/);
  assert.equal(await wrong.getAttribute('#series_link', 'aria-invalid'), 'true');
});
