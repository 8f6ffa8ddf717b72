/* Chronica: shared page behaviour (selection, list filtering, source reader).
   Plain JavaScript; every string from a source is inserted with textContent. */
(function () {
  'use strict';

  var params = new URLSearchParams(window.location.search);
  var isReport = document.body.getAttribute('data-mode') === 'report';

  function toInt(value) {
    if (value === null || value === undefined || String(value).trim() === '') return null;
    var n = parseInt(value, 10);
    return isNaN(n) ? null : n;
  }

  function selection() {
    var from = toInt(params.get('from'));
    var to = toInt(params.get('to'));
    if (from !== null && to !== null && from > to) { var t = from; from = to; to = t; }
    return {
      people: params.getAll('person').filter(Boolean),
      place: params.get('place') || '',
      from: from,
      to: to
    };
  }

  function isEmpty(sel) {
    return !sel.people.length && !sel.place && sel.from === null && sel.to === null;
  }

  /* The same test the server applies: any chosen person, the place or a place within it,
     a period that the event's bounds meet. */
  function matches(sel, who, places, lo, hi) {
    if (sel.people.length && !sel.people.some(function (p) { return who.indexOf(p) >= 0; })) return false;
    if (sel.place && places.indexOf(sel.place) < 0) return false;
    if (sel.from !== null || sel.to !== null) {
      if (lo === null || lo === undefined) return false;
      if (sel.to !== null && lo > sel.to) return false;
      if (sel.from !== null && (hi === null || hi === undefined ? lo : hi) < sel.from) return false;
    }
    return true;
  }

  function readJSON(id) {
    var el = document.getElementById(id);
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function link(href, text, className) {
    var a = el('a', className, text);
    a.setAttribute('href', href);
    return a;
  }

  function words(attr) { return attr ? attr.split(' ').filter(Boolean) : []; }

  function filterLists(sel) {
    if (isEmpty(sel)) return;
    var items = document.querySelectorAll('[data-filter-item]');
    var shown = 0;
    items.forEach(function (item) {
      var ok = matches(sel, words(item.getAttribute('data-who')), words(item.getAttribute('data-places')),
        toInt(item.getAttribute('data-lo')), toInt(item.getAttribute('data-hi')));
      item.hidden = !ok;
      if (ok) shown += 1;
    });
    document.querySelectorAll('[data-filter-group]').forEach(function (head) {
      var list = head.nextElementSibling;
      if (list) {
        var any = list.querySelector('[data-filter-item]:not([hidden])');
        head.hidden = !any;
        list.hidden = !any;
      }
    });
    var empty = document.querySelector('[data-filter-empty]');
    if (empty && items.length) empty.hidden = shown > 0;
    var total = document.querySelector('[data-total]');
    if (total && isReport) total.textContent = shown + (shown === 1 ? ' event' : ' events');
  }

  function queryWithout(name, value) {
    var next = new URLSearchParams(window.location.search);
    if (name === 'person') {
      var rest = next.getAll('person').filter(function (p) { return p !== value; });
      next.delete('person');
      rest.forEach(function (p) { next.append('person', p); });
    } else if (name === 'period') {
      next.delete('from'); next.delete('to');
    } else {
      next.delete(name);
    }
    next.delete('page');
    var q = next.toString();
    return window.location.pathname.split('/').pop() + (q ? '?' + q : '');
  }

  /* In the static report the page is the same for every selection: show it here. */
  function syncSelectionForm(sel) {
    var form = document.querySelector('[data-selection-form]');
    if (!form) return;
    var chips = form.querySelector('[data-chips]');
    var names = {};
    try { names = JSON.parse(chips.getAttribute('data-names') || '{}'); } catch (e) { names = {}; }
    if (isReport) {
      sel.people.forEach(function (p) {
        var hidden = el('input');
        hidden.type = 'hidden'; hidden.name = 'person'; hidden.value = p;
        form.insertBefore(hidden, form.firstChild);
        chips.appendChild(link(queryWithout('person', p), (names[p] || p) + ' ×', 'chip'));
        var opt = form.querySelector('[data-add-person] option[value="' + CSS.escape(p) + '"]');
        if (opt) opt.remove();
      });
      if (sel.place) chips.appendChild(link(queryWithout('place'), (names[sel.place] || sel.place) + ' ×', 'chip chip-place'));
      if (sel.from !== null || sel.to !== null) {
        chips.appendChild(link(queryWithout('period'), (sel.from === null ? '…' : sel.from) + '–' + (sel.to === null ? '…' : sel.to) + ' ×', 'chip chip-period'));
      }
      var place = form.querySelector('select[name="place"]');
      if (place) place.value = sel.place;
      var from = form.querySelector('input[name="from"]');
      var to = form.querySelector('input[name="to"]');
      if (from && sel.from !== null) from.value = sel.from;
      if (to && sel.to !== null) to.value = sel.to;
    }
    form.querySelectorAll('select').forEach(function (select) {
      select.addEventListener('change', function () {
        if (select.hasAttribute('data-add-person') && !select.value) select.disabled = true;
        form.submit();
      });
    });
    form.addEventListener('submit', function () {
      form.querySelectorAll('select, input').forEach(function (field) {
        if (field.name && !field.value) field.disabled = true;  /* keep URLs short */
      });
    });
  }

  /* Carry the selection from one view to the next (report pages are static files). */
  function keepSelection() {
    if (!window.location.search) return;
    var sel = selection();
    var keep = new URLSearchParams();
    sel.people.forEach(function (p) { keep.append('person', p); });
    if (sel.place) keep.set('place', sel.place);
    if (sel.from !== null) keep.set('from', sel.from);
    if (sel.to !== null) keep.set('to', sel.to);
    var q = keep.toString();
    if (!q) return;
    document.querySelectorAll('a[data-keep-selection]').forEach(function (a) {
      var href = a.getAttribute('href');
      if (href.indexOf('?') < 0) a.setAttribute('href', href + '?' + q);
    });
  }

  /* Source reader: mark and scroll to the span named in the URL fragment. */
  function showTarget() {
    var reader = document.querySelector('[data-reader]');
    if (!reader) return;
    reader.querySelectorAll('.is-target').forEach(function (n) { n.classList.remove('is-target'); });
    var anchor = decodeURIComponent(window.location.hash.slice(1));
    if (!/^s-\d+-\d+$/.test(anchor)) return;
    var pieces = reader.querySelectorAll('[data-span="' + anchor + '"]');
    if (!pieces.length) return;
    pieces.forEach(function (n) { n.classList.add('is-target'); });
    pieces[0].scrollIntoView({ block: 'center' });
  }

  function layerToggles() {
    var box = document.querySelector('[data-layer-toggles]');
    var reader = document.querySelector('[data-reader]');
    if (!box || !reader) return;
    box.querySelectorAll('input[type=checkbox]').forEach(function (input) {
      input.addEventListener('change', function () {
        reader.classList.toggle('hide-' + input.value, !input.checked);
      });
    });
  }

  window.Chronica = {
    params: params, isReport: isReport, selection: selection, isEmpty: isEmpty, matches: matches,
    readJSON: readJSON, el: el, link: link
  };

  document.addEventListener('DOMContentLoaded', function () {
    var sel = selection();
    filterLists(sel);
    syncSelectionForm(sel);
    keepSelection();
    layerToggles();
    showTarget();
    window.addEventListener('hashchange', showTarget);
  });
})();
