// How each node and edge type looks. Colour AND shape encode the node type
// (colour-blind safe palette, Tableau 10), so a type reads without the legend.

export const NODE_STYLE = {
  person: { color: '#4e79a7', shape: 'ellipse', label: 'Person' },
  company: { color: '#f28e2b', shape: 'round-rectangle', label: 'Company' },
  agency: { color: '#59a14f', shape: 'hexagon', label: 'Agency' },
  event: { color: '#e15759', shape: 'diamond', label: 'Event' },
  location: { color: '#9c755f', shape: 'round-triangle', label: 'Location' },
};

export const EDGE_STYLE = {
  'works-for': { color: '#4e79a7', line: 'solid' },
  'speaks-at': { color: '#e15759', line: 'solid' },
  moderates: { color: '#b07aa1', line: 'solid' },
  organizes: { color: '#59a14f', line: 'solid' },
  'part-of': { color: '#76b7b2', line: 'dashed' },
  'located-in': { color: '#9c755f', line: 'dotted' },
  'partners-with': { color: '#f28e2b', line: 'solid' },
};

export function nodeColor(type) {
  return (NODE_STYLE[type] || { color: '#888' }).color;
}

// An inline SVG of the type's shape, for legends and lists.
export function typeIcon(type, size = 12) {
  const c = nodeColor(type);
  const s = size;
  const h = s / 2;
  let shape;
  switch ((NODE_STYLE[type] || {}).shape) {
    case 'round-rectangle':
      shape = `<rect x="1" y="2" width="${s - 2}" height="${s - 4}" rx="2" fill="${c}"/>`;
      break;
    case 'hexagon':
      shape = `<polygon points="${s * 0.25},1 ${s * 0.75},1 ${s - 1},${h} ${s * 0.75},${s - 1} ${s * 0.25},${s - 1} 1,${h}" fill="${c}"/>`;
      break;
    case 'diamond':
      shape = `<polygon points="${h},0 ${s},${h} ${h},${s} 0,${h}" fill="${c}"/>`;
      break;
    case 'round-triangle':
      shape = `<polygon points="${h},1 ${s - 1},${s - 1} 1,${s - 1}" fill="${c}"/>`;
      break;
    default:
      shape = `<circle cx="${h}" cy="${h}" r="${h - 1}" fill="${c}"/>`;
  }
  return `<svg class="icon" width="${s}" height="${s}" viewBox="0 0 ${s} ${s}" aria-hidden="true">${shape}</svg>`;
}

export function cyStyle() {
  const s = [
    {
      selector: 'node',
      style: {
        'background-color': '#888',
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        // Bigger labels for better-connected nodes: with min-zoomed-font-size,
        // zooming out drops the small labels first and keeps the hubs readable.
        'font-size': 'mapData(degree, 0, 40, 10, 17)',
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        color: '#1d2430',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': 140,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'min-zoomed-font-size': 7,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    {
      selector: 'edge',
      style: {
        width: 'mapData(confidence, 0, 1, 1, 3.5)',
        'line-color': '#aab',
        'target-arrow-color': '#aab',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 8,
        color: '#556',
        'text-rotation': 'autorotate',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'min-zoomed-font-size': 8,
        opacity: 0.85,
      },
    },
    { selector: 'edge[type = "partners-with"]', style: { 'source-arrow-shape': 'triangle', 'source-arrow-color': '#f28e2b' } },
    { selector: 'node.center', style: { 'border-width': 4, 'border-color': '#1d2430', 'font-weight': 'bold', 'font-size': 13 } },
    // Nodes with neighbours not on screen yet: a dashed ring says "double-click me".
    { selector: 'node.more', style: { 'border-width': 2, 'border-color': '#667085', 'border-style': 'dashed' } },
    { selector: 'node.hub', style: { 'border-width': 3, 'border-color': '#ffb000', 'border-style': 'double' } },
    { selector: 'node:selected', style: { 'border-style': 'solid', 'border-width': 4, 'border-color': '#ff006e', 'overlay-opacity': 0 } },
    { selector: 'edge:selected', style: { 'line-color': '#ff006e', 'target-arrow-color': '#ff006e', width: 4, opacity: 1 } },
    // Labels that would overlap a more important node's label (labels.js).
    { selector: '.label-hidden', style: { 'text-opacity': 0 } },
    { selector: 'node.path', style: { 'border-style': 'solid', 'border-width': 5, 'border-color': '#ff006e', 'font-weight': 'bold', 'z-index': 10 } },
    { selector: 'edge.path', style: { 'line-color': '#ff006e', 'target-arrow-color': '#ff006e', width: 5, opacity: 1, 'z-index': 10 } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
  for (const [type, st] of Object.entries(NODE_STYLE)) {
    s.splice(2, 0, { selector: `node[type = "${type}"]`, style: { 'background-color': st.color, shape: st.shape } });
  }
  for (const [type, st] of Object.entries(EDGE_STYLE)) {
    s.splice(2, 0, {
      selector: `edge[type = "${type}"]`,
      style: { 'line-color': st.color, 'target-arrow-color': st.color, 'line-style': st.line },
    });
  }
  return s;
}
