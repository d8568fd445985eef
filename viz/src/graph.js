// The graph view: a Cytoscape.js instance that holds the elements on screen.
// Owns layout, the large-graph rendering mode, filtering on the client,
// the path view, label decluttering, fitting and the expansion of a node's
// neighbours.

import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { cyStyle } from './style.js';
import { declutterLabels } from './labels.js';
import { pathPositions } from './path-layout.js';

cytoscape.use(fcose);

// Above this many elements the view switches to the WebGL renderer (when the
// browser has WebGL) and drops edges and labels while panning.
const LARGE = 1500;
// Above this many nodes the force layout is replaced by a radial tree (O(n)).
const FORCE_MAX = 150;
const FAST_FIT = false; // Cytoscape renders much faster once it has measured every bounding box, which its own fit does

let webglOk = null;
function webglSupported() {
  if (webglOk === null) {
    try {
      const c = document.createElement('canvas');
      webglOk = !!c.getContext('webgl2');
    } catch {
      webglOk = false;
    }
  }
  return webglOk;
}

// Layouts draw random numbers; seeding them makes a view's picture the same
// each time its URL is opened (same data, same order, same positions).
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function runSeeded(cy, opts) {
  const random = Math.random;
  Math.random = seeded(cy.nodes().length * 7919 + cy.edges().length);
  try {
    cy.layout(opts).run();
  } finally {
    Math.random = random;
  }
}

export const nid = (id) => `n${id}`;
export const eid = (id) => `e${id}`;

function nodeSize(deg) {
  return Math.round(18 + 7 * Math.log2(1 + (deg || 0)));
}

function nodeData(n) {
  const deg = n.degree_total ?? (n.degree && n.degree.total) ?? 0;
  return {
    id: nid(n.id),
    nid: String(n.id),
    type: n.type,
    name: n.name,
    label: n.name,
    aliases: n.aliases || [],
    first_seen: n.first_seen || '',
    last_seen: n.last_seen || '',
    degree: deg,
    size: nodeSize(deg),
  };
}

function edgeData(e) {
  return {
    id: eid(e.id),
    eid: String(e.id),
    source: nid(e.source),
    target: nid(e.target),
    type: e.type,
    title: e.title || '',
    label: e.title ? `${e.type}: ${e.title}` : e.type,
    confidence: typeof e.confidence === 'number' ? e.confidence : 0.5,
    evidence_count: e.evidence_count || 0,
    first_seen: e.first_seen || '',
    last_seen: e.last_seen || '',
  };
}

export class GraphView {
  constructor(container, handlers) {
    this.container = container;
    this.handlers = handlers; // {onSelectNode, onSelectEdge, onClear, onExpand}
    this.filter = null;
    this.center = '';
    this.large = false;
    // While paths are shown: {behind: ids of the elements of the view they
    // replace, added: ids of the elements added for them, positions: where
    // the view had the path nodes it already held}.
    this.pathView = null;
    // Whether the viewport is the one fit() chose: then a resize refits; once
    // the user pans or zooms, their viewport is kept.
    this.fitted = false;
    this.fitting = false;
    this.cy = this.create(false);
  }

