// The layout worker (a classic Worker script): ForceAtlas2 iterations with the vendored iterate.js, off the
// main thread so that the page stays usable. The positions go back once the first budget (firstMs) is
// spent, for the first frame, then every everyMs until the iterations or totalMs run out.
importScripts('../vendor/graphology-layout-forceatlas2/fa2-helpers.js', '../vendor/graphology-layout-forceatlas2/fa2-iterate.js');

// graphology-layout-forceatlas2's own inferSettings(order), with stronger gravity for a compact picture.
function layoutSettings(order) {
  return {
    ...self.FA2.defaults,
    barnesHutOptimize: order > 2000,
    strongGravityMode: true,
    gravity: 0.05,
    scalingRatio: 10,
    slowDown: 1 + Math.log(order),
  };
}

self.addEventListener('message', (event) => {
  const { order, nodes, edges, iterations, firstMs, totalMs, everyMs } = event.data;
  const settings = layoutSettings(order);
  const nodeMatrix = new Float32Array(nodes);
  const edgeMatrix = new Float32Array(edges);
  const started = performance.now();
  let done = 0;
  let next = firstMs;
  for (;;) {
    const elapsed = performance.now() - started;
    const final = done >= iterations || elapsed >= totalMs;
    if (final || elapsed >= next) {
      self.postMessage({ nodes: nodeMatrix.slice().buffer, iterations: done, final });
      if (final) return;
      next = elapsed + everyMs;
    }
    self.FA2Iterate(settings, nodeMatrix, edgeMatrix);
    done += 1;
  }
});
