// The view's state and its URL form. Everything needed to reopen a view is here,
// so a copied link reopens the same view: center, depth, expansions, filters,
// selection, path endpoints, the active tab and the ranking options.

export const NODE_TYPES = ['person', 'company', 'agency', 'event', 'location'];
export const EDGE_TYPES = ['works-for', 'speaks-at', 'moderates', 'organizes', 'part-of', 'located-in', 'partners-with'];
export const METRICS = ['pagerank', 'degree', 'betweenness'];

export function defaultState() {
  return {
    view: 'graph', // graph | timeline | ranking | suggestions | query | feeds
    center: '', // node id
    depth: 1,
    max: 500, // max_nodes for the subgraph
    expanded: [], // [{id, pages}] nodes whose neighbours were expanded, and how many pages
    nt: [], // node types shown (empty: all)
    et: [], // edge types shown (empty: all)
    since: '',
    until: '',
    minc: 0,
    sel: '', // 'n:<id>' or 'e:<id>'
    pfrom: '',
    pto: '',
    metric: 'pagerank',
    rtype: '',
    loc: '', // timeline: events in this location (name or id)
    cq: '', // query view: the openCypher query
  };
}

const isId = (s) => /^\d{1,20}$/.test(s);
const isDate = (s) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s);

export function parse(search) {
  const p = new URLSearchParams(search);
  const s = defaultState();
  const v = p.get('view');
  if (['timeline', 'ranking', 'suggestions', 'query', 'feeds'].includes(v)) s.view = v;
  if (isId(p.get('c') || '')) s.center = p.get('c');
  const d = parseInt(p.get('d'), 10);
  if (d >= 1 && d <= 3) s.depth = d;
  const m = parseInt(p.get('max'), 10);
  if (m >= 10 && m <= 20000) s.max = m;
  for (const part of (p.get('x') || '').split(',')) {
    const [id, pages] = part.split('*');
    if (isId(id)) s.expanded.push({ id, pages: Math.min(Math.max(parseInt(pages, 10) || 1, 1), 100) });
  }
  s.nt = (p.get('nt') || '').split(',').filter((t) => NODE_TYPES.includes(t));
  s.et = (p.get('et') || '').split(',').filter((t) => EDGE_TYPES.includes(t));
  if (isDate(p.get('since') || '')) s.since = p.get('since');
  if (isDate(p.get('until') || '')) s.until = p.get('until');
  const c = parseFloat(p.get('minc'));
  if (c > 0 && c <= 1) s.minc = c;
  const sel = p.get('sel') || '';
  // Node ids are decimal; edge ids are opaque strings (e.g. src-type-dst).
  if (/^n:\d{1,20}$/.test(sel) || /^e:[\w.:-]{1,160}$/.test(sel)) s.sel = sel;
  if (isId(p.get('from') || '')) s.pfrom = p.get('from');
  if (isId(p.get('to') || '')) s.pto = p.get('to');
  if (METRICS.includes(p.get('metric'))) s.metric = p.get('metric');
  if (NODE_TYPES.includes(p.get('rtype'))) s.rtype = p.get('rtype');
  s.loc = (p.get('loc') || '').slice(0, 200);
  s.cq = (p.get('cq') || '').slice(0, 20000);
  return s;
}

export function serialize(s) {
  const p = new URLSearchParams();
  if (s.view !== 'graph') p.set('view', s.view);
  if (s.center) p.set('c', s.center);
  if (s.depth !== 1) p.set('d', String(s.depth));
  if (s.max !== 500) p.set('max', String(s.max));
  if (s.expanded.length) p.set('x', s.expanded.map((e) => (e.pages > 1 ? `${e.id}*${e.pages}` : e.id)).join(','));
  if (s.nt.length) p.set('nt', s.nt.join(','));
  if (s.et.length) p.set('et', s.et.join(','));
  if (s.since) p.set('since', s.since);
  if (s.until) p.set('until', s.until);
  if (s.minc > 0) p.set('minc', String(s.minc));
  if (s.sel) p.set('sel', s.sel);
  if (s.pfrom) p.set('from', s.pfrom);
  if (s.pto) p.set('to', s.pto);
  if (s.metric !== 'pagerank') p.set('metric', s.metric);
  if (s.rtype) p.set('rtype', s.rtype);
  if (s.loc) p.set('loc', s.loc);
  if (s.cq) p.set('cq', s.cq);
  const q = p.toString();
  return q ? `?${q}` : '';
}

// The filter parameters shared by /subgraph and /neighbors.
export function filterParams(s) {
  return {
    node_type: s.nt.length && s.nt.length < NODE_TYPES.length ? s.nt : undefined,
    edge_type: s.et.length && s.et.length < EDGE_TYPES.length ? s.et : undefined,
    since: s.since || undefined,
    until: s.until || undefined,
    min_confidence: s.minc > 0 ? s.minc : undefined,
  };
}

// A tiny store: set() merges a patch, writes the URL and notifies subscribers
// with the set of keys that changed.
export function createStore(initial) {
  let state = initial;
  const subs = new Set();
  return {
    get: () => state,
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
    set(patch, { push = false, silent = false } = {}) {
      const changed = new Set();
      const next = { ...state };
      for (const [k, v] of Object.entries(patch)) {
        if (JSON.stringify(state[k]) !== JSON.stringify(v)) {
          changed.add(k);
          next[k] = v;
        }
      }
      if (!changed.size) return changed;
      state = next;
      const url = `${location.pathname}${serialize(state)}${location.hash}`;
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
      if (!silent) for (const fn of subs) fn(state, changed);
      return changed;
    },
    replace(s) {
      state = s;
      for (const fn of subs) fn(state, new Set(Object.keys(s)));
    },
  };
}
