// The query language's speed (issue 16): the peers' 1-hop and 2-hop workloads written as
// openCypher, sent to POST /api/v1/query of `actorgraph serve --read-only`, against Kùzu
// 0.11.3 (embedded, in this process, the queries of ../shared/peers/kuzu_bench.js) and
// against our own endpoints for the same work (neighbour pages; the depth-2 ego network), and
// the shortest-path workload (shortestPath(), and iterative deepening without it) on Kùzu and
// GET /paths.
// Answers are checked: the 1-hop row sums and 2-hop distinct counts must equal Kùzu's.
//
//   node bench/bench_query.mjs --data /tmp/peers/data/g100000_s42 --db DIR --bin build/actorgraph
//        [--repeats 3] [--hop1 1000] [--hop2 1000] [--pairs 100] [--port 18091] [--sp-timeout-ms 10000]
//
// --db is a database bulk-loaded by bench_graph --keep from the same --data. Prints one JSON
// line per repeat and a final JSON line of medians and ratios.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const data = args.data, db = args.db, bin = args.bin || 'build/actorgraph';
const repeats = Number(args.repeats || 3), port = Number(args.port || 18091);
if (!data || !db) throw new Error('--data DIR and --db DIR are required');
const kuzuDir = process.env.KUZU_NODE_DIR || '/tmp/peers/node';
const kuzu = createRequire(path.join(kuzuDir, 'package.json'))('kuzu');
const q = JSON.parse(fs.readFileSync(path.join(data, 'queries.json'), 'utf8'));
const hop1 = q.hop1.slice(0, Number(args.hop1 || q.hop1.length));
const hop2 = q.hop2.slice(0, Number(args.hop2 || q.hop2.length));
const pairs = q.sp_pairs.slice(0, Number(args.pairs || 100));
const spTimeout = Number(args['sp-timeout-ms'] || 10000);
const secs = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// CSV id -> name, per label (names are unique in the generated graph).
const names = {};
for (const [label, file] of [['Person', 'person.csv'], ['Org', 'org.csv'], ['Event', 'event.csv']]) {
  const lines = fs.readFileSync(path.join(data, file), 'utf8').trim().split('\n').slice(1);
  names[label] = new Map(lines.map((l) => { const [id, name] = l.split(','); return [Number(id), name]; }));
}

const server = spawn(bin, ['serve', '--db', db, '--host', '127.0.0.1', '--port', String(port), '--read-only'],
                     { stdio: ['ignore', 'ignore', 'inherit'] });
process.on('exit', () => server.kill());
// Node's http with a keep-alive agent (fetch costs ~3 ms a request here, more than the work).
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function request(method, p, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: `/api/v1${p}`, method, agent,
                               headers: body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {} },
                             (res) => {
                               const chunks = [];
                               res.on('data', (c) => chunks.push(c));
                               res.on('end', () => {
                                 const j = JSON.parse(Buffer.concat(chunks).toString('utf8'));
                                 if (res.statusCode !== 200) reject(new Error(`${res.statusCode} ${JSON.stringify(j)} for ${p} ${body || ''}`));
                                 else resolve(j);
                               });
                             });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}
// cpp-httplib closes a kept-alive connection after a number of requests: retry once on a reset.
async function retried(method, p, body) {
  try {
    return await request(method, p, body);
  } catch (e) {
    if (e.code !== 'ECONNRESET') throw e;
    return request(method, p, body);
  }
}
const post = (body) => retried('POST', '/query', JSON.stringify(body));
const get = (p) => retried('GET', p);
for (let i = 0; ; ++i) {
  try { await get('/health'); break; } catch (e) { if (i > 300) throw e; await new Promise((r) => setTimeout(r, 100)); }
}
await post({ query: 'MATCH (n) RETURN count(*)' });  // builds the snapshot

// Our node ids of every node the workload names.
const wanted = new Set();
for (const [l, id] of [...hop1, ...hop2]) wanted.add(names[l].get(id));
for (const [a, b] of pairs) { wanted.add(names.Person.get(a)); wanted.add(names.Person.get(b)); }
const ourId = new Map();
const list = [...wanted];
for (let i = 0; i < list.length; i += 5000) {
  const r = await post({ query: 'MATCH (n) WHERE n.name IN $names RETURN n.name, n.id',
                         parameters: { names: list.slice(i, i + 5000) }, limit: 100000 });
  for (const [name, id] of r.rows) ourId.set(name, id);
}
const idOf = (l, id) => ourId.get(names[l].get(id));

