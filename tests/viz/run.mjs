#!/usr/bin/env node
// Browser tests of the dashboard (viz/): Debian's chromium, headless, driven by
// playwright-core, against the real `actorgraph serve` with the dev corpus
// imported into a fresh database. Screenshots go to build/test-artifacts/viz/.
//
//   node tests/viz/run.mjs                 (what CTest runs)
//   node tests/viz/run.mjs --url http://127.0.0.1:8080/   (against a running server)
//
// The 5,000-node test always starts a second server of its own (over a fresh
// database of synthetic news), so it needs build/actorgraph even with --url.
//
// Environment: ACTORGRAPH_BIN, ACTORGRAPH_SOURCE_DIR, ACTORGRAPH_CORPUS_DIR
// (set by CTest), CHROMIUM (default /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = process.env.ACTORGRAPH_SOURCE_DIR || path.resolve(here, '../..');
const bin = process.env.ACTORGRAPH_BIN || path.join(repo, 'build/actorgraph');
const corpus = process.env.ACTORGRAPH_CORPUS_DIR ? path.join(process.env.ACTORGRAPH_CORPUS_DIR, 'dev') : path.resolve(repo, '../shared/corpus/dev');
const dist = path.join(repo, 'viz/dist');
const artifacts = path.join(repo, 'build/test-artifacts/viz');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const urlArg = process.argv.indexOf('--url');
const externalUrl = urlArg > 0 ? process.argv[urlArg + 1] : process.env.AG_VIZ_URL;

// playwright-core is a devDependency of viz/ (installed by `npm ci` there).
const requireViz = createRequire(path.join(repo, 'viz/package.json'));
let chromium;
try {
  ({ chromium } = requireViz('playwright-core'));
} catch (e) {
  throw new Error(`playwright-core is not installed: run \`make viz\` (cd viz && npm ci): ${e.message}`);
}

let base = externalUrl ? externalUrl.replace(/\/?$/, '/') : '';
let tmp = null;
let browser = null;
let profileDir = null;
const servers = []; // every `actorgraph serve` started here
// Never leave a server behind, even if the runner dies.
process.on('exit', () => {
  for (const s of servers) if (s.exitCode === null) s.kill('SIGKILL');
});

async function api(p, at = base) {
  const r = await fetch(new URL(`api/v1${p}`, at));
  const body = await r.json();
  if (!r.ok) throw new Error(`GET ${p}: ${r.status} ${JSON.stringify(body)}`);
  return body;
}

// `actorgraph import --db DB SRC` into a fresh database.
function importInto(db, src) {
  assert.ok(fs.existsSync(bin), `${bin} is missing: build it first`);
  const imp = spawnSync(bin, ['import', '--db', db, src], { encoding: 'utf8', timeout: 300000 });
  assert.equal(imp.status, 0, `import of ${src} failed: ${imp.error || ''} ${imp.stderr}${imp.stdout}`);
  return imp.stdout;
}

// `actorgraph serve --db DB` on a free port with viz/dist at /; resolves to
// its base URL once /health answers.
async function serve(db) {
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), `${dist}/index.html is missing: run \`make viz\``);
  const proc = spawn(bin, ['serve', '--db', db, '--host', '127.0.0.1', '--port', '0', '--static-dir', dist], { stdio: ['ignore', 'pipe', 'pipe'] });
  servers.push(proc);
  let log = '';
  const port = await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server did not start: ${log}`)), 20000);
    const onData = (d) => {
      log += d;
      const m = log.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        clearTimeout(t);
        resolve(Number(m[1]));
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited (${code}): ${log}`)));
  });
  const at = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`${at}api/v1/health`)).ok) return at;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not healthy: ${log}`);
}

function tmpDir() {
  if (!tmp) tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'actorgraph-viz-'));
  return tmp;
}

async function startServer() {
  assert.ok(fs.existsSync(corpus), `corpus ${corpus} is missing`);
  const db = path.join(tmpDir(), 'db');
  importInto(db, corpus);
  base = await serve(db);
}

before(async () => {
  fs.mkdirSync(artifacts, { recursive: true });
  if (!externalUrl) await startServer();
  // A fresh profile (--user-data-dir) per run; playwright takes it as the
  // persistent context's directory, and each test opens its own context.
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'actorgraph-chromium-'));
  const persistent = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  browser = persistent.browser();
  assert.ok(browser, 'chromium started');
  browser.persistent = persistent;
});

after(async () => {
  if (browser) await browser.persistent.close();
  for (const s of servers) {
    if (s.exitCode === null) s.kill('SIGTERM');
    await new Promise((r) => (s.exitCode !== null ? r() : s.on('exit', r)));
  }
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
});

// ---- helpers ----------------------------------------------------------------

const pageErrors = [];
async function newPage(viewport = { width: 1366, height: 820 }, at = base) {
  const ctx = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('crash', () => console.log(`# the page crashed: ${page.url()}`));
  // Nothing may be loaded from outside the server.
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(at) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    pageErrors.push(`external request: ${u}`);
    return route.abort();
  });
  return page;
}

async function idle(page) {
  await page.waitForFunction(() => window.__actorgraph && window.__actorgraph.busy === 0, null, { timeout: 30000 });
  await page.waitForTimeout(150);
  await page.waitForFunction(() => window.__actorgraph.busy === 0, null, { timeout: 30000 });
}

const shot = (page, name) => page.screenshot({ path: path.join(artifacts, `${name}.png`) });

// Ids of the nodes drawn (not filtered out) on the canvas.
const visibleIds = (page) => page.evaluate(() => window.__actorgraph.cy.nodes().filter((n) => n.visible()).map((n) => n.data('nid')).sort());

// Page coordinates of a node as rendered on the canvas.
async function nodePoint(page, id) {
  return page.evaluate((id) => {
    const cy = window.__actorgraph.cy;
    const n = cy.getElementById(`n${id}`);
    const p = n.renderedPosition();
    const r = cy.container().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y, inside: p.x > 0 && p.y > 0 && p.x < r.width && p.y < r.height };
  }, id);
}

