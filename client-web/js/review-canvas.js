// A graph drawn on 2D canvases: the review page's renderer (README.md's draw benchmark says why not
// WebGL: without a GPU, chromium draws WebGL on the CPU, ten times slower than a 2D canvas). It knows
// positions, colours and sizes, not people: review-graph.js gives it a scene to draw. Pan and zoom
// (drag, wheel, pinch, buttons) move the drawn picture with a CSS transform, which costs no drawing,
// and the graph is drawn again once the gesture pauses, so a drag stays smooth with 60,000 edges.
// Three layers: the edges (drawn again a slice per frame when there are many, so that no frame waits
// for all of them), the people and their names, and the hovered person.

const PADDING = 24;
const ZOOM_STEP = 1.7;
const MIN_ZOOM = 0.3;
const MAX_ZOOM = 40;
const SETTLE_MS = 120; // a pause this long after the last pan or wheel event ends the gesture
const EDGES_PER_FRAME = 6000;
const CLICK_TOLERANCE = 4; // pixels a pointer may move and still click
const LABEL_CELL = { width: 160, height: 36 }; // at most one label per cell, biggest people first
const LABEL_FONT = '12px system-ui, sans-serif';
const INK = '#1a1f29';
const HALO = 'rgba(255, 255, 255, 0.9)';

// scene: {x, y (graph coordinates by node index), nodes: [{index, size, colour, label, strong, ring}]
// in drawing order, edgeGroups: [{colour, width, pairs: Int32Array of node indices a0,b0,a1,b1,…}]
// in drawing order, labelThreshold (a radius in pixels from which a label is drawn)}.
export class GraphCanvas {
  // onClick(index) when a node is clicked; nodeAt is used for the pointer cursor too.
  constructor(container, { onClick }) {
    this.container = container;
    this.onClick = onClick;
    container.style.position = 'relative';
    container.style.overflow = 'hidden';
    container.style.touchAction = 'none';
    this.edgeLayer = layer(container);
    this.canvas = layer(container); // people and names: the one the pointer is over
    this.overlay = layer(container);
    this.edgeContext = this.edgeLayer.getContext('2d', { alpha: false });
    this.context = this.canvas.getContext('2d');
    this.overlayContext = this.overlay.getContext('2d');
    if (!this.edgeContext || !this.context || !this.overlayContext) throw new Error('no 2D canvas');
    this.edgeSlices = null;
    this.scene = null;
    this.camera = { scale: 1, x: 0, y: 0 }; // screen = graph × scale + (x, y), in CSS pixels
    this.fitted = null;
    this.drawn = { ...this.camera }; // the camera the canvas was last drawn with
    this.hovered = -1;
    this.settle = null;
    this.frame = null;
    this.resize();
    this.listen();
  }

  // A new scene; `refit` frames the whole graph again (new positions), otherwise the view stays.
  setScene(scene, { refit = false } = {}) {
    this.scene = scene;
    if (refit || !this.fitted) {
      this.fit();
      this.camera = { ...this.fitted };
    }
    this.draw({ progressive: !refit });
  }

  // The positions changed (the layout went on): framed again unless the view was moved meanwhile.
  refit() {
    const untouched = ['scale', 'x', 'y'].every((key) => this.camera[key] === this.fitted[key]);
    this.fit();
    if (untouched) this.camera = { ...this.fitted };
    if (!this.dragging && !this.settle) this.redrawSoon(); // otherwise drawn when the gesture pauses
  }

