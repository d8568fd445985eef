// The side panel: details of the selected node (aliases, roles and titles,
// events, every edge with its evidence sentences and article links) or edge.

import { api } from './api.js';
import { typeIcon } from './style.js';
import { esc, fmt, safeUrl, dateRange } from './util.js';

const EAGER_EVIDENCE = 12; // edges whose evidence loads with the panel; the rest on demand
const EVENT_EDGES = new Set(['speaks-at', 'moderates', 'organizes']);

export class Panel {
  constructor(root, actions) {
    this.root = root; // the <aside>
    this.body = root.querySelector('.panel-body');
    this.actions = actions; // {open(id), expand(id), pathFrom(id), pathTo(id), selectEdge(id), close()}
    this.token = 0;
    root.querySelector('.panel-close').addEventListener('click', () => actions.close());
    this.body.addEventListener('click', (ev) => this.onClick(ev));
    this.body.addEventListener('toggle', (ev) => this.onToggle(ev), true);
  }

  hide() {
    this.token++;
    this.root.hidden = true;
    document.body.classList.remove('panel-open');
  }

  show() {
    this.root.hidden = false;
    document.body.classList.add('panel-open');
  }

  loading(what) {
    this.show();
    this.body.innerHTML = `<p class="muted">Loading ${esc(what)}…</p>`;
  }

  error(e) {
    this.body.innerHTML = `<p class="error">${esc(e.message)}</p>`;
  }

  async showNode(id) {
    const token = ++this.token;
    this.loading('actor');
    try {
      const [node, nb] = await Promise.all([api.node(id), api.neighbors(id, { limit: 200 })]);
      if (token !== this.token) return;
      this.renderNode(node, nb);
      const edges = this.body.querySelectorAll('details.edge');
      edges.forEach((d, i) => {
        if (i < EAGER_EVIDENCE) d.open = true;
      });
    } catch (e) {
      if (token === this.token) this.error(e);
    }
  }

  renderNode(node, nb) {
    const items = nb.items || [];
    const roles = items.filter((it) => it.edge.type === 'works-for');
    const events = items.filter((it) => EVENT_EDGES.has(it.edge.type) || it.neighbor.type === 'event');
    const deg = node.degree || {};
    const degList = (m) =>
      Object.entries(m || {})
        .map(([t, n]) => `${esc(t)} ${fmt(n)}`)
        .join(', ');
    const roleLine = (it) => {
      const title = it.edge.title ? `<b>${esc(it.edge.title)}</b>` : '<i>works for</i>';
      const when = `<span class="muted">${esc(dateRange(it.edge.first_seen, it.edge.last_seen))}</span>`;
      return it.direction === 'out'
        ? `<li>${title} at ${this.link(it.neighbor)} ${when}</li>`
        : `<li>${this.link(it.neighbor)}, ${title} ${when}</li>`;
    };
    const eventLine = (it) =>
      `<li>${this.link(it.neighbor)} <span class="tag">${esc(it.edge.type)}</span>
        <span class="muted">${esc(dateRange(it.neighbor.first_seen || it.edge.first_seen, it.neighbor.last_seen || it.edge.last_seen))}</span></li>`;
    this.body.innerHTML = `
      <header class="node-head">
        <h2 data-testid="panel-title">${typeIcon(node.type, 16)} ${esc(node.name)}</h2>
        <p class="muted"><span class="tag type-${esc(node.type)}">${esc(node.type)}</span>
          ${esc(dateRange(node.first_seen, node.last_seen))} · id ${esc(node.id)}</p>
        <div class="btns">
          <button data-act="open" data-id="${esc(node.id)}">Center</button>
          <button data-act="expand" data-id="${esc(node.id)}">Expand neighbours</button>
          <button data-act="from" data-id="${esc(node.id)}">Path from</button>
          <button data-act="to" data-id="${esc(node.id)}">Path to</button>
        </div>
      </header>
      <section><h3>Aliases</h3>
        ${node.aliases && node.aliases.length ? `<ul class="aliases">${node.aliases.map((a) => `<li>${esc(a)}</li>`).join('')}</ul>` : '<p class="muted">none</p>'}
      </section>
      <section><h3>Connections</h3>
        <p>${fmt(deg.total ?? 0)} in total${deg.out && Object.keys(deg.out).length ? `; out: ${degList(deg.out)}` : ''}${deg.in && Object.keys(deg.in).length ? `; in: ${degList(deg.in)}` : ''}</p>
      </section>
      <section><h3>Roles and titles</h3>
        ${roles.length ? `<ul>${roles.map(roleLine).join('')}</ul>` : '<p class="muted">none recorded</p>'}
      </section>
      <section><h3>Events</h3>
        ${events.length ? `<ul>${events.map(eventLine).join('')}</ul>` : '<p class="muted">none recorded</p>'}
      </section>
      <section><h3>Evidence by edge <span class="muted">(${fmt(items.length)}${nb.total > items.length ? ` of ${fmt(nb.total)}` : ''})</span></h3>
        ${items.map((it) => this.edgeBlock(it)).join('') || '<p class="muted">no edges</p>'}
      </section>`;
  }

