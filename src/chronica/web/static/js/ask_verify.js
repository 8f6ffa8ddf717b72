/* The last check before the static report shows an answer: the rule of chronica.ask.verify,
   run over the span facts ask-data.js carries (web/ask_evidence.py works them out).
   Each cited quote must state the answer: a date within the answer's (or a date told
   relative to another), the place or person by any of its names (not only inside a story
   told), the number, one of the dates a computed length or age is worked out from; where it does not, the nearest sentence before it that does is cited
   beside it; otherwise the quote is dropped. A quote answering a question about a
   happening at a place must name that place, or the text just before it must.
   An answer left without a quote is not given. */
(function () {
  'use strict';
  var D = window.CHRONICA_ASK;
  if (!D) return;
  var CHECKED = ['when', 'where', 'who', 'how_many', 'how_old', 'how_long'];
  var DATE_ANCHOR = 1, NAME_ANCHOR = 2;
  // span facts after the nine base fields (see ask_evidence.EvidenceFacts.of_span)
  var DATES = 9, RELATIVE = 10, NAMED = 11, NUMBERS = 12, NEAR = 13, ANCHORS = 14;
  var ents = {};
  D.entities.forEach(function (e) { ents[e.id] = e; });

  function isoKey(iso) {  // "-0227-05-01" (228 BC) before "0001-01-01"
    var neg = iso.charAt(0) === '-', parts = iso.replace(/^-/, '').split('T')[0].split('-').slice(0, 3).map(Number);
    if (neg) parts[0] = -parts[0];
    return parts;
  }
  function before(a, b) {  // a <= b
    var x = isoKey(a), y = isoKey(b);
    for (var i = 0; i < Math.max(x.length, y.length); i++) {
      var p = x[i] || 0, q = y[i] || 0;
      if (p !== q) return p < q;
    }
    return true;
  }
  function within(dates, bounds) {
    return !!(bounds && bounds[0] && bounds[1]) && (dates || []).some(function (d) {
      return before(bounds[0], d[0]) && before(d[1], bounds[1]);
    });
  }
  function chain(id) {  // the place and every place enclosing it
    var out = [], cur = id;
    while (cur && ents[cur] && out.indexOf(cur) < 0) { out.push(cur); cur = ents[cur].part_of; }
    return out;
  }
  // the answer's entity, or a place inside it (a room of the museum answers for the museum)
  function standsFor(id, ids) { return chain(id).some(function (c) { return ids.indexOf(c) >= 0; }); }
  function anchorCite(i) {
    var s = D.sentences[i];
    return {doc: s[0], start: s[1], end: s[2], text: s[3], says: null, locator: null, sentence: i};
  }
  function anchor(span, mode, says) {
    var found = (span[ANCHORS] || []).find(function (a) { return (a[1] & mode) && says(D.sentences[a[0]]); });
    return found ? anchorCite(found[0]) : null;
  }
  function withAnchor(out, c, mode, says) {
    var a = anchor(c.span, mode, says);
    if (a) out.push(c, a);
  }

  function dateCites(a) {
    var out = [];
    a.cites.forEach(function (c) {
      if (within(c.span[DATES], a.bounds) || c.span[RELATIVE]) out.push(c);
      else withAnchor(out, c, DATE_ANCHOR, function (s) { return within(s[4], a.bounds); });
    });
    return out;
  }
  function namingCites(a) {
    var ids = a.ids || [], out = [];
    a.cites.forEach(function (c) {
      var named = (c.span[NAMED] || []).filter(function (n) { return standsFor(n[0], ids); });
      if (named.length) {
        var first = named.reduce(function (x, y) { return y[1] < x[1] ? y : x; });
        if (!first[2]) out.push(c);  // named only inside a story told: not proof
        return;
      }
      withAnchor(out, c, NAME_ANCHOR, function (s) { return s[5].some(function (id) { return standsFor(id, ids); }); });
    });
    return out;
  }
  function numberOf(v) {
    var m = String(v).replace(/,/g, '').match(/\d+(?:\.\d+)?/);
    if (m) return Number(m[0]);
    var w = {one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12};
    var word = String(v).toLowerCase().match(/[a-z]+/);
    return word && w[word[0]] !== undefined ? w[word[0]] : null;
  }
  function supported(q, a) {
    if (q.kind === 'when') return dateCites(a);
    if (q.kind === 'who' && (a.ids || []).every(function (id) { return q.entities.indexOf(id) >= 0; })) return a.cites;
    if (q.kind === 'where' || q.kind === 'who') return namingCites(a);
    if ((q.kind === 'how_long' || q.kind === 'how_old') && a.computed) {  // a quote writes one of the dates
      return a.cites.filter(function (c) { return (a.dateBounds || []).some(function (b) { return within(c.span[DATES], b); }); });
    }
    if (q.kind === 'how_many' || q.kind === 'how_old') {
      var wanted = a.values.map(numberOf).filter(function (n) { return n !== null; });
      return a.cites.filter(function (c) { return (c.span[NUMBERS] || []).some(function (n) { return wanted.indexOf(n) >= 0; }); });
    }
    return a.cites;
  }
  function atThePlace(q, cites) {
    var places = q.entities.filter(function (e) { return ents[e] && ents[e].type === 'place'; });
    if (!places.length || q.kind === 'where') return cites;
    return cites.filter(function (c) {
      var near = c.span ? c.span[NEAR] : D.sentences[c.sentence][6];
      return places.every(function (p) { return (near || []).some(function (id) { return standsFor(id, [p]); }); });
    });
  }
  function verified(q, a) {
    if (!a || a.status !== 'answered' || CHECKED.indexOf(q.kind) < 0) return a;
    if (a.cites.some(function (c) { return !c.span; })) return a;
    var kept = [];
    atThePlace(q, supported(q, a)).forEach(function (c) {
      if (!kept.some(function (k) { return k.doc === c.doc && c.start < k.end && k.start < c.end; })) kept.push(c);
    });
    if (!kept.length) return null;
    a.cites = kept;
    return a;
  }
  // listing._who_it_is: a listed quote that tells the happening without naming the asked
  // people ("He threw his knife down") is cited with the sentence of its paragraph that
  // names them beside it (the CLI widens the quote to start there)
  function whoItIs(c, ids) {
    if (!c.span || !ids.length || (c.span[NAMED] || []).some(function (n) { return ids.indexOf(n[0]) >= 0; })) return [c];
    var a = anchor(c.span, NAME_ANCHOR, function (s) { return s[5].some(function (id) { return ids.indexOf(id) >= 0; }); });
    return a ? [a, c] : [c];
  }
  window.ChronicaAskVerify = {verified: verified, whoItIs: whoItIs};
})();
