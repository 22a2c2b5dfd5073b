// The layout worker for large graphs (a module worker): ForceAtlas2 off the main thread, so that the page
// stays usable. The positions go back once the first budget (firstMs) is spent, for the first frame,
// then every everyMs until the iterations or totalMs run out.
import { layoutSettings, iterate } from './review-layout.js';

self.addEventListener('message', (event) => {
  const { order, nodes, edges, iterations, firstMs, totalMs, everyMs } = event.data;
  const settings = layoutSettings(order);
  const nodeMatrix = new Float32Array(nodes);
  const edgeMatrix = new Float32Array(edges);
  const started = performance.now();
  let done = 0;
  let next = started + firstMs;
  for (;;) {
    done += iterate(settings, nodeMatrix, edgeMatrix, { iterations: iterations - done, untilMs: Math.min(next, started + totalMs) });
    const final = done >= iterations || performance.now() - started >= totalMs;
    self.postMessage({ nodes: nodeMatrix.slice().buffer, iterations: done, final });
    if (final) return;
    next = performance.now() + everyMs;
  }
});
