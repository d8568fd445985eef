#!/usr/bin/env node
// Browser test of the dashboard's duplicates view (viz/src/suggestions.js): Debian's chromium,
// headless, driven by playwright-core, against the real `actorgraph serve` over a fresh
// database of the dev corpus (as tests/viz/run.mjs). It clicks "merge" on a suggestion and
// checks through the API that the pair became one node, then "not the same" on another and
// checks that the pair left the list and was recorded as a curation step.
//
//   node tests/viz/suggestions.mjs          (what CTest runs)
//
// Environment: ACTORGRAPH_BIN, ACTORGRAPH_SOURCE_DIR, ACTORGRAPH_CORPUS_DIR (set by CTest),
// CHROMIUM (default /usr/bin/chromium).
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

const requireViz = createRequire(path.join(repo, 'viz/package.json'));
const { chromium } = requireViz('playwright-core');

let base = '';
let server = null;
let token = ''; // the write token the server printed, typed into the dashboard as a user would
let context = null;
let tmp = null;
const pageErrors = [];
process.on('exit', () => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
});

async function api(p, init) {
  const r = await fetch(new URL(`api/v1${p}`, base), init);
  return { status: r.status, body: await r.json() };
}

// `actorgraph serve --token-file` on a free port, with the write token it makes and prints (kept in
// `token`); resolves to its base URL once /health answers.
async function serve(db) {
  const proc = spawn(bin, ['serve', '--db', db, '--host', '127.0.0.1', '--port', '0', '--token-file', '--static-dir', dist], { stdio: ['ignore', 'pipe', 'pipe'] });
  server = proc;
  let log = '';
  const port = await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server did not start: ${log}`)), 20000);
    const onData = (d) => {
      log += d;
      const m = log.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      const printed = log.match(/need the token ([0-9a-f]{64})/);
      if (m && printed) {
        token = printed[1];
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

before(async () => {
  assert.ok(fs.existsSync(bin), `${bin} is missing: build it first`);
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), `${dist}/index.html is missing: run \`make viz\``);
  fs.mkdirSync(artifacts, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'actorgraph-viz-suggest-'));
  const db = path.join(tmp, 'db');
  const imp = spawnSync(bin, ['import', '--db', db, corpus], { encoding: 'utf8', timeout: 300000 });
  assert.equal(imp.status, 0, `import failed: ${imp.stderr}${imp.stdout}`);
  base = await serve(db);
  context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1366, height: 820 },
  });
});

after(async () => {
  if (context) await context.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
  }
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

// The duplicates view with the token typed in (none when `withToken` is false).
async function openDuplicates({ withToken = true } = {}) {
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${base}?view=suggestions`);
  await page.waitForSelector('#suggestions-view li.dup');
  if (withToken) await page.fill('#suggestions-view input[name=token]', token);
  return page;
}

// The pair a row names, as the API will be asked about it.
const rowPair = (li) => li.evaluate((el) => ({ from: el.dataset.from, into: el.dataset.into }));

test('a merge without the token is refused and says why', async () => {
  const page = await openDuplicates({ withToken: false });
  const first = page.locator('#suggestions-view li.dup').first();
  const { from } = await rowPair(first);
  await first.locator('button[data-action=merge]').click();
  await page.waitForFunction(() => /Could not merge: .*Authorization: Bearer/.test(document.querySelector('#toast').textContent));
  assert.equal((await api(`/nodes/${from}`)).status, 200, 'nothing was merged');
  assert.equal((await api('/curations')).body.items.length, 0, 'no curation step');
  await page.close();
});

test('"merge" merges the suggested pair', async () => {
  const page = await openDuplicates();
  const first = page.locator('#suggestions-view li.dup').first();
  const { from, into } = await rowPair(first);
  assert.ok(from && into && from !== into, 'the row names two nodes');
  await first.locator('button[data-action=merge]').click();
  await page.waitForFunction((from) => !document.querySelector(`#suggestions-view li.dup[data-from="${from}"]`), from);
  const gone = await api(`/nodes/${from}`);
  assert.equal(gone.status, 404, 'the merged node is gone');
  assert.equal(gone.body.error.code, 'merged');
  const survivor = await api(`/nodes/${into}`);
  assert.equal(survivor.status, 200, 'the survivor stays');
  const steps = (await api('/curations')).body.items;
  assert.ok(steps.some((c) => c.kind === 'merge' && c.what.from === from && c.what.into === into), 'the merge is a curation step');
  await page.screenshot({ path: path.join(artifacts, 'suggestions-merged.png') });
  await page.close();
});

test('"not the same" takes the pair off the list and records it', async () => {
  const page = await openDuplicates();
  const row = page.locator('#suggestions-view li.dup').first();
  const { from, into } = await rowPair(row);
  await row.locator('button[data-action=distinct]').click();
  await page.waitForFunction(([from, into]) => !document.querySelector(`#suggestions-view li.dup[data-from="${from}"][data-into="${into}"]`), [from, into]);
  const steps = (await api('/curations')).body.items;
  assert.ok(steps.some((c) => c.kind === 'distinct' && c.what.a === from && c.what.b === into), 'the judgement is a curation step');
  const all = (await api('/curations/suggestions?limit=1000')).body.items;
  assert.ok(!all.some((s) => new Set([s.a.id, s.b.id, from, into]).size === 2), 'the pair is never suggested again');
  // A reload lists the suggestions without it.
  await page.reload();
  await page.waitForSelector('#suggestions-view li.dup, #suggestions-view li.muted');
  assert.equal(await page.locator(`#suggestions-view li.dup[data-from="${from}"][data-into="${into}"]`).count(), 0);
  await page.screenshot({ path: path.join(artifacts, 'suggestions-distinct.png') });
  await page.close();
});

test('no page errors', () => {
  assert.deepEqual(pageErrors, []);
});
