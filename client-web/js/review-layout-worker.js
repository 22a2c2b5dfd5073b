// The layout worker (a classic Worker script): ForceAtlas2 iterations with the vendored iterate.js until
// the page's count or time budget runs out, then the positions back in one message. Off the main thread,
// so the page stays usable while the graph is laid out; one message, so no time goes in round trips.
importScripts('../vendor/graphology-layout-forceatlas2/fa2-iterate.js');

self.addEventListener('message', (event) => {
  const { settings, nodes, edges, iterations, budgetMs } = event.data;
  const nodeMatrix = new Float32Array(nodes);
  const edgeMatrix = new Float32Array(edges);
  const started = performance.now();
  let done = 0;
  while (done < iterations && performance.now() - started < budgetMs) {
    self.FA2Iterate(settings, nodeMatrix, edgeMatrix);
    done += 1;
  }
  self.postMessage({ nodes: nodeMatrix.buffer, iterations: done, ms: performance.now() - started }, [nodeMatrix.buffer]);
});