// Kùzu, loaded from the same CSVs as kuzu_bench.js, in memory.
const kdb = new kuzu.Database(':memory:');
const conn = new kuzu.Connection(kdb);
const all = (res) => { const rows = res.getAllSync(); res.close(); return rows; };
const csv = (f) => path.join(data, f);
for (const stmt of [
  'CREATE NODE TABLE Person(id INT64, name STRING, age INT64, PRIMARY KEY(id))',
  'CREATE NODE TABLE Org(id INT64, name STRING, kind STRING, PRIMARY KEY(id))',
  'CREATE NODE TABLE Event(id INT64, name STRING, year INT64, PRIMARY KEY(id))',
  'CREATE REL TABLE WORKS_FOR(FROM Person TO Org, since INT64)',
  'CREATE REL TABLE SPEAKS_AT(FROM Person TO Event)',
  'CREATE REL TABLE ORGANIZES(FROM Org TO Event)',
  `COPY Person FROM "${csv('person.csv')}" (header=true)`,
  `COPY Org FROM "${csv('org.csv')}" (header=true)`,
  `COPY Event FROM "${csv('event.csv')}" (header=true)`,
  `COPY WORKS_FOR FROM "${csv('works_for.csv')}" (header=true)`,
  `COPY SPEAKS_AT FROM "${csv('speaks_at.csv')}" (header=true)`,
  `COPY ORGANIZES FROM "${csv('organizes.csv')}" (header=true)`,
]) all(conn.querySync(stmt));
const labels = ['Person', 'Org', 'Event'];
const perLabel = (f) => Object.fromEntries(labels.map((l) => [l, conn.prepareSync(f(l))]));
const kHop1 = perLabel((l) => `MATCH (a:${l})-[]-(b) WHERE a.id = $id RETURN b.id AS id`);
const kHop2 = perLabel((l) =>
  `MATCH (a:${l})-[]-()-[]-(b) WHERE a.id = $id AND id(b) <> id(a) RETURN count(DISTINCT id(b)) AS c`);
const kSp = conn.prepareSync(`MATCH p = (a:Person)-[* SHORTEST 1..${q.sp_max_depth || 6}]-(b:Person) ` +
                             'WHERE a.id = $a AND b.id = $b RETURN length(p) AS len');
const kRun = (ps, params) => all(conn.executeSync(ps, params));

const HOP1 = 'MATCH (a {id: $id})--(b) RETURN b.id';
const HOP2 = 'MATCH (a {id: $id})--()--(b) WHERE b <> a RETURN count(DISTINCT b) AS c';
const SP = `MATCH (a {id: $a}), (b {id: $b}) MATCH shortestPath((a)-[r*..${q.sp_max_depth || 6}]-(b)) RETURN size(r)`;

