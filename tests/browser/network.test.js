// An attendee's phone behind a network that fails: cut for 4 s, for 30 s, then stalled without any
// close. Each time the page says it is reconnecting, comes back to the same seat as the same person,
// and a chat message typed while the network was gone is kept until it is really delivered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, launchBrowser, newPage } from './harness.js';
import { api, Peer, query } from '../support/server.js';
import { startProxy } from '../support/proxy.js';

let server;
let browser;
let proxy;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  proxy = await startProxy(server.port);
});

after(async () => {
  if (browser) await browser.close();
  if (proxy) await proxy.close();
  if (server) await server.stop();
});

async function seatShown(page) {
  const text = await page.locator('#your-table').textContent();
  const mates = await page.locator('#mates li').evaluateAll((items) => items.map((li) => Number(li.dataset.attendeeId)));
  return { number: Number(/(\d+)/.exec(text)[1]), mates: mates.sort() };
}

// The reconnection banner shows, then, once the network is back, goes: the backoff is at most 10 s.
async function outage(page, { start, lasting }) {
  await start();
  await page.locator('#reconnecting').waitFor({ state: 'visible', timeout: 30000 });
  assert.equal(await page.evaluate(() => document.body.dataset.connection), 'lost');  // the round shown dimmed
  if (lasting) await sleep(lasting);  // how long the network stays down: the scenario, not a wait for an event
  proxy.restore();
  await page.locator('#reconnecting').waitFor({ state: 'hidden', timeout: 20000 });
  assert.equal(await page.evaluate(() => document.body.dataset.connection), 'open');
}

test('a page behind a failing network comes back to the same seat, as the same person, losing no chat', async () => {
  const created = (await api(server.base, 'POST', '/api/events', { title: 'Réseau', table_size: 3, round_seconds: 3600 })).body;
  const eventId = created.event.id;
  const host = new Peer(server.base, eventId, created.host_token);
  await host.next((m) => m.type === 'host_state');

  const page = await newPage(browser);
  await page.goto(`${proxy.base}/join.html?event=${eventId}`);
  await page.fill('#name', 'Camille Martin');
  await page.fill('#organisation', 'CCAS de Villeurbanne');
  await page.click('#join-submit');
  await page.locator('#lobby-section').waitFor();
  const mates = [];
  for (const name of ['Yanis Benali', 'Inès Moreau']) {
    const joined = (await api(server.base, 'POST', `/api/events/${eventId}/attendees`, { name, organisation: 'Mission locale' })).body;
    mates.push(new Peer(server.base, eventId, joined.token));
  }
  host.send({ type: 'start_event' });
  await page.locator('#round-section').waitFor();
  const seat = await seatShown(page);
  assert.equal(seat.mates.length, 2);

  await outage(page, { start: () => proxy.cut(), lasting: 4000 });
  assert.deepEqual(await seatShown(page), seat, 'after a 4 s cut');
  await outage(page, { start: () => proxy.cut(), lasting: 30000 });
  assert.deepEqual(await seatShown(page), seat, 'after a 30 s cut');

  // A stall: nothing is closed, packets just vanish. The message sent meanwhile never arrives; the
  // heartbeat finds the dead connection and the message stays in its field, marked unsent.
  const text = 'Écrit pendant la coupure';
  await outage(page, {
    start: async () => {
      proxy.stall();
      await page.fill('#chat-text', text);
      await page.click('#chat-send');
    },
  });
  assert.equal(await page.inputValue('#chat-text'), text);
  assert.match(await page.locator('#chat-error').textContent(), /non envoyé/);
  assert.deepEqual(await seatShown(page), seat, 'after a stall');
  await page.click('#chat-send');
  const received = await mates[0].next((m) => m.type === 'chat');
  assert.equal(received.text, text);
  await page.waitForFunction(() => document.querySelector('#chat-text').value === '');

  // One person, one identity: three attendees, one chat message, and round 1's three encounters.
  assert.equal(query(server.db, 'SELECT count(*) AS n FROM attendees')[0].n, 3);
  assert.equal(query(server.db, 'SELECT count(*) AS n FROM chat_messages')[0].n, 1);
  assert.equal(query(server.db, 'SELECT count(*) AS n FROM encounters')[0].n, 3);
  assert.deepEqual(page.problems, []);
});
