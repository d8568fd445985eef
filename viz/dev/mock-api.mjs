#!/usr/bin/env node
// DEVELOPMENT ONLY. A stand-in for `actorgraph serve` that implements the
// /api/v1 contract over the corpus's gold annotations (plus, with SYNTH=n, a
// synthetic graph of n extra nodes and a hub of 3,412 neighbours), so the
// dashboard can be worked on before the real API is complete, and its
// 5,000-node behaviour tried. The browser tests never use it: they run the
// real server.
//   node dev/mock-api.mjs [port] [corpus_dir]     (serves dist/ at / too)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.argv[2] || 8090);
const corpus = process.argv[3] || path.resolve(here, '../../../shared/corpus/dev');
const dist = path.resolve(here, '../dist');

const nodes = new Map(); // id -> node
const byKey = new Map();
const edges = new Map(); // id -> edge (with evidence)
const edgeKey = new Map();
const out = new Map(); // id -> [edge ids]
const inn = new Map();
const articles = [];
let nextId = 4000000000000000n;
const newId = () => String((nextId += 7919n));

function addNode(type, name, aliases = [], date = '') {
  const key = `${type}|${name.toLowerCase()}`;
  let n = byKey.get(key);
  if (!n) {
    n = { id: newId(), type, name, aliases: [], first_seen: date, last_seen: date };
    byKey.set(key, n);
    nodes.set(n.id, n);
    out.set(n.id, []);
    inn.set(n.id, []);
  }
  for (const a of aliases) if (!n.aliases.includes(a)) n.aliases.push(a);
  if (date && (!n.first_seen || date < n.first_seen)) n.first_seen = date;
  if (date && date > n.last_seen) n.last_seen = date;
  return n;
}

function addEdge(type, s, t, title, ev) {
  const key = `${s.id}|${type}|${t.id}`;
  let e = edgeKey.get(key);
  if (!e) {
    e = { id: newId(), source: s.id, target: t.id, type, confidence: 0.5, evidence_count: 0, first_seen: ev.date, last_seen: ev.date, evidence: [] };
    if (title) e.title = title;
    edgeKey.set(key, e);
    edges.set(e.id, e);
    out.get(s.id).push(e.id);
    inn.get(t.id).push(e.id);
  }
  e.evidence.push({ id: newId(), ...ev });
  e.evidence_count = e.evidence.length;
  e.confidence = Math.min(0.99, 0.45 + 0.2 * e.evidence_count + Math.random() * 0.2);
  if (ev.date < e.first_seen) e.first_seen = ev.date;
  if (ev.date > e.last_seen) e.last_seen = ev.date;
}

for (const f of fs.readdirSync(corpus).filter((f) => f.endsWith('.gold.json'))) {
  const g = JSON.parse(fs.readFileSync(path.join(corpus, f), 'utf8'));
  const text = fs.existsSync(path.join(corpus, g.article)) ? fs.readFileSync(path.join(corpus, g.article), 'utf8') : '';
  const sentences = text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim());
  const art = { id: String(articles.length + 1), title: g.title, url: g.source, date: g.date };
  articles.push(art);
  const local = new Map();
  for (const e of g.entities) local.set(e.id, { e, n: addNode(e.type, e.name, e.aliases, g.date) });
  for (const r of g.relations) {
    const a = local.get(r.from);
    const b = local.get(r.to);
    if (!a || !b) continue;
    const names = (x) => [x.e.name, ...x.e.aliases].map((s) => s.toLowerCase());
    const has = (s, x) => names(x).some((nm) => s.toLowerCase().includes(nm));
    const sentence = sentences.find((s) => has(s, a) && has(s, b)) || sentences.find((s) => has(s, a)) || sentences[0] || '';
    addEdge(r.type, a.n, b.n, r.title, { sentence: sentence.trim(), begin: 0, end: 0, confidence: 0.8, date: g.date, article: art });
  }
}

