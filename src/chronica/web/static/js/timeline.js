/* Timeline chart (vis-timeline): one labelled row per leading person, uncertain dates as
   ranges, support and conflicts marked. Clicking an item opens its evidence in the source
   reader. Every string from a source is inserted as text, never as HTML. */
(function () {
  'use strict';
  var C = window.Chronica;
  var DAY = 86400000;
  var MAX_ROWS = 6;          // people given their own row; the rest share "Others"
  var CHAR_PX = 7.2;         // rough width of a label character at the chart's font size
  var LABEL_CHARS = 46;

  function has(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }

  function toDate(parts, endOfDay) {
    var d = new Date(2000, 0, 1);
    d.setFullYear(parts[0], parts[1] - 1, parts[2]);
    d.setHours(0, 0, 0, 0);
    return endOfDay ? new Date(d.getTime() + DAY - 1) : d;
  }

  function shorten(text) {
    return text.length > LABEL_CHARS ? text.slice(0, LABEL_CHARS - 1).replace(/\s+\S*$/, '') + '…' : text;
  }

  function tooltip(item) {
    var lines = [item.summary, item.date + (item.guessed ? ' (date inferred from context)' : '')];
    if (item.names && item.names.length) lines.push(item.names.join(', ') + (item.place ? ' — ' + item.place : ''));
    else if (item.place) lines.push(item.place);
    if (item.support > 1) lines.push('Told by ' + item.support + ' sources');
    if (item.conflict) lines.push('Sources disagree about this event');
    lines.push('Click to read it in its source');
    return lines.join('\n');
  }

  function content(item) {
    var box = C.el('span', 'tl-content');
    box.appendChild(C.el('span', 'tl-text', shorten(item.summary)));
    if (item.support > 1) box.appendChild(C.el('span', 'tl-badge', '×' + item.support));
    if (item.conflict) box.appendChild(C.el('span', 'tl-badge warn', '⚠'));
    box.title = tooltip(item);
    return box;
  }

  /* The people who lead the most events (chosen people first) get a row each. */
  function rows(items, sel) {
    var count = {}, name = {};
    items.forEach(function (it) {
      it.who.forEach(function (w, i) {
        count[w] = (count[w] || 0) + 1;
        if (it.names && it.names[i]) name[w] = it.names[i];
      });
    });
    var people = Object.keys(count).filter(function (p) { return name[p] && count[p] > 1 || sel.people.indexOf(p) >= 0; });
    people.sort(function (a, b) {
      var chosen = (sel.people.indexOf(b) >= 0) - (sel.people.indexOf(a) >= 0);
      return chosen || count[b] - count[a] || (name[a] < name[b] ? -1 : 1);
    });
    people = people.slice(0, MAX_ROWS);
    if (people.length < 2 && !sel.people.length) return null;  // one row says nothing: no rows at all
    return people;
  }

  function groupLabel(text, count) {
    var box = C.el('span', 'tl-group');
    box.appendChild(C.el('span', 'tl-group-name', text));
    box.appendChild(C.el('span', 'tl-group-count', String(count)));
    box.title = text + ': ' + count + (count === 1 ? ' event' : ' events');
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
    var min = Infinity, max = -Infinity;
    items.forEach(function (it) {
      it._start = toDate(it.start, false);
      it._end = it.end ? toDate(it.end, true) : null;
      min = Math.min(min, it._start.getTime());
      max = Math.max(max, (it._end || it._start).getTime());
    });
    var span = Math.max(max - min, 365 * DAY);
    var phone = container.clientWidth < 560;  // no room for row labels: one stack
    var chartPx = Math.max(200, container.clientWidth - (phone ? 4 : 150));
    /* room on the right for the labels of the last points */
    var labelRoom = Math.min(phone ? 0.3 : 0.4, (phone ? 90 : 270) / chartPx);
    var padLeft = Math.max(span * 0.03, 60 * DAY);
    var padRight = Math.max((span + padLeft) * labelRoom / (1 - labelRoom), 60 * DAY);
    var msPerPx = (span + padLeft + padRight) / chartPx;
    var people = phone ? null : rows(items, sel);
    var groups = null, inRow = {};
    if (people) {
      groups = [];
      people.forEach(function (p, i) { inRow[p] = i; });
    }
    var urls = {}, counts = {}, data = [];
    items.forEach(function (it) {
      var cls = [it.end ? 'is-range' : 'is-point'];
      if (it.guessed) cls.push('is-guessed');
      if (it.support > 1) cls.push('is-multi');
      if (it.conflict) cls.push('is-conflict');
      /* a range too short on screen to hold its words is drawn as a dated point with a
         label beside it (its full bounds are in the tooltip), so no label is clipped */
      var wide = it._end && (it._end - it._start) / msPerPx >= CHAR_PX * Math.min(shorten(it.summary).length + 4, LABEL_CHARS) + 16;
      var where = people ? it.who.filter(function (w) { return has(inRow, w); }).map(function (w) { return inRow[w]; }) : [null];
      if (!where.length) where = ['others'];
      where.forEach(function (g) {
        var id = it.id + '|' + g;
        urls[id] = it.url;
        counts[g] = (counts[g] || 0) + 1;
        var entry = { id: id, content: content(it), start: it._start, className: cls.join(' ') };
        if (wide) { entry.end = it._end; entry.type = 'range'; } else { entry.type = 'point'; }
        if (people) entry.group = g;
        data.push(entry);
      });
    });
    if (people) {
      people.forEach(function (p, i) {
        var item = items.find(function (it) { return it.who.indexOf(p) >= 0; });
        var label = item.names[item.who.indexOf(p)] || p;
        groups.push({ id: i, content: groupLabel(label, counts[i] || 0), className: sel.people.indexOf(p) >= 0 ? 'is-chosen' : '' });
      });
      if (counts.others) groups.push({ id: 'others', content: groupLabel('Others', counts.others), className: 'is-others' });
    }
    var options = {
      start: new Date(min - padLeft), end: new Date(max + padRight),
      min: new Date(min - span * 2), max: new Date(max + span * 2),
      zoomMin: 7 * DAY, stack: true, showCurrentTime: false, orientation: 'top',
      zoomKey: 'ctrlKey', horizontalScroll: false, verticalScroll: true,
      maxHeight: container.classList.contains('tall') ? (phone ? 420 : 520) : 340,
      margin: { item: { horizontal: 6, vertical: 5 }, axis: 8 }, selectable: true,
      groupOrder: function (a, b) { return (a.id === 'others') - (b.id === 'others') || a.id - b.id; }
    };
    var timeline = groups
      ? new vis.Timeline(container, new vis.DataSet(data), new vis.DataSet(groups), options)
      : new vis.Timeline(container, new vis.DataSet(data), options);
    timeline.on('click', function (props) {
      if (props.item && urls[props.item]) window.location.href = urls[props.item];
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-timeline-chart]').forEach(draw);
  });
})();
