// The dashboard: wires the store (URL state) to the graph view, the panel,
// search, filters, paths, timeline, ranking and export.

import './styles.css';
import { api } from './api.js';
import { createStore, parse, filterParams } from './state.js';
import { GraphView } from './graph.js';
import { Panel } from './panel.js';
import { Autocomplete } from './search.js';
import { Filters } from './filters.js';
import { PathFinder } from './paths.js';
import { Timeline } from './timeline.js';
import { Ranking } from './ranking.js';
import { Suggestions } from './suggestions.js';
import { QueryView } from './query.js';
import { FeedsView } from './feeds.js';
import { exportPng, exportGraphml } from './export.js';
import { NODE_STYLE, EDGE_STYLE, typeIcon } from './style.js';
import { $, esc, fmt } from './util.js';

const PAGE = 50; // neighbours per expansion page

const store = createStore(parse(location.search));
let busy = 0;
const setBusy = (d) => {
  busy += d;
  document.body.dataset.busy = String(busy);
  $('#spinner').hidden = busy === 0;
};
async function track(p) {
  setBusy(1);
  try {
    return await p;
  } finally {
    setBusy(-1);
  }
}

function toast(msg, kind = 'error') {
  const t = $('#toast');
  t.textContent = msg;
  t.className = `toast ${kind}`;
  t.hidden = false;
  clearTimeout(toast.t);
  toast.t = setTimeout(() => (t.hidden = true), 6000);
}

// ---- graph, panel -------------------------------------------------------

const graph = new GraphView($('#cy'), {
  onSelectNode: (id) => store.set({ sel: `n:${id}` }),
  onSelectEdge: (id) => store.set({ sel: `e:${id}` }),
  onClear: () => store.set({ sel: '' }),
  onExpand: (id) => expand(id),
});

// The floating panel covers part of the canvas; fits keep the graph out from under it.
graph.occluded = () => {
  const p = $('#panel');
  if (p.hidden) return null;
  const c = $('#cy').getBoundingClientRect();
  const r = p.getBoundingClientRect();
  const phone = r.left <= c.left + 1;
  return phone ? { right: 0, bottom: Math.max(0, c.bottom - r.top) } : { right: Math.max(0, c.right - r.left), bottom: 0 };
};

const panel = new Panel($('#panel'), {
  open: (id) => openActor(id),
  expand: (id) => expand(id),
  pathFrom: (id) => setPathEnd('from', id),
  pathTo: (id) => setPathEnd('to', id),
  close: () => store.set({ sel: '' }),
});

// pagers: node id -> {name, total, loaded, cursor}
const pagers = new Map();
let loadToken = 0;

function openActor(id) {
  pagers.clear();
  store.set({ view: 'graph', center: String(id), expanded: [], sel: `n:${id}` }, { push: true });
}

async function setPathEnd(which, id) {
  const node = await api.node(id).catch(() => null);
  if (!node) return;
  paths.setEndpoint(which, node);
  document.body.classList.add('sidebar-open');
  $('#paths-form input[name=' + (which === 'from' ? 'to' : 'from') + ']').focus();
}

async function reloadGraph() {
  const s = store.get();
  const token = ++loadToken;
  pagers.clear();
  renderPagers();
  if (!s.center && !(s.pfrom && s.pto) && !s.expanded.length) {
    graph.clear();
    graph.applyFilter(s);
    showWelcome(true);
    updateStatus();
    return;
  }
  showWelcome(false);
  graph.filter = s;
  try {
    if (s.center) {
      const sub = await api.subgraph({ center: s.center, depth: s.depth, max_nodes: s.max, ...filterParams(s) });
      if (token !== loadToken) return;
      graph.setGraph(sub, s.center);
      graph.truncated = !!sub.truncated;
      if (!sub.nodes.some((n) => String(n.id) === s.center)) {
        // The server's filter removed the center: still show it.
        graph.addNode(await api.node(s.center));
      }
    } else {
      graph.clear();
      graph.truncated = false;
    }
    for (const x of s.expanded) {
      for (let p = 0; p < x.pages; p++) {
        const more = await fetchPage(x.id, token);
        if (!more) break;
      }
    }
    if (token !== loadToken) return;
    await paths.run(s.pfrom, s.pto);
    applySelection();
    graph.fit();
  } catch (e) {
    if (token === loadToken) toast(`Could not load the network: ${e.message}`);
  } finally {
    if (token === loadToken) {
      renderPagers();
      updateStatus();
    }
  }
}