const synth = Number(process.env.SYNTH || 0);
if (synth) {
  const orgs = [...nodes.values()].filter((n) => n.type === 'company' || n.type === 'agency');
  const hub = addNode('company', 'Megacorp Holdings', ['Megacorp'], '2020-01-01');
  const art = { id: 's1', title: 'Synthetic article', url: 'https://example.org/synthetic', date: '2021-05-01' };
  for (let i = 0; i < synth; i++) {
    const p = addNode('person', `Synthetic Person ${i}`, [], '2021-05-01');
    const ev = { sentence: `Synthetic Person ${i} works for a company.`, begin: 0, end: 0, confidence: 0.6, date: '2021-05-01', article: art };
    addEdge('works-for', p, i < 3412 ? hub : orgs[i % orgs.length], 'engineer', ev);
    if (i % 3 === 0) addEdge('works-for', p, orgs[(i * 7) % orgs.length], 'advisor', ev);
  }
  addEdge('partners-with', hub, orgs[0], '', { sentence: 'Megacorp partners.', begin: 0, end: 0, confidence: 0.7, date: '2021-05-01', article: art });
}

const pub = (n) => ({ id: n.id, type: n.type, name: n.name, aliases: n.aliases, first_seen: n.first_seen, last_seen: n.last_seen });
const pubE = (e) => {
  const { evidence, ...rest } = e;
  return rest;
};
const degree = (id) => {
  const d = { out: {}, in: {}, total: 0 };
  for (const x of out.get(id)) d.out[edges.get(x).type] = (d.out[edges.get(x).type] || 0) + 1;
  for (const x of inn.get(id)) d.in[edges.get(x).type] = (d.in[edges.get(x).type] || 0) + 1;
  d.total = out.get(id).length + inn.get(id).length;
  return d;
};
const list = (v) => (v ? v.split(',') : null);

function incident(id, q, direction = 'both') {
  const nt = list(q.get('node_type'));
  const et = list(q.get('edge_type'));
  const since = q.get('since');
  const until = q.get('until');
  const minc = Number(q.get('min_confidence') || 0);
  const res = [];
  const push = (eidv, dir) => {
    const e = edges.get(eidv);
    const other = nodes.get(dir === 'out' ? e.target : e.source);
    if (et && !et.includes(e.type)) return;
    if (nt && !nt.includes(other.type)) return;
    if (since && e.last_seen < since) return;
    if (until && e.first_seen > until) return;
    if (e.confidence < minc) return;
    res.push({ edge: pubE(e), direction: dir, neighbor: pub(other) });
  };
  if (direction !== 'in') for (const x of out.get(id)) push(x, 'out');
  if (direction !== 'out') for (const x of inn.get(id)) push(x, 'in');
  return res;
}

function err(res, status, code, message) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code, message } }));
}