  link(n) {
    return `<a href="#" class="node-link" data-act="open" data-id="${esc(n.id)}">${typeIcon(n.type)} ${esc(n.name)}</a>`;
  }

  edgeBlock(it) {
    const e = it.edge;
    const arrow = it.direction === 'in' ? '←' : '→';
    return `<details class="edge" data-edge="${esc(e.id)}">
      <summary><span class="tag">${esc(e.type)}</span> ${arrow} ${esc(it.neighbor.name)}
        ${e.title ? `<i>(${esc(e.title)})</i>` : ''}
        <span class="muted">conf ${(e.confidence ?? 0).toFixed(2)} · ${fmt(e.evidence_count ?? 0)} ev.</span></summary>
      <div class="evidence" data-state="idle"></div>
    </details>`;
  }

  onToggle(ev) {
    const d = ev.target;
    if (!(d instanceof HTMLDetailsElement) || !d.open) return;
    const box = d.querySelector('.evidence');
    if (!box || box.dataset.state !== 'idle') return;
    box.dataset.state = 'loading';
    box.innerHTML = '<p class="muted">Loading evidence…</p>';
    const token = this.token;
    api
      .edge(d.dataset.edge)
      .then((edge) => {
        if (token !== this.token) return;
        box.dataset.state = 'done';
        box.innerHTML = this.evidenceList(edge);
      })
      .catch((e) => {
        box.dataset.state = 'idle';
        box.innerHTML = `<p class="error">${esc(e.message)}</p>`;
      });
  }

  evidenceList(edge) {
    const ev = edge.evidence || [];
    if (!ev.length) return '<p class="muted">no evidence recorded</p>';
    return `<ul class="evidence-list">${ev
      .map((x) => {
        const a = x.article || {};
        const url = safeUrl(a.url);
        const title = esc(a.title || a.url || `article ${a.id ?? ''}`);
        const date = x.date || a.date || '';
        return `<li class="evidence-item">
          <blockquote class="sentence">${this.marked(x)}</blockquote>
          <div class="source">${url ? `<a href="${esc(url)}" target="_blank" rel="noopener noreferrer">${title}</a>` : `<span class="article-title">${title}</span>${a.url ? ` <span class="muted" title="source">${esc(a.url)}</span>` : ''}`}
            ${date ? `<time>${esc(date)}</time>` : ''}
            <span class="muted">conf ${(x.confidence ?? 0).toFixed(2)}</span></div>
        </li>`;
      })
      .join('')}</ul>`;
  }

  // The sentence, with the span [begin, end) marked when the offsets fall inside it.
  marked(x) {
    const s = x.sentence || '';
    const b = x.begin;
    const e = x.end;
    if (Number.isInteger(b) && Number.isInteger(e) && b >= 0 && e > b && e <= s.length) {
      return `${esc(s.slice(0, b))}<mark>${esc(s.slice(b, e))}</mark>${esc(s.slice(e))}`;
    }
    return esc(s);
  }

  async showEdge(id) {
    const token = ++this.token;
    this.loading('edge');
    try {
      const e = await api.edge(id);
      if (token !== this.token) return;
      const s = e.source_node || { id: e.source, name: e.source };
      const t = e.target_node || { id: e.target, name: e.target };
      this.body.innerHTML = `
        <header class="node-head">
          <h2 data-testid="panel-title">${esc(s.name)} <span class="tag">${esc(e.type)}</span> ${esc(t.name)}</h2>
          <p class="muted">${e.title ? `title <b>${esc(e.title)}</b> · ` : ''}confidence ${(e.confidence ?? 0).toFixed(2)} ·
            ${fmt(e.evidence_count ?? (e.evidence || []).length)} evidence · ${esc(dateRange(e.first_seen, e.last_seen))}</p>
          <p>${this.link(s)} → ${this.link(t)}</p>
        </header>
        <section><h3>Evidence</h3>${this.evidenceList(e)}</section>`;
    } catch (err) {
      if (token === this.token) this.error(err);
    }
  }

  onClick(ev) {
    const t = ev.target.closest('[data-act]');
    if (!t) return;
    ev.preventDefault();
    const id = t.dataset.id;
    switch (t.dataset.act) {
      case 'open':
        this.actions.open(id);
        break;
      case 'expand':
        this.actions.expand(id);
        break;
      case 'from':
        this.actions.pathFrom(id);
        break;
      case 'to':
        this.actions.pathTo(id);
        break;
    }
  }
}
