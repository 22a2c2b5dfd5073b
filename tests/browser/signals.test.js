// Signals nobody misses, on a phone scrolled down to the chat: the banner of a new round, a move, the
// last minute, a pause and the end stays in view; the tab title carries the state and time left; the
// host confirms what cannot be undone; chat errors and the host's message do not outlive their round;
// sound and vibration are off until chosen, and the choice is remembered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, axeViolations, screenshot } from './harness.js';
import { api, Peer } from '../support/server.js';

// How long a banner of passing news stays in view; i18n.js, which signals.js loads, reads the language.
globalThis.navigator ??= { language: 'fr-FR', languages: ['fr-FR'] };
const { FADE_MS } = await import('../../client-web/js/signals.js');

const PHONE = { width: 360, height: 640 };

const shared = serverAndBrowser();

async function createEvent(settings) {
  const created = (await api(shared.server.base, 'POST', '/api/events', { title: 'Signaux', ...settings })).body;
  const host = new Peer(shared.server.base, created.event.id, created.host_token);
  await host.next((m) => m.type === 'host_state');
  return { created, eventId: created.event.id, host };
}

async function joinPeer(eventId, name) {
  const joined = (await api(shared.server.base, 'POST', `/api/events/${eventId}/attendees`, { name, organisation: 'CCAS' })).body;
  const peer = new Peer(shared.server.base, eventId, joined.token);
  await peer.next((m) => m.type === 'state');
  return { id: joined.attendee_id, peer };
}

async function joinPage(page, eventId, name) {
  await page.goto(`${shared.server.url}/join.html?event=${eventId}`);
  await page.locator('#join-section').waitFor();
  await page.fill('#name', name);
  await page.fill('#organisation', 'Mission locale');
  await page.click('#join-submit');
  await page.locator('#lobby-section').waitFor();
}

// Whether the element is on screen, inside the window as it is scrolled now.
function inView(page, selector) {
  return page.evaluate((sel) => {
    const box = document.querySelector(sel).getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight + 1;
  }, selector);
}

async function scrollToChat(page) {
  await page.evaluate(() => document.getElementById('chat-form').scrollIntoView({ block: 'center' }));
  assert.equal(await inView(page, '#chat-send'), true, 'the chat is on screen');
  assert.equal(await inView(page, '#your-table'), false, 'the table number is scrolled out of view');
}

const tableShown = async (page) => Number(/\d+/.exec(await page.textContent('#your-table'))[0]);
const title = (page, pattern) => page.waitForFunction((source) => new RegExp(source).test(document.title), pattern.source);