  create(large) {
    const useWebgl = large && webglSupported() && new URLSearchParams(location.search).has("webgl");
    const cy = cytoscape({
      container: this.container,
      style: cyStyle(),
      wheelSensitivity: 0.3,
      minZoom: 0.02,
      maxZoom: 5,
      textureOnViewport: large,
      hideEdgesOnViewport: large,
      hideLabelsOnViewport: large,
      motionBlur: false,
      pixelRatio: large ? 1 : 'auto',
      webgl: useWebgl,
      webglBgColor: [255, 255, 255],
    });
    if (large) {
      // Straight edges and no edge labels at this size: much cheaper to draw,
      // and labels of thousands of edges cannot be read anyway.
      cy.style()
        .selector('edge')
        .style({ 'curve-style': 'straight', label: '' })
        .selector('node')
        .style({ 'text-wrap': 'none' })
        .update();
    }
    this.large = large;
    this.webgl = useWebgl;
    // A single tap opens the panel once it is clear it is not a double tap:
    // the panel must not cover a node between the two clicks of a double-click.
    cy.on('onetap', 'node', (ev) => this.handlers.onSelectNode(ev.target.data('nid')));
    cy.on('tap', 'edge', (ev) => this.handlers.onSelectEdge(ev.target.data('eid')));
    cy.on('tap', (ev) => {
      if (ev.target === cy) this.handlers.onClear();
    });
    cy.multiClickDebounceTime(300);
    cy.on('dbltap', 'node', (ev) => this.handlers.onExpand(ev.target.data('nid')));
    cy.on('viewport', () => {
      if (!this.fitting) this.fitted = false;
    });
    cy.on('dragfree', 'node', () => this.declutter());
    return cy;
  }

  // Recreates the Cytoscape instance when the rendering mode must change.
  ensureMode(count) {
    const large = count > LARGE;
    if (large === this.large) return;
    const els = this.cy.elements().jsons();
    this.cy.destroy();
    this.cy = this.create(large);
    this.cy.add(els);
  }

  clear() {
    this.cy.elements().remove();
    this.center = '';
    this.pathView = null;
  }

