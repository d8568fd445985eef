// Export of the current view: a PNG of the canvas and GraphML of exactly the
// nodes and edges on screen (what the user sees, filters applied).

import { download } from './util.js';

export function exportPng(cy, name) {
  const blob = cy.png({ output: 'blob', full: true, scale: cy.nodes().length > 1500 ? 1 : 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
  download(`${name}.png`, blob);
  return blob;
}

const xml = (s) =>
  String(s ?? '').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);

// The GraphML attributes of nodes and of edges, in key order (ids d0.. and e0..): name,
// type, and how the value is written from the element's data (and a node's position).
const NODE_FIELDS = [
  ['name', 'string', (d) => xml(d.name)],
  ['type', 'string', (d) => xml(d.type)],
  ['aliases', 'string', (d) => xml((d.aliases || []).join('|'))],
  ['first_seen', 'string', (d) => xml(d.first_seen)],
  ['last_seen', 'string', (d) => xml(d.last_seen)],
  ['x', 'double', (d, p) => p.x.toFixed(1)],
  ['y', 'double', (d, p) => p.y.toFixed(1)],
];
const EDGE_FIELDS = [
  ['type', 'string', (d) => xml(d.type)],
  ['title', 'string', (d) => xml(d.title)],
  ['confidence', 'double', (d) => d.confidence],
  ['evidence_count', 'int', (d) => d.evidence_count | 0],
  ['first_seen', 'string', (d) => xml(d.first_seen)],
  ['last_seen', 'string', (d) => xml(d.last_seen)],
];

const keyLines = (prefix, kind, fields) =>
  fields.map(([name, type], i) => `  <key id="${prefix}${i}" for="${kind}" attr.name="${name}" attr.type="${type}"/>`);

const dataElements = (prefix, fields, ...args) =>
  fields.map(([, , value], i) => `<data key="${prefix}${i}">${value(...args)}</data>`).join('');

export function toGraphml(cy) {
  const nodes = cy.nodes().not('.filtered');
  const edges = cy.edges().not('.filtered');
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyLines('d', 'node', NODE_FIELDS),
    ...keyLines('e', 'edge', EDGE_FIELDS),
    '  <graph id="actorgraph" edgedefault="directed">',
  ];
  nodes.forEach((n) => {
    const d = n.data();
    out.push(`    <node id="${xml(d.nid)}">${dataElements('d', NODE_FIELDS, d, n.position())}</node>`);
  });
  edges.forEach((e) => {
    const d = e.data();
    out.push(
      `    <edge id="${xml(d.eid)}" source="${xml(d.source.slice(1))}" target="${xml(d.target.slice(1))}">` +
        `${dataElements('e', EDGE_FIELDS, d)}</edge>`,
    );
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

export function exportGraphml(cy, name) {
  const text = toGraphml(cy);
  download(`${name}.graphml`, new Blob([text], { type: 'application/xml' }));
  return text;
}