test('scrolled to the chat, an attendee sees the round, a move and the last minute; the tab title follows', async () => {
  // Tables of 2 (3 at most): when a tablemate leaves, the one left alone moves to the other table.
  const { eventId, host } = await createEvent({ table_size: 2, min_table_size: 2, max_table_size: 3, rounds: 2,
    round_seconds: 75, break_seconds: 60 });
  const page = await newPage(shared.browser, { viewport: PHONE });
  await joinPage(page, eventId, 'Camille Martin');
  const others = [];
  for (const name of ['Yanis Benali', 'Inès Moreau', 'Thomas Girard']) others.push(await joinPeer(eventId, name));
  await title(page, /^En attente du début — ensemble$/);

  host.send({ type: 'start_event' });
  const banner = page.locator('#signal');
  await page.locator('#signal[data-kind="round"]').waitFor();
  const before = await tableShown(page);
  assert.equal(await page.textContent('#signal-text'), `Tour 1 sur 2. Vous êtes à la table ${before}.`);
  await title(page, new RegExp(`^⏱ 1:\\d\\d · Table ${before}$`));
  await scrollToChat(page);
  assert.equal(await inView(page, '#signal'), true, 'the banner is in view, scrolled down');
  assert.deepEqual(await axeViolations(page, 'round banner'), []);

  // The tablemate leaves: Camille, alone, is moved to the other table, mid-round.
  const mateId = Number(await page.getAttribute('#mates li', 'data-attendee-id'));
  others.find((other) => other.id === mateId).peer.send({ type: 'leave' });
  await page.locator('#signal[data-kind="moved"]').waitFor();
  const after = await tableShown(page);
  assert.notEqual(after, before);
  assert.match(await banner.textContent(), new RegExp(`vous êtes maintenant à la table ${after}\\.`));
  assert.equal(await inView(page, '#signal'), true, 'the move is in view, scrolled down');
  await title(page, new RegExp(`^⏱ \\d:\\d\\d · Table ${after}$`));

  // The last minute: the banner, the red countdown, and the title below a minute.
  await page.locator('#signal[data-kind="minute"]').waitFor({ timeout: 30000 });
  assert.equal(await page.textContent('#signal-text'), 'Il reste 1 minute à ce tour\u00a0: pensez à conclure.');
  assert.equal(await inView(page, '#signal'), true, 'the last minute is in view, scrolled down');
  assert.equal(await page.evaluate(() => document.getElementById('round-countdown').classList.contains('warning')), true);
  await title(page, new RegExp(`^⏱ 0:\\d\\d · Table ${after}$`));
  await page.locator('#live', { hasText: 'Il reste 1 minute à ce tour\u00a0: pensez à conclure.' }).waitFor();
  assert.deepEqual(await axeViolations(page, 'last-minute banner'), []);
  await screenshot(page, 'attendee-last-minute.png', { fullPage: false });

  // The host gives more time: the last minute is over, and its banner goes.
  host.send({ type: 'extend_round', minutes: 5 });
  await banner.waitFor({ state: 'hidden' });
  await title(page, new RegExp(`^⏱ [56]:\\d\\d · Table ${after}$`));

  host.send({ type: 'pause' });
  await page.locator('#signal[data-kind="paused"]').waitFor();
  assert.equal(await inView(page, '#signal'), true);
  await title(page, new RegExp(`^⏸ En pause · Table ${after}$`));
  host.send({ type: 'resume' });
  await page.locator('#signal[data-kind="resumed"]').waitFor();

  host.send({ type: 'end_round' });
  await page.locator('#signal[data-kind="break"]').waitFor();
  await title(page, /^⏱ 1:00 · Pause$|^⏱ 0:5\d · Pause$/);

  host.send({ type: 'end_event' });
  await page.locator('#signal[data-kind="ended"]').waitFor();
  await page.locator('#notice-heading', { hasText: 'Merci' }).waitFor();
  await title(page, /^Terminé — ensemble$/);
  assert.deepEqual(page.problems, []);
  for (const other of others) other.peer.ws.close();
  host.ws.close();
  await page.context().close();
});

test('the host confirms ending the last round and skipping the break, and the break is not red', async () => {
  const { created, eventId } = await createEvent({ table_size: 2, min_table_size: 2, max_table_size: 3, rounds: 3,
    round_seconds: 600, break_seconds: 30 });
  const page = await newPage(shared.browser, { viewport: PHONE });
  await joinPage(page, eventId, 'Aïcha Diallo');
  const mate = await joinPeer(eventId, 'Lucas Petit');
  const host = await newPage(shared.browser);
  await host.goto(`${shared.server.url}/host.html?event=${eventId}#key=${encodeURIComponent(created.host_token)}`);
  await host.locator('#present', { hasText: /^2$/ }).waitFor();
  await host.click('#start-event');
  await page.locator('#signal[data-kind="round"]').waitFor();
  await host.locator('#phase', { hasText: 'Tour en cours' }).waitFor();

  // Ending a round that is not the last, and starting the next one from the break, ask nothing.
  await host.click('#end-round');
  await page.locator('#signal[data-kind="break"]').waitFor();
  await host.locator('#phase', { hasText: 'Pause entre deux tours' }).waitFor();
  // The break's last seconds on the host's clock: shown, not alarming.
  await host.locator('#host-countdown', { hasText: /^0:[0-3]\d$/ }).waitFor();
  assert.equal(await host.evaluate(() => document.getElementById('host-countdown').classList.contains('warning')), false);
  await host.click('#next-round');
  await page.locator('#signal-text', { hasText: /^Tour 2 sur 3/ }).waitFor();
  assert.equal(await host.locator('dialog').count(), 0, 'no question for what the break is for');
  await host.locator('#phase', { hasText: 'Tour en cours' }).waitFor();

  // During a round, "next round now" says it skips the break; cancelled, nothing happens.
  await host.click('#next-round');
  const dialog = host.locator('dialog[open]');
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /Lancer le tour 3 maintenant\u202f\? Le tour 2 s'arrête tout de suite et la pause est sautée/);
  assert.deepEqual(await axeViolations(host, 'next-round confirmation'), []);
  await host.click('dialog [data-confirm="no"]');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await host.textContent('#round'), 'Tour 2 sur 3', 'cancelled: still round 2');
  await host.click('#next-round');
  await host.click('dialog [data-confirm="yes"]');
  await page.locator('#signal-text', { hasText: /^Tour 3 sur 3/ }).waitFor();
  await host.locator('#round', { hasText: 'Tour 3 sur 3' }).waitFor();
  assert.equal(await host.textContent('#phase'), 'Tour en cours', 'no break between');

  // In the last round there is no next round: the console says so, and asks nothing.
  await host.click('#next-round');
  await host.locator('#live', { hasText: 'C\'est le dernier tour\u00a0: il n\'y a pas de tour suivant.' }).waitFor();
  assert.equal(await host.locator('dialog').count(), 0);

  // Ending the last round ends the event: the console says so before it does it.
  await host.click('#end-round');
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /C'est le dernier tour \(3 sur 3\)\u00a0: le terminer termine l'événement pour tout le monde/);
  await host.click('dialog [data-confirm="no"]');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await host.textContent('#phase'), 'Tour en cours', 'cancelled: the round goes on');
  await host.click('#end-round');
  await host.click('dialog [data-confirm="yes"]');
  await page.locator('#signal[data-kind="ended"]').waitFor();
  await host.locator('#phase', { hasText: 'Terminé' }).waitFor();
  for (const p of [host, page]) assert.deepEqual(p.problems, []);
  mate.peer.ws.close();
  await Promise.all([host, page].map((p) => p.context().close()));
});

