// The review page's draw time in headless chromium (issue 9's targets: 5,000 attendees ≤ 3 s, 300 ≤ 1 s,
// pan/zoom responsive). The real review.html and its files are served by bench/review-serve.js with the
// JSON of bench/review-synthetic.js, so no build is needed. For each size: the time from navigation to the
// first frame of the laid-out graph (performance mark `review-graph-drawn` in review-graph.js: two
// animation frames after the canvas was drawn, so the canvas's rasterisation is in), and the frame times
// during a scripted drag and wheel zoom, the graph drawn again once each gesture pauses (the longest
// frame). Run: `make bench-review-draw` (RUNS=3 by default).
import { launchBrowser } from '../tests/browser/harness.js';
import { serveReview } from './review-serve.js';
import { syntheticReview } from './review-synthetic.js';

const RUNS = Number(process.env.RUNS || 3);
const SIZES = [
  { people: 300, target: 1000 },
  { people: 5000, target: 3000 },
];

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const percentile = (values, p) => [...values].sort((x, y) => x - y)[Math.min(values.length - 1, Math.floor(values.length * p))];

async function once(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(`${origin}/review.html?event=bench#key=bench`);
  await page.waitForFunction(() => performance.getEntriesByName('review-graph-drawn').length > 0
    || document.getElementById('graph').hidden, null, { timeout: 60000 });
  const marks = await page.evaluate(() => {
    const at = (name) => Math.round(performance.getEntriesByName(name)[0]?.startTime ?? NaN);
    return { loaded: at('review-data-loaded'), layoutStart: at('review-layout-start'), layoutEnd: at('review-layout-end'),
      drawn: at('review-graph-drawn'), iterations: window.ensembleReview?.graph.iterations ?? 0 };
  });
  if (Number.isNaN(marks.drawn)) throw new Error(`the graph was not drawn: ${await page.textContent('#graph-note')}`);

  // Frame times while the user drags the graph and zooms with the wheel.
  const box = await page.locator('#graph').boundingBox();
  await page.locator('#graph').scrollIntoViewIfNeeded();
  await page.evaluate(() => {
    window.frameTimes = [];
    let last = performance.now();
    const tick = (now) => {
      window.frameTimes.push(now - last);
      last = now;
      if (!window.stopFrames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 200, cy + 120, { steps: 30 });
  await page.mouse.up();
  for (let i = 0; i < 8; i += 1) await page.mouse.wheel(0, i < 4 ? -200 : 200);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  const frames = await page.evaluate(() => { window.stopFrames = true; return window.frameTimes.slice(1); });
  await context.close();
  return { ...marks, frameMedian: median(frames), frameP95: percentile(frames, 0.95), frameMax: Math.max(...frames),
    frames: frames.length };
}

const browser = await launchBrowser();
try {
  for (const { people, target } of SIZES) {
    const review = syntheticReview({ people });
    const server = await serveReview(review);
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await once(browser, server.url));
    await server.close();
    const drawn = median(runs.map((r) => r.drawn));
    const pick = (key) => median(runs.map((r) => r[key]));
    console.log(`review draw ${people} attendees, ${review.graph.edges.length} edges: first frame ${drawn} ms `
      + `(target ≤ ${target} ms, ${drawn <= target ? 'MET' : 'MISSED'}); JSON in ${pick('loaded')} ms, `
      + `layout ${pick('layoutEnd') - pick('layoutStart')} ms (${pick('iterations')} iterations); `
      + `pan/zoom frames median ${pick('frameMedian').toFixed(1)} ms, p95 ${pick('frameP95').toFixed(1)} ms, `
      + `longest ${pick('frameMax').toFixed(1)} ms `
      + `(median of ${RUNS} runs)`);
  }
} finally {
  await browser.close();
}
