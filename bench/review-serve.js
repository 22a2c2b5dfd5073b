// Serves client-web/ and a review's JSON to a Playwright page through page.route, with no server:
// for bench/review-draw.js (the page's own files, the JSON of bench/review-synthetic.js).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ORIGIN = 'http://review.test';
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

// answers: {graph, report} objects, or {status} for an error on every review endpoint.
export async function routeReview(page, answers) {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const review = /^\/api\/events\/[^/]+\/review\/(graph|report|export)$/.exec(url.pathname);
    if (review) {
      if (answers.status) {
        await route.fulfill({ status: answers.status, contentType: 'application/json',
          body: JSON.stringify({ type: 'error', code: 'unauthorized', message: 'no' }) });
        return;
      }
      const body = review[1] === 'export' ? JSON.stringify(answers.graph) : JSON.stringify(answers[review[1]]);
      await route.fulfill({ status: 200, contentType: 'application/json', body });
      return;
    }
    const file = path.join(ROOT, 'client-web', path.normalize(url.pathname));
    if (!file.startsWith(path.join(ROOT, 'client-web'))) { await route.fulfill({ status: 404 }); return; }
    try {
      const body = await readFile(file);
      await route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] || 'application/octet-stream', body });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
}
