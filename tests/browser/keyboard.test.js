// Creating an event, joining it and chatting work with the keyboard alone, focus always visible.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage } from './harness.js';

const shared = serverAndBrowser();

// The focused element's id (or class), and whether it shows a visible outline.
function focused(page) {
  return page.evaluate(() => {
    const node = document.activeElement;
    const style = getComputedStyle(node);
    return { id: node.id || node.className, ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
  });
}

async function tabTo(page, id, limit = 30) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now.id === id) {
      assert.ok(now.ring, `#${id} shows where the focus is`);
      return;
    }
  }
  assert.fail(`#${id} never got the focus`);
}

test('keyboard only: skip link, create, open the console, join, chat', async () => {
  const host = await newPage(shared.browser);
  await host.goto(`${shared.server.url}/`);
  await host.keyboard.press('Tab');
  assert.deepEqual(await focused(host), { id: 'skip-link', ring: true }, 'the skip link comes first');
  await tabTo(host, 'title');
  await host.keyboard.type('Au clavier');
  await host.keyboard.press('Enter');
  await host.locator('#created-section').waitFor();
  assert.equal((await focused(host)).id, 'created-heading', 'focus moves to the result');
  await tabTo(host, 'open-console');
  await host.keyboard.press('Enter');
  await host.locator('#console').waitFor();
  const joinUrl = await host.inputValue('#join-link');

  const page = await newPage(shared.browser);
  await page.goto(joinUrl);
  await page.locator('#join-section').waitFor();
  assert.equal((await focused(page)).id, 'name', 'the form starts with the name');
  await page.keyboard.type('Louise');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Mission locale');
  await page.keyboard.press('Enter');
  await page.locator('#lobby-section').waitFor();

  const other = await newPage(shared.browser);
  await other.goto(joinUrl);
  await other.locator('#join-section').waitFor();
  await other.keyboard.type('Marc');
  await other.keyboard.press('Tab');
  await other.keyboard.type('CCAS');
  await other.keyboard.press('Enter');
  await other.locator('#lobby-section').waitFor();

  await tabTo(host, 'start-event');
  await host.keyboard.press('Enter');
  await page.locator('#round-section').waitFor();
  await tabTo(page, 'chat-text');
  await page.keyboard.type('Bonjour Marc !');
  await page.keyboard.press('Enter');
  await other.locator('#chat-log li', { hasText: 'Bonjour Marc' }).waitFor();

  // The leave dialog opens on "Rester" (the safe choice), and Escape closes it with nothing done.
  await tabTo(page, 'leave');
  await page.keyboard.press('Enter');
  await page.locator('dialog[open]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.confirm), 'no');
  await page.keyboard.press('Escape');
  await page.locator('dialog').waitFor({ state: 'detached' });
  assert.equal((await focused(page)).id, 'leave', 'focus goes back to the button');
  assert.equal(await page.isVisible('#round-section'), true);
  for (const p of [host, page, other]) assert.deepEqual(p.problems, []);
});
