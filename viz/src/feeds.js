// The feeds view: the feeds the server follows (GET /feeds), each with its last poll, next
// poll, items seen, ingested and failed, and its last error, so that an operator sees at a
// glance which feed has stopped. Adding and removing feeds is `POST/DELETE /feeds` or the
// program's feeds file; this view only reads.

import { get } from './api.js';
import { esc } from './util.js';

// "2026-12-04T05:40:00Z" as "2026-12-04 05:40 UTC"; "never" for null.
function when(t) {
  return t ? esc(t.replace('T', ' ').replace(/:\d\dZ$/, ' UTC')) : 'never';
}

export class FeedsView {
  constructor(root) {
    this.root = root;
    root.innerHTML = `
      <h2>Followed feeds</h2>
      <p class="feeds-empty" hidden>No feed is followed: start the server with
        <code>--follow FEEDS_FILE</code>, or <code>POST /api/v1/feeds {"url": ...}</code>.</p>
      <table class="feeds-table" hidden>
        <thead><tr><th>feed</th><th>every</th><th>last poll</th><th>next poll</th>
          <th>seen</th><th>ingested</th><th>failed</th><th>last error</th></tr></thead>
        <tbody></tbody>
      </table>
      <p class="feeds-error" role="alert" hidden></p>`;
    this.table = root.querySelector('.feeds-table');
    this.body = root.querySelector('tbody');
    this.empty = root.querySelector('.feeds-empty');
    this.error = root.querySelector('.feeds-error');
  }

  // Lists the feeds afresh (every time the view is shown).
  async load() {
    this.error.hidden = true;
    let reply;
    try {
      reply = await get('/feeds');
    } catch (e) {
      this.error.textContent = `The feeds could not be listed: ${e.message}`;
      this.error.hidden = false;
      return;
    }
    const feeds = reply.items || [];
    this.empty.hidden = feeds.length > 0;
    this.table.hidden = feeds.length === 0;
    this.body.innerHTML = feeds
      .map((f) => {
        const error = f.last_error || f.last_item_error;
        return `<tr data-id="${esc(f.id)}" class="${f.last_error ? 'feed-failing' : ''}">
          <td><a href="${esc(f.url)}" rel="noopener noreferrer" target="_blank">${esc(f.url)}</a></td>
          <td>${esc(String(f.interval_seconds))} s</td>
          <td>${when(f.last_poll)}</td><td>${when(f.next_poll)}</td>
          <td>${esc(String(f.items_seen))}</td><td>${esc(String(f.items_ingested))}</td>
          <td>${esc(String(f.items_failed))}</td>
          <td class="feed-error">${error ? esc(error) : ''}</td></tr>`;
      })
      .join('');
  }
}