// Ids of the visible nodes whose rendered box (node body, no label) is not
// wholly inside the canvas.
const nodesOffCanvas = (page) =>
  page.evaluate(() => {
    const cy = window.__actorgraph.cy;
    const r = cy.container().getBoundingClientRect();
    return cy
      .nodes()
      .filter((n) => n.visible())
      .filter((n) => {
        const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
        return b.x1 < 0 || b.y1 < 0 || b.x2 > r.width || b.y2 > r.height;
      })
      .map((n) => n.data('nid'));
  });

// Picks `node` in an autocomplete input: types the start of its name and clicks
// its suggestion (the whole name if the start does not bring it up).
async function pickSuggestion(page, input, node) {
  await page.fill(input, '');
  await page.click(input);
  await page.keyboard.type(node.name.slice(0, 6), { delay: 30 });
  const li = `${input} ~ .suggestions li[data-id="${node.id}"]`;
  try {
    await page.waitForSelector(li, { timeout: 5000 });
  } catch {
    await page.fill(input, node.name);
    await page.waitForSelector(li, { timeout: 10000 });
  }
  await page.click(li);
}

// The center in the URL once it differs from `old` (or `old` after 5 s).
async function centerAfter(page, old) {
  const c = () => new URL(page.url()).searchParams.get('c');
  await page.waitForURL(() => c() !== old, { timeout: 5000 }).catch(() => {});
  return c();
}

// ---- the data the tests rely on (asked of the API, like the dashboard) -------

let center; // the best-connected actor
let centerSub; // its depth-1 subgraph

test('API serves the dashboard and the data it needs', async () => {
  const html = await (await fetch(base)).text();
  assert.match(html, /<div id="cy"/, 'the server serves viz/dist at /');
  assert.doesNotMatch(html, /https?:\/\/(?!127\.0\.0\.1)/, 'no external URLs in index.html');
  const stats = await api('/stats');
  assert.ok(stats.node_count > 0 && stats.edge_count > 0, `the corpus imported nodes and edges: ${JSON.stringify(stats)}`);
  const deg = await api('/analytics/degree?limit=5');
  assert.ok(deg.results.length > 0, 'degree ranking is not empty');
  center = deg.results[0].node;
  centerSub = await api(`/subgraph?center=${center.id}&depth=1&max_nodes=500`);
  assert.ok(centerSub.nodes.length >= 3, `the top actor has neighbours: ${centerSub.nodes.length}`);
});

test('search suggests as the user types and opens the ego network on the canvas', async () => {
  assert.ok(center, 'needs the API test');
  const page = await newPage();
  await page.goto(base);
  await idle(page);
  await shot(page, '01-welcome');
  const prefix = center.name.slice(0, Math.min(5, center.name.length));
  await page.click('#search');
  await page.keyboard.type(prefix, { delay: 40 });
  await page.waitForSelector('.suggestions li[data-id]', { state: 'visible', timeout: 10000 });
  const suggested = await page.$$eval('.suggestions li[data-id]', (lis) => lis.map((li) => li.dataset.id));
  assert.ok(suggested.includes(String(center.id)), `suggestions for "${prefix}" include ${center.name}: ${suggested}`);
  await shot(page, '02-suggestions');
  await page.click(`.suggestions li[data-id="${center.id}"]`);
  await page.waitForURL((u) => u.searchParams.get('c') === String(center.id));
  await idle(page);
  const ids = await visibleIds(page);
  assert.equal(ids.length, centerSub.nodes.length, 'every node of the subgraph is drawn');
  assert.deepEqual(ids, centerSub.nodes.map((n) => String(n.id)).sort());
  const onCanvas = await page.evaluate(() => {
    const cy = window.__actorgraph.cy;
    const r = cy.container().getBoundingClientRect();
    return cy.nodes().filter((n) => {
      const p = n.renderedPosition();
      return p.x >= 0 && p.y >= 0 && p.x <= r.width && p.y <= r.height;
    }).length;
  });
  assert.equal(onCanvas, ids.length, 'all nodes are inside the visible canvas after fit');
  const edges = await page.evaluate(() => window.__actorgraph.cy.edges().filter((e) => e.visible()).length);
  assert.equal(edges, centerSub.edges.length, 'every edge of the subgraph is drawn');
  const styles = await page.evaluate(() => window.__actorgraph.cy.nodes().map((n) => [n.data('type'), n.style('shape'), n.style('background-color')]));
  const shapeOf = new Map();
  for (const [t, shape, color] of styles) {
    if (shapeOf.has(t)) assert.equal(shapeOf.get(t), `${shape} ${color}`, `same look for type ${t}`);
    shapeOf.set(t, `${shape} ${color}`);
  }
  assert.equal(new Set(shapeOf.values()).size, shapeOf.size, 'each node type has its own colour and shape');
  await shot(page, '03-ego-network');
  await page.context().close();
});

test('Enter in the search box opens the match of the text typed, not the previous suggestion', async () => {
  // Two actors: `other`, whose own name brings it up first, and the center,
  // whose prefix's suggestions do not start with `other`.
  const prefix = center.name.slice(0, Math.min(5, center.name.length));
  const firstFor = async (q) => String((await api(`/search?q=${encodeURIComponent(q)}&limit=8`)).results[0]?.node.id);
  assert.equal(await firstFor(center.name), String(center.id), 'the center is the first match of its name');
  const prefixFirst = await firstFor(prefix);
  let other = null;
  for (const r of (await api('/analytics/degree?limit=20')).results) {
    const id = String(r.node.id);
    if (id !== String(center.id) && id !== prefixFirst && (await firstFor(r.node.name)) === id) {
      other = r.node;
      break;
    }
  }
  assert.ok(other, 'an actor that is the first match of its name');
  const page = await newPage();
  await page.goto(base);
  await idle(page);
  await page.click('#search');
  await page.keyboard.type(prefix, { delay: 40 });
  await page.waitForSelector('.search-box .suggestions li[data-id]', { state: 'visible' });
  // Enter at once after the new text: before the suggestions for it are asked for.
  await page.fill('#search', other.name);
  await page.keyboard.press('Enter');
  assert.equal(await centerAfter(page, null), String(other.id), `Enter right after typing "${other.name}" opens it`);
  await idle(page);
  // Enter while the answer for the new text is still on its way (a slow server).
  await page.route('**/api/v1/search?*', async (route) => {
    await new Promise((r) => setTimeout(r, 600));
    await route.fallback();
  });
  await page.click('#search');
  await page.fill('#search', center.name);
  await page.waitForTimeout(250); // past the debounce: the request is in flight
  await page.keyboard.press('Enter');
  assert.equal(await centerAfter(page, String(other.id)), String(center.id), `Enter while "${center.name}" is being searched opens it`);
  await page.context().close();
});

