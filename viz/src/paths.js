// Paths between two actors: two search boxes, a request to /paths, and the
// result listed and highlighted on the graph.

import { api } from './api.js';
import { Autocomplete } from './search.js';
import { esc } from './util.js';

export class PathFinder {
  constructor(form, store, handlers) {
    this.form = form;
    this.store = store;
    this.handlers = handlers; // {onPaths(paths): show only these, onClear(): show the view again}
    form.innerHTML = `
      <label>from <span class="field"><input name="from" placeholder="actor…" aria-label="path from"></span></label>
      <label>to <span class="field"><input name="to" placeholder="actor…" aria-label="path to"></span></label>
      <div class="btns"><button type="submit" name="find">Find paths</button><button type="button" name="clear">Clear</button></div>
      <div class="path-result" aria-live="polite"></div>`;
    this.from = new Autocomplete(form.elements.from, () => {});
    this.to = new Autocomplete(form.elements.to, () => {});
    this.result = form.querySelector('.path-result');
    this.paths = [];
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const a = form.elements.from.dataset.id;
      const b = form.elements.to.dataset.id;
      if (!a || !b) {
        this.result.innerHTML = '<p class="error">Pick both actors from the suggestions.</p>';
        return;
      }
      store.set({ pfrom: a, pto: b });
    });
    form.elements.clear.addEventListener('click', () => {
      this.from.setNode(null);
      this.to.setNode(null);
      store.set({ pfrom: '', pto: '' });
    });
    this.result.addEventListener('keydown', (ev) => {
      const li = ev.target.closest('li[data-i]');
      if (li && ev.key === 'Enter') this.handlers.onPaths([this.paths[Number(li.dataset.i)]]);
    });
    this.result.addEventListener('click', (ev) => {
      const li = ev.target.closest('li[data-i]');
      if (li) this.handlers.onPaths([this.paths[Number(li.dataset.i)]]);
    });
  }

  setEndpoint(which, node) {
    (which === 'from' ? this.from : this.to).setNode(node);
  }

  async run(from, to) {
    if (!from || !to) {
      this.paths = [];
      this.result.innerHTML = '';
      this.handlers.onClear();
      return;
    }
    this.result.innerHTML = '<p class="muted">Searching…</p>';
    try {
      const [a, b, r] = await Promise.all([api.node(from), api.node(to), api.paths(from, to, { max_depth: 5, k: 5 })]);
      this.from.setNode(a);
      this.to.setNode(b);
      this.paths = r.paths || [];
      if (!this.paths.length) {
        this.result.innerHTML = `<p class="muted">No path between ${esc(a.name)} and ${esc(b.name)} within 5 hops.</p>`;
        this.handlers.onClear();
        return;
      }
      this.result.innerHTML = `<p>${this.paths.length} path${this.paths.length > 1 ? 's' : ''} (click one to isolate it):</p>
        <ol class="paths">${this.paths
          .map(
            (p, i) =>
              `<li data-i="${i}" tabindex="0">${p.nodes
                .map((n, j) => `${j ? ` <span class="tag">${esc((p.edges[j - 1] || {}).type || '')}</span> ` : ''}${esc(n.name)}`)
                .join('')}</li>`,
          )
          .join('')}</ol>`;
      this.handlers.onPaths(this.paths);
    } catch (e) {
      this.result.innerHTML = `<p class="error">${esc(e.message)}</p>`;
    }
  }
}
