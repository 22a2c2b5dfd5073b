// The meeting graph drawn with sigma (WebGL) after a ForceAtlas2 layout run in a web worker for a
// bounded time. Sigma, graphology and FA2 are the vendored UMD globals (client-web/vendor/README.md).
// Filters and the chosen person change only how things are drawn (reducers), never the layout.
import { edgeShown, nodeShown, personName } from './review-data.js';
import { seeded } from './seeded.js';

const EDGE_SEATED = '#8d96a3';
const EDGE_TALKED = '#2f3a4a';
const EDGE_KEEP = '#1c6b35';
const DIMMED = '#e3e7ec';

// When the layout stops: whichever comes first. A 300-person event converges well within its
// iterations; 5,000 people are stopped by the time cap (bench/review-draw.js measures both).
const LAYOUT_ITERATIONS = 200;
const LAYOUT_MS_SMALL = 250;
const LAYOUT_MS_LARGE = 1000;
const LARGE = 1000;

// graphology-layout-forceatlas2's own inferSettings(order), said here because its index.js is CommonJS.
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

export function graphLibraryPresent() {
  return typeof self.Sigma === 'function' && typeof self.graphology === 'function' && typeof self.FA2 === 'object';
}

// The layout worker, started while the page still waits for its data (its start-up is not free).
export function startLayoutWorker() {
  return new Worker(new URL('./review-layout-worker.js', import.meta.url));
}

export class ReviewGraph {
  // texts(): {anonymous}; onSelect(id) when a node is clicked; worker from startLayoutWorker().
  constructor(container, model, { texts, onSelect, worker }) {
    this.worker = worker;
    this.container = container;
    this.model = model;
    this.texts = texts;
    this.onSelect = onSelect;
    this.filters = { round: 0, organisation: null, talked: 'all' };
    this.selected = null;
    this.neighbours = new Set();
    this.renderer = null;
    this.graph = this.buildGraph();
  }

  buildGraph() {
    const Graph = self.graphology.UndirectedGraph || self.graphology;
    const graph = new Graph();
    const random = seeded(this.model.nodes.length + 7);
    const spread = Math.sqrt(this.model.nodes.length) * 10;
    for (const node of this.model.nodes) {
      graph.addNode(String(node.id), {
        x: random() * spread, y: random() * spread,
        size: this.model.nodes.length > LARGE ? 2 + Math.sqrt(node.met || 0) * 0.8 : 5 + Math.sqrt(node.met || 0) * 1.5,
        color: this.model.colour(node),
        label: personName(node, this.texts().anonymous),
      });
    }
    for (const edge of this.model.edges) {
      if (!graph.hasNode(String(edge.a)) || !graph.hasNode(String(edge.b)) || edge.a === edge.b) continue;
      const keep = edge.keep_in_touch === 'both';
      const talked = edge.talked === 'both';
      graph.mergeEdgeWithKey(String(edge.index), String(edge.a), String(edge.b), {
        weight: edge.weight,
        size: (keep ? 2.5 : talked ? 1.5 : 0.6) + (edge.weight - 1) * 0.8,
        color: keep ? EDGE_KEEP : talked ? EDGE_TALKED : EDGE_SEATED,
        zIndex: keep ? 2 : talked ? 1 : 0,
      });
    }
    return graph;
  }

  // Draws the graph laid out by layout(); resolves once the first frame is on screen.
  async draw() {
    const large = this.graph.order > LARGE;
    this.renderer = new self.Sigma(this.graph, this.container, {
      zIndex: true,
      hideEdgesOnMove: large,
      labelRenderedSizeThreshold: large ? 9 : 6,
      labelDensity: large ? 0.3 : 1,
      nodeReducer: (key, data) => this.nodeLook(key, data),
      edgeReducer: (key, data) => this.edgeLook(key, data),
    });
    performance.mark('review-sigma-created'); // sigma renders once as it is created
    this.renderer.on('clickNode', ({ node }) => this.onSelect(Number(node)));
    this.renderer.on('enterNode', () => { this.container.style.cursor = 'pointer'; });
    this.renderer.on('leaveNode', () => { this.container.style.cursor = ''; });
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    performance.mark('review-graph-drawn');
  }

  // Lays the graph out in the worker: the page draws its tables and report meanwhile.
  async layout() {
    performance.mark('review-layout-start');
    await this.runLayout();
    performance.mark('review-layout-end');
  }

  runLayout() {
    const order = this.graph.order;
    if (order < 2 || this.graph.size === 0) {
      this.worker.terminate();
      return Promise.resolve();
    }
    const helpers = self.FA2.helpers;
    const settings = layoutSettings(order);
    const matrices = helpers.graphToByteArrays(this.graph, (edge, attr) => attr.weight);
    const budgetMs = order > LARGE ? LAYOUT_MS_LARGE : LAYOUT_MS_SMALL;
    const { worker } = this;
    return new Promise((resolve) => {
      const finish = (data) => {
        worker.terminate();
        if (data) {
          helpers.assignLayoutChanges(this.graph, new Float32Array(data.nodes), null);
          this.iterations = data.iterations;
        }
        resolve();
      };
      // Without a layout the graph is still drawn, at its seeded positions.
      worker.addEventListener('error', () => finish(null));
      worker.addEventListener('message', (event) => finish(event.data));
      worker.postMessage({
        settings, nodes: matrices.nodes.buffer, edges: matrices.edges.buffer, iterations: LAYOUT_ITERATIONS, budgetMs,
      }, [matrices.nodes.buffer, matrices.edges.buffer]);
    });
  }

  nodeLook(key, data) {
    const node = this.model.byId.get(Number(key));
    const inFilter = nodeShown(this.model, node, this.filters);
    const inFocus = this.selected === null || this.neighbours.has(node.id);
    if (inFilter && inFocus) {
      if (node.id === this.selected) return { ...data, highlighted: true, zIndex: 2, forceLabel: true };
      return this.selected === null ? data : { ...data, zIndex: 1, forceLabel: this.neighbours.size <= 30 };
    }
    return { ...data, color: DIMMED, label: '', zIndex: 0 };
  }

  edgeLook(key, data) {
    const edge = this.model.edges[Number(key)];
    if (!edgeShown(this.model, edge, this.filters)) return { ...data, hidden: true };
    if (this.selected !== null && edge.a !== this.selected && edge.b !== this.selected) return { ...data, hidden: true };
    return data;
  }

  // Erased people's label ("Anonyme") in the language now chosen.
  relabel() {
    for (const node of this.model.nodes) {
      if (node.erased) this.graph.setNodeAttribute(String(node.id), 'label', personName(node, this.texts().anonymous));
    }
    if (this.renderer) this.renderer.refresh();
  }

  setFilters(filters) {
    this.filters = { ...filters };
    if (this.renderer) this.renderer.refresh();
  }

  // The chosen person and their tablemates stay in colour; null shows everyone again.
  select(id) {
    this.selected = id;
    this.neighbours = new Set(id === null ? [] : [id]);
    if (id !== null) {
      for (const edge of this.model.incident.get(id) || []) {
        if (edgeShown(this.model, edge, this.filters)) this.neighbours.add(edge.a === id ? edge.b : edge.a);
      }
    }
    if (this.renderer) this.renderer.refresh();
  }

  zoom(how) {
    if (!this.renderer) return;
    const camera = this.renderer.getCamera();
    if (how === 'in') camera.animatedZoom({ duration: 250 });
    else if (how === 'out') camera.animatedUnzoom({ duration: 250 });
    else camera.animatedReset({ duration: 250 });
  }
}
