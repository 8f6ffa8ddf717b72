/* Timeline chart (vis-timeline): uncertain dates as ranges, support and conflicts marked.
   Clicking an item opens its evidence in the source reader. */
(function () {
  'use strict';
  var C = window.Chronica;
  var DAY = 86400000;

  function toDate(parts, endOfDay) {
    var d = new Date(2000, 0, 1);
    d.setFullYear(parts[0], parts[1] - 1, parts[2]);
    d.setHours(0, 0, 0, 0);
    return endOfDay ? new Date(d.getTime() + DAY - 1) : d;
  }

  function content(item) {
    var box = C.el('span', 'tl-content');
    box.appendChild(C.el('span', 'tl-text', item.summary));
    if (item.support > 1) box.appendChild(C.el('span', 'tl-badge', item.support + ' sources'));
    if (item.conflict) box.appendChild(C.el('span', 'tl-badge warn', '⚠'));
    box.title = item.date + ' — ' + item.summary + (item.guessed ? ' (date inferred)' : '');
    return box;
  }

  function draw(container) {
    if (!window.vis || !window.vis.Timeline) return;
    var sel = C.selection();
    var items = (C.readJSON(container.getAttribute('data-timeline-chart')) || []).filter(function (it) {
      return it.start && C.matches(sel, it.who, it.places, it.lo, it.hi);
    });
    if (!items.length) {
      container.classList.add('chart-empty');
      container.appendChild(C.el('p', 'empty', 'No dated events to draw for this selection.'));
      return;
    }
    var urls = {};
    var min = Infinity, max = -Infinity;
    var data = items.map(function (it) {
      urls[it.id] = it.url;
      var start = toDate(it.start, false);
      var end = it.end ? toDate(it.end, true) : null;
      min = Math.min(min, start.getTime());
      max = Math.max(max, (end || start).getTime());
      var cls = [it.end ? 'is-range' : 'is-point'];
      if (it.guessed) cls.push('is-guessed');
      if (it.support > 1) cls.push('is-multi');
      if (it.conflict) cls.push('is-conflict');
      var entry = { id: it.id, content: content(it), start: start, className: cls.join(' ') };
      if (end) { entry.end = end; entry.type = 'range'; } else { entry.type = 'point'; }
      return entry;
    });
    var pad = Math.max((max - min) * 0.06, 60 * DAY);
    var timeline = new vis.Timeline(container, new vis.DataSet(data), {
      start: new Date(min - pad), end: new Date(max + pad),
      min: new Date(min - pad * 20), max: new Date(max + pad * 20),
      zoomMin: 7 * DAY, stack: true, showCurrentTime: false, orientation: 'top',
      zoomKey: 'ctrlKey', horizontalScroll: false, verticalScroll: true,
      maxHeight: container.classList.contains('tall') ? 460 : 320,
      margin: { item: { horizontal: 4, vertical: 6 } }, selectable: true,
      tooltip: { followMouse: false }
    });
    /* A range too short on screen for its label shows no text rather than a clipped word. */
    function hideClipped() {
      container.querySelectorAll('.vis-item.vis-range').forEach(function (item) {
        var text = item.querySelector('.vis-item-content');
        if (!text) return;
        var clipped = item.clientWidth < 72 && text.offsetWidth > item.clientWidth - 2;
        if (clipped !== item.classList.contains('tl-clipped')) item.classList.toggle('tl-clipped', clipped);
      });
    }
    timeline.on('changed', hideClipped);
    timeline.on('click', function (props) {
      if (props.item && urls[props.item]) window.location.href = urls[props.item];
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-timeline-chart]').forEach(draw);
  });
})();