let viewUrl; // the URL of the view built up by the next tests

test('click on a node: the panel shows its evidence sentences with article links', async () => {
  const page = await newPage();
  await page.goto(`${base}?c=${center.id}`);
  await idle(page);
  // A neighbour of the center, clicked on the canvas.
  const target = centerSub.nodes.find((n) => String(n.id) !== String(center.id));
  const pt = await nodePoint(page, target.id);
  assert.ok(pt.inside, 'the node is on screen');
  await page.mouse.click(pt.x, pt.y);
  await page.waitForFunction(() => window.__actorgraph.store.get().sel.startsWith('n:'));
  const sel = await page.evaluate(() => window.__actorgraph.store.get().sel.slice(2));
  await page.waitForSelector('#panel:not([hidden]) .evidence-item .sentence', { timeout: 15000 });
  await idle(page);
  const node = await api(`/nodes/${sel}`);
  assert.equal((await page.textContent('[data-testid=panel-title]')).trim(), node.name);
  const sentences = await page.$$eval('#panel .evidence-item .sentence', (b) => b.map((x) => x.textContent.trim()));
  const nb = await api(`/nodes/${sel}/neighbors?limit=200`);
  const edge = await api(`/edges/${nb.items[0].edge.id}`);
  assert.ok(edge.evidence.length > 0, 'the edge has evidence');
  assert.ok(sentences.includes(edge.evidence[0].sentence.trim()), `the panel shows the sentence "${edge.evidence[0].sentence}"`);
  const links = await page.$$eval('#panel .evidence-item .source a[href]', (as) => as.map((a) => a.href));
  // Articles with a web address are links; others (imported from files) show their title.
  const urls = edge.evidence.map((e) => e.article && e.article.url).filter((u) => /^https?:\/\//.test(u || ''));
  if (urls.length) assert.ok(links.some((l) => urls.some((u) => l.startsWith(u.split('#')[0]))), 'article links are shown');
  const sources = await page.$$eval('#panel .evidence-item .source', (s) => s.map((x) => x.textContent));
  const title = edge.evidence[0].article && edge.evidence[0].article.title;
  if (title) assert.ok(sources.some((s) => s.includes(title)), `the article title "${title}" is shown`);
  const dates = await page.$$eval('#panel .evidence-item time', (t) => t.map((x) => x.textContent));
  if (edge.evidence[0].date) assert.ok(dates.length > 0, 'evidence dates are shown');
  await shot(page, '04-panel-evidence');
  // Click on an edge (its middle, on the canvas): the panel shows that edge's evidence.
  await page.click('#panel .panel-close');
  await page.waitForFunction(() => window.__actorgraph.store.get().sel === '');
  const mid = await page.evaluate(() => {
    const cy = window.__actorgraph.cy;
    const r = cy.container().getBoundingClientRect();
    // The edge whose middle is farthest from every node, so the click hits the edge.
    let best = null;
    cy.edges().forEach((e) => {
      const m = e.renderedMidpoint();
      const d = Math.min(...cy.nodes().map((n) => Math.hypot(n.renderedPosition().x - m.x, n.renderedPosition().y - m.y)));
      if (m.x > 0 && m.y > 0 && m.x < r.width && m.y < r.height && (!best || d > best.d)) best = { d, x: r.left + m.x, y: r.top + m.y, id: e.data('eid') };
    });
    return best;
  });
  assert.ok(mid, 'an edge is on screen');
  await page.mouse.click(mid.x, mid.y);
  await page.waitForFunction(() => window.__actorgraph.store.get().sel.startsWith('e:'), null, { timeout: 10000 });
  const eidSel = await page.evaluate(() => window.__actorgraph.store.get().sel.slice(2));
  await page.waitForSelector('#panel:not([hidden]) .evidence-item .sentence');
  const clicked = await api(`/edges/${encodeURIComponent(eidSel)}`);
  const edgeSentences = await page.$$eval('#panel .evidence-item .sentence', (b) => b.map((x) => x.textContent.trim()));
  assert.deepEqual(edgeSentences, clicked.evidence.map((e) => e.sentence.trim()), 'the edge panel lists its evidence sentences');
  await shot(page, '04b-edge-evidence');
  // The edge selection survives a reload.
  await page.reload();
  await idle(page);
  await page.waitForSelector('#panel:not([hidden]) .evidence-item .sentence');
  assert.equal(await page.evaluate(() => window.__actorgraph.store.get().sel), `e:${eidSel}`);
  await page.context().close();
});

test('double-click expands a node: its neighbours are added, paged', async () => {
  const page = await newPage();
  await page.goto(`${base}?c=${center.id}`);
  await idle(page);
  const before = new Set(await visibleIds(page));
  // A neighbour with neighbours not on screen yet.
  let target = null;
  let expected = null;
  for (const n of centerSub.nodes) {
    if (String(n.id) === String(center.id)) continue;
    const nb = await api(`/nodes/${n.id}/neighbors?limit=50`);
    const fresh = new Set(nb.items.map((it) => String(it.neighbor.id)).filter((id) => !before.has(id)));
    if (fresh.size > 0) {
      target = n;
      expected = { fresh, nb };
      break;
    }
  }
  assert.ok(target, 'some neighbour of the center has neighbours of its own');
  const pt = await nodePoint(page, target.id);
  await shot(page, '05a-before-dblclick');
  const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.tagName, [pt.x, pt.y]);
  assert.equal(hit, 'CANVAS', `the node at (${pt.x}, ${pt.y}) is not covered by another element`);
  await page.mouse.dblclick(pt.x, pt.y);
  await page.waitForFunction((n) => window.__actorgraph.cy.nodes().length > n, before.size, { timeout: 15000 });
  await idle(page);
  const after = new Set(await visibleIds(page));
  for (const id of expected.fresh) assert.ok(after.has(id), `neighbour ${id} was added`);
  assert.equal(after.size, before.size + expected.fresh.size);
  const url = new URL(page.url());
  assert.match(url.searchParams.get('x') || '', new RegExp(`\\b${target.id}\\b`), 'the expansion is in the URL');
  if (expected.nb.next_cursor) assert.ok(await page.isVisible('#pagers .pager'), 'a hub shows "N more of M"');
  await shot(page, '05-expanded');
  viewUrl = page.url();
  await page.context().close();
});

