// The event timeline: events by date (a histogram by month, then the list),
// each opening its ego network.

import { api } from './api.js';
import { typeIcon } from './style.js';
import { esc } from './util.js';

export class Timeline {
  constructor(root, store, onOpen) {
    this.onOpen = onOpen;
    root.innerHTML = `
      <form class="rank-form tl-form">
        <h2>Event timeline</h2>
        <label>from <input type="date" name="since"></label>
        <label>to <input type="date" name="until"></label>
        <label>location <input name="loc" placeholder="city, region, country…" size="18"></label>
      </form>
      <div class="tl-body"></div>`;
    this.form = root.querySelector('form');
    this.form.addEventListener('change', () => {
      const f = this.form.elements;
      store.set({ since: f.since.value, until: f.until.value, loc: f.loc.value.trim() });
    });
    this.form.addEventListener('submit', (ev) => ev.preventDefault());
    this.root = root.querySelector('.tl-body');
    root.addEventListener('click', (ev) => {
      const a = ev.target.closest('[data-id]');
      if (a) {
        ev.preventDefault();
        this.onOpen(a.dataset.id);
      }
    });
  }

  async load(s) {
    const f = this.form.elements;
    f.since.value = s.since.length === 10 ? s.since : '';
    f.until.value = s.until.length === 10 ? s.until : '';
    f.loc.value = s.loc;
    this.root.innerHTML = '<p class="muted">Loading events…</p>';
    try {
      const r = await api.events({ from: s.since || undefined, to: s.until || undefined, location: s.loc || undefined });
      this.render(r.events || [], s);
    } catch (e) {
      this.root.innerHTML = `<p class="error">Events: ${esc(e.message)}</p>`;
    }
  }

  render(events, s) {
    const dated = events.filter((e) => e.date).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const undated = events.filter((e) => !e.date);
    const byMonth = new Map();
    for (const e of dated) {
      const m = e.date.slice(0, 7);
      byMonth.set(m, (byMonth.get(m) || 0) + 1);
    }
    const names = (list) => (list || []).map((n) => `<a href="#" data-id="${esc(n.id)}">${esc(n.name)}</a>`).join(', ');
    const row = (e) => `<li class="event">
        <time>${esc(e.date || 'undated')}</time>
        <div><a href="#" class="event-name" data-id="${esc(e.node.id)}">${typeIcon('event')} ${esc(e.node.name)}</a>
        ${e.locations && e.locations.length ? `<div class="muted">in ${names(e.locations)}</div>` : ''}
        ${e.organizers && e.organizers.length ? `<div>organised by ${names(e.organizers)}</div>` : ''}
        ${e.speakers && e.speakers.length ? `<div>speakers: ${names(e.speakers)}</div>` : ''}
        ${e.moderators && e.moderators.length ? `<div>moderators: ${names(e.moderators)}</div>` : ''}</div></li>`;
    // Group by year for the list.
    const years = new Map();
    for (const e of dated) {
      const y = e.date.slice(0, 4);
      if (!years.has(y)) years.set(y, []);
      years.get(y).push(e);
    }
    this.root.innerHTML = `
      <p class="muted">${dated.length + undated.length} events${s.since || s.until ? ` · ${esc(s.since || '…')} to ${esc(s.until || '…')}` : ''}${s.loc ? ` · in ${esc(s.loc)}` : ''}</p>
      ${this.histogram(byMonth)}
      ${[...years].map(([y, list]) => `<h3>${esc(y)}</h3><ol class="timeline">${list.map(row).join('')}</ol>`).join('')}
      ${undated.length ? `<h3>Undated</h3><ol class="timeline">${undated.map(row).join('')}</ol>` : ''}
      ${!events.length ? '<p class="muted">No events in this range.</p>' : ''}`;
  }

  histogram(byMonth) {
    if (!byMonth.size) return '';
    const months = [...byMonth.keys()].sort();
    // Fill the months between the first and the last one.
    const all = [];
    let [y, m] = months[0].split('-').map(Number);
    const [ly, lm] = months[months.length - 1].split('-').map(Number);
    while ((y < ly || (y === ly && m <= lm)) && all.length < 600) {
      all.push(`${y}-${String(m).padStart(2, '0')}`);
      m++;
      if (m > 12) {
        m = 1;
        y++;
      }
    }
    const max = Math.max(...byMonth.values());
    const w = Math.max(2, Math.min(16, Math.floor(800 / all.length)));
    const h = 60;
    const bars = all
      .map((k, i) => {
        const v = byMonth.get(k) || 0;
        const bh = v ? Math.max(3, (v / max) * (h - 14)) : 0;
        return `<rect x="${i * w}" y="${h - 12 - bh}" width="${w - 1}" height="${bh}" fill="#e15759"><title>${k}: ${v}</title></rect>`;
      })
      .join('');
    const first = all[0].slice(0, 4);
    const last = all[all.length - 1].slice(0, 4);
    return `<svg class="histogram" viewBox="0 0 ${all.length * w} ${h}" preserveAspectRatio="none" role="img" aria-label="events per month">
      ${bars}<text x="0" y="${h - 1}" font-size="10">${first}</text><text x="${all.length * w}" y="${h - 1}" font-size="10" text-anchor="end">${last}</text></svg>`;
  }
}