  fit() {
    const { x, y } = this.scene;
    let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let i = 0; i < x.length; i += 1) {
      minX = Math.min(minX, x[i]); maxX = Math.max(maxX, x[i]);
      minY = Math.min(minY, y[i]); maxY = Math.max(maxY, y[i]);
    }
    if (!(maxX >= minX)) [minX, maxX, minY, maxY] = [0, 1, 0, 1];
    const scale = Math.min((this.width - 2 * PADDING) / (maxX - minX || 1), (this.height - 2 * PADDING) / (maxY - minY || 1));
    this.fitted = { scale, x: this.width / 2 - ((minX + maxX) / 2) * scale, y: this.height / 2 - ((minY + maxY) / 2) * scale };
  }

  resize() {
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    const width = this.container.clientWidth || 1;
    const height = this.container.clientHeight || 1;
    if (width === this.width && height === this.height && ratio === this.ratio) return false;
    if (this.fitted && this.width) {
      // Keep the same graph point in the middle.
      this.camera.x += (width - this.width) / 2;
      this.camera.y += (height - this.height) / 2;
    }
    Object.assign(this, { width, height, ratio });
    for (const canvas of [this.edgeLayer, this.canvas, this.overlay]) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    if (this.scene) this.fit();
    return true;
  }

  // Draws the whole scene with the current camera; `progressive` draws many edges a slice per frame.
  draw({ progressive = false } = {}) {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.stopEdges();
    this.drawn = { ...this.camera };
    for (const canvas of [this.edgeLayer, this.canvas]) canvas.style.transform = '';
    const edges = this.edgeContext;
    edges.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    edges.fillStyle = '#ffffff';
    edges.fillRect(0, 0, this.width, this.height);
    const ctx = this.context;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    const { scene } = this;
    if (!scene) return;
    const { scale, x: dx, y: dy } = this.camera;
    const { x, y } = scene;
    const [w, h] = [this.width, this.height];
    const zoom = Math.sqrt(scale / this.fitted.scale);
    const total = scene.edgeGroups.reduce((sum, group) => sum + group.pairs.length / 2, 0);
    const slices = { group: 0, at: 0 };
    const drawEdges = (budget) => {
      edges.lineCap = 'butt';
      while (budget > 0 && slices.group < scene.edgeGroups.length) {
        const group = scene.edgeGroups[slices.group];
        const { pairs } = group;
        const end = Math.min(pairs.length, slices.at + budget * 2);
        edges.strokeStyle = group.colour;
        edges.lineWidth = Math.min(group.width * zoom, group.width * 3);
        edges.beginPath();
        for (let k = slices.at; k < end; k += 2) {
          const x1 = x[pairs[k]] * scale + dx;
          const y1 = y[pairs[k]] * scale + dy;
          const x2 = x[pairs[k + 1]] * scale + dx;
          const y2 = y[pairs[k + 1]] * scale + dy;
          // Both ends off the same side of the view: the line cannot cross it.
          if ((x1 < 0 && x2 < 0) || (y1 < 0 && y2 < 0) || (x1 > w && x2 > w) || (y1 > h && y2 > h)) continue;
          edges.moveTo(x1, y1);
          edges.lineTo(x2, y2);
        }
        edges.stroke();
        budget -= (end - slices.at) / 2;
        slices.at = end;
        if (end === pairs.length) Object.assign(slices, { group: slices.group + 1, at: 0 });
      }
      return slices.group < scene.edgeGroups.length;
    };
    if (progressive && total > EDGES_PER_FRAME) {
      const next = () => {
        this.edgeSlices = drawEdges(EDGES_PER_FRAME) ? requestAnimationFrame(next) : null;
      };
      next();
    } else {
      drawEdges(Infinity);
    }
    // Nodes by colour runs, so that a fill covers many circles.
    let run = null;
    const radius = (node) => Math.max(1, node.size * zoom);
    for (const node of scene.nodes) {
      const px = x[node.index] * scale + dx;
      const py = y[node.index] * scale + dy;
      const r = radius(node);
      if (px < -r || py < -r || px > w + r || py > h + r) continue;
      if (node.colour !== run) {
        if (run !== null) ctx.fill();
        run = node.colour;
        ctx.fillStyle = run;
        ctx.beginPath();
      }
      ctx.moveTo(px + r, py);
      ctx.arc(px, py, r, 0, 2 * Math.PI);
    }
    if (run !== null) ctx.fill();
    ctx.strokeStyle = INK;
    ctx.lineWidth = 2;
    for (const node of scene.nodes) {
      if (!node.ring) continue;
      ctx.beginPath();
      ctx.arc(x[node.index] * scale + dx, y[node.index] * scale + dy, radius(node) + 3, 0, 2 * Math.PI);
      ctx.stroke();
    }
    this.drawLabels(radius);
    this.drawHover();
  }

  stopEdges() {
    if (this.edgeSlices) cancelAnimationFrame(this.edgeSlices);
    this.edgeSlices = null;
  }

  drawLabels(radius) {
    const ctx = this.context;
    const { scene } = this;
    const { scale, x: dx, y: dy } = this.camera;
    const taken = new Set();
    ctx.font = LABEL_FONT;
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3;
    ctx.strokeStyle = HALO;
    ctx.fillStyle = INK;
    for (const node of scene.labelOrder) {
      const r = radius(node);
      if (!node.label || (!node.strong && r < scene.labelThreshold)) continue;
      const px = scene.x[node.index] * scale + dx + r + 3;
      const py = scene.y[node.index] * scale + dy;
      if (px > this.width || py < 0 || py > this.height || px < -LABEL_CELL.width) continue;
      const cell = `${Math.floor(px / LABEL_CELL.width)},${Math.floor(py / LABEL_CELL.height)}`;
      if (taken.has(cell) && !node.strong) continue;
      taken.add(cell);
      ctx.strokeText(node.label, px, py);
      ctx.fillText(node.label, px, py);
    }
  }

  drawHover() {
    const ctx = this.overlayContext;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    const node = this.hovered >= 0 && this.scene ? this.scene.byIndex[this.hovered] : null;
    if (!node) return;
    const { scale, x: dx, y: dy } = this.camera;
    const px = this.scene.x[node.index] * scale + dx;
    const py = this.scene.y[node.index] * scale + dy;
    const r = Math.max(1, node.size * Math.sqrt(scale / this.fitted.scale));
    ctx.strokeStyle = INK;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(px, py, r + 3, 0, 2 * Math.PI);
    ctx.stroke();
    if (!node.label) return;
    ctx.font = LABEL_FONT;
    ctx.textBaseline = 'middle';
    const width = ctx.measureText(node.label).width;
    ctx.fillStyle = HALO;
    ctx.fillRect(px + r + 4, py - 10, width + 8, 20);
    ctx.fillStyle = INK;
    ctx.fillText(node.label, px + r + 8, py);
  }

  // The node under a point of the canvas (CSS pixels), or -1: the nearest within its radius + 3 px.
  nodeAt(sx, sy) {
    if (!this.scene) return -1;
    const { scale, x: dx, y: dy } = this.camera;
    const zoom = Math.sqrt(scale / this.fitted.scale);
    let best = -1;
    let bestDistance = Infinity;
    for (const node of this.scene.nodes) {
      const ex = this.scene.x[node.index] * scale + dx - sx;
      const ey = this.scene.y[node.index] * scale + dy - sy;
      const d = ex * ex + ey * ey;
      const reach = Math.max(1, node.size * zoom) + 3;
      if (d <= reach * reach && d < bestDistance) [best, bestDistance] = [node.index, d];
    }
    return best;
  }

  // The picture as drawn, moved to where the camera now is, until the gesture pauses.
  preview() {
    const k = this.camera.scale / this.drawn.scale;
    const tx = this.camera.x - this.drawn.x * k;
    const ty = this.camera.y - this.drawn.y * k;
    this.stopEdges(); // what is drawn of them moves with the rest; all are drawn again after
    for (const canvas of [this.edgeLayer, this.canvas]) {
      canvas.style.transformOrigin = '0 0';
      canvas.style.transform = `matrix(${k}, 0, 0, ${k}, ${tx}, ${ty})`;
    }
    this.overlayContext.clearRect(0, 0, this.width, this.height);
    clearTimeout(this.settle);
    this.settle = setTimeout(() => {
      this.settle = null;
      if (!this.dragging) this.redrawSoon();
    }, SETTLE_MS);
  }

  redrawSoon() {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw({ progressive: true }));
  }

  // Zooms by `factor` around a point of the canvas (its middle by default).
  zoomBy(factor, at = { x: this.width / 2, y: this.height / 2 }) {
    const base = this.fitted.scale;
    const scale = Math.min(base * MAX_ZOOM, Math.max(base * MIN_ZOOM, this.camera.scale * factor));
    const k = scale / this.camera.scale;
    this.camera = { scale, x: at.x - (at.x - this.camera.x) * k, y: at.y - (at.y - this.camera.y) * k };
  }

  zoom(how) {
    if (!this.fitted) return;
    if (how === 'in') this.zoomBy(ZOOM_STEP);
    else if (how === 'out') this.zoomBy(1 / ZOOM_STEP);
    else this.camera = { ...this.fitted };
    this.draw({ progressive: true });
  }

  // One pointer drags (or clicks when it barely moved); two pinch to zoom, on a touch screen.
  listen() {
    const canvas = this.container;
    const pointers = new Map();
    let down = null;
    let pinch = null;
    // Measured from the container: the canvas itself may be moved by a preview transform.
    const point = (event) => {
      const outer = this.container.getBoundingClientRect();
      return { x: event.clientX - outer.left - this.container.clientLeft, y: event.clientY - outer.top - this.container.clientTop };
    };
    const twoFingers = () => {
      const [a, b] = [...pointers.values()];
      return { distance: Math.hypot(a.x - b.x, a.y - b.y) || 1, x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    };
    canvas.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      const p = point(event);
      pointers.set(event.pointerId, p);
      canvas.setPointerCapture(event.pointerId);
      if (pointers.size === 1) down = { x: p.x, y: p.y, camera: { ...this.camera }, moved: false };
      if (pointers.size === 2) {
        pinch = { ...twoFingers(), camera: { ...this.camera } };
        if (down) down.moved = true;
      }
    });
    canvas.addEventListener('pointermove', (event) => {
      const p = point(event);
      if (pointers.has(event.pointerId)) pointers.set(event.pointerId, p);
      if (pinch && pointers.size >= 2) {
        const now = twoFingers();
        this.camera = { ...pinch.camera };
        this.zoomBy(now.distance / pinch.distance, pinch);
        this.camera.x += now.x - pinch.x;
        this.camera.y += now.y - pinch.y;
        this.dragging = true;
        this.preview();
        return;
      }
      if (down) {
        if (!down.moved && Math.hypot(p.x - down.x, p.y - down.y) < CLICK_TOLERANCE) return;
        down.moved = true;
        this.dragging = true;
        this.camera = { ...down.camera, x: down.camera.x + p.x - down.x, y: down.camera.y + p.y - down.y };
        this.preview();
        return;
      }
      if (this.settle) return;
      const hovered = this.nodeAt(p.x, p.y);
      if (hovered !== this.hovered) {
        this.hovered = hovered;
        canvas.style.cursor = hovered >= 0 ? 'pointer' : '';
        this.drawHover();
      }
    });
    const up = (event) => {
      pointers.delete(event.pointerId);
      if (pointers.size < 2) pinch = null;
      if (!down || pointers.size > 0) {
        // A finger still down after a pinch: the drag goes on from where it is.
        if (down && pointers.size === 1) Object.assign(down, { ...[...pointers.values()][0], camera: { ...this.camera } });
        return;
      }
      const p = point(event);
      const clicked = !down.moved;
      down = null;
      this.dragging = false;
      if (clicked) {
        const index = this.nodeAt(p.x, p.y);
        if (index >= 0) this.onClick(index);
      } else if (!this.settle) this.redrawSoon();
    };
    canvas.addEventListener('pointerup', up);
    canvas.addEventListener('pointercancel', up);
    canvas.addEventListener('wheel', (event) => {
      if (!this.fitted || !event.deltaY) return;
      event.preventDefault();
      this.zoomBy(event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, point(event));
      this.preview();
    }, { passive: false });
    canvas.addEventListener('pointerleave', () => {
      if (this.hovered < 0) return;
      this.hovered = -1;
      this.drawHover();
    });
    new ResizeObserver(() => {
      if (this.resize() && this.scene) this.draw({ progressive: true });
    }).observe(this.container);
  }
}

function layer(container) {
  const canvas = document.createElement('canvas');
  canvas.style.position = 'absolute';
  canvas.style.left = '0';
  canvas.style.top = '0';
  canvas.setAttribute('aria-hidden', 'true');
  container.append(canvas);
  return canvas;
}
