// Search with suggestions as the user types (debounced, stale requests
// aborted, keyboard navigable). Used by the header and by the path inputs.
// Enter acts on the text in the box when it is pressed: never on the
// suggestions of an older text.

import { api } from './api.js';
import { typeIcon } from './style.js';
import { esc, debounce } from './util.js';

let seq = 0;

export class Autocomplete {
  // input: <input>; onPick(node) when a suggestion is chosen.
  constructor(input, onPick, { limit = 8 } = {}) {
    this.input = input;
    this.onPick = onPick;
    this.limit = limit;
    this.results = [];
    this.resultsFor = null; // the text `results` are the suggestions for
    this.pending = null; // the request in flight: {q, ctrl, done}
    this.active = -1;
    const id = `ac-list-${++seq}`;
    this.list = document.createElement('ul');
    this.list.className = 'suggestions';
    this.list.id = id;
    this.list.setAttribute('role', 'listbox');
    this.list.hidden = true;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', id);
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('autocomplete', 'off');
    input.parentElement.classList.add('ac-wrap');
    input.parentElement.appendChild(this.list);
    this.suggestSoon = debounce(() => this.suggest(), 120);
    input.addEventListener('input', () => {
      input.dataset.id = '';
      this.suggestSoon();
    });
    input.addEventListener('keydown', (ev) => this.onKey(ev));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    input.addEventListener('focus', () => {
      if (this.results.length && input.value.trim()) this.open();
    });
    this.list.addEventListener('mousedown', (ev) => {
      const li = ev.target.closest('li[data-i]');
      if (li) {
        ev.preventDefault();
        this.pick(Number(li.dataset.i));
      }
    });
  }

  // Shows the suggestions for the text in the box: resolves once they are
  // shown (at once if they already are; with the request in flight if it is
  // for this text). A request for an older text is aborted, so its answer
  // never replaces the suggestions of a newer one.
  suggest() {
    const q = this.input.value.trim();
    if (q === this.resultsFor) return Promise.resolve();
    if (this.pending && this.pending.q === q) return this.pending.done;
    if (this.pending) this.pending.ctrl.abort();
    this.pending = null;
    if (!q) {
      this.results = [];
      this.resultsFor = q;
      this.active = -1;
      this.close();
      return Promise.resolve();
    }
    const ctrl = new AbortController();
    const done = api
      .search(q, { limit: this.limit }, { signal: ctrl.signal })
      .then(
        (r) => {
          this.results = r.results || [];
          this.resultsFor = q;
          this.active = this.results.length ? 0 : -1;
          this.render(q);
        },
        (e) => {
          if (e.name === 'AbortError') return;
          this.results = [];
          this.resultsFor = null;
          this.list.innerHTML = `<li class="error">${esc(e.message)}</li>`;
          this.open();
        },
      )
      .finally(() => {
        if (this.pending && this.pending.ctrl === ctrl) this.pending = null;
      });
    this.pending = { q, ctrl, done };
    return done;
  }

  // Enter: picks the active suggestion of the text in the box, asking for
  // the suggestions now (not after the typing pause) if they are not shown
  // yet. Nothing is picked if the text changed while they were on their way.
  async enter() {
    this.suggestSoon.cancel();
    const q = this.input.value.trim();
    await this.suggest();
    if (q === this.input.value.trim() && q === this.resultsFor && this.active >= 0) this.pick(this.active);
  }

  render(q) {
    if (!this.results.length) {
      this.list.innerHTML = `<li class="muted">No actor matches “${esc(q)}”</li>`;
    } else {
      this.list.innerHTML = this.results
        .map((r, i) => {
          const n = r.node;
          const alias = r.matched && r.matched !== n.name ? `<span class="muted"> — “${esc(r.matched)}”</span>` : '';
          return `<li role="option" data-i="${i}" data-id="${esc(n.id)}" class="${i === this.active ? 'active' : ''}" aria-selected="${i === this.active}">
            ${typeIcon(n.type)} <span class="name">${esc(n.name)}</span>${alias} <span class="tag type-${esc(n.type)}">${esc(n.type)}</span></li>`;
        })
        .join('');
    }
    this.open();
  }

  open() {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }

  onKey(ev) {
    const n = this.results.length;
    if (ev.key === 'ArrowDown' && n) {
      this.active = (this.active + 1) % n;
      this.render(this.input.value.trim());
      ev.preventDefault();
    } else if (ev.key === 'ArrowUp' && n) {
      this.active = (this.active - 1 + n) % n;
      this.render(this.input.value.trim());
      ev.preventDefault();
    } else if (ev.key === 'Enter') {
      this.enter();
      ev.preventDefault();
    } else if (ev.key === 'Escape') {
      this.close();
    }
  }

  // Picks suggestion i; a suggestion request still to come is dropped, so
  // the list does not open again under the chosen name.
  pick(i) {
    const r = this.results[i];
    if (!r) return;
    this.suggestSoon.cancel();
    if (this.pending) this.pending.ctrl.abort();
    this.input.value = r.node.name;
    this.input.dataset.id = r.node.id;
    this.close();
    this.onPick(r.node);
  }

  // Sets the input to a known node without searching.
  setNode(node) {
    this.input.value = node ? node.name : '';
    this.input.dataset.id = node ? node.id : '';
  }
}