test('paging: "50 more of N" loads the next page of a hub', async () => {
  // Find a node with more than one page of neighbours, if the corpus has one.
  const deg = await api('/analytics/degree?limit=20');
  const hub = deg.results.find((r) => r.score > 50);
  if (!hub) {
    console.log('# no hub with more than 50 neighbours in this corpus: checking the pager on a 2-item page');
  }
  const page = await newPage();
  await page.goto(base);
  await idle(page);
  // Expand with a small page through the same code path, to exercise paging on any corpus.
  const id = String(hub ? hub.node.id : center.id);
  const total = (await api(`/nodes/${id}/neighbors?limit=1`)).total;
  assert.ok(total >= 2, 'the node has neighbours');
  await page.evaluate((id) => window.__actorgraph.expandPaged(id, 1), id);
  await idle(page);
  let label = await page.textContent('#pagers .pager');
  assert.match(label, new RegExp(`more of ${total.toLocaleString('en-US')}`), `pager label: ${label}`);
  const n1 = await page.evaluate(() => window.__actorgraph.cy.nodes().length);
  await page.click('#pagers .pager');
  await idle(page);
  const n2 = await page.evaluate(() => window.__actorgraph.cy.nodes().length);
  assert.ok(n2 > n1, `the next page added nodes (${n1} -> ${n2})`);
  await shot(page, '06-pager');
  await page.context().close();
});

test('filters: node type, edge type, confidence and dates hide what they exclude', async () => {
  assert.ok(viewUrl, 'needs the expand test');
  const page = await newPage();
  await page.goto(viewUrl);
  await idle(page);
  const types = await page.evaluate(() => window.__actorgraph.cy.nodes().not('.center').map((n) => n.data('type')));
  const counts = {};
  for (const t of types) counts[t] = (counts[t] || 0) + 1;
  const drop = Object.keys(counts).sort((a, b) => counts[b] - counts[a])[0];
  const before = (await visibleIds(page)).length;
  await page.uncheck(`#filters input[name=nt][value="${drop}"]`);
  await page.waitForFunction((t) => (new URL(location.href).searchParams.get('nt') || '').length > 0 && !new URL(location.href).searchParams.get('nt').split(',').includes(t), drop);
  await idle(page);
  const left = await page.evaluate(() => window.__actorgraph.cy.nodes().filter((n) => n.visible()).map((n) => [n.data('type'), n.hasClass('center')]));
  assert.ok(left.every(([t, c]) => t !== drop || c), `no ${drop} node is drawn`);
  assert.ok(left.length < before, `fewer nodes (${before} -> ${left.length})`);
  await shot(page, '07-filter-node-type');
  // Minimum confidence 1.0: only edges with confidence 1 remain.
  await page.$eval('#filters input[name=minc]', (el) => {
    el.value = '1';
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('minc') === '1');
  await idle(page);
  const confs = await page.evaluate(() => window.__actorgraph.cy.edges().filter((e) => e.visible()).map((e) => e.data('confidence')));
  assert.ok(confs.every((c) => c >= 1), 'only edges with confidence >= 1 are drawn');
  // Reset, then an edge type filter.
  await page.click('#filters button[name=reset]');
  await idle(page);
  const etypes = await page.evaluate(() => [...new Set(window.__actorgraph.cy.edges().map((e) => e.data('type')))]);
  await page.uncheck(`#filters input[name=et][value="${etypes[0]}"]`);
  await idle(page);
  const shown = await page.evaluate(() => window.__actorgraph.cy.edges().filter((e) => e.visible()).map((e) => e.data('type')));
  assert.ok(!shown.includes(etypes[0]), `no ${etypes[0]} edge is drawn`);
  // A date range in the far past hides every edge.
  await page.fill('#filters input[name=until]', '1900-01-01');
  await page.$eval('#filters input[name=until]', (el) => el.dispatchEvent(new Event('change', { bubbles: true })));
  await idle(page);
  const dated = await page.evaluate(() => window.__actorgraph.cy.edges().filter((e) => e.visible()).length);
  assert.equal(dated, 0, 'no edge seen before 1900');
  await shot(page, '08-filter-dates');
  await page.context().close();
});

test('paths between two actors are found and highlighted', async () => {
  // Two actors two or more hops apart, from the center's depth-2 neighbourhood.
  const sub2 = await api(`/subgraph?center=${center.id}&depth=2&max_nodes=500`);
  const near = new Set(centerSub.nodes.map((n) => String(n.id)));
  const far = sub2.nodes.find((n) => !near.has(String(n.id)));
  const to = far || centerSub.nodes.find((n) => String(n.id) !== String(center.id));
  const expected = await api(`/paths?from=${center.id}&to=${to.id}&max_depth=5&k=5`);
  assert.ok(expected.paths.length > 0, 'the API finds a path');
  const page = await newPage();
  await page.goto(`${base}?c=${center.id}`);
  await idle(page);
  await pickSuggestion(page, '#paths-form input[name=from]', center);
  await pickSuggestion(page, '#paths-form input[name=to]', to);
  await page.click('#paths-form button[name=find]');
  await page.waitForSelector('#paths-form .paths li', { timeout: 15000 });
  await idle(page);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('from'), String(center.id));
  assert.equal(url.searchParams.get('to'), String(to.id));
  const hl = await page.evaluate(() => ({
    nodes: window.__actorgraph.cy.nodes('.path').map((n) => n.data('nid')),
    edges: window.__actorgraph.cy.edges('.path').map((e) => e.data('eid')),
  }));
  for (const n of expected.paths[0].nodes) assert.ok(hl.nodes.includes(String(n.id)), `path node ${n.name} highlighted`);
  for (const e of expected.paths[0].edges) assert.ok(hl.edges.includes(String(e.id)), `path edge ${e.id} highlighted`);
  await shot(page, '09-path');
  await page.context().close();
});

