// Shared pieces of the browser tests: the real server on port 0, Debian's chromium, axe-core.
import { mkdirSync, copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

import { startServer } from '../support/server.js';

export { startServer };

export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

// One real server and one browser for a test file: started before its tests, stopped after them.
// Read `shared.server` and `shared.browser` inside the tests.
export function serverAndBrowser(options) {
  const shared = { server: null, browser: null };
  before(async () => {
    shared.server = await startServer(options);
    shared.browser = await launchBrowser();
  });
  after(async () => {
    if (shared.browser) await shared.browser.close();
    if (shared.server) await shared.server.stop();
  });
  return shared;
}

// A page in its own context (its own localStorage), French unless told otherwise. page.problems
// collects any alert() and uncaught script error, for the test to assert there were none.
export async function newPage(browser, { locale = 'fr-FR', viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  page.problems = [];
  page.on('dialog', (dialog) => {
    page.problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  return page;
}

// Camille joins on the event's join page seeking help on housing (« logement »), in her own words, from a
// département when given; resolves with her page once she is in the lobby.
export async function camilleJoins(browser, base, eventId, { departement } = {}) {
  const page = await newPage(browser);
  await page.goto(`${base}/join.html?event=${eventId}`);
  await page.locator('#join-needs-logement').waitFor();
  await page.fill('#name', 'Camille');
  await page.fill('#organisation', 'CCAS de Villeurbanne');
  await page.check('#join-needs-logement');
  await page.fill('#join-need-text', 'Une famille à reloger');
  if (departement) await page.selectOption('#join-departement', departement);
  await page.click('#join-submit');
  await page.locator('#lobby-kind').waitFor();
  return page;
}

// Run axe-core with the WCAG 2.1 A and AA rules; returns the violations, printed when there are any.
// axe goes in through the DevTools protocol, not page.addScriptTag: the pages' Content-Security-Policy
// refuses inline scripts, which is the point of it, and the test keeps that policy on.
export async function axeViolations(page, label) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  for (const v of result.violations) {
    console.log(`axe ${label}: ${v.id} (${v.impact}) ${v.help}`);
    for (const node of v.nodes) console.log(`  ${node.target.join(' ')}: ${node.failureSummary}`);
  }
  return result.violations;
}

// Save a screenshot under tests/output/; with UPDATE_SCREENSHOTS=1 also refresh the README's copy.
// `fullPage: false` keeps what the screen shows as scrolled (a banner that stays in view).
export async function screenshot(page, name, { fullPage = true } = {}) {
  const out = path.join(ROOT, 'tests/output', name);
  mkdirSync(path.dirname(out), { recursive: true });
  // A whole page is taken from its top: sticky banners are drawn where a scrolled page holds them.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: out, fullPage });
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(path.join(ROOT, 'docs/screenshots'), { recursive: true });
  copyFileSync(out, path.join(ROOT, 'docs/screenshots', name));
}
