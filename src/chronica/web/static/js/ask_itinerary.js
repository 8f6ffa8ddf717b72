/* "Where was X in PERIOD?" in the static report: the person's dated itinerary in the
   period, as chronica.ask.answers._where_at and chronica.whois.itinerary build it —
   consecutive events at one place are one stop; a place enclosing another place of the
   itinerary for the same dates is left out; stops inside the period first, else the
   narrowest stop that outlasts it. */
(function () {
  'use strict';
  var D = window.CHRONICA_ASK;
  if (!D) return;
  var ents = {};
  D.entities.forEach(function (e) { ents[e.id] = e; });

  function period(ev) { var w = ev.when || {}; return w.earliest && w.latest ? [w.earliest, w.latest] : null; }
  function encloses(outer, inner) {  // the inner place lies within the outer one
    var cur = (ents[inner] || {}).part_of, seen = 0;
    while (cur && seen++ < 50) { if (cur === outer) return true; cur = (ents[cur] || {}).part_of; }
    return false;
  }
  function finest(events) {  // whois._finest
    var placed = events.filter(function (ev) { return ents[ev.where] && period(ev); });
    return events.filter(function (ev) {
      var p = period(ev);
      if (!p || !ents[ev.where]) return true;
      var inner = placed.filter(function (o) {
        var q = period(o);
        return o.where !== ev.where && encloses(ev.where, o.where) && q[0] <= p[1] && p[0] <= q[1];
      }).map(period);
      var covered = inner.length && inner.reduce(function (m, q) { return q[0] < m ? q[0] : m; }, inner[0][0]) <= p[0] &&
        inner.reduce(function (m, q) { return q[1] > m ? q[1] : m; }, inner[0][1]) >= p[1];
      return !covered;
    });
  }
  function itinerary(events) {  // whois.itinerary
    var stops = [];
    finest(events).forEach(function (ev) {
      var w = ev.when;
      if (!ev.where || !ents[ev.where] || !w) return;
      var last = stops[stops.length - 1];
      if (last && last.place === ev.where) {
        last.end = w.edtf;
        last.latest = [last.latest, w.latest].filter(Boolean).sort().pop() || null;
        last.events.push(ev);
        return;
      }
      stops.push({place: ev.where, start: w.edtf, end: w.edtf, earliest: w.earliest, latest: w.latest, events: [ev]});
    });
    return stops;
  }
  function overlaps(lo1, hi1, lo2, hi2) { return (!lo1 || !hi2 || lo1 <= hi2) && (!lo2 || !hi1 || lo2 <= hi1); }
  function days(s) {
    var a = Date.parse(s.latest), b = Date.parse(s.earliest);
    return isNaN(a) || isNaN(b) ? 1e6 : Math.round((a - b) / 864e5);
  }
  // H: the asker's helpers (name, dateLabel, inPeriod, byEntity, baseCites, answer)
  function whereAt(q, person, H) {
    var around = (H.byEntity[person] || []).filter(function (ev) { return H.inPeriod(ev, q.period); });
    var same = {}, keys = [];
    around.forEach(function (ev) {
      var w = ev.when || {}, k = [ev.where, w.earliest, w.latest].join('|');
      if (!same[k]) { same[k] = []; keys.push(k); }
      same[k].push(ev);
    });
    var told = {};
    keys.forEach(function (k) { told[same[k][0].id] = same[k]; });
    var stops = itinerary(keys.map(function (k) { return same[k][0]; })).filter(function (s) {
      return overlaps(s.earliest, s.latest, q.period[0], q.period[1]);
    });
    var inside = stops.filter(function (s) { return s.earliest && s.latest && q.period[0] <= s.earliest && s.latest <= q.period[1]; });
    if (!inside.length && stops.length) {
      var width = Math.min.apply(null, stops.map(days));
      inside = stops.filter(function (s) { return days(s) === width; });
    }
    if (!inside.length) return null;
    var names = Array.from(new Set(inside.map(function (s) { return H.name(s.place); })));
    var spans = [].concat.apply([], inside.map(function (s) {
      return [].concat.apply([], s.events.map(function (ev) { return [].concat.apply([], (told[ev.id] || []).map(function (e) { return e.evidence; })); }));
    }));
    var span = Array.from(new Set([H.dateLabel(inside[0].start), H.dateLabel(inside[inside.length - 1].end)])).join(' – ');
    return H.answer('answered', 'In ' + (q.periodText || 'that period') + ', ' + H.name(person) + ' was in ' + names.join(' and then ') +
      ' (the sources place them there ' + span + ').', H.baseCites(spans), names,
      {ids: Array.from(new Set(inside.map(function (s) { return s.place; })))});
  }
  window.ChronicaAskItinerary = {whereAt: whereAt};
})();