test('a path replaces the view, fitted to the canvas; Clear brings the view back', async () => {
  // A path that leaves the center's network: its far end is two or more hops away.
  const sub2 = await api(`/subgraph?center=${center.id}&depth=2&max_nodes=500`);
  const near = new Set(centerSub.nodes.map((n) => String(n.id)));
  const to = sub2.nodes.find((n) => !near.has(String(n.id)));
  assert.ok(to, 'an actor two hops from the center');
  const page = await newPage();
  await page.goto(`${base}?c=${center.id}`);
  await idle(page);
  await pickSuggestion(page, '#paths-form input[name=from]', center);
  await pickSuggestion(page, '#paths-form input[name=to]', to);
  await page.click('#paths-form button[name=find]');
  await page.waitForSelector('#paths-form .paths li', { timeout: 15000 });
  await idle(page);
  await shot(page, '09b-path-view');
  const view = await page.evaluate(() => {
    const cy = window.__actorgraph.cy;
    const r = cy.container().getBoundingClientRect();
    const onPath = cy.elements('.path');
    const bb = onPath.nodes().renderedBoundingBox({ includeLabels: false });
    return {
      offPath: cy.elements().filter((e) => e.visible() && !e.hasClass('path')).map((e) => e.id()),
      pathNodes: onPath.nodes().length,
      box: { cx: (bb.x1 + bb.x2) / 2 / r.width, cy: (bb.y1 + bb.y2) / 2 / r.height, w: bb.w / r.width, h: bb.h / r.height },
    };
  });
  assert.ok(view.pathNodes >= 3, `the path is drawn (${view.pathNodes} nodes)`);
  assert.deepEqual(view.offPath, [], 'nothing but the paths is drawn: the old view is not left behind them');
  const status = await page.textContent('#status');
  assert.match(status, new RegExp(`^${view.pathNodes} nodes`), `the status counts the paths' nodes: ${status}`);
  assert.doesNotMatch(status, /filtered out/, `the view behind the paths is not counted as filtered out: ${status}`);
  assert.deepEqual(await nodesOffCanvas(page), [], 'every path node is inside the canvas');
  const { box } = view;
  assert.ok(Math.abs(box.cx - 0.5) < 0.1 && Math.abs(box.cy - 0.5) < 0.1, `the paths are centred in the canvas: ${JSON.stringify(box)}`);
  assert.ok(box.w > 0.5 || box.h > 0.5, `the paths fill the canvas: ${JSON.stringify(box)}`);
  // Clear: the path's nodes go, the center's network comes back, fitted.
  await page.click('#paths-form button[name=clear]');
  await page.waitForURL((u) => !u.searchParams.get('from') && !u.searchParams.get('to'));
  await idle(page);
  await shot(page, '09c-path-cleared');
  assert.deepEqual(await visibleIds(page), centerSub.nodes.map((n) => String(n.id)).sort(), 'the center\'s network is drawn again, without the path\'s nodes');
  assert.equal(await page.evaluate(() => window.__actorgraph.cy.elements('.path, .faded').length), 0, 'nothing is highlighted or faded');
  assert.deepEqual(await nodesOffCanvas(page), [], 'and it is fitted to the canvas');
  await page.context().close();
});

test('depth 2: the labels drawn do not overlap', async () => {
  // The depth-2 networks of the best-connected actors: node labels, and edge
  // labels where the fit zooms in far enough to draw them.
  const page = await newPage();
  for (const { node } of (await api('/analytics/degree?limit=5')).results) {
    await page.goto(`${base}?c=${node.id}&d=2`);
    await idle(page);
    const labels = await page.evaluate(() => {
      const cy = window.__actorgraph.cy;
      const zoom = cy.zoom();
      // The labels Cytoscape draws: of visible elements, not empty, not
      // transparent, and not below min-zoomed-font-size at this zoom.
      return cy
        .elements()
        .filter((e) => e.visible() && e.style('label') && Number(e.style('text-opacity')) > 0 && parseFloat(e.style('font-size')) * zoom >= parseFloat(e.style('min-zoomed-font-size')))
        .map((e) => {
          const b = e.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
          return { id: e.id(), text: e.style('label'), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
        });
    });
    const nodes = (await visibleIds(page)).length;
    assert.ok(labels.some((l) => l.id === `n${node.id}`), `${node.name} is labelled`);
    assert.ok(labels.length >= Math.min(10, nodes / 2), `enough labels are drawn around ${node.name} (${labels.length} for ${nodes} nodes)`);
    // Two labels overlap when they share more than 2 px each way.
    const overlaps = [];
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i];
        const b = labels[j];
        const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
        const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
        if (w > 2 && h > 2) overlaps.push(`"${a.text}" / "${b.text}"`);
      }
    }
    if (overlaps.length) await shot(page, '09d-depth-2-labels');
    assert.deepEqual(overlaps, [], `around ${node.name}, ${overlaps.length} pairs of the ${labels.length} labels drawn overlap`);
  }
  await shot(page, '09d-depth-2-labels');
  await page.context().close();
});

test('narrowing the window refits the graph', async () => {
  const page = await newPage();
  await page.goto(`${base}?c=${center.id}&d=2`);
  await idle(page);
  assert.deepEqual(await nodesOffCanvas(page), [], 'fitted at first');
  for (const width of [1000, 700]) {
    await page.setViewportSize({ width, height: 820 });
    await page.waitForTimeout(300);
    await idle(page);
    assert.deepEqual(await nodesOffCanvas(page), [], `every node is inside the canvas at ${width} px`);
  }
  await shot(page, '09e-narrowed');
  await page.context().close();
});