  // Replaces the view with a subgraph {nodes, edges}; keeps the positions of
  // the nodes that were already there and lays out only if something is new.
  // Paths shown are cleared first (the caller shows them again).
  setGraph({ nodes, edges }, center) {
    this.clearPaths();
    const old = new Map();
    this.cy.nodes().forEach((n) => old.set(n.id(), { ...n.position() }));
    this.ensureMode(nodes.length + edges.length);
    const cy = this.cy;
    this.center = center;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(nodes.map((n) => ({ group: 'nodes', data: nodeData(n) })));
      const have = new Set(nodes.map((n) => nid(n.id)));
      cy.add(
        edges
          .filter((e) => have.has(nid(e.source)) && have.has(nid(e.target)))
          .map((e) => ({ group: 'edges', data: edgeData(e) })),
      );
      cy.nodes('.center').removeClass('center');
      if (center) cy.getElementById(nid(center)).addClass('center');
    });
    this.markMore();
    const fresh = cy.nodes().filter((n) => !old.has(n.id()));
    if (fresh.length === 0 && cy.nodes().length > 0) {
      cy.nodes().forEach((n) => n.position(old.get(n.id())));
    } else if (fresh.length < cy.nodes().length && old.size > 0) {
      cy.nodes().forEach((n) => {
        if (old.has(n.id())) n.position(old.get(n.id()));
      });
      this.placeAround(fresh);
    } else {
      this.layout();
    }
    this.applyFilter(this.filter);
  }

  layout() {
    const cy = this.cy;
    const n = cy.nodes().length;
    if (n === 0) return;
    let opts;
    if (n <= FORCE_MAX) {
      opts = {
        name: 'fcose',
        quality: 'default', // 'draft' (spectral only) collapses star-shaped ego networks
        randomize: true,
        animate: false,
        nodeDimensionsIncludeLabels: n < 200,
        idealEdgeLength: () => 90,
        nodeRepulsion: () => 9000,
        numIter: n > 300 ? 800 : 2500,
        packComponents: true,
      };
    } else {
      this.radialLayout();
      this.fit();
      return;
    }
    runSeeded(cy, opts);
    this.fit();
  }

  // A radial tree from the center, in O(n): each node gets a wedge of its
  // parent's angle, proportional to its subtree size; rings by hop distance.
  // Used for thousands of nodes, where a force layout takes too long.
  radialLayout() {
    const cy = this.cy;
    const root = (this.center && cy.getElementById(nid(this.center))).length ? cy.getElementById(nid(this.center)) : cy.nodes().max((n) => n.degree()).ele;
    const children = new Map();
    const depth = new Map([[root.id(), 0]]);
    const order = [root.id()];
    for (let i = 0; i < order.length; i++) {
      const id = order[i];
      const kids = [];
      cy.getElementById(id)
        .neighborhood('node')
        .forEach((m) => {
          if (!depth.has(m.id())) {
            depth.set(m.id(), depth.get(id) + 1);
            order.push(m.id());
            kids.push(m.id());
          }
        });
      children.set(id, kids);
    }
    // Nodes not connected to the root: their own rings further out.
    const rest = cy.nodes().filter((n) => !depth.has(n.id()));
    const size = new Map();
    for (let i = order.length - 1; i >= 0; i--) {
      const id = order[i];
      size.set(id, 1 + children.get(id).reduce((a, k) => a + size.get(k), 0));
    }
    const pos = new Map([[root.id(), { x: 0, y: 0 }]]);
    const maxDepth = Math.max(...depth.values());
    // Ring radii: far enough apart, and large enough for the ring's nodes;
    // a crowded ring staggers its nodes over up to 3 sub-rings.
    const SPACING = 46;
    const SUB = 42;
    const count = new Array(maxDepth + 1).fill(0);
    for (const d of depth.values()) count[d]++;
    const radius = [0];
    const stagger = [1];
    for (let d = 1; d <= maxDepth; d++) {
      const base = radius[d - 1] + (d === 1 ? 140 : 110) + (stagger[d - 1] - 1) * SUB;
      const needed = (count[d] * SPACING) / (2 * Math.PI);
      const st = Math.min(3, Math.max(1, Math.ceil(needed / Math.max(base, 1))));
      stagger.push(st);
      radius.push(Math.max(base, needed / st));
    }
    const seen = new Array(maxDepth + 1).fill(0);
    const place = (id, a0, a1) => {
      const kids = children.get(id);
      const total = kids.reduce((a, k) => a + size.get(k), 0);
      let a = a0;
      for (const k of kids) {
        const span = ((a1 - a0) * size.get(k)) / total;
        const mid = a + span / 2;
        const d = depth.get(k);
        const r = radius[d] + (seen[d]++ % stagger[d]) * SUB;
        pos.set(k, { x: r * Math.cos(mid), y: r * Math.sin(mid) });
        place(k, a, a + span);
        a += span;
      }
    };
    place(root.id(), 0, 2 * Math.PI);
    const ringGap = 120;
    const outer = radius[maxDepth] + stagger[maxDepth] * SUB + ringGap;
    rest.forEach((n, i) => {
      const ang = (2 * Math.PI * i) / rest.length;
      pos.set(n.id(), { x: outer * Math.cos(ang), y: outer * Math.sin(ang) });
    });
    cy.batch(() => cy.nodes().positions((n) => pos.get(n.id())));
  }

  // BFS hop distance of every node from the center (or from the first node).
  levels() {
    const cy = this.cy;
    const level = new Map();
    const root = (this.center && cy.getElementById(nid(this.center))).length ? cy.getElementById(nid(this.center)) : cy.nodes()[0];
    if (!root) return level;
    cy.elements().bfs({
      roots: root,
      visit: (v, e, u, i, depth) => {
        level.set(v.id(), depth);
      },
      directed: false,
    });
    return level;
  }

  // Puts new nodes on rings around their already-placed neighbours.
  placeAround(fresh) {
    const groups = new Map();
    fresh.forEach((n) => {
      const anchor = n.neighborhood('node').filter((m) => !fresh.contains(m))[0];
      const key = anchor ? anchor.id() : '';
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(n);
    });
    const bb = this.cy.nodes().difference(fresh).boundingBox();
    for (const [key, list] of groups) {
      const a = key ? this.cy.getElementById(key).position() : { x: bb.x2 + 100, y: (bb.y1 + bb.y2) / 2 };
      // Push the ring away from the graph's middle so it does not cover it.
      const mid = { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
      const dx = a.x - mid.x;
      const dy = a.y - mid.y;
      const len = Math.hypot(dx, dy) || 1;
      const base = Math.max(80, Math.sqrt(list.length) * 30);
      let ringIndex = 0;
      let placed = 0;
      while (placed < list.length) {
        const r = base + ringIndex * 55;
        const cap = Math.max(8, Math.floor((2 * Math.PI * r) / 38));
        const count = Math.min(cap, list.length - placed);
        for (let i = 0; i < count; i++) {
          const ang = (2 * Math.PI * i) / count;
          list[placed + i].position({ x: a.x + (dx / len) * base * 0.6 + r * Math.cos(ang), y: a.y + (dy / len) * base * 0.6 + r * Math.sin(ang) });
        }
        placed += count;
        ringIndex++;
      }
    }
  }

  // Adds a page of neighbours of node `id` ({edge, direction, neighbor} items).
  addNeighbors(id, items) {
    const cy = this.cy;
    const before = cy.nodes().length;
    this.ensureMode(before + items.length * 2 + cy.edges().length);
    const added = [];
    cy.batch(() => {
      for (const it of items) {
        const n = it.neighbor;
        if (!cy.getElementById(nid(n.id)).length) added.push(cy.add({ group: 'nodes', data: nodeData(n) }));
      }
      for (const it of items) {
        const e = it.edge;
        if (cy.getElementById(eid(e.id)).length) continue;
        if (!cy.getElementById(nid(e.source)).length || !cy.getElementById(nid(e.target)).length) continue;
        cy.add({ group: 'edges', data: edgeData(e) });
      }
    });
    const fresh = cy.collection(added);
    this.markMore(fresh.union(cy.getElementById(nid(id))).union(fresh.neighborhood('node')));
    if (before === 0) this.layout();
    else if (fresh.length) {
      this.placeAround(fresh);
      this.relax();
    }
    this.applyFilter(this.filter);
    return fresh.length;
  }

  // After an expansion of a small graph: a short force layout from the current
  // positions removes overlaps while keeping the picture the user had.
  relax() {
    const n = this.cy.nodes().length;
    if (n > 400) return;
    runSeeded(this.cy, { name: 'fcose', randomize: false, animate: false, quality: 'default', numIter: 600, idealEdgeLength: () => 90, nodeRepulsion: () => 9000, fit: false });
  }

  // Ensures the node itself is on screen (for expanding a node not yet in view).
  addNode(node) {
    if (this.cy.getElementById(nid(node.id)).length) return;
    const first = this.cy.nodes().length === 0;
    const el = this.cy.add({ group: 'nodes', data: nodeData(node) });
    if (first) el.position({ x: 0, y: 0 });
    else this.placeAround(el);
  }

  // Marks the nodes that have more neighbours than are drawn (class 'more').
  markMore(eles = this.cy.nodes()) {
    const add = [];
    const rm = [];
    eles.forEach((n) => {
      const more = (n.data('degree') || 0) > n.connectedEdges().length;
      if (more && !n.hasClass('more')) add.push(n);
      else if (!more && n.hasClass('more')) rm.push(n);
    });
    if (add.length || rm.length) {
      this.cy.batch(() => {
        this.cy.collection(add).addClass('more');
        this.cy.collection(rm).removeClass('more');
      });
    }
  }

  setHub(id, isHub) {
    const n = this.cy.getElementById(nid(id));
    if (isHub) n.addClass('hub');
    else n.removeClass('hub');
  }

  // Client-side filter: a guard on top of the server's filtering, so the view
  // always agrees with the filter panel. Nodes left without a visible edge are
  // hidden too (except the center and path nodes). While paths are shown, the
  // view behind them is hidden. Labels are decluttered for what stays drawn.
  applyFilter(f) {
    this.filter = f;
    const cy = this.cy;
    // Decide first, then touch only the elements whose class changes: a class
    // change restyles the element, which is what costs at 5,000 nodes.
    const hidden = new Set(this.pathView ? this.pathView.behind : []);
    if (f) {
      const nt = f.nt.length ? new Set(f.nt) : null;
      const et = f.et.length ? new Set(f.et) : null;
      const edgeFiltered = !!(et || f.minc > 0 || f.since || f.until);
      if (edgeFiltered) {
        cy.edges().forEach((e) => {
          const d = e.data();
          let hide = (et && !et.has(d.type)) || (f.minc > 0 && d.confidence < f.minc);
          if (!hide && f.since && d.last_seen && d.last_seen < f.since) hide = true;
          if (!hide && f.until && d.first_seen && d.first_seen.slice(0, f.until.length) > f.until) hide = true;
          if (hide) hidden.add(e.id());
        });
      }
      if (nt || edgeFiltered) {
        cy.nodes().forEach((n) => {
          const keep = n.hasClass('center') || n.hasClass('path');
          if (keep || hidden.has(n.id())) return;
          if (nt && !nt.has(n.data('type'))) {
            hidden.add(n.id());
            return;
          }
          if (edgeFiltered) {
            const es = n.connectedEdges();
            if (es.length > 0 && es.every((e) => hidden.has(e.id()))) hidden.add(n.id());
          }
        });
        cy.edges().forEach((e) => {
          if (hidden.has(e.source().id()) || hidden.has(e.target().id())) hidden.add(e.id());
        });
      }
    }
    const toHide = cy.elements().filter((el) => hidden.has(el.id()) && !el.hasClass('filtered'));
    const toShow = cy.elements('.filtered').filter((el) => !hidden.has(el.id()));
    if (toHide.length || toShow.length) {
      cy.batch(() => {
        toHide.addClass('filtered');
        toShow.removeClass('filtered');
      });
    }
    this.declutter();
  }

  // Hides the labels that would overlap more important ones (labels.js). Not
  // above LARGE elements: restyling the thousands of labels it hides there
  // costs seconds; large graphs draw labels only once zoomed in
  // (min-zoomed-font-size) and drop them while panning instead.
  declutter() {
    if (!this.large) declutterLabels(this.cy);
    else this.cy.elements('.label-hidden').removeClass('label-hidden');
  }

  // What is drawn, and how many nodes the filter hides (not counting the
  // view hidden behind paths).
  visibleCount() {
    const cy = this.cy;
    const behind = this.pathView ? this.pathView.behind.filter((id) => cy.getElementById(id).isNode()).length : 0;
    const nodes = cy.nodes().not('.filtered').length;
    return { nodes, edges: cy.edges().not('.filtered').length, filteredOut: cy.nodes().length - nodes - behind };
  }

  // Shows only the given paths ([{nodes, edges}], from one node to another):
  // the view on screen is hidden behind them, their missing nodes and edges
  // are added, they are highlighted (class 'path') and laid out left to
  // right (path-layout.js). The caller fits. clearPaths() undoes all of it.
  showPaths(paths) {
    this.clearPaths();
    const cy = this.cy;
    const behind = cy.elements().map((e) => e.id());
    const added = [];
    const positions = new Map();
    cy.batch(() => {
      for (const p of paths) {
        for (const n of p.nodes) {
          if (!cy.getElementById(nid(n.id)).length) added.push(cy.add({ group: 'nodes', data: nodeData(n) }).id());
        }
        for (const e of p.edges) {
          if (cy.getElementById(eid(e.id)).length) continue;
          if (!cy.getElementById(nid(e.source)).length || !cy.getElementById(nid(e.target)).length) continue;
          added.push(cy.add({ group: 'edges', data: edgeData(e) }).id());
        }
      }
      const onPath = cy.collection();
      const at = pathPositions(paths);
      for (const p of paths) {
        for (const n of p.nodes) onPath.merge(cy.getElementById(nid(n.id)));
        for (const e of p.edges) onPath.merge(cy.getElementById(eid(e.id)));
      }
      onPath.nodes().forEach((n) => {
        if (!added.includes(n.id())) positions.set(n.id(), { ...n.position() });
        n.position(at.get(n.data('nid')));
      });
      onPath.addClass('path');
      const on = new Set(onPath.map((e) => e.id()));
      this.pathView = { behind: behind.filter((id) => !on.has(id)), added, positions };
    });
    this.markMore();
    this.applyFilter(this.filter);
  }

  // Leaves the path view: removes what showPaths() added, puts the view's
  // nodes back where they were and shows the view again. The caller fits.
  clearPaths() {
    if (!this.pathView) return;
    const cy = this.cy;
    const { added, positions } = this.pathView;
    this.pathView = null;
    cy.batch(() => {
      for (const id of added) cy.getElementById(id).remove();
      cy.elements('.path').removeClass('path');
      for (const [id, p] of positions) cy.getElementById(id).position(p);
    });
    this.markMore();
    this.applyFilter(this.filter);
  }

  select(kind, id) {
    const cy = this.cy;
    cy.elements(':selected').unselect();
    if (!id) return;
    const el = cy.getElementById(kind === 'n' ? nid(id) : eid(id));
    if (el.length) el.select();
  }

  focus(id) {
    const el = this.cy.getElementById(nid(id));
    if (el.length) this.cy.animate({ center: { eles: el }, zoom: Math.max(this.cy.zoom(), 1) }, { duration: 300 });
  }

  // Fits the visible elements to the canvas (or, while the graph is hidden,
  // as soon as it is shown again).
  fit() {
    const cy = this.cy;
    if (!this.container.offsetWidth) {
      // Hidden (another tab is shown): fit when the graph is shown again.
      this.needsFit = true;
      return;
    }
    this.needsFit = false;
    this.fitted = true;
    const els = cy.elements().not(".filtered");
    if (!els.length) return;
    this.fitting = true;
    try {
      this.fitTo(els);
    } finally {
      this.fitting = false;
    }
  }

  // For large graphs the box can come from the node positions alone
  // (FAST_FIT): Cytoscape's own fit measures every label (seconds at 5,000).
  fitTo(els) {
    const cy = this.cy;
    if (els.nodes().length <= LARGE || !FAST_FIT) {
      cy.fit(els, 30);
      this.avoidOcclusion(els);
      return;
    }
    let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    els.nodes().forEach((n) => {
      const p = n.position();
      if (p.x < x1) x1 = p.x;
      if (p.y < y1) y1 = p.y;
      if (p.x > x2) x2 = p.x;
      if (p.y > y2) y2 = p.y;
    });
    const w = cy.width();
    const h = cy.height();
    const pad = 40;
    const zoom = Math.min((w - 2 * pad) / Math.max(x2 - x1, 1), (h - 2 * pad) / Math.max(y2 - y1, 1), 2);
    cy.viewport({ zoom, pan: { x: w / 2 - (zoom * (x1 + x2)) / 2, y: h / 2 - (zoom * (y1 + y2)) / 2 } });
  }

  // Fits into the part of the canvas not covered by the floating panel (its
  // right side on laptops, its bottom on phones): occluded() gives {right, bottom} px.
  avoidOcclusion(els) {
    const occ = this.occluded ? this.occluded() : null;
    if (!occ || (!occ.right && !occ.bottom)) return;
    const cy = this.cy;
    const w = cy.width() - occ.right;
    const h = cy.height() - occ.bottom;
    if (w < 120 || h < 120) return;
    const bb = els.boundingBox();
    const pad = 24;
    const zoom = Math.min(cy.zoom(), (w - 2 * pad) / Math.max(bb.w, 1), (h - 2 * pad) / Math.max(bb.h, 1));
    cy.viewport({ zoom, pan: { x: w / 2 - zoom * (bb.x1 + bb.w / 2), y: h / 2 - zoom * (bb.y1 + bb.h / 2) } });
  }

  // After the canvas changed size: refits, unless the user has panned or
  // zoomed since the last fit.
  resize() {
    this.cy.resize();
    if (this.fitted) this.fit();
  }
}
