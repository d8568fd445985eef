// The duplicates view: pairs of nodes the server suggests are one actor
// (GET /curations/suggestions), best first, each with its score and reasons,
// and two curation buttons: "merge" (POST /nodes/{id}/merge, into the node the
// server proposes to keep) and "not the same" (POST /curations/distinct; the
// pair is never suggested again). Writes send the bearer token typed here
// (kept for the browser tab only) when the server asks for one.

import { ApiError, get } from './api.js';
import { NODE_TYPES } from './state.js';
import { typeIcon } from './style.js';
import { esc } from './util.js';

const PAGE = 50;
const TOKEN_KEY = 'actorgraph-token';

// A reason as a short label: its code and value ("acronym: unido").
function reasonLabel(r) {
  const v = typeof r.value === 'number' ? String(r.value) : String(r.value ?? '');
  const title = r.forms ? r.forms.join(' / ') : '';
  return `<span class="tag" data-code="${esc(r.code)}" title="${esc(title)}">${esc(r.code.replace(/_/g, ' '))}${v ? `: ${esc(v)}` : ''}</span>`;
}

async function post(path, body, token) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const reply = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (reply && reply.error) || {};
    throw new ApiError(res.status, err.code, err.message || `${res.status} ${res.statusText}`);
  }
  return reply;
}

export class Suggestions {
  // onOpen(id): show an actor's network; onChange(): the graph changed (a merge).
  constructor(root, { onOpen, onChange, toast }) {
    this.root = root;
    this.onOpen = onOpen;
    this.onChange = onChange;
    this.toast = toast;
    root.innerHTML = `
      <form class="dup-form">
        <h2>Suggested duplicates</h2>
        <label>type <select name="dtype"><option value="">all</option>${NODE_TYPES.map((t) => `<option>${t}</option>`).join('')}</select></label>
        <label>token <input name="token" type="password" autocomplete="off" placeholder="the token actorgraph serve printed" /></label>
      </form>
      <ol class="dup-list"></ol>
      <p class="dup-more"><button type="button" hidden>more</button></p>`;
    this.form = root.querySelector('form');
    this.list = root.querySelector('.dup-list');
    this.more = root.querySelector('.dup-more button');
    this.form.elements.token.value = sessionStorage.getItem(TOKEN_KEY) || '';
    this.form.addEventListener('submit', (ev) => ev.preventDefault());
    this.form.elements.token.addEventListener('change', () => sessionStorage.setItem(TOKEN_KEY, this.form.elements.token.value));
    this.form.elements.dtype.addEventListener('change', () => this.load());
    this.more.addEventListener('click', () => this.page());
    this.list.addEventListener('click', (ev) => this.onClick(ev));
  }

  async load() {
    this.cursor = '';
    this.list.innerHTML = '';
    await this.page();
  }

  async page() {
    this.more.hidden = true;
    try {
      const r = await get('/curations/suggestions', { type: this.form.elements.dtype.value, limit: PAGE, cursor: this.cursor });
      this.list.insertAdjacentHTML('beforeend', r.items.map((s) => this.row(s)).join(''));
      this.cursor = r.next_cursor || '';
      this.more.hidden = !this.cursor;
      if (!this.list.children.length) this.list.innerHTML = '<li class="muted">No suggested duplicates.</li>';
    } catch (e) {
      this.list.insertAdjacentHTML('beforeend', `<li class="error">Suggestions: ${esc(e.message)}</li>`);
    }
  }

  row(s) {
    const into = s.merge_into === s.a.id ? s.a : s.b;
    const from = into === s.a ? s.b : s.a;
    const node = (n) => `<a href="#" data-open="${esc(n.id)}">${typeIcon(n.type)} ${esc(n.name)}</a> <span class="muted">${esc(n.type)}</span>`;
    return `<li class="dup" data-from="${esc(from.id)}" data-into="${esc(into.id)}">
      <div class="dup-pair">${node(into)} <span class="muted">and</span> ${node(from)}</div>
      <div class="dup-why"><span class="dup-score">${(s.score * 100).toFixed(0)}%</span> ${s.reasons.map(reasonLabel).join(' ')}</div>
      <div class="btns"><button type="button" data-action="merge" title="merge ${esc(from.name)} into ${esc(into.name)}">merge</button>
      <button type="button" data-action="distinct" title="record that these are two actors">not the same</button></div></li>`;
  }

  async onClick(ev) {
    const open = ev.target.closest('[data-open]');
    if (open) {
      ev.preventDefault();
      this.onOpen(open.dataset.open);
      return;
    }
    const button = ev.target.closest('button[data-action]');
    if (!button) return;
    const li = button.closest('li.dup');
    const { from, into } = li.dataset;
    const token = this.form.elements.token.value;
    for (const b of li.querySelectorAll('button')) b.disabled = true;
    try {
      if (button.dataset.action === 'merge') {
        await post(`/nodes/${encodeURIComponent(from)}/merge`, { into }, token);
        this.toast('Merged.', 'info');
        this.onChange();
        await this.load(); // a merge changes the other pairs of both nodes
      } else {
        await post('/curations/distinct', { a: from, b: into }, token);
        li.remove();
        this.toast('Recorded: two different actors.', 'info');
      }
    } catch (e) {
      for (const b of li.querySelectorAll('button')) b.disabled = false;
      this.toast(`Could not ${button.dataset.action === 'merge' ? 'merge' : 'record'}: ${e.message}`);
    }
  }
}