// Loads the next page of a node's neighbours; returns whether there is more.
async function fetchPage(id, token = loadToken, size = PAGE) {
  const s = store.get();
  const pg = pagers.get(id);
  if (pg && !pg.cursor) return false;
  const limit = pg ? pg.size : size;
  const r = await api.neighbors(id, { limit, cursor: pg ? pg.cursor : undefined, ...filterParams(s) });
  if (token !== loadToken) return false;
  if (!graph.cy.getElementById(`n${id}`).length) graph.addNode(await api.node(id));
  const name = graph.cy.getElementById(`n${id}`).data('name') || id;
  graph.addNeighbors(id, r.items || []);
  const loaded = (pg ? pg.loaded : 0) + (r.items || []).length;
  const next = { name, size: limit, total: r.total ?? loaded, loaded, cursor: r.next_cursor || '', pages: (pg ? pg.pages : 0) + 1 };
  pagers.set(id, next);
  graph.setHub(id, !!next.cursor);
  return !!next.cursor;
}

async function expand(id, size = PAGE) {
  id = String(id);
  if (store.get().view !== 'graph') store.set({ view: 'graph' });
  const pg = pagers.get(id);
  if (pg && !pg.cursor) {
    toast(`All ${fmt(pg.total)} neighbours of ${pg.name} are shown.`, 'info');
    return;
  }
  showWelcome(false);
  try {
    await track(fetchPage(id, loadToken, size));
  } catch (e) {
    toast(`Could not expand: ${e.message}`);
    return;
  }
  const s = store.get();
  const expanded = s.expanded.filter((x) => x.id !== id).concat([{ id, pages: pagers.get(id).pages }]);
  store.set({ expanded }, { silent: true });
  renderPagers();
  updateStatus();
}

function renderPagers() {
  const box = $('#pagers');
  const list = [...pagers].filter(([, p]) => p.cursor);
  box.innerHTML = list
    .map(
      ([id, p]) =>
        `<button class="pager" data-id="${esc(id)}" title="load the next neighbours of ${esc(p.name)}">${esc(p.name)}: ${fmt(Math.min(p.size, p.total - p.loaded))} more of ${fmt(p.total)} <span class="muted">(${fmt(p.loaded)} shown)</span></button>`,
    )
    .join('');
  box.hidden = !list.length;
}
$('#pagers').addEventListener('click', (ev) => {
  const b = ev.target.closest('button[data-id]');
  if (b) expand(b.dataset.id);
});

function updateStatus() {
  const c = graph.visibleCount();
  $('#status').innerHTML = `<span data-testid="count">${fmt(c.nodes)} nodes · ${fmt(c.edges)} edges</span>${c.filteredOut > 0 ? ` <span class="muted">(${fmt(c.filteredOut)} filtered out)</span>` : ''}${graph.truncated ? ' <span class="warn">truncated: raise max nodes</span>' : ''}${graph.webgl ? ' <span class="muted">· WebGL</span>' : ''}`;
}

function applySelection() {
  const s = store.get();
  if (!s.sel) {
    graph.select('', '');
    panel.hide();
    return;
  }
  const [kind, id] = s.sel.split(':');
  graph.select(kind, id);
  if (kind === 'n') panel.showNode(id);
  else panel.showEdge(id);
}

// ---- search, filters, paths, timeline, ranking ---------------------------

new Autocomplete($('#search'), (node) => {
  $('#search').blur();
  openActor(node.id);
});

const filters = new Filters($('#filters'), store);

const paths = new PathFinder($('#paths-form'), store, {
  onPaths: (list) => {
    showWelcome(false);
    graph.showPaths(list);
    graph.fit();
    updateStatus();
  },
  onClear: () => {
    graph.clearPaths();
    if (!graph.cy.nodes().length) showWelcome(true);
    graph.fit();
    updateStatus();
  },
});

const timeline = new Timeline($('#timeline-view'), store, (id) => openActor(id));
const ranking = new Ranking($('#ranking-view'), store, (id) => openActor(id));
const queryView = new QueryView($('#query-view'), store, {
  onOpen: (id) => openActor(id),
  // The result's nodes and edges replace the canvas (the graph view's center is cleared).
  onDraw: ({ nodes, edges }) => {
    store.set({ view: 'graph', center: '', expanded: [], sel: '' }, { push: true, silent: true });
    showView('graph');
    showWelcome(false);
    graph.truncated = false;
    graph.setGraph({ nodes, edges }, '');
    graph.fit();
    updateStatus();
  },
});
const feedsView = new FeedsView($('#feeds-view'));
const suggestions = new Suggestions($('#suggestions-view'), { onOpen: (id) => openActor(id), onChange: () => track(reloadGraph()), toast });

