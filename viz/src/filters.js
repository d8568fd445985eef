// The filter panel: node types, edge types, date range, minimum confidence,
// depth and size. It reads from and writes to the store; the graph reloads.

import { NODE_TYPES, EDGE_TYPES } from './state.js';
import { typeIcon, EDGE_STYLE } from './style.js';
import { esc, debounce } from './util.js';

export class Filters {
  constructor(form, store) {
    this.form = form;
    this.store = store;
    form.innerHTML = `
      <fieldset class="types" data-group="nt"><legend>Node types</legend>
        ${NODE_TYPES.map((t) => `<label>${typeIcon(t)}<input type="checkbox" name="nt" value="${t}" checked> ${esc(t)}</label>`).join('')}
      </fieldset>
      <fieldset class="types" data-group="et"><legend>Edge types</legend>
        ${EDGE_TYPES.map(
          (t) => `<label><span class="swatch" style="background:${EDGE_STYLE[t].color}"></span><input type="checkbox" name="et" value="${t}" checked> ${esc(t)}</label>`,
        ).join('')}
      </fieldset>
      <fieldset><legend>Dates</legend>
        <label>since <input type="date" name="since"></label>
        <label>until <input type="date" name="until"></label>
      </fieldset>
      <fieldset><legend>Minimum confidence <output name="mincOut">0.00</output></legend>
        <input type="range" name="minc" min="0" max="1" step="0.05" value="0" aria-label="minimum confidence">
      </fieldset>
      <fieldset><legend>Neighbourhood</legend>
        <label>depth <select name="depth"><option>1</option><option>2</option><option>3</option></select></label>
        <label>max nodes <select name="max"><option>100</option><option>500</option><option>1000</option><option>2000</option><option>5000</option></select></label>
      </fieldset>
      <button type="button" name="reset">Reset filters</button>`;
    const commit = () => this.commit();
    const slow = debounce(commit, 250);
    form.addEventListener('change', commit);
    form.addEventListener('input', (ev) => {
      if (ev.target.name === 'minc') {
        form.elements.mincOut.value = Number(ev.target.value).toFixed(2);
        slow();
      }
    });
    form.elements.reset.addEventListener('click', () => {
      store.set({ nt: [], et: [], since: '', until: '', minc: 0 });
    });
    form.addEventListener('submit', (ev) => ev.preventDefault());
  }

  commit() {
    const f = this.form.elements;
    const checked = (name) => [...this.form.querySelectorAll(`input[name=${name}]:checked`)].map((i) => i.value);
    const nt = checked('nt');
    const et = checked('et');
    this.store.set({
      nt: nt.length === NODE_TYPES.length ? [] : nt, // none checked: all
      et: et.length === EDGE_TYPES.length ? [] : et,
      since: f.since.value,
      until: f.until.value,
      minc: Number(f.minc.value),
      depth: Number(f.depth.value),
      max: Number(f.max.value),
    });
  }

  // Shows the state in the form.
  sync(s) {
    const f = this.form.elements;
    for (const i of this.form.querySelectorAll('input[name=nt]')) i.checked = !s.nt.length || s.nt.includes(i.value);
    for (const i of this.form.querySelectorAll('input[name=et]')) i.checked = !s.et.length || s.et.includes(i.value);
    f.since.value = s.since.length === 10 ? s.since : '';
    f.until.value = s.until.length === 10 ? s.until : '';
    f.minc.value = String(s.minc);
    f.mincOut.value = s.minc.toFixed(2);
    f.depth.value = String(s.depth);
    if (![...f.max.options].some((o) => o.value === String(s.max))) f.max.add(new Option(String(s.max)));
    f.max.value = String(s.max);
  }
}