test('URL round trip: the link reopens the same view', async () => {
  assert.ok(viewUrl, 'needs the expand test');
  const page = await newPage();
  await page.goto(viewUrl);
  await idle(page);
  // Build up a view: a filter, a selection, a path.
  const drop = 'location';
  await page.uncheck(`#filters input[name=nt][value="${drop}"]`);
  await idle(page);
  const ids = await visibleIds(page);
  const pick = ids.find((id) => id !== String(center.id));
  await page.evaluate((id) => window.__actorgraph.store.set({ sel: `n:${id}` }), pick);
  await page.waitForSelector('#panel:not([hidden]) [data-testid=panel-title]');
  await idle(page);
  const state = async (p) =>
    p.evaluate(() => ({
      nodes: window.__actorgraph.cy.nodes().filter((n) => n.visible()).map((n) => n.data('nid')).sort(),
      edges: window.__actorgraph.cy.edges().filter((e) => e.visible()).map((e) => e.data('eid')).sort(),
      selected: window.__actorgraph.cy.$(':selected').map((n) => n.data('nid')),
      panel: document.querySelector('[data-testid=panel-title]')?.textContent.trim(),
      nt: [...document.querySelectorAll('#filters input[name=nt]')].map((i) => i.checked),
      state: window.__actorgraph.store.get(),
    }));
  const a = await state(page);
  const shared = page.url();
  await shot(page, '10-before-reload');
  // Reload, and open in a fresh browser context as a shared link.
  await page.reload();
  await idle(page);
  await page.waitForSelector('#panel:not([hidden]) [data-testid=panel-title]');
  await idle(page);
  const b = await state(page);
  assert.deepEqual(b, a, 'reloading the URL gives the same view');
  const positions = (p) => p.evaluate(() => Object.fromEntries(window.__actorgraph.cy.nodes().map((n) => [n.data('nid'), [Math.round(n.position().x), Math.round(n.position().y)]])));
  const other = await newPage({ width: 1280, height: 800 });
  await other.goto(shared);
  await idle(other);
  await other.waitForSelector('#panel:not([hidden]) [data-testid=panel-title]');
  await idle(other);
  const c = await state(other);
  assert.deepEqual(c.nodes, a.nodes, 'a shared link draws the same nodes');
  assert.deepEqual(c.edges, a.edges, 'and the same edges');
  assert.equal(c.panel, a.panel, 'and opens the same panel');
  // The layout is seeded: the same URL gives the same picture (the original
  // page may differ slightly, as it was reached through other states).
  assert.deepEqual(await positions(other), await positions(page), 'the same URL gives the same layout');
  await shot(other, '11-after-reload');
  await other.context().close();
  await page.context().close();
});

test('ranking opens an actor; the timeline lists events', async () => {
  const page = await newPage();
  await page.goto(`${base}?view=ranking&metric=degree`);
  await page.waitForSelector('table.ranking tr[data-id]', { timeout: 15000 });
  const first = await page.getAttribute('table.ranking tr[data-id]', 'data-id');
  await shot(page, '12-ranking');
  await page.click('table.ranking tr[data-id] a');
  await page.waitForURL((u) => u.searchParams.get('c') === first && !u.searchParams.get('view'));
  await idle(page);
  assert.ok((await visibleIds(page)).includes(first), 'the ranked actor is on the graph');
  await page.click('#tab-timeline');
  await idle(page);
  const events = await api('/events');
  if (events.events.length) {
    await page.waitForSelector('#timeline-view .event-name');
    const n = await page.$$eval('#timeline-view .event', (e) => e.length);
    assert.equal(n, events.events.length, 'every event is on the timeline');
    // Filtered by a location, through the form.
    const withLoc = events.events.find((e) => e.locations && e.locations.length);
    if (withLoc) {
      const loc = withLoc.locations[0];
      const expected = await api(`/events?location=${encodeURIComponent(loc.name)}`);
      await page.fill('#timeline-view input[name=loc]', loc.name);
      await page.press('#timeline-view input[name=loc]', 'Enter');
      await page.$eval('#timeline-view input[name=loc]', (el) => el.dispatchEvent(new Event('change', { bubbles: true })));
      await page.waitForFunction((l) => new URL(location.href).searchParams.get('loc') === l, loc.name);
      await idle(page);
      const m = await page.$$eval('#timeline-view .event', (e) => e.length);
      assert.equal(m, expected.events.length, `events in ${loc.name}`);
    }
    await shot(page, '13-timeline');
    // An event opens its network.
    const first = await page.getAttribute('#timeline-view .event-name', 'data-id');
    await page.click('#timeline-view .event-name');
    await page.waitForURL((u) => u.searchParams.get('c') === first);
    await idle(page);
    assert.ok((await visibleIds(page)).includes(first), 'the event is on the graph');
    await page.goBack();
    await idle(page);
    assert.equal(new URL(page.url()).searchParams.get('view'), 'timeline', 'Back returns to the timeline');
    // The graph was rebuilt while hidden: shown again, it is fitted to the canvas.
    await page.click('#tab-graph');
    await idle(page);
    const fit = await page.evaluate(() => {
      const cy = window.__actorgraph.cy;
      const r = cy.container().getBoundingClientRect();
      const vis = cy.nodes().filter((n) => n.visible());
      const inside = vis.filter((n) => {
        const p = n.renderedPosition();
        return p.x >= 0 && p.y >= 0 && p.x <= r.width && p.y <= r.height;
      });
      return { vis: vis.length, inside: inside.length };
    });
    assert.ok(fit.vis > 0, 'the graph has nodes');
    assert.equal(fit.inside, fit.vis, 'every node is inside the canvas');
  }
  await page.context().close();
});

