// Search with suggestions as the user types (debounced, stale requests
// aborted, keyboard navigable). Used by the header and by the path inputs.

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
    this.active = -1;
    this.ctrl = null;
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
    const run = debounce(() => this.fetch(), 120);
    input.addEventListener('input', () => {
      input.dataset.id = '';
      run();
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

  async fetch() {
    const q = this.input.value.trim();
    if (this.ctrl) this.ctrl.abort();
    if (!q) {
      this.results = [];
      this.close();
      return;
    }
    this.ctrl = new AbortController();
    try {
      const r = await api.search(q, { limit: this.limit }, { signal: this.ctrl.signal });
      if (q !== this.input.value.trim()) return;
      this.results = r.results || [];
      this.active = this.results.length ? 0 : -1;
      this.render(q);
    } catch (e) {
      if (e.name === 'AbortError') return;
      this.results = [];
      this.list.innerHTML = `<li class="error">${esc(e.message)}</li>`;
      this.open();
    }
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
      if (this.active >= 0 && this.active < n) this.pick(this.active);
      ev.preventDefault();
    } else if (ev.key === 'Escape') {
      this.close();
    }
  }

  pick(i) {
    const r = this.results[i];
    if (!r) return;
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
