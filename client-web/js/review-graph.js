// The meeting graph: people and encounters laid out by ForceAtlas2 (review-layout.js), drawn on 2D
// canvases (review-canvas.js). Usable with any graph JSON of shared/protocol.md's shape, through
// buildModel(). Filters and the chosen person change only how things are drawn, never the layout. The
// first frame comes after a short layout; for a large graph the worker goes on refining it and the
// drawing follows, the page usable meanwhile.
import { edgeShown, nodeShown, personName } from './review-data.js';
import { GraphCanvas } from './review-canvas.js';
import { seeded } from './seeded.js';
import { layoutSettings, iterate, PER_NODE, PER_EDGE } from './review-layout.js';

const EDGE_SEATED = '#8d96a3';
const EDGE_TALKED = '#2f3a4a';
const EDGE_KEEP = '#1c6b35';
const DIMMED = '#e3e7ec';

// The layout's iterations and time: the first frame waits for firstMs of them at most, then the layout
// goes on until the iterations (or a large graph's totalMs) run out, the drawing following it. A small
// graph is laid out on the page's thread (a worker's start-up costs more than its layout), in slices;
// a large one in the worker.
const LAYOUT_ITERATIONS = 200;
// A small graph gets atLeast iterations however slow the machine (fewer leave clumps in the picture).
const LAYOUT = { small: { firstMs: 80, atLeast: 30 }, large: { firstMs: 700, totalMs: 6000 } };
const SLICE_MS = 30;
const LARGE = 1000;
const REFINE_EVERY_MS = 1500;
const REDRAW_MS = 250;

export class ReviewGraph {
  // model: buildModel(graph JSON); texts(): {anonymous}; onSelect(id) when a node is clicked; worker:
  // a module Worker of review-layout-worker.js (review-start.js starts it early), used above LARGE
  // people, or null to lay any graph out on this thread.
  constructor(container, model, { texts, onSelect, worker }) {
    this.worker = worker;
    this.container = container;
    this.model = model;
    this.texts = texts;
    this.onSelect = onSelect;
    this.filters = { round: 0, organisation: null, talked: 'all' };
    this.selected = null;
    this.neighbours = new Set();
    this.canvas = null;
    this.iterations = 0;
    this.workerDone = false; // a large graph's worker sent its last positions
    this.build();
    this.inWorker = Boolean(worker) && this.order > LARGE; // otherwise laid out on this thread
  }

  // People by index, their seeded first positions, and the encounters as pairs of indices (one per
  // pair of people, none with oneself or with someone not in the graph).
  build() {
    const { nodes } = this.model;
    this.index = new Map(nodes.map((node, i) => [node.id, i]));
    const random = seeded(nodes.length + 7);
    const spread = Math.sqrt(nodes.length) * 10;
    this.x = new Float32Array(nodes.length);
    this.y = new Float32Array(nodes.length);
    for (let i = 0; i < nodes.length; i += 1) {
      this.x[i] = random() * spread;
      this.y[i] = random() * spread;
    }
    const large = nodes.length > LARGE;
    this.sizes = nodes.map((node) => (large ? 1.2 + Math.sqrt(node.met || 0) * 0.35 : 5 + Math.sqrt(node.met || 0) * 1.5));
    const seen = new Set();
    this.edges = [];
    for (const edge of this.model.edges) {
      const a = this.index.get(edge.a);
      const b = this.index.get(edge.b);
      if (a === undefined || b === undefined || a === b) continue;
      const key = Math.min(a, b) * nodes.length + Math.max(a, b);
      if (seen.has(key)) continue;
      seen.add(key);
      this.edges.push({ edge, a, b });
    }
    this.order = nodes.length;
    this.size = this.edges.length;
  }

  // Lays the graph out in the worker: the page draws its tables and report meanwhile. Resolves with
  // the first positions; later ones are drawn as they come.
  async layout() {
    performance.mark('review-layout-start');
    await this.runLayout();
    performance.mark('review-layout-end');
  }

