// Several staff at the console: the creator keeps her link (copy, reminder file), opens two consoles and
// makes a co-host link; the co-host extends the round and every console shows the deadline and who did it;
// the revoked link's console is closed with a clear message and the link no longer opens anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serverAndBrowser, newPage, axeViolations, screenshot } from './harness.js';
import { Peer, api } from '../support/server.js';

const shared = serverAndBrowser();

// mm:ss or h:mm:ss on screen, in seconds.
async function secondsShown(page) {
  const text = await page.textContent('#host-countdown');
  return text.trim().split(':').map(Number).reduce((total, part) => total * 60 + part, 0);
}

test('two consoles and a co-host link run one event; a revoked link is closed and refused', async () => {
  // The creator gives her name and gets her links, with every way to keep the host link.
  const camille = await newPage(shared.browser);
  await camille.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shared.server.url });
  await camille.goto(`${shared.server.url}/`);
  await camille.fill('#title', 'Forum de l\'insertion');
  await camille.fill('#host_name', 'Camille');
  await camille.fill('#round_minutes', '20');
  await camille.click('#create-submit');
  await camille.locator('#created-section').waitFor();
  await camille.locator('#keep-heading', { hasText: 'Gardez le lien d\'animation' }).waitFor();
  const hostUrl = await camille.inputValue('#host-link');
  const joinUrl = await camille.inputValue('#join-link');
  await camille.click('#copy-host-link');
  await camille.locator('#host-link-copied', { hasText: 'Lien copié.' }).waitFor();
  assert.equal(await camille.evaluate(() => navigator.clipboard.readText()), hostUrl);
  const [download] = await Promise.all([camille.waitForEvent('download'), camille.click('#download-reminder')]);
  assert.match(download.suggestedFilename(), /^ensemble-[a-z0-9]+\.txt$/);
  const reminder = readFileSync(await download.path(), 'utf8');
  for (const part of [hostUrl, joinUrl, 'Lien d\'animation (à garder secret)', 'Host link (keep it secret)',
    '«\u00a0Forum de l\'insertion\u00a0»', '“Forum de l\'insertion”']) {
    assert.ok(reminder.includes(part), `the reminder lacks ${part}`);
  }
  await camille.locator('#reminder-saved', { hasText: 'Aide-mémoire téléchargé' }).waitFor();
  assert.deepEqual(await axeViolations(camille, 'created page'), []);
  await screenshot(camille, 'created.png');

  // Camille's console on her laptop, and the same link on a second device: both stay open.
  await camille.click('#open-console');
  await camille.locator('#console').waitFor();
  const camillePhone = await newPage(shared.browser, { viewport: { width: 390, height: 844 } });
  await camillePhone.goto(hostUrl);
  await camillePhone.locator('#cohost-links li', { hasText: 'Camille · a créé l\'événement · vous' }).waitFor();

  // She makes a co-host link for Dominique, copies it and sees it worked.
  await camille.fill('#cohost-name', 'Dominique');
  await camille.click('#cohost-create');
  await camille.locator('#cohost-new').waitFor();
  await camille.locator('#cohost-new-text', { hasText: 'Lien de co-animation pour Dominique' }).waitFor();
  const dominiqueUrl = await camille.inputValue('#cohost-new-link');
  assert.match(dominiqueUrl, /host\.html\?event=[a-z0-9]+#key=[A-Za-z0-9_-]{43}$/);
  await camille.click('#copy-cohost-link');
  await camille.locator('#cohost-copied', { hasText: 'Lien copié.' }).waitFor();
  await camillePhone.locator('#host-log li', { hasText: 'Camille a créé un lien de co-animation pour Dominique' }).waitFor();

  const dominique = await newPage(shared.browser);
  await dominique.goto(dominiqueUrl);
  await dominique.locator('#cohost-links li', { hasText: 'Dominique · vous' }).waitFor();

  // Someone to seat, then Camille starts from her phone.
  const eventId = new URL(joinUrl).searchParams.get('event');
  const joined = await api(shared.server.url, 'POST', `/api/events/${eventId}/attendees`, { name: 'Ana', organisation: 'CCAS' });
  const ana = new Peer(shared.server.url, eventId, joined.body.token);
  await ana.next((m) => m.type === 'state');
  await camillePhone.click('#start-event');
  await dominique.locator('#phase', { hasText: 'Tour en cours' }).waitFor();
  await camille.locator('#host-countdown', { hasText: /^\d+:\d\d$/ }).waitFor();

  // Dominique extends by 2 minutes: Camille's laptop shows the new deadline and who did it.
  const before = await secondsShown(camille);
  await dominique.fill('#extend-minutes', '2');
  await dominique.click('#extend');
  await camille.locator('#host-log li', { hasText: 'Dominique a prolongé le tour de 2\u00a0min' }).waitFor();
  await camille.waitForFunction((limit) => {
    const [m, s] = document.getElementById('host-countdown').textContent.split(':').map(Number);
    return m * 60 + s > limit;
  }, before + 100);
  await camillePhone.locator('#host-log li', { hasText: 'Dominique a prolongé le tour de 2\u00a0min' }).waitFor();
  assert.deepEqual(await axeViolations(camille, 'console with co-hosts and the log'), []);
  assert.deepEqual(await axeViolations(camillePhone, 'console on a phone'), []);
  await screenshot(camille, 'host-cohosts.png');

  // The log speaks the page's language.
  await camillePhone.click('#lang-switch');
  await camillePhone.locator('#host-log li', { hasText: 'Dominique extended the round by 2\u00a0min' }).waitFor();

  // Camille revokes Dominique's link: his console closes with a clear message.
  await camille.click('#cohost-links [data-revoke="2"]');
  await camille.click('dialog [data-confirm="yes"]');
  await dominique.locator('#host-problem', { hasText: 'Ce lien d\'animation a été retiré' }).waitFor();
  assert.equal(await dominique.isHidden('#console'), true);
  await camillePhone.locator('#host-log li', { hasText: 'Camille revoked the host link of Dominique' }).waitFor();
  assert.equal(await camille.locator('#cohost-links li').count(), 1);
  assert.equal(await camille.isHidden('#cohost-new'), true, 'a revoked link is no longer offered');
  assert.equal(await camille.locator('#cohost-links [data-revoke]').count(), 0, 'the last link has no revoke button');
  assert.deepEqual(await axeViolations(dominique, 'revoked console'), []);

  // The link no longer opens the console.
  await dominique.reload();
  await dominique.locator('#host-problem', { hasText: 'Ce lien d\'animation a été retiré' }).waitFor();

  // Both of Camille's consoles were open all along.
  assert.equal(await camille.isHidden('#host-problem'), true);
  assert.equal(await camillePhone.isHidden('#host-problem'), true);
  ana.close();
  for (const page of [camille, camillePhone, dominique]) assert.deepEqual(page.problems, []);
});