function route(url, res) {
  const q = url.searchParams;
  const p = url.pathname.replace(/^\/api\/v1/, '');
  let m;
  const json = (body) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (p === '/stats') {
    const nc = {};
    const ec = {};
    for (const n of nodes.values()) nc[n.type] = (nc[n.type] || 0) + 1;
    for (const e of edges.values()) ec[e.type] = (ec[e.type] || 0) + 1;
    return json({ nodes: nc, edges: ec, node_count: nodes.size, edge_count: edges.size, articles: articles.length, evidence: [...edges.values()].reduce((a, e) => a + e.evidence_count, 0) });
  }
  if (p === '/search') {
    const s = (q.get('q') || '').toLowerCase();
    if (!s) return err(res, 400, 'bad_request', 'q is required');
    const type = q.get('type');
    const r = [];
    for (const n of nodes.values()) {
      if (type && n.type !== type) continue;
      const cands = [n.name, ...n.aliases];
      const hit = cands.find((c) => c.toLowerCase().startsWith(s)) || cands.find((c) => c.toLowerCase().includes(s));
      if (hit) r.push({ node: pub(n), score: (hit.toLowerCase().startsWith(s) ? 2 : 1) + degree(n.id).total / 1000, matched: hit });
    }
    r.sort((a, b) => b.score - a.score);
    return json({ results: r.slice(0, Number(q.get('limit') || 10)) });
  }
  if ((m = p.match(/^\/nodes\/(\d+)$/))) {
    const n = nodes.get(m[1]);
    return n ? json({ ...pub(n), degree: degree(n.id) }) : err(res, 404, 'not_found', 'no such node');
  }
  if ((m = p.match(/^\/nodes\/(\d+)\/neighbors$/))) {
    if (!nodes.has(m[1])) return err(res, 404, 'not_found', 'no such node');
    const all = incident(m[1], q, q.get('direction') || 'both');
    const off = Number(q.get('cursor') || 0);
    const lim = Math.min(Number(q.get('limit') || 50), 500);
    return json({ total: all.length, items: all.slice(off, off + lim), next_cursor: off + lim < all.length ? String(off + lim) : null });
  }
  if ((m = p.match(/^\/edges\/(\d+)$/))) {
    const e = edges.get(m[1]);
    return e ? json({ ...e, source_node: pub(nodes.get(e.source)), target_node: pub(nodes.get(e.target)) }) : err(res, 404, 'not_found', 'no such edge');
  }
  if (p === '/subgraph') {
    const c = q.get('center');
    if (!nodes.has(c)) return err(res, 404, 'not_found', 'no such node');
    const depth = Number(q.get('depth') || 1);
    const max = Number(q.get('max_nodes') || 500);
    const seen = new Set([c]);
    const es = new Map();
    let frontier = [c];
    let truncated = false;
    for (let d = 0; d < depth && !truncated; d++) {
      const next = [];
      for (const id of frontier) {
        for (const it of incident(id, q)) {
          if (!seen.has(it.neighbor.id)) {
            if (seen.size >= max) {
              truncated = true;
              continue;
            }
            seen.add(it.neighbor.id);
            next.push(it.neighbor.id);
          }
        }
      }
      frontier = next;
    }
    for (const id of seen) for (const x of out.get(id)) if (seen.has(edges.get(x).target)) es.set(x, pubE(edges.get(x)));
    return json({ nodes: [...seen].map((id) => ({ ...pub(nodes.get(id)), degree_total: degree(id).total })), edges: [...es.values()], truncated });
  }
  if (p === '/paths') {
    const a = q.get('from');
    const b = q.get('to');
    if (!nodes.has(a) || !nodes.has(b)) return err(res, 404, 'not_found', 'no such node');
    const maxd = Number(q.get('max_depth') || 4);
    const k = Number(q.get('k') || 3);
    const paths = [];
    const walk = (id, ns, esl) => {
      if (paths.length >= k * 4) return;
      if (id === b) return paths.push({ nodes: ns.map((x) => pub(nodes.get(x))), edges: esl.map((x) => pubE(edges.get(x))) });
      if (esl.length >= maxd) return;
      for (const x of [...out.get(id), ...inn.get(id)]) {
        const e = edges.get(x);
        const o = e.source === id ? e.target : e.source;
        if (!ns.includes(o) && (inn.get(o).length + out.get(o).length < 200 || o === b)) walk(o, [...ns, o], [...esl, x]);
      }
    };
    walk(a, [a], []);
    paths.sort((x, y) => x.edges.length - y.edges.length);
    return json({ paths: paths.slice(0, k) });
  }
  if ((m = p.match(/^\/analytics\/(pagerank|degree|betweenness)$/))) {
    const type = q.get('type');
    const r = [...nodes.values()].filter((n) => !type || n.type === type).map((n) => ({ node: pub(n), score: m[1] === 'degree' ? degree(n.id).total : degree(n.id).total / (2 * edges.size || 1) }));
    r.sort((x, y) => y.score - x.score);
    return json({ metric: m[1], results: r.slice(0, Number(q.get('limit') || 20)) });
  }
  if (p === '/events') {
    const from = q.get('from');
    const to = q.get('to');
    const evs = [];
    for (const n of nodes.values()) {
      if (n.type !== 'event') continue;
      const date = n.first_seen;
      if ((from && date < from) || (to && date > to)) continue;
      const rel = (t, dir) => (dir === 'in' ? inn : out).get(n.id).map((x) => edges.get(x)).filter((e) => e.type === t).map((e) => pub(nodes.get(dir === 'in' ? e.source : e.target)));
      evs.push({ node: pub(n), date, locations: rel('located-in', 'out'), organizers: rel('organizes', 'in'), speakers: rel('speaks-at', 'in'), moderators: rel('moderates', 'in') });
    }
    return json({ events: evs });
  }
  return err(res, 404, 'not_found', 'no such route');
}

http
  .createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname.startsWith('/api/')) return route(url, res);
    let f = path.join(dist, decodeURIComponent(url.pathname));
    if (!f.startsWith(dist)) return err(res, 403, 'forbidden', 'no');
    if (fs.existsSync(f) && fs.statSync(f).isDirectory()) f = path.join(f, 'index.html');
    if (!fs.existsSync(f)) return err(res, 404, 'not_found', 'no such file');
    const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[path.extname(f)] || 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    fs.createReadStream(f).pipe(res);
  })
  .listen(port, '127.0.0.1', () => console.log(`mock API on http://127.0.0.1:${port}/ (${nodes.size} nodes, ${edges.size} edges)`));
