// ForceAtlas2 for the review graph, shared by the page (small graphs, laid out in slices between the
// page's other work) and its worker review-layout-worker.js (large graphs, off the main thread). The
// vendored files are plain scripts that set globals (client-web/vendor/README.md); imported here for that.
import '../vendor/graphology-layout-forceatlas2/fa2-helpers.js';
import '../vendor/graphology-layout-forceatlas2/fa2-iterate.js';

// Per node 10 numbers, per edge 3 (graphology-layout-forceatlas2 helpers.js's matrices).
export const PER_NODE = 10;
export const PER_EDGE = 3;

// graphology-layout-forceatlas2's own inferSettings(order), with stronger gravity for a compact picture.
export function layoutSettings(order) {
  return {
    ...self.FA2.defaults,
    barnesHutOptimize: order > 2000,
    strongGravityMode: true,
    gravity: 0.05,
    scalingRatio: 10,
    slowDown: 1 + Math.log(order),
  };
}

// Iterates until `iterations` are done in all or `untilMs` (a performance.now() time) has passed;
// returns the number done now.
export function iterate(settings, nodes, edges, { iterations, untilMs }) {
  let done = 0;
  while (done < iterations && performance.now() < untilMs) {
    self.FA2Iterate(settings, nodes, edges);
    done += 1;
  }
  return done;
}
