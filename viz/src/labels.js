// Labels that would overlap: only the more important element keeps its
// label, the other gets the class 'label-hidden' (transparent text, see
// style.js). Important first: node labels before edge labels; the center and
// the path before the rest; then the better-connected node (degree also
// sizes its label) or the more confident edge; then the id, so the result is
// the same every time.
//
// Boxes are compared in model coordinates, where labels, nodes and distances
// scale together: whether two labels overlap does not depend on the zoom. So
// this runs when positions, labels or visibility change, not on zoom or pan.

const CELL = 160; // grid cell of the overlap search, about one label wide

const rank = (e) => (e.isNode() ? 4 : 0) + (e.hasClass('center') || e.hasClass('path') ? 2 : 0);
const weight = (e) => (e.isNode() ? e.data('degree') || 0 : e.data('confidence') || 0);
const moreImportant = (a, b) => rank(b) - rank(a) || weight(b) - weight(a) || (a.id() < b.id() ? -1 : 1);

export function declutterLabels(cy) {
  const labelled = cy
    .elements()
    .filter((e) => !e.hasClass('filtered') && e.style('label'))
    .sort(moreImportant);
  const grid = new Map(); // "column,row" -> boxes of the labels kept there
  const cellsOf = (b) => {
    const keys = [];
    for (let c = Math.floor(b.x1 / CELL); c <= Math.floor(b.x2 / CELL); c++) {
      for (let r = Math.floor(b.y1 / CELL); r <= Math.floor(b.y2 / CELL); r++) keys.push(`${c},${r}`);
    }
    return keys;
  };
  const overlap = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  const hide = [];
  const show = [];
  labelled.forEach((e) => {
    const box = e.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
    const keys = cellsOf(box);
    const free = !keys.some((k) => (grid.get(k) || []).some((b) => overlap(b, box)));
    if (free) {
      for (const k of keys) {
        if (!grid.has(k)) grid.set(k, []);
        grid.get(k).push(box);
      }
    }
    if (free && e.hasClass('label-hidden')) show.push(e);
    else if (!free && !e.hasClass('label-hidden')) hide.push(e);
  });
  if (hide.length || show.length) {
    cy.batch(() => {
      cy.collection(hide).addClass('label-hidden');
      cy.collection(show).removeClass('label-hidden');
    });
  }
}
