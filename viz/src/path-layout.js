// Where the nodes of paths between two actors are drawn: left to right, the
// paths' first node in the leftmost column and their last node in the
// rightmost, both at y = 0. Every other node goes in the column of its hop
// count on the first path it appears on (paths come shortest first, so a
// shared node sits where the shortest path puts it), and in that path's row:
// one row per path that brings new nodes, the rows centred on y = 0. So each
// path reads as a line of its own and no edge runs through another node.

const COLUMN = 180; // wider than a label (text-max-width 140 in style.js)
const ROW = 90;

// paths: [{nodes: [{id}, ...]}], all from the same first to the same last
// node. Returns Map(node id as a string -> {x, y}).
export function pathPositions(paths) {
  const last = Math.max(...paths.map((p) => p.nodes.length - 1));
  const ends = [paths[0].nodes[0], paths[0].nodes[paths[0].nodes.length - 1]].map((n) => String(n.id));
  const cell = new Map(); // id -> {column, row} of the nodes between the ends
  let rows = 0;
  for (const p of paths) {
    const fresh = p.nodes.slice(1, -1).filter((n) => !cell.has(String(n.id)) && !ends.includes(String(n.id)));
    if (!fresh.length) continue;
    p.nodes.forEach((n, hop) => {
      if (fresh.includes(n)) cell.set(String(n.id), { column: hop, row: rows });
    });
    rows++;
  }
  const pos = new Map([
    [ends[0], { x: 0, y: 0 }],
    [ends[1], { x: last * COLUMN, y: 0 }],
  ]);
  for (const [id, { column, row }] of cell) pos.set(id, { x: column * COLUMN, y: (row - (rows - 1) / 2) * ROW });
  return pos;
}