test('a chat refusal says when, keeps the text, and like the host\'s message it does not outlive its round', async () => {
  const { eventId, host } = await createEvent({ table_size: 2, min_table_size: 2, max_table_size: 3, rounds: 3,
    round_seconds: 600 });
  const page = await newPage(shared.browser, { viewport: PHONE });
  // The page's own timers, under the test's control while it checks what a round change clears.
  await page.clock.install();
  await joinPage(page, eventId, 'Inès Moreau');
  const mate = await joinPeer(eventId, 'Yanis Benali');
  host.send({ type: 'start_event' });
  await page.locator('#round-section').waitFor();

  // A refusal and the host's message, both on screen when round 2 starts: neither stays. The page's
  // timers are held, so that only the round change can clear them.
  await page.clock.pauseAt(Date.now() + 1000);
  host.send({ type: 'broadcast', text: 'Dernier tour dans 5 minutes' });
  await page.locator('#announcement-text', { hasText: 'Dernier tour dans 5 minutes' }).waitFor();
  // Five quick messages go, the sixth is refused: its text stays, with when it can be sent.
  for (let i = 1; i <= 5; i += 1) {
    await page.fill('#chat-text', `message ${i}`);
    await page.press('#chat-text', 'Enter');
    await page.locator('#chat-log li', { hasText: `message ${i}` }).waitFor();
  }
  const sixth = 'Le sixième, à garder';
  await page.fill('#chat-text', sixth);
  await page.press('#chat-text', 'Enter');
  await page.locator('#chat-error', { hasText: /vous pourrez l'envoyer dans [12]\u00a0s\.$/ }).waitFor();
  assert.match(await page.textContent('#chat-error'), /^Doucement\u00a0: trop de messages d'un coup\. Votre message est gardé ici/);
  assert.equal(await page.inputValue('#chat-text'), sixth, 'the refused text is kept');
  host.send({ type: 'next_round' });
  await page.locator('#round-heading', { hasText: 'Tour 2 sur 3' }).waitFor();
  assert.equal(await page.textContent('#chat-error'), '', 'the refusal went with round 1');
  assert.equal(await page.isVisible('#announcement'), false, 'the host\'s message went with round 1');
  assert.equal(await page.inputValue('#chat-text'), sixth, 'the text typed is still there');
  // The news of round 2 is passing: its banner goes once it has been in view for a while.
  await page.locator('#signal[data-kind="round"]').waitFor();
  await page.clock.runFor(FADE_MS);
  await page.locator('#signal').waitFor({ state: 'hidden' });
  await page.clock.resume();

  // Messages until one is refused again (the limit has refilled a little since): once the time it
  // gave has passed, the error goes by itself and the kept text can be sent.
  let refused = null;
  for (let i = 1; i <= 6 && !refused; i += 1) {
    const text = i === 1 ? sixth : `encore ${i}`;
    await page.fill('#chat-text', text);
    await page.press('#chat-text', 'Enter');
    await page.waitForFunction(() => document.getElementById('chat-text').value === ''
      || document.getElementById('chat-error').textContent !== '');
    if (await page.textContent('#chat-error')) refused = text;
  }
  assert.ok(refused, 'the limit refused a message');
  assert.equal(await page.inputValue('#chat-text'), refused);
  await page.locator('#chat-error').waitFor({ state: 'hidden' });
  await page.locator('#live', { hasText: 'Vous pouvez envoyer votre message.' }).waitFor();
  await page.press('#chat-text', 'Enter');
  await mate.peer.next((m) => m.type === 'chat' && m.text === refused);
  await page.waitForFunction(() => document.getElementById('chat-text').value === '');

  // The host's message does not follow the attendee out either.
  host.send({ type: 'broadcast', text: 'Merci à toutes et tous' });
  await page.locator('#announcement-text', { hasText: 'Merci à toutes et tous' }).waitFor();
  await page.click('#leave');
  await page.click('dialog [data-confirm="yes"]');
  await page.locator('#notice-heading', { hasText: 'Vous avez quitté l\'événement' }).waitFor();
  assert.equal(await page.isVisible('#announcement'), false);
  assert.deepEqual(page.problems, []);
  mate.peer.ws.close();
  host.ws.close();
  await page.context().close();
});

test('sound and vibration are off until chosen, the choice is remembered, and both ring with a signal', async () => {
  const { eventId, host } = await createEvent({ table_size: 2, min_table_size: 2, max_table_size: 3, rounds: 2,
    round_seconds: 600 });
  const page = await newPage(shared.browser, { viewport: PHONE });
  // The join page says what is kept, who sees it and for how long.
  await page.goto(`${shared.server.url}/join.html?event=${eventId}`);
  await page.locator('#data-heading').waitFor();
  assert.match(await page.textContent('#join-section'), /Les données de l'événement \(les vôtres comprises\) sont effacées 90 jours après sa fin/);
  assert.deepEqual(await axeViolations(page, 'join page with what is kept'), []);
  await screenshot(page, 'join.png');
  // Count what the page asks of the device: vibrations and notes played.
  await page.addInitScript(() => {
    window.rung = { vibrations: 0, notes: 0 };
    navigator.vibrate = () => { window.rung.vibrations += 1; return true; };
    const createOscillator = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function countNote() {
      window.rung.notes += 1;
      return createOscillator.call(this);
    };
  });
  await joinPage(page, eventId, 'Thomas Girard');
  const mate = await joinPeer(eventId, 'Camille Martin');
  await page.locator('#alerts-section').waitFor();
  assert.equal(await page.isChecked('#alert-sound'), false, 'no sound by default');
  assert.equal(await page.isChecked('#alert-vibrate'), false, 'no vibration by default');
  assert.deepEqual(await axeViolations(page, 'lobby with sound and vibration settings'), []);

  host.send({ type: 'start_event' });
  await page.locator('#signal[data-kind="round"]').waitFor();
  assert.deepEqual(await page.evaluate(() => window.rung), { vibrations: 0, notes: 0 }, 'a signal rings nothing by default');

  await page.check('#alert-vibrate');
  await page.check('#alert-sound');
  assert.deepEqual(await page.evaluate(() => window.rung), { vibrations: 2, notes: 2 }, 'each choice is tried at once');
  await page.reload();
  await page.locator('#round-section').waitFor();
  assert.equal(await page.isChecked('#alert-sound'), true, 'remembered');
  assert.equal(await page.isChecked('#alert-vibrate'), true, 'remembered');

  host.send({ type: 'pause' });
  await page.locator('#signal[data-kind="paused"]').waitFor();
  assert.deepEqual(await page.evaluate(() => window.rung), { vibrations: 1, notes: 2 }, 'the pause rings');
  assert.deepEqual(await axeViolations(page, 'pause banner, settings ticked'), []);
  await page.click('#signal-dismiss');
  await page.locator('#signal').waitFor({ state: 'hidden' });
  assert.deepEqual(page.problems, []);
  mate.peer.ws.close();
  host.ws.close();
  await page.context().close();
});