  runLayout() {
    const { worker, order } = this;
    const large = order > LARGE;
    if (worker && !large) worker.terminate(); // small graphs are laid out here, without its start-up
    if (order < 2 || this.size === 0) {
      if (worker && large) worker.terminate();
      return Promise.resolve();
    }
    // The node's mass is its weighted degree + 1, as graphology-layout-forceatlas2's helpers make it.
    const nodes = new Float32Array(order * PER_NODE);
    for (let i = 0; i < order; i += 1) {
      nodes.set([this.x[i], this.y[i], 0, 0, 0, 0, 1, 1, this.sizes[i], 0], i * PER_NODE);
    }
    const edges = new Float32Array(this.size * PER_EDGE);
    this.edges.forEach(({ edge, a, b }, k) => {
      nodes[a * PER_NODE + 6] += edge.weight;
      nodes[b * PER_NODE + 6] += edge.weight;
      edges.set([a * PER_NODE, b * PER_NODE, edge.weight], k * PER_EDGE);
    });
    if (!large || !worker) return this.layoutHere(nodes, edges);
    return new Promise((resolve) => {
      let first = true;
      const finish = () => {
        worker.terminate();
        resolve();
      };
      worker.addEventListener('error', finish);
      worker.addEventListener('message', ({ data }) => {
        this.positions(new Float32Array(data.nodes));
        this.iterations = data.iterations;
        if (data.final) worker.terminate(), this.workerDone = true;
        if (first) {
          first = false;
          resolve();
        } else if (this.canvas) {
          this.canvas.refit();
        }
        if (data.final && this.canvas) performance.mark('review-layout-settled');
      });
      worker.postMessage({ order, nodes: nodes.buffer, edges: edges.buffer, iterations: LAYOUT_ITERATIONS,
        ...LAYOUT.large, everyMs: REFINE_EVERY_MS }, [nodes.buffer, edges.buffer]);
    });
  }