function showView(v) {
  document.body.dataset.view = v;
  for (const name of ['graph', 'timeline', 'ranking', 'suggestions', 'query', 'feeds']) {
    $(`#${name}-view`).hidden = name !== v;
    const tab = $(`#tab-${name}`);
    tab.setAttribute('aria-selected', String(name === v));
  }
  if (v === 'graph') {
    graph.resize();
    if (graph.needsFit) graph.fit();
  }
}

for (const name of ['graph', 'timeline', 'ranking', 'suggestions', 'query', 'feeds']) {
  $(`#tab-${name}`).addEventListener('click', () => store.set({ view: name }, { push: true }));
}

async function showWelcome(on) {
  const w = $('#welcome');
  w.hidden = !on;
  if (!on || w.dataset.loaded) return;
  w.dataset.loaded = '1';
  try {
    const st = await api.stats();
    $('#welcome-stats').textContent = `${fmt(st.node_count)} actors and ${fmt(st.edge_count)} relations from ${fmt(st.articles)} articles.`;
  } catch (e) {
    $('#welcome-stats').textContent = `The API is not reachable: ${e.message}`;
  }
  try {
    const r = await api.analytics('pagerank', { limit: 12 });
    $('#welcome-top').innerHTML = (r.results || [])
      .map((x) => `<li><a href="#" data-id="${esc(x.node.id)}">${typeIcon(x.node.type)} ${esc(x.node.name)}</a></li>`)
      .join('');
  } catch {
    $('#welcome-top').innerHTML = '';
  }
}
$('#welcome-top').addEventListener('click', (ev) => {
  const a = ev.target.closest('[data-id]');
  if (a) {
    ev.preventDefault();
    openActor(a.dataset.id);
  }
});

// ---- toolbar --------------------------------------------------------------

const viewName = () => {
  const c = graph.cy.getElementById(`n${store.get().center}`);
  return `actorgraph-${(c.length ? c.data('name') : 'view').replace(/[^\w.-]+/g, '_').slice(0, 60)}`;
};
$('#btn-fit').addEventListener('click', () => graph.fit());
$('#btn-png').addEventListener('click', () => exportPng(graph.cy, viewName()));
$('#btn-graphml').addEventListener('click', () => exportGraphml(graph.cy, viewName()));
$('#btn-link').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(location.href);
    toast('Link copied: it reopens this view.', 'info');
  } catch {
    toast(location.href, 'info');
  }
});
$('#btn-sidebar').addEventListener('click', () => document.body.classList.toggle('sidebar-open'));
$('#sidebar-close').addEventListener('click', () => document.body.classList.remove('sidebar-open'));

// Legend
$('#legend').innerHTML =
  Object.keys(NODE_STYLE)
    .map((t) => `<span>${typeIcon(t)} ${t}</span>`)
    .join('') +
  Object.entries(EDGE_STYLE)
    .map(([t, st]) => `<span><span class="swatch line-${st.line}" style="border-color:${st.color}"></span>${t}</span>`)
    .join('');

// ---- state -> view ---------------------------------------------------------

const GRAPH_KEYS = ['center', 'depth', 'max', 'nt', 'et', 'since', 'until', 'minc', 'expanded'];

function refresh(s, changed) {
  filters.sync(s);
  if (changed.has('view')) showView(s.view);
  if (GRAPH_KEYS.some((k) => changed.has(k))) {
    graph.applyFilter(s);
    track(reloadGraph());
  } else if (changed.has('pfrom') || changed.has('pto')) {
    track(paths.run(s.pfrom, s.pto).then(updateStatus));
  }
  if (changed.has('sel') && !GRAPH_KEYS.some((k) => changed.has(k))) applySelection();
  if (s.view === 'timeline' && (changed.has('view') || changed.has('since') || changed.has('until') || changed.has('loc'))) track(timeline.load(s));
  if (s.view === 'ranking' && (changed.has('view') || changed.has('metric') || changed.has('rtype'))) track(ranking.load(s));
  if (s.view === 'suggestions' && changed.has('view')) track(suggestions.load());
  if (s.view === 'query' && (changed.has('view') || changed.has('cq'))) track(queryView.load(s));
  if (s.view === 'feeds' && changed.has('view')) track(feedsView.load());
}

store.subscribe(refresh);
window.addEventListener('popstate', () => store.replace(parse(location.search)));
new ResizeObserver(() => graph.resize()).observe($('#cy'));
store.replace(store.get());

// For tests and the console: the live Cytoscape instance and the app state.
window.__actorgraph = {
  get cy() {
    return graph.cy;
  },
  graph,
  store,
  api,
  get busy() {
    return busy;
  },
  pagers,
  // Expands with a page size other than 50 (tests exercise paging on a small corpus).
  expandPaged: (id, size) => expand(String(id), size),
};
