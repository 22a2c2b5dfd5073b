// A small HTTP server on 127.0.0.1 (port 0) for bench/review-draw.js: client-web/ as the real server
// serves it (same Content-Security-Policy), and the review endpoints answering with the given JSON,
// so the benchmark needs no build. Requests are not intercepted by the browser driver, as in real use.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const STATIC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../client-web');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const CSP = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors 'none'";

// answers: {graph, report}. Resolves to {url, close()}.
export function serveReview(answers) {
  const bodies = { graph: JSON.stringify(answers.graph), report: JSON.stringify(answers.report) };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    const review = /^\/api\/events\/[^/]+\/review\/(graph|report)$/.exec(url.pathname);
    if (review) {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(bodies[review[1]]);
      return;
    }
    const file = path.join(STATIC, path.normalize(decodeURIComponent(url.pathname)));
    if (!file.startsWith(STATIC + path.sep)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Security-Policy': CSP });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => server.close(done)),
  })));
}