test('export: PNG and GraphML of the view', async () => {
  const page = await newPage();
  await page.goto(`${base}?c=${center.id}`);
  await idle(page);
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#btn-png')]);
  const pngBuf = fs.readFileSync(await png.path());
  assert.deepEqual([...pngBuf.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');
  assert.ok(pngBuf.length > 2000, 'the PNG has content');
  fs.writeFileSync(path.join(artifacts, 'export.png'), pngBuf);
  const [gml] = await Promise.all([page.waitForEvent('download'), page.click('#btn-graphml')]);
  const text = fs.readFileSync(await gml.path(), 'utf8');
  fs.writeFileSync(path.join(artifacts, 'export.graphml'), text);
  assert.match(text, /<graphml/);
  assert.equal((text.match(/<node /g) || []).length, centerSub.nodes.length, 'one GraphML node per node on screen');
  assert.equal((text.match(/<edge /g) || []).length, centerSub.edges.length, 'one GraphML edge per edge on screen');
  await page.context().close();
});

test('filter labels are not broken inside a word', async () => {
  for (const viewport of [{ width: 1366, height: 820 }, { width: 360, height: 740 }, { width: 320, height: 640 }]) {
    const page = await newPage(viewport);
    await page.goto(base);
    await idle(page);
    if (viewport.width <= 900) {
      await page.click('#btn-sidebar');
      await page.waitForFunction(() => document.querySelector('#sidebar').getBoundingClientRect().left >= -1);
    }
    const labels = await page.evaluate(() => {
      const side = document.querySelector('#sidebar').getBoundingClientRect();
      return [...document.querySelectorAll('#filters label')].map((label) => {
        // A text broken over lines has a client rect per line.
        const lines = [...label.childNodes]
          .filter((t) => t.nodeType === Node.TEXT_NODE && t.textContent.trim())
          .map((t) => {
            const r = document.createRange();
            r.selectNodeContents(t);
            return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size;
          });
        const box = label.getBoundingClientRect();
        return { text: label.textContent.trim(), lines: Math.max(...lines), inside: box.left >= side.left - 1 && box.right <= side.right + 1 };
      });
    });
    assert.ok(labels.length >= 7 + 5, `the type filters are there (${labels.length})`);
    const broken = labels.filter((l) => l.lines > 1).map((l) => l.text);
    assert.deepEqual(broken, [], `at ${viewport.width} px no filter label wraps`);
    const out = labels.filter((l) => !l.inside).map((l) => l.text);
    assert.deepEqual(out, [], `at ${viewport.width} px every filter label is inside the sidebar`);
    if (viewport.width === 360) await shot(page, '14c-phone-filter-labels');
    await page.context().close();
  }
});

test('phone width: graph, search and panel fit the screen', async () => {
  const page = await newPage({ width: 390, height: 844 });
  await page.goto(`${base}?c=${center.id}&sel=n:${center.id}`);
  await idle(page);
  await page.waitForSelector('#panel:not([hidden]) [data-testid=panel-title]');
  const box = await page.evaluate(() => {
    const r = (s) => document.querySelector(s).getBoundingClientRect().toJSON();
    return { cy: r('#cy'), panel: r('#panel'), search: r('#search'), width: document.documentElement.scrollWidth };
  });
  assert.ok(box.width <= 390, `no horizontal scroll (${box.width})`);
  assert.ok(box.cy.width > 300 && box.cy.height > 300, 'the graph fills the screen');
  assert.ok(box.panel.right <= 391 && box.panel.width > 300, 'the panel is a bottom sheet');
  assert.ok(box.search.width > 250, 'the search box is usable');
  assert.equal((await visibleIds(page)).length, centerSub.nodes.length);
  await shot(page, '14-phone');
  // The filters are a drawer behind the menu button.
  const drawerX = () => page.evaluate(() => document.querySelector('#sidebar').getBoundingClientRect().left);
  assert.ok((await drawerX()) < -100, 'the filter drawer starts closed');
  await page.click('#btn-sidebar');
  await page.waitForFunction(() => document.querySelector('#sidebar').getBoundingClientRect().left >= -1);
  assert.ok(await page.isVisible('#filters input[name=nt][value=person]'), 'filters are reachable on a phone');
  await shot(page, '14b-phone-filters');
  await page.context().close();
});

// A JSON Lines file of invented industry news: `count` speakers of one event,
// each in a sentence of their own ("Name Surname, Title of Company, spoke at
// the Grand Hub Forum 2024."), from which the extractor takes a person, a
// company, a works-for and a speaks-at edge. Names are unique (syllables
// spelling the index), so resolution merges only the event: a star of
// persons around it, each with a company of their own at depth 2.
function writeSyntheticNews(file, count) {
  const first = ['Marta', 'Tomas', 'Elena', 'Jonas', 'Priya', 'Kenji', 'Sofia', 'Lukas', 'Amira', 'Davide', 'Ingrid', 'Rafael', 'Noor', 'Viktor', 'Hana', 'Oskar'];
  const pSyl = ['ka', 'lo', 'ren', 'vi', 'sa', 'mor', 'tel', 'di', 'bra', 'nu', 'zen', 'fa', 'gor', 'li', 'pe', 'han'];
  const cSyl = ['bright', 'quill', 'stone', 'vale', 'iron', 'north', 'crest', 'field', 'oak', 'mark', 'silver', 'ridge', 'haven', 'forge', 'lake', 'wood'];
  const suffix = ['Holdings Ltd', 'Industries GmbH', 'Systems Inc', 'Manufacturing Co'];
  const titles = ['Chief Executive Officer', 'Chief Technology Officer', 'Chief Operating Officer', 'Chief Financial Officer'];
  const word = (i, syl) => {
    let w = '';
    for (let k = 0; k < 3; k++, i = Math.floor(i / syl.length)) w += syl[i % syl.length];
    return w[0].toUpperCase() + w.slice(1);
  };
  const perArticle = 50;
  const lines = [];
  for (let a = 0; a * perArticle < count; a++) {
    const text = [];
    for (let i = a * perArticle; i < Math.min(count, (a + 1) * perArticle); i++) {
      text.push(`${first[i % 16]} ${word(i, pSyl)}, ${titles[i % 4]} of ${word(i, cSyl)} ${suffix[i % 4]}, spoke at the Grand Hub Forum 2024.`);
    }
    lines.push(JSON.stringify({ url: `https://news.example/grand-hub-forum/${a}`, title: `Grand Hub Forum 2024: speakers, part ${a + 1}`, date: '2024-03-01', text: text.join(' ') }));
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

test('5,000 nodes on screen stay smooth', async () => {
  // The dev corpus is small: a second server over a fresh database of
  // synthetic news (2,550 speakers of one event and their 2,550 companies,
  // 5,101 nodes) gives the view a real /subgraph of 5,000 nodes.
  // 5,000 is also the API's largest max_nodes (kMaxSubgraphNodes).
  const maxNodes = 5000;
  const file = path.join(tmpDir(), 'synthetic-news.jsonl');
  writeSyntheticNews(file, 2550);
  const db2 = path.join(tmpDir(), 'db-5000');
  importInto(db2, file);
  const base2 = await serve(db2);
  const stats = await api('/stats', base2);
  assert.ok(stats.nodes.person >= 2550 && stats.nodes.company >= 2550 && stats.nodes.event >= 1, `persons, companies and the event: ${JSON.stringify(stats.nodes)}`);
  assert.ok(stats.edges['works-for'] >= 2550 && stats.edges['speaks-at'] >= 2550, `works-for and speaks-at: ${JSON.stringify(stats.edges)}`);
  const hub = (await api('/analytics/degree?limit=1', base2)).results[0].node;
  assert.equal(hub.name, 'Grand Hub Forum 2024');
  const sub = await api(`/subgraph?center=${hub.id}&depth=2&max_nodes=${maxNodes}`, base2);
  assert.equal(sub.nodes.length, maxNodes, `the hub's depth-2 network fills max_nodes (${sub.nodes.length})`);
  const page = await newPage(undefined, base2);
  const t0 = Date.now();
  await page.goto(`${base2}?c=${hub.id}&d=2&max=${maxNodes}`);
  await idle(page);
  const loadMs = Date.now() - t0;
  const n = await page.evaluate(() => window.__actorgraph.cy.nodes().length);
  assert.ok(n >= 5000, `5,000 nodes drawn (${n})`);
  // Frames during a pan and a zoom.
  const fps = await page.evaluate(async () => {
    const cy = window.__actorgraph.cy;
    let frames = 0;
    const t = performance.now();
    await new Promise((resolve) => {
      const step = () => {
        frames++;
        cy.panBy({ x: 3, y: 2 });
        if (frames % 20 === 0) cy.zoom({ level: cy.zoom() * 1.05, renderedPosition: { x: 300, y: 300 } });
        if (performance.now() - t < 2000) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
    return frames / ((performance.now() - t) / 1000);
  });
  console.log(`# 5,000 nodes: loaded and laid out in ${loadMs} ms, ${fps.toFixed(1)} frames/s while panning (software rendering)`);
  await shot(page, '15-5000-nodes');
  // Hang guards, not speed targets (the machines are shared; the figures are the log line's):
  // a load that never ends or a page that stops drawing fails.
  assert.ok(loadMs < 120000, `5,000 nodes load within 2 minutes (${loadMs} ms)`);
  assert.ok(fps > 2, `panning still draws (${fps.toFixed(1)} fps)`);
  await page.context().close();
});

test('query box: the rows in a table, their nodes and edges drawn, the query in the link', async () => {
  const page = await newPage();
  await page.goto(base);
  await idle(page);
  await page.click('#tab-query');
  const q = 'MATCH (p:person)-[r:works_for]->(o) RETURN p, r, o.name AS org, o ORDER BY p.id, o.id LIMIT 8';
  await page.fill('#query-view textarea', q);
  await page.click('#query-view button[type=submit]');
  await page.waitForSelector('#query-view table.query-table tbody tr', { timeout: 15000 });
  await idle(page);
  const res = await fetch(new URL('api/v1/query', base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: q }),
  });
  const expected = await res.json();
  assert.equal(await page.$$eval('#query-view tbody tr', (t) => t.length), expected.rows.length, 'a table row a result row');
  assert.equal(await page.textContent('#query-view thead'), 'prorgo', 'the columns');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('view'), 'query');
  assert.equal(url.searchParams.get('cq'), q, 'the query is in the link');
  await shot(page, '16-query');
  await page.click('#query-view button[name=draw]');
  await idle(page);
  const want = [...new Set(expected.rows.flatMap((r) => [r[0].id, r[3].id]))].sort();
  assert.deepEqual(await visibleIds(page), want, 'the nodes of the rows are drawn');
  const edges = await page.evaluate(() => window.__actorgraph.cy.edges().length);
  assert.equal(edges, new Set(expected.rows.map((r) => r[1].id)).size, 'and their edges');
  assert.equal(await page.textContent('[data-testid=count]'), `${want.length} nodes · ${edges} edges`);
  await shot(page, '17-query-graph');
  // The link reruns the query; a refusal shows its code.
  await page.goto(`${base}?view=query&cq=${encodeURIComponent(q)}`);
  await page.waitForSelector('#query-view table.query-table tbody tr', { timeout: 15000 });
  await page.goto(`${base}?view=query&cq=${encodeURIComponent('MATCH (n) DETACH DELETE n')}`);
  await page.waitForSelector('#query-view .query-error', { timeout: 15000 });
  assert.match(await page.textContent('#query-view .query-error'), /^unsupported: DETACH/);
  await page.context().close();
});

test('feeds view: each followed feed with its polls, items and last error', async () => {
  const page = await newPage();
  await page.goto(`${base}?view=feeds`);
  await page.waitForSelector('#feeds-view .feeds-empty:not([hidden])', { timeout: 15000 });
  const url = 'http://127.0.0.1:9/feed.xml';  // never polled: this server does not follow
  const added = await fetch(new URL('api/v1/feeds', base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ url, interval_seconds: 600 }),
  });
  assert.equal(added.status, 201, 'the feed is followed');
  await page.click('#tab-graph');
  await page.click('#tab-feeds');  // shown again: listed afresh
  await page.waitForSelector('#feeds-view tbody tr', { timeout: 15000 });
  const cells = await page.$$eval('#feeds-view tbody tr td', (t) => t.map((c) => c.textContent.trim()));
  assert.deepEqual(cells, [url, '600 s', 'never', cells[3], '0', '0', '0', ''], 'url, interval, polls, counts');
  assert.ok(await page.isHidden('#feeds-view .feeds-empty'), 'the empty note is gone');
  assert.equal(new URL(page.url()).searchParams.get('view'), 'feeds', 'the view is in the link');
  await shot(page, '18-feeds');
  const id = (await (await fetch(new URL('api/v1/feeds', base))).json()).items[0].id;
  await fetch(new URL(`api/v1/feeds/${id}`, base), { method: 'DELETE' });
  await page.context().close();
});

test('no page errors, nothing loaded from outside', () => {
  assert.deepEqual(pageErrors, []);
});
