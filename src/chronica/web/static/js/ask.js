/* Asking in the static report: the answerers, one per question kind, as chronica.ask's,
   over the ground ask_core.js lays (the indexed facts, the parsed question); every answer
   cites its spans; otherwise the nearest passages. */
(function () {
  'use strict';
  var K = window.ChronicaAskCore;
  if (!K) return;
  var C = K.C, D = K.D, R = K.R, PEOPLE = K.PEOPLE, STOP = K.STOP, fold = K.fold, stem = K.stem, stems = K.stems,
    ents = K.ents, byEntity = K.byEntity, eventStems = K.eventStems, placesOf = K.placesOf, events = K.events,
    name = K.name, parse = K.parse, period = K.period, inPeriod = K.inPeriod, bestScored = K.bestScored,
    best = K.best, cite = K.cite, plainOnly = K.plainOnly, plain = K.plain, cites = K.cites, telling = K.telling,
    answer = K.answer, involves = K.involves, RA = K.RA, plays = K.plays, dateLabel = K.dateLabel,
    lower = K.lower;
  var ANSWER = {
    when: function (q) {
      var found = bestScored(q, function (e) { return e.when && e.when.edtf; }).filter(function (x) { return tellsTheAction(q, x.ev); });
      if (!found.length || (lifeAsked(q) && found[0].ev.kind !== q.kinds[0])) return answerLife(q) || (found.length ? dated(q, found[0].ev) : null);
      return dated(q, found[0].ev);
    },
    where: function (q) {
      var people = q.entities.filter(function (e) { return (ents[e] || {}).type === 'person'; });
      if (q.period && people.length && !q.kinds.length && window.ChronicaAskItinerary) {
        var stop = window.ChronicaAskItinerary.whereAt(q, people[0], {byEntity: byEntity, inPeriod: inPeriod, name: name,
          dateLabel: dateLabel, baseCites: baseCites, answer: answer});
        if (stop) return stop;
      }
      var ev = best(q, function (e) { return e.where && ents[e.where] && q.entities.indexOf(e.where) < 0; })[0];
      if (!ev) return null;
      var at = {};  // a span that puts the happening AT a place ("died in X", not "on his way to X") answers best
      plainOnly(ev.evidence).forEach(function (s) {
        (s[8] || []).forEach(function (p) { if (q.entities.indexOf(p) < 0) (at[p] = at[p] || []).push(s); });
      });
      var place = at[ev.where] ? ev.where : Object.keys(at)[0] || ev.where, byVerb = placedByVerb(q, ev);
      if (byVerb && (!Object.keys(at).length || byVerb.ids[0] !== place)) return byVerb;
      return answer('answered', ev.summary + ': in ' + name(place) + whenSuffix(ev) + '.',
        (at[place] || plain(ev.evidence)).map(function (s) { return cite(s); }), [name(place)], {ids: [place]});
    },
    who: function (q) {  // "which captain ...?": a person the texts describe so beside the name comes first
      return (q.personNoun && whoInText(q)) || whoStored(q);
    },
    whoStored: function (q) {
      if (q.role && q.entities.length) {
        var rel = D.relations.filter(function (r) {
          return (r.source === q.entities[0] || r.target === q.entities[0]) && fold(r.label).split(' ').pop() === q.role;
        });
        if (rel.length) {
          var otherIds = rel.map(function (r) { return r.source === q.entities[0] ? r.target : r.source; }), other = Array.from(new Set(otherIds.map(name)));
          return answer('answered', name(q.entities[0]) + "'s " + q.role + ': ' + other.join(', ') + '.',
            baseCites([].concat.apply([], rel.map(function (r) { return r.sentences || r.evidence; }))), other, {ids: otherIds});
        }
      }
      if (q.predicate) {
        // only the best-fitting events that involve all the question names answer
        var found = bestScored(q).filter(function (x) { return tellsAll(q, x.ev); });
        for (var i = 0; i < found.length && found[i].s >= found[0].s; i++) {
          var a = whoDid(q, found[i].ev);
          if (a) return a;
        }
        return null;
      }
      if (q.words.length) return whoDescribed(q);
      if (q.entities.length && (ents[q.entities[0]] || {}).type === 'person') return whoIs(q, q.entities[0]);
      return null;
    },
    what: function (q) {
      var evs = q.entities.length ? Array.from(new Set([].concat.apply([], q.entities.map(function (e) { return byEntity[e] || []; })))) : (q.period ? events : []);
      // every asked entity takes part (a place as the event's place or one enclosing it)
      var about = listable(q);
      evs = evs.filter(function (ev) {  // the first in the part asked ("what did X do": X did it), a quote telling it of them
        return q.entities.every(function (e) { return involves(ev, e); }) && (!about.length || plays(ev, about[0], q.part)) &&
          inPeriod(ev, q.period) && listedQuote(ev, about);
      }).slice(0, 8);
      if (!evs.length) return null;
      var names = q.entities.map(name).join(' and ');
      return answer('answered', (names ? 'What the sources tell of ' + names + ': ' : 'What happened, as the sources tell it: ') +
        evs.map(function (ev) { return dateLabel((ev.when || {}).edtf) + ': ' + ev.summary; }).join('; ') + '.',
        namedCites(evs.map(function (ev) { return cite(listedQuote(ev, about)); }), about), evs.map(function (ev) { return (ev.when || {}).edtf || ''; }));
    },
    fate: function (q) {
      if (!q.entities.length) return null;
      var p = q.entities[0], dated = (byEntity[p] || []).filter(function (ev) { return ev.when && ev.when.earliest && involves(ev, p) && plays(ev, p, 'involved') && listedQuote(ev, [p]); });
      dated.sort(function (a, b) { return isoCompare(a.when.earliest, b.when.earliest); });  // "228 BC" before "218 BC"
      var since = measuredFrom(q, p);  // "... after he was arrested": what came after it only
      if (since === '') return null;
      if (since) dated = dated.filter(function (ev) { return isoCompare(ev.when.earliest, since) > 0; });
      var death = -1;  // a life ends at its last death: later events naming the person are about the dead
      dated.forEach(function (ev, i) { if (ev.kind === 'death' && ev.who.indexOf(p) >= 0) death = i; });
      if (death >= 0) dated = dated.slice(0, death + 1);
      var seen = new Set(), last = dated.slice().reverse().filter(function (ev) {  // one per happening
        var q0 = listedQuote(ev, listable(q)) || [], keys = ['e' + [ev.kind, ev.when.edtf, ev.where, ev.who.slice().sort()].join('|'), 'q' + [q0[0], q0[1], q0[2]].join('|')];
        if (/^-?\d{4}-\d{2}-\d{2}$/.test(ev.when.edtf || '')) keys.push('d' + ev.when.edtf);  // one day's happenings are one episode
        if (keys.some(function (k) { return seen.has(k); })) return false;
        keys.forEach(function (k) { seen.add(k); });
        return true;
      }).slice(0, 3);
      if (!last.length) return null;
      return answer('answered', 'The last the sources tell of ' + name(p) + ': ' + last.map(function (ev) { return dateLabel(ev.when.edtf) + ': ' + ev.summary; }).join('; ') + '.',
        namedCites(last.map(function (ev) { return listedQuote(ev, listable(q)); }).filter(Boolean).map(function (s) { return cite(s); }), listable(q)), [last[0].when.edtf].concat(last[0].where ? [name(last[0].where)] : []));
    },
    disputes: function (q) { return conflicts(q); },
    how_long: function (q) { return conflictsOfKind(q, 'duration') || howLong(q); },
    how_many: function (q) { return conflictsOfKind(q, 'count') || howMany(q); },
    how_old: function (q) { return conflictsOfKind(q, 'age') || howOld(q); }
  };
  // answers._placed_by_verb: "where was he buried?" of a quote telling two happenings ("died
  // in X, and was buried under the riverbed of Y"): the place written after the question's
  // own verb in its clause, unless the event is the asked happening itself
  var PLACE_REACH = 60;
  function placedByVerb(q, ev) {
    if (!q.predicate || !RA || (ev.kind === q.kinds[0] && R.generic.indexOf(ev.kind) < 0)) return null;
    var told = ev.evidence.map(function (s, i) { return [s, (ev.verbPlaces || [])[i] || []]; })
      .filter(function (x) { return RA.actionAt(x[0][3], q, q.predicate, q.kinds[0]) !== null; });
    var plainTold = told.filter(function (x) { return !x[0][7]; });
    return (plainTold.length ? plainTold : told).reduce(function (found, x) {
      if (found) return found;
      var t = x[0][3], verb = RA.actionAt(t, q, q.predicate, q.kinds[0]);
      var after = (x[1][0] || []).filter(function (p) {
        return verb < p[1] && p[1] <= verb + PLACE_REACH && q.entities.indexOf(p[0]) < 0 && p[2] && !/[,;:()]|\.\s/.test(t.slice(verb, p[1]));
      }).sort(function (a, b) { return a[1] - b[1]; });
      if (!after.length || (x[1][1] || []).some(function (c) { return c[0] <= verb && verb < c[1]; })) return null;
      var place = name(after[0][0]), says = t.slice(verb, after[0][1] + place.length).split(/\s+/).join(' ');
      return answer('answered', 'In ' + place + ': “' + says + '”.', [cite(x[0])], [place], {ids: [after[0][0]]});
    }, null);
  }
  function namedCites(cs, about) {  // listing._who_it_is, as ask_verify.js can give it
    var V = window.ChronicaAskVerify, people = about.filter(function (e) { return (ents[e] || {}).type !== 'place'; });
    return V && V.whoItIs ? [].concat.apply([], cs.map(function (c) { return V.whoItIs(c, people); })) : cs;
  }
  function measuredFrom(q, p) {  // listing._measured_from: the end of the happening "after ..." names
    var later = new Set(R.later || []);
    if (!(fold(q.text).match(/[\p{L}]+/gu) || []).some(function (w) { return later.has(w); })) return null;
    var others = q.entities.filter(function (e) { return e !== p; }), found;
    if (q.predicate) found = best(q, null, true, 5).filter(function (ev) { return involves(ev, p); });
    else if (others.length) found = (byEntity[p] || []).filter(function (ev) { return others.every(function (e) { return involves(ev, e); }); });
    else return null;
    var ends = found.map(function (ev) { return (ev.when || {}).latest; }).filter(Boolean);
    if (!ends.length) return '';
    return q.predicate ? ends[0] : ends.sort(isoCompare)[ends.length - 1];
  }
  // a claim cited by the sentence that says it, as the CLI cites it (ask_report widens it)
  function claimCite(c, i) { var x = c.claims[i]; return cite((c.sentences || [])[i] || x, x[5]); }
  function isoCompare(a, b) {
    var x = RA ? RA.isoKey(a) : [a], y = RA ? RA.isoKey(b) : [b];
    for (var i = 0; i < x.length; i++) { if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1; }
    return 0;
  }
  function whenSuffix(ev) { return ev.when && ev.when.edtf ? ' (' + dateLabel(ev.when.edtf) + ')' : ''; }
  function overlaps(a, b) {  // two [earliest, latest] periods meet (a missing bound is open)
    return (!a[0] || !b[1] || a[0] <= b[1]) && (!b[0] || !a[1] || b[0] <= a[1]);
  }
  function baseCites(spans, limit) {  // one per document first, as base.cites
    var seen = new Set(), first = [], rest = [];
    spans.forEach(function (s) { (seen.has(s[0]) ? rest : first).push(s); seen.add(s[0]); });
    return first.concat(rest).slice(0, limit || 4).map(function (s) { return cite(s); });
  }
  function plainFirst(spans) { var p = plainOnly(spans); return p.length ? p : spans; }
  // answers._tells_the_action: without a predicate, the question's own words carry what is
  // asked; with one, an event writing neither its verb nor another word of the question is
  // another happening of that kind (q.words leave the predicate out)
  function tellsTheAction(q, ev) {
    var have = eventStems[ev.id], told = function (w) { return have.has(stem(w)); };
    if (!q.words.length) return true;
    return q.words.some(told) || !!q.predicate && [q.predicate].concat(q.forms || []).some(told);
  }
  // answers._tells_all: every entity the question names takes part in the event or is written in it
  function tellsAll(q, ev) {
    var inv = new Set(ev.who.concat(placesOf(ev))), have = eventStems[ev.id];
    return q.entities.every(function (e) {
      if (inv.has(e)) return true;
      var ws = (name(e).match(/[\p{L}\p{N}_]+/gu) || []).filter(function (w) { return w.length > 2; }).map(stem);
      return ws.length > 0 && ws.every(function (w) { return have.has(w); });
    });
  }
  function lifeAsked(q) {
    if (!q.kinds.length || ['birth', 'death'].indexOf(q.kinds[0]) < 0) return null;
    return q.entities.find(function (e) { return (ents[e] || {}).type === 'person'; }) || null;
  }
  function answerLife(q) {  // a birth or death from the life's dates the texts write
    var person = lifeAsked(q), kind = q.kinds[0], found = person ? ((D.lives || {})[person] || {})[kind] : null;
    if (!found || !found.length) return null;
    var versions = {}, keys = [];
    found.forEach(function (d) { if (!versions[d[0]]) { versions[d[0]] = []; keys.push(d[0]); } versions[d[0]].push(d.slice(1)); });
    var verb = kind === 'birth' ? 'born' : 'died';
    var apart = keys.some(function (a) { return keys.some(function (b) { return a.indexOf(b) !== 0 && b.indexOf(a) !== 0; }); });
    if (keys.length > 1 && apart) {
      var says = keys.map(function (k) { return docLabel(versions[k][0][0]) + ' says ' + dateLabel(k); }).join('; ');
      return answer('disputed', 'The sources disagree on when ' + name(person) + ' was ' + verb + ': ' + says + '.',
        keys.map(function (k) { return cite(versions[k][0], dateLabel(k)); }), keys);
    }
    var edtf = keys.reduce(function (a, b) { return b.length > a.length ? b : a; });
    return answer('answered', name(person) + ' ' + (kind === 'birth' ? 'was born' : 'died') + ': ' + dateLabel(edtf) + '.', [edtf],
      [].concat.apply([], keys.map(function (k) { return versions[k]; })).slice(0, 4).map(function (s) { return cite(s); }),
      {bounds: null});
  }
  function docLabel(doc) { return (D.labels || {})[doc] || (D.documents[doc] || {}).label || doc; }
  function dated(q, ev) {
    var groups = {}, keys = [], bounds = {};
    ev.evidence.forEach(function (s) {
      if (!s[4]) return;
      if (!groups[s[4]]) { groups[s[4]] = []; keys.push(s[4]); bounds[s[4]] = (s[15] || []).slice(0, 2); }
      groups[s[4]].push(s);
    });
    var clash = keys.some(function (a, i) { return keys.slice(i + 1).some(function (b) { return !overlaps(bounds[a], bounds[b]); }); });
    var conflict = D.conflicts.find(function (c) { return c.kind === 'date' && c.events.indexOf(ev.id) >= 0; });
    if (conflict && !clash) {
      return answer('disputed', 'The sources disagree on when: ' + ev.summary + '. ' + conflict.claims.map(function (x) {
        return docLabel(x[0]) + ' says ' + (x[5] ? dateLabel(x[5]) : x[3]);
      }).join('; ') + '.', conflict.claims.map(function (x, i) { return claimCite(conflict, i); }), conflict.claims.map(function (x) { return x[5] || x[3]; }));
    }
    if (clash) {
      return answer('disputed', 'The sources disagree on when: ' + ev.summary + '. ' + keys.map(function (k) {
        return docLabel(groups[k][0][0]) + ' says ' + dateLabel(k);
      }).join('; ') + '.', keys.map(function (k) { return cite(groups[k][0], dateLabel(k)); }), keys);
    }
    var basis = ev.when.basis, note = basis === 'relative' ? ' (worked out from another date in the text)' :
      basis === 'inferred' ? " (inferred from the text's context)" : '';
    var spans = plainFirst(preciseFirst(ev)), worded = inItsWords(q, spans), text = ev.summary + ': ' + dateLabel(ev.when.edtf) + note + '.';
    var bounds = [ev.when.earliest, ev.when.latest], a = answer('answered', text, baseCites(worded), [ev.when.edtf], {bounds: bounds});
    if (worded.length !== spans.length && !verified(q, answer('answered', text, baseCites(worded), [ev.when.edtf], {bounds: bounds}))) {
      var docs = new Set(worded.map(function (s) { return s[0]; }));  // the event's other sentences in their documents
      a.cites = baseCites(spans.filter(function (s) { return docs.has(s[0]); }));
    }
    return a;
  }
  // answers._in_its_words: the spans telling the happening in the question's words, when some do
  function inItsWords(q, spans) {
    var asked = new Set([q.predicate].concat(q.forms || [], q.words).filter(Boolean).map(stem));
    var worded = spans.filter(function (s) { return Array.from(stems(s[3])).some(function (w) { return asked.has(w); }); });
    return worded.length ? worded : spans;
  }
  function preciseFirst(ev) {  // spans giving the event's own date first; spans dated otherwise left out
    var w = ev.when || {}, spans = ev.evidence.filter(function (s) { return !s[4] || overlaps((s[15] || []).slice(0, 2), [w.earliest, w.latest]); });
    var same = spans.filter(function (s) { return s[4] === w.edtf; });
    spans = same.length ? same : spans;
    var stated = new Set(spans.filter(function (s) { return (s[15] || [])[2] === 'explicit'; }).map(function (s) { return s[0]; }));
    return spans.filter(function (s) { return !stated.has(s[0]) || (s[15] || [])[2] === 'explicit'; });
  }
  // listing._quote: the event's plain quote naming the most asked entities (the first of
  // those); null when it does not state the event of each of them (ev.told: listing._states)
  function listedQuote(ev, about) {
    var best = -1, most = -1;
    ev.evidence.forEach(function (s, i) {
      if (s[7]) return;  // a legend told is not what happened
      var n = about.filter(function (e) { return namesIn(s[3], e); }).length;
      if (n > most) { most = n; best = i; }
    });
    if (best < 0) return null;
    var told = (ev.told || [])[best] || [];
    return about.every(function (e) { return (ents[e] || {}).type === 'place' || told.indexOf(e) >= 0; }) ? ev.evidence[best] : null;
  }
  function listable(q) { return q.entities.filter(function (e) { return byEntity[e] || (ents[e] || {}).type === 'person'; }); }
  function namesIn(t, id) {
    var low = fold(t), e = ents[id] || {};
    return [e.name].concat(e.aliases || []).some(function (f) { return f && f.length > 2 && low.indexOf(fold(f)) >= 0; });
  }
  function tellingSpans(q, ev) {  // the spans that tell the asked happening (all, when none does and the verb is not narrow)
    var kind = q.kinds[0], spans = ev.evidence.filter(function (s) {  // support.only_attempted: "tried to shoot him"
      return !(RA && q.predicate && RA.actionAt(s[3], q, q.predicate, kind) === null && RA.actionAt(s[3], q, q.predicate, kind, true) !== null);
    });
    var told = spans.filter(function (s) { return RA && RA.actionAt(s[3], q, q.predicate, kind) !== null; });
    if (told.length) return told;
    return (R.narrow || []).indexOf(q.predicate) >= 0 ? [] : spans;
  }
  function whoDid(q, ev) {  // the event's other people, each named in a plain span that tells the happening
    if (q.entities.length && !plays(ev, q.entities[0], q.part)) return null;  // "who killed X?": a happening X suffered
    var told = plainFirst(tellingSpans(q, ev)), others = [], spans = [];
    ev.who.forEach(function (o) {  // "who killed": the doer, not a bystander
      if (q.entities.indexOf(o) >= 0 || PEOPLE.indexOf((ents[o] || {}).type) < 0 || !plays(ev, o, q.answerPart)) return;
      var naming = told.filter(function (s) { return namesIn(s[3], o); });
      if (naming.length) { others.push(o); spans = spans.concat(naming); }
    });
    if (!others.length) return null;
    var seen = new Set();
    spans = spans.filter(function (s) { var k = s[0] + ':' + s[1]; return seen.has(k) ? false : (seen.add(k), true); });
    return answer('answered', others.map(name).join(', ') + ' — ' + ev.summary + whenSuffix(ev) + '.', baseCites(spans),
      others.map(name), {ids: others});
  }
  function whoDescribed(q) {  // "Who was the director of X?": the person described with all the question's words
    var want = q.words.map(stem).concat([].concat.apply([], q.entities.map(function (e) {
      return (name(e).match(/\w+/g) || []).filter(function (w) { return w.length > 2; }).map(stem);
    })));
    function fits(row) { var have = stems(row[1]); return want.every(function (w) { return have.has(w); }); }
    var found = (D.described || []).filter(function (r) { return !r[3] && fits(r); });
    if (!found.length) found = (D.described || []).filter(function (r) { return r[3] && fits(r); });
    var people = Array.from(new Set(found.map(function (r) { return r[0]; })));
    if (people.length !== 1) return null;
    var seen = new Set(), quotes = found.map(function (r) { return r[2]; }).filter(function (s) {
      var k = s.join('|'); return seen.has(k) ? false : (seen.add(k), true);
    }).slice(0, 3);
    return answer('answered', name(people[0]) + ': ' + found[0][1] + '.', quotes.map(function (s) { return cite(s); }),
      [name(people[0])], {ids: people});
  }
  function whoIs(q, pid) {  // "Who was X?": the descriptions the sources give
    var w = (D.whoIs || {})[pid];
    if (!w) return null;
    return answer('answered', name(pid) + ': ' + w[0].join('; ') + '.', w[1].map(function (s) { return cite(s); }), [name(pid)], {ids: [pid]});
  }
  function conflictsOfKind(q, kind) {  // quantities._conflicts_of_kind
    var words = new Set(q.words.concat(q.predicate ? [q.predicate] : []).map(stem));
    var fitting = q.entities.length && q.predicate ? best(q).slice(0, 2).map(function (ev) { return ev.id; }) : [];
    var c = D.conflicts.find(function (c) {
      if (c.kind !== kind) return false;
      var about = fold(c.about), inv = new Set();
      events.forEach(function (ev) { if (c.events.indexOf(ev.id) >= 0) ev.who.concat(placesOf(ev)).forEach(function (x) { inv.add(x); }); });
      var named = q.entities.every(function (e) { return inv.has(e) || about.indexOf(fold(name(e))) >= 0; });
      var said = Array.from(stems(c.about)).some(function (w) { return words.has(w); });
      return named && (!words.size || said || fitting.some(function (id) { return c.events.indexOf(id) >= 0; }));
    });
    if (!c) return null;
    return answer('disputed', 'The sources disagree (' + c.about + '): ' + c.claims.map(function (x) {
      return docLabel(x[0]) + ' says “' + (x[5] || x[3]) + '”';
    }).join(' vs ') + '.', c.claims.map(function (x, i) { return claimCite(c, i); }), c.claims.map(function (x) { return x[5] || x[3]; }));
  }
  function involvesAll(ev, ids) {
    var inv = new Set(ev.who.concat(placesOf(ev)));
    return ids.every(function (e) { return inv.has(e) || !byEntity[e]; });
  }
  function howLong(q) {
    if (!RA) return null;
    var found = best(q, null, false).filter(function (ev) { return involvesAll(ev, q.entities); });
    for (var i = 0; i < found.length; i++) {
      for (var j = 0; j < found[i].evidence.length; j++) {
        var s = found[i].evidence[j], told = RA.durationTold(s[3], s[16], q);
        if (told) return answer('answered', told[0] + ' — ' + found[i].summary + '.', [cite(s)], [RA.rounded(told[1])]);
      }
    }
    var ranged = found.find(function (ev) { var w = ev.when || {}; return (w.edtf || '').indexOf('/') >= 0 && w.earliest && w.latest; });
    if (!ranged) return null;
    var w = ranged.when, days = Math.round((Date.parse(w.latest) - Date.parse(w.earliest)) / 864e5) + 1;
    if (!(days > 0)) return null;
    return answer('answered', 'about ' + RA.spanLabel(days) + ', computed from the dates ' + dateLabel(w.edtf) + ' — ' + ranged.summary + '.',
      baseCites(ranged.evidence, 8), [String(days)], {computed: true, dateBounds: w.edtf.split('/').map(RA.edtfBounds)});
  }
  function howMany(q) {
    if (!q.role || !RA) return null;
    var found = best(q, null, false, 10);
    for (var i = 0; i < found.length; i++) {
      if (!involvesAll(found[i], q.entities)) continue;
      for (var j = 0; j < found[i].evidence.length; j++) {
        var s = found[i].evidence[j], n = RA.countIn(s[3], s[17], q);
        if (n) return answer('answered', n[0] + ' ' + q.role + ' — ' + found[i].summary + '.', [cite(s)], [n[3]]);
      }
    }
    return null;
  }
  var AGE = /\b(?:aged|age of)\s+(\d+)|\b(\d+)[- ]years?[- ]old\b|\bat (?:the age of )?(\d+)\b/;
  function howOld(q) {
    var people = q.entities.filter(function (e) { return (ents[e] || {}).type === 'person'; });
    if (!people.length) return null;
    var found = bestScored(q, null, !!q.predicate);
    for (var i = 0; i < found.length; i++) {
      for (var j = 0; j < found[i].ev.evidence.length; j++) {
        var s = found[i].ev.evidence[j], m = s[3].match(AGE);
        if (m) { var age = m[1] || m[2] || m[3]; return answer('answered', age + ' — ' + found[i].ev.summary + '.', [cite(s)], [age]); }
      }
    }
    var told = !q.predicate && (D.ages || {})[people[0]];  // an age the sources describe X by
    if (told) {
      return answer('answered', told[0] + ': the sources describe ' + name(people[0]) + ' as “' + told[1] + '”.',
        told[2].map(function (s) { return cite(s); }), [told[0]]);
    }
    var births = (byEntity[people[0]] || []).filter(function (ev) { return ev.kind === 'birth' && ev.when && ev.when.earliest; });
    var target = found.find(function (x) { return x.hit && x.ev.kind !== 'birth' && x.ev.when && x.ev.when.earliest; });
    if (!births.length || !target) return null;
    var b = births[0].when, t = target.ev.when;
    var lo = Math.max(Number(t.earliest.slice(0, 4)) - Number(b.latest.slice(0, 4)) - 1, 0), hi = Number(t.latest.slice(0, 4)) - Number(b.earliest.slice(0, 4));
    var age = hi - lo <= 1 && t.earliest.slice(4) >= b.latest.slice(4) ? String(hi) : hi > lo ? lo + '–' + hi : String(hi);
    return answer('answered', age + ', computed from the dates: born ' + dateLabel(b.edtf) + '; ' + target.ev.summary + ' ' + dateLabel(t.edtf) + '.',
      baseCites(births[0].evidence, 1).concat(baseCites(target.ev.evidence, 1)), [age],
      {computed: true, dateBounds: [[b.earliest, b.latest], [t.earliest, t.latest]]});
  }
  // answers.answer_disputes: the conflicts about an asked entity (taking part, or named in
  // what the conflict is about) and period, one per claim set, each claim cited
  function conflicts(q) {
    var seen = new Set(), out = D.conflicts.filter(function (c) {
      var evs = q.entities.length || q.period ? events.filter(function (ev) { return c.events.indexOf(ev.id) >= 0; }) : [];
      if (q.entities.length) {
        var inv = new Set([].concat.apply([], evs.map(function (ev) { return ev.who.concat(placesOf(ev)); })));
        if (!q.entities.some(function (e) { return inv.has(e) || lower(c.about).indexOf(lower(name(e))) >= 0; })) return false;
      }
      if (q.period && evs.length && !evs.some(function (ev) { return inPeriod(ev, q.period); })) return false;
      var k = c.kind + '\u0000' + Array.from(new Set(c.claims.map(function (x) { return x[5] || x[3]; }))).sort().join('\u0000');
      if (seen.has(k)) return false;
      seen.add(k); return true;
    });
    if (!out.length) return null;
    var shown = out.slice(0, 8);
    var a = answer('disputed', 'The sources disagree on ' + out.length + ' point' + (out.length > 1 ? 's' : '') + ': ' + shown.map(function (c) {
      return (c.about || c.kind) + ': ' + c.claims.map(function (x) { return docLabel(x[0]) + ' says “' + (x[5] || x[3]) + '”'; }).join(' vs ');
    }).join('; ') + '.', [], out.map(function (c) { return c.about; }));
    a.cites = [].concat.apply([], shown.map(function (c) { return c.claims.map(function (x, i) { return claimCite(c, i); }); }));
    return a;
  }
  // Service.nearest: the question's words but stop words, searched as `chronica ask` searches
  // the store (ask_read.js ranks as SQLite FTS5 does); word overlap by rarity without it
  var SEARCH_STOP = new Set(R.stop.concat(R.searchStop || []));
  function nearest(q) {
    if (RA) {
      var words = (q.text.match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) { return !SEARCH_STOP.has(fold(w)); });
      return RA.search(words, 12).slice(0, 3).map(function (i) { return D.passages[i]; });
    }
    var terms = (fold(q.text).match(/[\p{L}\p{N}_]+/gu) || []).filter(function (w) { return !STOP.has(w) && w.length > 2; }).map(stem);
    var df = {}, rows = D.passages.map(function (p) { return {p: p, s: stems(p[3])}; });
    terms.forEach(function (t) { df[t] = rows.filter(function (r) { return r.s.has(t); }).length; });
    return rows.map(function (r) {
      return {p: r.p, score: terms.reduce(function (a, t) { return a + (r.s.has(t) ? Math.log(1 + rows.length / df[t]) : 0); }, 0)};
    }).filter(function (x) { return x.score > 0; }).sort(function (a, b) { return b.score - a.score; }).slice(0, 3).map(function (x) { return x.p; });
  }
  var UNKNOWN = {how_long: 'how long', how_many: 'how many', how_old: 'how old', fate: 'what became of that',
    disputes: 'any disagreement about that'};
  function whoInText(q) { return window.ChronicaAskWho ? window.ChronicaAskWho.whoInText(q) : null; }
  function whoStored(q) { return ANSWER.whoStored(q); }
  function verified(q, a) { return window.ChronicaAskVerify ? window.ChronicaAskVerify.verified(q, a) : a; }
  // structured answers first; when none fits, the answer read from the sentences that tell
  // it (ask_read.js); otherwise "I don't know" and the nearest passages, never a guess
  function ask(text) {
    var q = parse(text), answerer = ANSWER[q.kind], a = answerer ? verified(q, answerer(q)) : null;
    if (!(a && a.cites.length) && answerer && RA) a = verified(q, RA.read(q));
    if (!(a && a.cites.length) && q.kind === 'who') a = verified(q, whoInText(q));  // the last resort (ask_who.js)
    if (a && a.cites.length) { a.kind = q.kind; return a; }
    var found = nearest(q);
    return {status: 'unknown', kind: q.kind, cites: [], values: [], passages: found,
      text: q.kind === 'passages' ? (found.length ? 'No question form fits: the passages that best match it.' : 'Nothing in the sources matches.')
        : 'The knowledge base does not say ' + (UNKNOWN[q.kind] || q.kind) + (found.length ? ': the nearest passages follow.' : '.')};
  }

  // ------------------------------------------------------------------ the page --
  function render(box, a) {
    var panel = C.el('section', 'panel');
    panel.setAttribute('data-testid', 'ask-answer');
    panel.setAttribute('data-status', a.status);
    panel.setAttribute('data-kind', a.kind);
    panel.setAttribute('data-values', JSON.stringify(a.values || []));  // machine-readable, as /api/ask gives them
    panel.appendChild(C.el('p', 'answer answer-' + a.status, a.text));
    var list = C.el('ol', 'results cites');
    a.cites.forEach(function (c) {
      var li = C.el('li');
      li.setAttribute('data-testid', 'ask-cite');
      li.appendChild(C.el('blockquote', null, '“' + c.text + '”'));
      li.appendChild(C.link(D.documents[c.doc].url + '#s-' + c.start + '-' + c.end, D.documents[c.doc].label));
      li.appendChild(C.el('span', 'count', ' ' + (c.locator || 'chars ' + c.start + '–' + c.end)));
      if (c.says) li.appendChild(C.el('span', 'tag', 'says ' + c.says));
      list.appendChild(li);
    });
    if (a.cites.length) panel.appendChild(list);
    box.appendChild(panel);
    if (a.passages && a.passages.length) {
      var more = C.el('section', 'panel');
      more.appendChild(C.el('h2', null, a.kind === 'passages' ? 'Passages' : 'Nearest passages'));
      var ul = C.el('ul', 'results');
      a.passages.forEach(function (p) {
        var li = C.el('li');
        li.setAttribute('data-testid', 'ask-passage');
        li.appendChild(C.el('p', 'snippet', p[3]));
        li.appendChild(C.link(D.documents[p[0]].url, D.documents[p[0]].label));
        ul.appendChild(li);
      });
      more.appendChild(ul);
      box.appendChild(more);
    }
  }
  window.ChronicaAsk = {ask: ask, parse: parse};
  document.addEventListener('DOMContentLoaded', function () {
    var q = new URLSearchParams(window.location.search).get('q') || '';
    var input = document.querySelector('[data-ask-input]'), box = document.querySelector('[data-ask-answer]');
    if (input) input.value = q;
    if (box && q.trim()) { box.textContent = ''; render(box, ask(q)); }
  });
})();
