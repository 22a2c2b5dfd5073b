// The review graph's canvas with synthetic reviews (bench/review-synthetic.js) served by
// bench/review-serve.js, so without the C++ server: a pinch zooms on a touch screen, and a graph above
// 1,000 people is laid out in the worker, drawn after its first positions and refined after that.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from './harness.js';
import { serveReview } from '../../bench/review-serve.js';
import { syntheticReview } from '../../bench/review-synthetic.js';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { if (browser) await browser.close(); });

async function openSynthetic(people, contextOptions = {}) {
  const server = await serveReview(syntheticReview({ people }));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', ...contextOptions });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${server.url}/review.html?event=bench#key=bench`);
  await page.waitForFunction(() => performance.getEntriesByName('review-graph-drawn').length > 0, null, { timeout: 60000 });
  return { page, context, problems, close: async () => { await context.close(); await server.close(); } };
}

const camera = (page) => page.evaluate(() => ({ ...window.ensembleReview.graph.canvas.camera }));

test('two fingers pinch the graph: zoomed by their spread, about their middle, nobody chosen', async () => {
  const { page, context, problems, close } = await openSynthetic(60, { hasTouch: true });
  await page.locator('#graph').scrollIntoViewIfNeeded();
  const box = await page.locator('#graph').boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await context.newCDPSession(page);
  const touch = (type, spread) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? []
    : [{ x: cx - spread, y: cy, id: 1 }, { x: cx + spread, y: cy, id: 2 }] });
  const start = await camera(page);
  await touch('touchStart', 50);
  for (let spread = 60; spread <= 150; spread += 10) await touch('touchMove', spread);
  await touch('touchEnd', 0);
  const end = await camera(page);
  assert.ok(Math.abs(end.scale / start.scale - 3) < 0.01, `zoom ${end.scale / start.scale}`);
  // The graph point under the fingers' middle stays there.
  const [mx, my] = [cx - box.x - 1, cy - box.y - 1];
  assert.ok(Math.abs((mx - start.x) / start.scale - (mx - end.x) / end.scale) < 0.5);
  assert.ok(Math.abs((my - start.y) / start.scale - (my - end.y) / end.scale) < 0.5);
  assert.equal(await page.evaluate(() => window.ensembleReview.graph.selected), null);
  assert.deepEqual(problems, []);
  await close();
});

test('above 1,000 people the worker lays the graph out and the drawing follows its refinements', async () => {
  const { page, problems, close } = await openSynthetic(1200);
  const first = await page.evaluate(() => window.ensembleReview.graph.iterations);
  assert.ok(first >= 1, `iterations at the first frame: ${first}`);
  const firstX = await page.evaluate(() => Array.from(window.ensembleReview.graph.x.slice(0, 5)));
  await page.waitForFunction((n) => window.ensembleReview.graph.iterations > n, first, { timeout: 30000 });
  const laterX = await page.evaluate(() => Array.from(window.ensembleReview.graph.x.slice(0, 5)));
  assert.notDeepEqual(laterX, firstX, 'the positions moved');
  assert.deepEqual(problems, []);
  await close();
});
