// The ranking view: the most central actors by PageRank, degree or
// betweenness, optionally of one type; a row opens the actor's network.

import { api } from './api.js';
import { NODE_TYPES, METRICS } from './state.js';
import { typeIcon } from './style.js';
import { esc } from './util.js';

export class Ranking {
  constructor(root, store, onOpen) {
    this.root = root;
    this.store = store;
    this.onOpen = onOpen;
    root.innerHTML = `
      <form class="rank-form">
        <h2>Ranking</h2>
        <label>metric <select name="metric">${METRICS.map((m) => `<option>${m}</option>`).join('')}</select></label>
        <label>type <select name="rtype"><option value="">all</option>${NODE_TYPES.map((t) => `<option>${t}</option>`).join('')}</select></label>
      </form>
      <div class="rank-body"></div>`;
    this.form = root.querySelector('form');
    this.body = root.querySelector('.rank-body');
    this.form.addEventListener('change', () => store.set({ metric: this.form.elements.metric.value, rtype: this.form.elements.rtype.value }));
    this.body.addEventListener('keydown', (ev) => {
      const tr = ev.target.closest('tr[data-id]');
      if (tr && ev.key === 'Enter') this.onOpen(tr.dataset.id);
    });
    this.body.addEventListener('click', (ev) => {
      const tr = ev.target.closest('[data-id]');
      if (tr) {
        ev.preventDefault();
        this.onOpen(tr.dataset.id);
      }
    });
  }

  async load(s) {
    this.form.elements.metric.value = s.metric;
    this.form.elements.rtype.value = s.rtype;
    this.body.innerHTML = '<p class="muted">Computing…</p>';
    try {
      const r = await api.analytics(s.metric, { type: s.rtype || undefined, limit: 100 });
      const rows = r.results || [];
      const max = Math.max(...rows.map((x) => x.score), 1e-12);
      this.body.innerHTML = rows.length
        ? `<table class="ranking"><thead><tr><th>#</th><th>actor</th><th>type</th><th>${esc(r.metric || s.metric)}</th></tr></thead><tbody>
          ${rows
            .map(
              (x, i) => `<tr data-id="${esc(x.node.id)}" tabindex="0"><td>${i + 1}</td>
              <td><a href="#" data-id="${esc(x.node.id)}">${typeIcon(x.node.type)} ${esc(x.node.name)}</a></td>
              <td>${esc(x.node.type)}</td>
              <td class="score"><span class="bar" style="width:${((x.score / max) * 100).toFixed(1)}%"></span><span class="num">${fmtScore(x.score)}${typeof x.degree === 'number' ? ` <span class="muted">(${x.degree} edges)</span>` : ''}</span></td></tr>`,
            )
            .join('')}</tbody></table>`
        : '<p class="muted">No actors.</p>';
    } catch (e) {
      this.body.innerHTML = `<p class="error">Ranking: ${esc(e.message)}</p>`;
    }
  }
}

function fmtScore(v) {
  if (Number.isInteger(v)) return String(v);
  return Number(v.toPrecision(3)).toString();
}
