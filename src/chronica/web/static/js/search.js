/* Search in the static report: the same rules as the server (every word must match,
   the last one as a prefix), over an index written next to the pages. */
(function () {
  'use strict';
  var C = window.Chronica;

  function fold(text) {
    return String(text || '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  }
  function words(text) { return fold(text).match(/[\p{L}\p{N}_]+/gu) || []; }

  function matcher(query) {
    var terms = words(query);
    return function (text) {
      if (!terms.length) return false;
      var have = words(text);
      return terms.every(function (t, i) {
        return have.some(function (w) { return i === terms.length - 1 ? w.indexOf(t) === 0 : w === t; });
      });
    };
  }

  function section(title, items, render) {
    var box = C.el('section', 'panel');
    var h = C.el('h2', null, title + ' ');
    h.appendChild(C.el('span', 'count', String(items.length)));
    box.appendChild(h);
    var list = C.el('ul', 'results');
    items.slice(0, 25).forEach(function (item) {
      var li = C.el('li');
      li.setAttribute('data-testid', 'search-result');
      render(li, item);
      list.appendChild(li);
    });
    box.appendChild(list);
    return box;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var index = window.CHRONICA_SEARCH;
    var out = document.querySelector('[data-search-results]');
    var q = C.params.get('q') || '';
    var input = document.querySelector('[data-search-input]');
    if (input) input.value = q;
    var site = document.getElementById('site-q');
    if (site) site.value = q;
    if (!index || !out || !q.trim()) return;
    var match = matcher(q);
    var entities = index.entities.filter(function (e) { return match(e.name + ' ' + e.aliases.join(' ')); });
    var events = index.events.filter(function (e) { return match(e.text); });
    var documents = index.documents.filter(function (d) { return match(d.text); });
    out.textContent = '';
    if (!entities.length && !events.length && !documents.length) {
      out.appendChild(C.el('p', 'empty', 'Nothing matches “' + q + '”.'));
      return;
    }
    if (entities.length) out.appendChild(section('People, places and groups', entities, function (li, e) {
      li.appendChild(C.link(e.url, e.name, 'ent t-' + e.type));
      li.appendChild(document.createTextNode(' '));
      li.appendChild(C.el('span', 'tag', e.type));
    }));
    if (events.length) out.appendChild(section('Events', events, function (li, e) {
      li.appendChild(C.el('span', 'date-inline', e.date));
      li.appendChild(C.link(e.url, e.summary));
    }));
    if (documents.length) out.appendChild(section('Sources', documents, function (li, d) {
      li.appendChild(C.link(d.url, d.label));
    }));
  });
})();
