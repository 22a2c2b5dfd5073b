// The host console says when the event waits for the storage (a full disk at the break's deadline: the
// server's file size limit lowered with prlimit), in French and English, and the notice goes once the
// server saves again by itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serverAndBrowser, newPage, axeViolations } from './harness.js';

const shared = serverAndBrowser();

// Past this many bytes the server's writes fail as on a full disk; `unlimited` gives the room back.
function limitFileSize(limit) {
  execFileSync('prlimit', ['--pid', String(shared.server.child.pid), `--fsize=${limit}:`]);
}

test('the host console shows a storage notice while the event waits, and drops it once saved again', async () => {
  const response = await fetch(`${shared.server.url}/api/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Stockage', rounds: 2, break_seconds: 3 }),
  });
  const created = await response.json();
  const host = await newPage(shared.browser);
  await host.goto(`${shared.server.url}/host.html?event=${encodeURIComponent(created.event.id)}#key=${encodeURIComponent(created.host_token)}`);
  await host.locator('#console').waitFor();
  const notice = host.locator('#storage-problem');
  assert.equal(await notice.isHidden(), true);

  await host.click('#start-event');
  await host.locator('#phase', { hasText: 'Tour en cours' }).waitFor();
  await host.click('#end-round');
  await host.locator('#phase', { hasText: 'Pause entre deux tours' }).waitFor();
  // The break ends in 3 s: the disk is full before then.
  limitFileSize(1);

  await notice.waitFor({ timeout: 15000 });
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.equal(await notice.textContent(),
    'L\'événement est en pause\u00a0: le stockage ne répond pas, nouvel essai automatique.');
  assert.deepEqual(await axeViolations(host, 'host console, storage notice'), []);
  await host.click('#lang-switch');
  await host.locator('#storage-problem', { hasText: 'The event is paused: storage is not responding, retrying automatically.' }).waitFor();
  await host.click('#lang-switch');

  limitFileSize('unlimited');
  await notice.waitFor({ state: 'hidden', timeout: 40000 });
  await host.locator('#phase', { hasText: 'Tour en cours' }).waitFor();
  await host.locator('#round', { hasText: 'Tour 2 sur 2' }).waitFor();
  assert.deepEqual(host.problems, []);
});
