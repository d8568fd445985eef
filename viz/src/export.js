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

export function toGraphml(cy) {
  const nodes = cy.nodes().not('.filtered');
  const edges = cy.edges().not('.filtered');
  const keys = [
    ['d0', 'node', 'name', 'string'],
    ['d1', 'node', 'type', 'string'],
    ['d2', 'node', 'aliases', 'string'],
    ['d3', 'node', 'first_seen', 'string'],
    ['d4', 'node', 'last_seen', 'string'],
    ['d5', 'node', 'x', 'double'],
    ['d6', 'node', 'y', 'double'],
    ['e0', 'edge', 'type', 'string'],
    ['e1', 'edge', 'title', 'string'],
    ['e2', 'edge', 'confidence', 'double'],
    ['e3', 'edge', 'evidence_count', 'int'],
    ['e4', 'edge', 'first_seen', 'string'],
    ['e5', 'edge', 'last_seen', 'string'],
  ];
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.map(([id, f, n, t]) => `  <key id="${id}" for="${f}" attr.name="${n}" attr.type="${t}"/>`),
    '  <graph id="actorgraph" edgedefault="directed">',
  ];
  nodes.forEach((n) => {
    const d = n.data();
    const p = n.position();
    out.push(
      `    <node id="${xml(d.nid)}"><data key="d0">${xml(d.name)}</data><data key="d1">${xml(d.type)}</data>` +
        `<data key="d2">${xml((d.aliases || []).join('|'))}</data><data key="d3">${xml(d.first_seen)}</data><data key="d4">${xml(d.last_seen)}</data>` +
        `<data key="d5">${p.x.toFixed(1)}</data><data key="d6">${p.y.toFixed(1)}</data></node>`,
    );
  });
  edges.forEach((e) => {
    const d = e.data();
    out.push(
      `    <edge id="${xml(d.eid)}" source="${xml(d.source.slice(1))}" target="${xml(d.target.slice(1))}"><data key="e0">${xml(d.type)}</data>` +
        `<data key="e1">${xml(d.title)}</data><data key="e2">${d.confidence}</data><data key="e3">${d.evidence_count | 0}</data>` +
        `<data key="e4">${xml(d.first_seen)}</data><data key="e5">${xml(d.last_seen)}</data></edge>`,
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