async function once() {
  const r = {};
  let t0 = process.hrtime.bigint(), sum = 0;
  for (const [l, id] of hop1) sum += kRun(kHop1[l], { id }).length;
  r.kuzu_hop1_s = secs(t0); r.kuzu_hop1_sum = sum;
  t0 = process.hrtime.bigint(); sum = 0;
  for (const [l, id] of hop1) sum += (await post({ query: HOP1, parameters: { id: idOf(l, id) }, limit: 100000 })).row_count;
  r.query_hop1_s = secs(t0); r.query_hop1_sum = sum;
  t0 = process.hrtime.bigint(); sum = 0;
  for (const [l, id] of hop1) {
    let cursor = '';
    do {
      const page = await get(`/nodes/${idOf(l, id)}/neighbors?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
      sum += page.items.length;
      cursor = page.next_cursor || '';
    } while (cursor);
  }
  r.endpoint_hop1_s = secs(t0); r.endpoint_hop1_sum = sum;

  t0 = process.hrtime.bigint(); sum = 0;
  for (const [l, id] of hop2) sum += Number(kRun(kHop2[l], { id })[0].c);
  r.kuzu_hop2_s = secs(t0); r.kuzu_hop2_sum = sum;
  t0 = process.hrtime.bigint(); sum = 0;
  for (const [l, id] of hop2) sum += (await post({ query: HOP2, parameters: { id: idOf(l, id) } })).rows[0][0];
  r.query_hop2_s = secs(t0); r.query_hop2_sum = sum;
  t0 = process.hrtime.bigint(); sum = 0;
  for (const [l, id] of hop2) sum += (await get(`/subgraph?center=${idOf(l, id)}&depth=2&max_nodes=5000`)).nodes.length;
  r.endpoint_hop2_s = secs(t0); r.endpoint_hop2_nodes = sum;

  t0 = process.hrtime.bigint(); sum = 0;
  for (const [a, b] of pairs) { const rows = kRun(kSp, { a, b }); sum += rows.length ? Number(rows[0].len) : 0; }
  r.kuzu_sp_s = secs(t0); r.kuzu_sp_sum = sum;
  t0 = process.hrtime.bigint(); sum = 0;
  for (const [a, b] of pairs) {
    const res = await post({ query: SP, parameters: { a: idOf('Person', a), b: idOf('Person', b) } });
    sum += res.rows.length ? res.rows[0][0] : 0;
  }
  r.query_sp_s = secs(t0); r.query_sp_sum = sum;
  // Without shortestPath(): iterative deepening, one query a depth, LIMIT 1.
  t0 = process.hrtime.bigint(); sum = 0; r.deepening_sp_timeouts = 0;
  for (const [a, b] of pairs) {
    for (let d = 1; d <= (q.sp_max_depth || 6); ++d) {
      try {
        const res = await post({ query: `MATCH (a {id: $a})-[*${d}..${d}]-(b {id: $b}) RETURN ${d} AS len LIMIT 1`,
                                 parameters: { a: idOf('Person', a), b: idOf('Person', b) }, timeout_ms: spTimeout });
        if (res.rows.length) { sum += d; break; }
      } catch (e) {
        ++r.deepening_sp_timeouts;
        break;
      }
    }
  }
  r.deepening_sp_s = secs(t0); r.deepening_sp_sum = sum;
  t0 = process.hrtime.bigint(); sum = 0;
  for (const [a, b] of pairs) {
    const p = await get(`/paths?from=${idOf('Person', a)}&to=${idOf('Person', b)}&max_depth=${q.sp_max_depth || 6}`);
    sum += p.items.length ? p.items[0].length : 0;
  }
  r.endpoint_sp_s = secs(t0); r.endpoint_sp_sum = sum;
  return r;
}

const runs = [];
for (let i = 0; i < repeats; ++i) {
  const r = await once();
  console.log(JSON.stringify(r));
  runs.push(r);
}
const m = (k) => median(runs.map((r) => r[k]));
const last = runs[runs.length - 1];
const out = {
  n_hop1: hop1.length, n_hop2: hop2.length, n_pairs: pairs.length, repeats,
  hop1_agree: last.query_hop1_sum === last.kuzu_hop1_sum && last.endpoint_hop1_sum === last.kuzu_hop1_sum,
  hop2_agree: last.query_hop2_sum === last.kuzu_hop2_sum,
  sp_agree: last.endpoint_sp_sum === last.kuzu_sp_sum,
  sp_query_agree: last.query_sp_sum === last.kuzu_sp_sum,
  sp_deepening_agree: last.deepening_sp_sum === last.kuzu_sp_sum,
  sp_deepening_timeouts: last.deepening_sp_timeouts,
};
for (const k of Object.keys(last)) if (k.endsWith('_s')) out[k] = Number(m(k).toFixed(4));
out.hop1_query_vs_kuzu = Number((out.query_hop1_s / out.kuzu_hop1_s).toFixed(4));
out.hop2_query_vs_kuzu = Number((out.query_hop2_s / out.kuzu_hop2_s).toFixed(4));
out.hop1_query_vs_endpoint = Number((out.query_hop1_s / out.endpoint_hop1_s).toFixed(3));
out.hop2_query_vs_endpoint = Number((out.query_hop2_s / out.endpoint_hop2_s).toFixed(3));
out.sp_query_vs_kuzu = Number((out.query_sp_s / out.kuzu_sp_s).toFixed(3));
out.sp_query_vs_endpoint = Number((out.query_sp_s / out.endpoint_sp_s).toFixed(3));
out.sp_deepening_vs_kuzu = Number((out.deepening_sp_s / out.kuzu_sp_s).toFixed(3));
out.sp_deepening_vs_endpoint = Number((out.deepening_sp_s / out.endpoint_sp_s).toFixed(3));
console.log(JSON.stringify(out));
server.kill();
process.exit(0);