  // A small graph's layout on this thread, in slices between which the page goes on loading.
  async layoutHere(nodes, edges) {
    const settings = layoutSettings(this.order);
    let spent = 0;
    while (this.iterations < LAYOUT_ITERATIONS && (spent < LAYOUT.small.firstMs || this.iterations < LAYOUT.small.atLeast)) {
      const started = performance.now();
      const over = spent >= LAYOUT.small.firstMs; // then the iterations still owed, at once
      this.iterations += iterate(settings, nodes, edges, over
        ? { iterations: LAYOUT.small.atLeast - this.iterations, untilMs: Infinity }
        : { iterations: LAYOUT_ITERATIONS - this.iterations, untilMs: started + Math.min(SLICE_MS, LAYOUT.small.firstMs - spent) });
      spent += performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve));
    }
    this.positions(nodes);
    this.unfinished = { settings, nodes, edges };
  }

  // After the first frame, a small graph's layout goes on in slices, drawn again every REDRAW_MS.
  async refineHere() {
    const { settings, nodes, edges } = this.unfinished;
    this.unfinished = null;
    let sinceDrawn = 0;
    while (this.iterations < LAYOUT_ITERATIONS) {
      const started = performance.now();
      this.iterations += iterate(settings, nodes, edges,
        { iterations: LAYOUT_ITERATIONS - this.iterations, untilMs: started + SLICE_MS });
      sinceDrawn += performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve));
      if (sinceDrawn >= REDRAW_MS || this.iterations >= LAYOUT_ITERATIONS) {
        this.positions(nodes);
        this.canvas.refit();
        sinceDrawn = 0;
      }
    }
    performance.mark('review-layout-settled');
  }

  positions(matrix) {
    for (let i = 0; i < this.order; i += 1) {
      this.x[i] = matrix[i * PER_NODE];
      this.y[i] = matrix[i * PER_NODE + 1];
    }
  }

  // Draws the graph laid out by layout(); resolves once the first frame is on screen.
  async draw() {
    this.canvas = new GraphCanvas(this.container, { onClick: (index) => this.onSelect(this.model.nodes[index].id) });
    this.canvas.setScene(this.scene(), { refit: true });
    performance.mark('review-canvas-drawn');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    performance.mark('review-graph-drawn');
    // The layout may go on after the first frame; `review-layout-settled` marks when nodes stop moving.
    if (this.unfinished && this.iterations < LAYOUT_ITERATIONS) this.refineHere();
    else if (this.workerDone || this.iterations >= LAYOUT_ITERATIONS) performance.mark('review-layout-settled');
  }

  // What to draw now: each person's look (filters, chosen person) and the encounters shown, grouped
  // by look so that one stroke draws many lines.
  scene() {
    const { nodes } = this.model;
    const anonymous = this.texts().anonymous;
    const looks = nodes.map((node, index) => this.nodeLook(node, index, anonymous));
    const byIndex = looks;
    const drawn = [...looks].sort((p, q) => p.z - q.z);
    const labelOrder = looks.filter((look) => !look.dimmed).sort((p, q) => q.strong - p.strong || q.size - p.size);
    const groups = new Map();
    // Lines up to 1 px wide are drawn much faster than wider ones (hairlines, without a fill of their
    // outline): a large graph starts with those, and zooming in widens them as fewer are in view.
    const thin = nodes.length > LARGE ? 0.4 : 1;
    for (const { edge, a, b } of this.edges) {
      if (!this.edgeVisible(edge)) continue;
      const keep = edge.keep_in_touch === 'both';
      const talked = edge.talked === 'both';
      const colour = keep ? EDGE_KEEP : talked ? EDGE_TALKED : EDGE_SEATED;
      const width = ((keep ? 2 : talked ? 1.2 : 0.6) + (edge.weight - 1) * 0.8) * thin;
      const key = `${keep ? 2 : talked ? 1 : 0} ${width} ${colour}`;
      if (!groups.has(key)) groups.set(key, { colour, width, z: keep ? 2 : talked ? 1 : 0, list: [] });
      groups.get(key).list.push(a, b);
    }
    const edgeGroups = [...groups.values()].sort((p, q) => p.z - q.z || p.width - q.width)
      .map(({ colour, width, list }) => ({ colour, width, pairs: Int32Array.from(list) }));
    return { x: this.x, y: this.y, nodes: drawn, byIndex, labelOrder, edgeGroups,
      labelThreshold: nodes.length > LARGE ? 9 : 6 };
  }

  nodeLook(node, index, anonymous) {
    const look = { index, size: this.sizes[index], colour: this.model.colour(node), label: personName(node, anonymous),
      strong: false, ring: false, dimmed: false, z: 1 };
    const inFilter = nodeShown(this.model, node, this.filters);
    const inFocus = this.selected === null || this.neighbours.has(node.id);
    if (!inFilter || !inFocus) return { ...look, colour: DIMMED, label: '', dimmed: true, z: 0 };
    if (node.id === this.selected) return { ...look, strong: true, ring: true, z: 3 };
    if (this.selected !== null) return { ...look, strong: this.neighbours.size <= 30, z: 2 };
    return look;
  }

  edgeVisible(edge) {
    if (!edgeShown(this.model, edge, this.filters)) return false;
    return this.selected === null || edge.a === this.selected || edge.b === this.selected;
  }

  redraw() {
    if (this.canvas) this.canvas.setScene(this.scene());
  }

  // Erased people's label ("Anonyme") in the language now chosen.
  relabel() {
    this.redraw();
  }

  setFilters(filters) {
    this.filters = { ...filters };
    this.redraw();
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
    this.redraw();
  }

  zoom(how) {
    if (this.canvas) this.canvas.zoom(how);
  }
}
