// The query view: an openCypher box (POST /api/v1/query), its rows in a table, and the
// nodes and edges the rows hold drawn on the graph canvas. The query is part of the page's
// link (?view=query&cq=...), so a copied link reruns it.

import { api } from './api.js';
import { typeIcon } from './style.js';
import { esc } from './util.js';

const EXAMPLE = 'MATCH (p:person)-[r:works_for]->(o)\nRETURN p, r, o\nLIMIT 50';

const isNode = (v) => v && typeof v === 'object' && !Array.isArray(v) && 'name' in v && 'aliases' in v;
const isEdge = (v) => v && typeof v === 'object' && !Array.isArray(v) && 'source' in v && 'target' in v;

// Every node and edge object in the rows (lists included), each once.
export function graphOf(rows) {
  const nodes = new Map();
  const edges = new Map();
  const visit = (v) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isEdge(v)) edges.set(v.id, v);
    else if (isNode(v)) nodes.set(v.id, v);
  };
  rows.forEach(visit);
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function cell(v) {
  if (v === null || v === undefined) return '<span class="muted">null</span>';
  if (isNode(v)) return `<a href="#" data-id="${esc(v.id)}">${typeIcon(v.type)} ${esc(v.name)}</a>`;
  if (isEdge(v)) return `<span title="${esc(v.id)}">${esc(v.source)} –${esc(v.type)}→ ${esc(v.target)}</span>`;
  if (Array.isArray(v)) return `[${v.map(cell).join(', ')}]`;
  return esc(typeof v === 'string' ? v : JSON.stringify(v));
}

export class QueryView {
  constructor(root, store, { onOpen, onDraw }) {
    this.root = root;
    this.store = store;
    this.onDraw = onDraw;
    root.innerHTML = `
      <form class="query-form">
        <h2>Query</h2>
        <textarea name="q" rows="6" spellcheck="false" aria-label="openCypher query"></textarea>
        <div class="query-actions">
          <button type="submit">Run</button>
          <button type="button" name="draw" disabled>Show in graph</button>
          <span class="query-status muted"></span>
        </div>
      </form>
      <div class="query-body"></div>`;
    this.form = root.querySelector('form');
    this.text = this.form.elements.q;
    this.status = root.querySelector('.query-status');
    this.body = root.querySelector('.query-body');
    this.drawBtn = this.form.elements.draw;
    this.graph = { nodes: [], edges: [] };
    this.form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const q = this.text.value.trim();
      if (q === store.get().cq) this.load(store.get());
      else store.set({ cq: q }, { push: true });
    });
    this.text.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) this.form.requestSubmit();
    });
    this.drawBtn.addEventListener('click', () => this.onDraw(this.graph));
    this.body.addEventListener('click', (ev) => {
      const a = ev.target.closest('[data-id]');
      if (a) {
        ev.preventDefault();
        onOpen(a.dataset.id);
      }
    });
  }

  async load(s) {
    this.text.value = s.cq || this.text.value || EXAMPLE;
    if (!s.cq) return;
    this.status.textContent = 'Running…';
    this.drawBtn.disabled = true;
    try {
      const r = await api.query({ query: s.cq, limit: 5000 });
      this.graph = graphOf(r.rows);
      this.drawBtn.disabled = this.graph.nodes.length === 0;
      this.status.textContent = `${r.row_count} row${r.row_count === 1 ? '' : 's'} in ${r.elapsed_ms.toFixed(1)} ms` +
        (this.graph.nodes.length ? `; ${this.graph.nodes.length} nodes, ${this.graph.edges.length} edges` : '');
      this.body.innerHTML = `<table class="query-table"><thead><tr>${r.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead>
        <tbody>${r.rows.map((row) => `<tr>${row.map((v) => `<td>${cell(v)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    } catch (e) {
      this.graph = { nodes: [], edges: [] };
      this.status.textContent = '';
      this.body.innerHTML = `<p class="query-error" role="alert">${esc(e.code || 'error')}: ${esc(e.message)}</p>`;
    }
  }
}
