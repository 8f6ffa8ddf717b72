/* People graph (Cytoscape.js + fcose): people joined by shared events and stated relations.
   Selecting a line shows its evidence; every quote links to the source reader. */
(function () {
  'use strict';
  var C = window.Chronica;
  var TYPE_COLOURS = { person: '#2f6f8f', place: '#5b7a1f', organization: '#7a4a92', group: '#a8741a', work: '#9c3d62', other: '#6b6f76' };
  var KIND_COLOURS = {
    shared: '#a3a8ae', family: '#2a7f62', spouse: '#2a7f62', parent: '#2a7f62', child: '#2a7f62', sibling: '#2a7f62',
    ally: '#2f6f8f', member_of: '#2f6f8f', host: '#2f6f8f', rival: '#b3261e', killer: '#b3261e',
    author_of: '#9c3d62', other: '#8a7a60'
  };
  var LABEL_ALL_EDGES = 18;

  function visible(data, sel) {
    var edges = data.edges.map(function (e) {
      if (e.kind !== 'shared' || (sel.from === null && sel.to === null && !sel.place)) return e;
      var ev = e.evidence.filter(function (x) { return C.matches({ people: [], place: sel.place, from: sel.from, to: sel.to }, [], x.places || [], x.lo, x.hi); });
      return ev.length ? Object.assign({}, e, { evidence: ev }) : null;
    }).filter(Boolean);
    var keep = null;
    if (sel.people.length) {
      keep = {};
      sel.people.forEach(function (p) { keep[p] = true; });
      edges.forEach(function (e) {
        if (sel.people.indexOf(e.source) >= 0 || sel.people.indexOf(e.target) >= 0) { keep[e.source] = true; keep[e.target] = true; }
      });
    }
    var nodes = data.nodes.filter(function (n) { return !keep || keep[n.id]; });
    var ids = {};
    nodes.forEach(function (n) { ids[n.id] = true; });
    edges = edges.filter(function (e) { return ids[e.source] && ids[e.target]; });
    return { nodes: nodes, edges: edges, ids: ids };
  }

  function showEdge(panel, edge, names) {
    panel.textContent = '';
    panel.appendChild(C.el('h3', null, names[edge.source] + ' — ' + names[edge.target]));
    panel.appendChild(C.el('p', 'count', edge.label));
    var list = C.el('ul');
    edge.evidence.forEach(function (ev) {
      var li = C.el('li');
      if (ev.date) li.appendChild(C.el('span', 'date-inline', ev.date));
      li.appendChild(C.link(ev.url, ev.quote ? '“' + ev.quote + '”' : ev.summary));
      list.appendChild(li);
    });
    panel.appendChild(list);
  }

  function showNode(panel, node) {
    panel.textContent = '';
    var h = C.el('h3');
    h.appendChild(C.link(node.url, node.name));
    panel.appendChild(h);
    panel.appendChild(C.el('p', 'count', node.degree + ' links · click a line to see its evidence'));
  }

  /* Fill the canvas with the drawing, without blowing a tiny circle up past its labels'
     size; then keep labels at a fixed size on screen whatever the zoom. */
  function fitReadable(cy, container) {
    cy.fit(undefined, Math.min(48, Math.round(container.clientWidth / 12)));
    if (cy.zoom() > 2.2) { cy.zoom(2.2); cy.center(); }
    screenLabels(cy);
  }

  /* A drawing wider than tall in a tall canvas (a phone) is turned a quarter, so it
     fills the canvas instead of shrinking into a strip. */
  function orient(cy, container) {
    var box = cy.nodes().boundingBox();
    var canvas = container.clientWidth / Math.max(1, container.clientHeight);
    var drawing = box.w / Math.max(1, box.h);
    if ((canvas < 1 && drawing > 1.25) || (canvas > 1 && drawing < 0.8)) {
      cy.nodes().positions(function (node) { var p = node.position(); return { x: p.y, y: -p.x }; });
    }
  }

  function screenLabels(cy) {
    var z = cy.zoom();
    cy.batch(function () {
      cy.nodes().style({ 'font-size': 13 / z, 'text-max-width': 150 / z, 'text-margin-y': 4 / z, 'text-background-padding': 2 / z });
      cy.edges().style({ 'font-size': 11 / z, 'text-background-padding': 2 / z });
    });
  }

  function draw(container) {
    if (!window.cytoscape) return;
    if (window.cytoscapeFcose) cytoscape.use(window.cytoscapeFcose);
    var data = C.readJSON(container.getAttribute('data-graph')) || { nodes: [], edges: [] };
    var sel = C.selection();
    var view = visible(data, sel);
    document.querySelectorAll('[data-node]').forEach(function (li) { li.hidden = !view.ids[li.getAttribute('data-node')]; });
    var shownEdges = {};
    view.edges.forEach(function (e) { shownEdges[e.id] = true; });
    document.querySelectorAll('[data-edge]').forEach(function (li) { li.hidden = !shownEdges[li.getAttribute('data-edge')]; });
    if (!view.nodes.length) {
      container.appendChild(C.el('p', 'empty', 'No people to draw for this selection.'));
      return;
    }
    var names = {}, byId = {};
    view.nodes.forEach(function (n) { names[n.id] = n.name; byId[n.id] = n; });
    var edgeById = {};
    var maxDegree = Math.max.apply(null, view.nodes.map(function (n) { return n.degree; }).concat([1]));
    var elements = view.nodes.map(function (n) {
      return { data: { id: n.id, name: n.name, colour: TYPE_COLOURS[n.type] || TYPE_COLOURS.other, size: 18 + 30 * Math.sqrt(n.degree / maxDegree) }, classes: n.selected ? 'chosen' : '' };
    }).concat(view.edges.map(function (e) {
      edgeById[e.id] = e;
      return { data: { id: e.id, source: e.source, target: e.target, label: e.label, colour: KIND_COLOURS[e.kind] || KIND_COLOURS.other, width: e.kind === 'shared' ? Math.min(1.5 + e.evidence.length, 8) : 2.5 }, classes: e.kind === 'shared' ? 'shared' : 'relation' };
    }));
    var labelAll = view.edges.length <= LABEL_ALL_EDGES;
    /* a small circle gets a smaller canvas rather than floating in a big empty one */
    var wide = container.clientWidth || 600;
    var height = Math.max(300, Math.min(wide < 600 ? 420 : 560, 150 + 46 * view.nodes.length));
    container.style.height = height + 'px';
    var cy = cytoscape({
      container: container, elements: elements, wheelSensitivity: 0.25, minZoom: 0.2, maxZoom: 3,
      style: [
        { selector: 'node', style: { 'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)', label: 'data(name)', 'font-family': 'system-ui, sans-serif', 'font-size': 13, color: '#1f2328', 'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'wrap', 'text-max-width': 140, 'text-background-color': '#fcfbf8', 'text-background-opacity': 0.85, 'text-background-padding': 2, 'text-background-shape': 'roundrectangle', 'border-width': 2, 'border-color': '#fff', 'min-zoomed-font-size': 6 } },
        { selector: 'node.chosen', style: { 'border-color': '#8c3b24', 'border-width': 4, 'font-weight': 'bold' } },
        { selector: 'node:selected', style: { 'border-color': '#e0893a', 'border-width': 4 } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(colour)', 'curve-style': 'bezier', 'control-point-step-size': 56, opacity: 0.8, 'font-size': 11, color: '#4a515b', 'text-rotation': 'autorotate', 'text-background-color': '#fcfbf8', 'text-background-opacity': 0.95, 'text-background-padding': 2, 'text-background-shape': 'roundrectangle', 'min-zoomed-font-size': 6, label: labelAll ? 'data(label)' : '' } },
        { selector: 'edge.relation', style: { 'line-style': 'solid', 'target-arrow-shape': 'triangle', 'target-arrow-color': 'data(colour)', 'arrow-scale': 0.9 } },
        { selector: 'edge:selected, edge.hover', style: { label: 'data(label)', opacity: 1, 'line-color': '#e0893a', 'target-arrow-color': '#e0893a', 'z-index': 10 } },
        { selector: 'node.faded, edge.faded', style: { opacity: 0.25 } }
      ],
      layout: { name: 'preset' }
    });
    var layout = cy.layout({
      name: window.cytoscapeFcose ? 'fcose' : 'cose', animate: false, randomize: true, fit: false,
      nodeDimensionsIncludeLabels: true,
      /* shown labels need room along their line */
      idealEdgeLength: labelAll ? function (edge) { return Math.max(120, 7 * String(edge.data('label')).length + 50); } : 110, nodeRepulsion: 9000,
      nodeSeparation: 90, packComponents: true, tilingPaddingVertical: 30, tilingPaddingHorizontal: 30
    });
    layout.one('layoutstop', function () { orient(cy, container); fitReadable(cy, container); });
    layout.run();
    var resizeTimer = null;
    window.addEventListener('resize', function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(function () { cy.resize(); fitReadable(cy, container); }, 150);
    });
    var panel = document.querySelector('[data-edge-detail]');
    cy.on('tap', 'edge', function (evt) { if (panel) showEdge(panel, edgeById[evt.target.id()], names); });
    cy.on('tap', 'node', function (evt) { if (panel) showNode(panel, byId[evt.target.id()]); });
    cy.on('dbltap', 'node', function (evt) { window.location.href = byId[evt.target.id()].url; });
    cy.on('mouseover', 'edge', function (evt) { evt.target.addClass('hover'); });
    cy.on('mouseout', 'edge', function (evt) { evt.target.removeClass('hover'); });
    /* hovering a person fades everyone outside their circle */
    cy.on('mouseover', 'node', function (evt) {
      var near = evt.target.closedNeighborhood();
      cy.elements().not(near).addClass('faded');
    });
    cy.on('mouseout', 'node', function () { cy.elements().removeClass('faded'); });
    cy.on('zoom', function () { screenLabels(cy); });
    window.ChronicaGraph = cy;
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-graph]').forEach(draw);
  });
})();
