/* Asking in the static report: the server's rules (chronica.ask), run in the browser over
   the exported facts in ask-data.js. Question kinds, trigger lexicon and stop words come
   from the same data files; every answer cites its spans; otherwise the nearest passages. */
(function () {
  'use strict';
  var C = window.Chronica, D = window.CHRONICA_ASK;
  if (!D) return;
  var R = D.rules, MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
    'september', 'october', 'november', 'december'];
  var NUM = {one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
    eleven: 11, twelve: 12, a: 1, an: 1};
  var PEOPLE = ['person', 'group', 'organization'];
  var DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'this', 'that', 'these', 'those', 'my', 'our', 'your']);
  var STOP = new Set(R.stop.concat(R.light)), LABELS = new Set(R.relationLabels), LIGHT = new Set(R.light);
  var IRREGULAR = D.irregular || {}, IRR_VERB = {}, IRR_NOUN = {};  // form -> lemma ("wrote" -> "write")
  Object.keys(IRREGULAR.verb || {}).forEach(function (l) { IRREGULAR.verb[l].forEach(function (f) { IRR_VERB[f] = IRR_VERB[f] || l; }); });
  Object.keys(IRREGULAR.noun || {}).forEach(function (l) { IRREGULAR.noun[l].forEach(function (f) { IRR_NOUN[f] = IRR_NOUN[f] || l; }); });

  function fold(t) { return String(t || '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/’/g, "'"); }
  function key(t) { return fold(t).replace(/'s$/, '').replace(/^the /, '').trim(); }
  function stem(w) {
    w = fold(w);
    var suf = ['ations', 'ation', 'ings', 'ing', 'ied', 'ies', 'ed', 'es', 's'];
    for (var i = 0; i < suf.length; i++) {
      if (w.endsWith(suf[i]) && w.length - suf[i].length >= 3) { w = w.slice(0, -suf[i].length); break; }
    }
    return w.slice(0, 5);
  }
  window.ChronicaAskStem = stem;
  function stems(t) { return new Set((fold(t).match(/[\p{L}\p{N}_]+/gu) || []).map(stem)); }
  function isName(f) {
    var ws = f.split(/\s+/);
    return ws.length > 0 && ws[0].toLowerCase() !== 'the' && /^\p{Lu}/u.test(ws[0]) &&
      ws.every(function (w) { return /^\p{Lu}/u.test(w) || ['of', 'de', 'von', 'van', 'da', 'di', 'la', 'le', 'du', 'del'].indexOf(w) >= 0; });
  }

  // ------------------------------------------------------------------ the base --
  var ents = {}, byEntity = {}, forms = {}, eventStems = {};
  D.entities.forEach(function (e) { ents[e.id] = e; });
  function placesOf(ev) {
    var out = [], cur = ev.where;
    while (cur && ents[cur] && out.indexOf(cur) < 0) { out.push(cur); cur = ents[cur].part_of; }
    return out;
  }
  var events = D.events.slice().sort(function (a, b) {
    var x = (a.when || {}).earliest || '~', y = (b.when || {}).earliest || '~';
    return x < y ? -1 : x > y ? 1 : 0;
  });
  events.forEach(function (ev) {
    ev.who.concat(placesOf(ev)).forEach(function (id) { (byEntity[id] = byEntity[id] || []).push(ev); });
    eventStems[ev.id] = stems(ev.summary + ' ' + ev.evidence.map(function (s) { return s[3]; }).join(' '));
  });
  var surnames = {};  // a surname alone finds the person (names.NameIndex), unless it is a name itself
  D.entities.forEach(function (e) {
    [e.name].concat(e.aliases).forEach(function (f) {
      if (!f || !isName(f)) return;
      (forms[key(f)] = forms[key(f)] || []).push(e.id);
      var ws = f.split(/\s+/), last = ws[ws.length - 1];
      if (e.type === 'person' && ws.length > 1 && ['of', 'the', 'de', 'von', 'van', 'da', 'di', 'la', 'le', 'du', 'del'].indexOf(lower(last)) < 0) {
        (surnames[key(last)] = surnames[key(last)] || []).push(e.id);
      }
    });
  });
  Object.keys(surnames).forEach(function (k) { if (!forms[k]) forms[k] = surnames[k]; });
  Object.keys(forms).forEach(function (k) {  // most mentioned first, then by id
    forms[k] = Array.from(new Set(forms[k])).sort(function (a, b) { return ents[b].mentions - ents[a].mentions || (a < b ? -1 : a > b ? 1 : 0); });
  });
  function name(id) { return (ents[id] || {}).name || id; }

  // ------------------------------------------------------------------ parsing --
  function lemmas(w) {
    var out = [w, w.replace(/ied$/, 'y'), w.replace(/ed$/, ''), w.replace(/d$/, ''), w.replace(/ing$/, ''),
      w.replace(/ing$/, 'e'), w.replace(/s$/, ''), w.replace(/es$/, '')];
    if (w === 'born') out.unshift('bear');
    return out;
  }
  function parse(text) {
    var low = fold(text).replace(/\s+/g, ' '), kind = 'passages';
    for (var i = 0; i < R.kinds.length; i++) { if (new RegExp(R.kinds[i][1]).test(low)) { kind = R.kinds[i][0]; break; } }
    var toks = [], m, re = /[\p{L}\p{N}'’-]+/gu;
    while ((m = re.exec(text))) toks.push({t: m[0], i: m.index});
    var found = [], used = new Set(), names = [], spans = [];
    for (var a = 0; a < toks.length; a++) {
      for (var n = Math.min(6, toks.length - a); n > 0; n--) {
        var k = key(toks.slice(a, a + n).map(function (x) { return x.t; }).join(' '));
        if (forms[k] && (n > 1 || /^\p{Lu}/u.test(toks[a].t))) {
          found.push(forms[k][0]); spans.push([a, a + n]);
          names.push(text.slice(toks[a].i, toks[a + n - 1].i + toks[a + n - 1].t.length).replace(/['’]s$/, '').replace(/^the /i, ''));
          for (var j = a; j < a + n; j++) used.add(j);
          a += n - 1; break;
        }
      }
    }
    var q = {text: text, kind: kind, entities: Array.from(new Set(found)), kinds: [], words: [], period: period(low), names: names,
      periodText: periodText(text.replace(/\s+/g, ' '), low)};
    if (q.period && (R.withDate || {})[kind]) q.kind = R.withDate[kind];  // "what happened to X in 1839?"
    var kept = toks.filter(function (x, j) { return !used.has(j) && !/^\d+$/.test(x.t) && MONTHS.indexOf(fold(x.t)) < 0; });
    var rest = kept.map(function (x) { return fold(x.t).replace(/'s$/, ''); });
    // a word after a determiner is a noun ("after the shooting"): no verb is looked for there
    var verbal = kept.filter(function (x) { var j = toks.indexOf(x); return !(j > 0 && DETERMINERS.has(fold(toks[j - 1].t))); })
      .map(function (x) { return fold(x.t).replace(/'s$/, ''); });
    predicate(q, verbal, low);
    q.forms = (IRREGULAR.verb || {})[q.predicate] || [];
    q.words = Array.from(new Set(rest.filter(function (w) { return !STOP.has(w) && w.length > 2; })
      .map(function (w) { return verbLemma(w) || (/ed$/.test(w) && lemmas(w).find(function (x) { return R.verbs[x]; })) || singular(w); })
      .filter(function (w) { return w !== q.predicate && !STOP.has(w); })));
    q.role = rest.find(function (w) { return LABELS.has(w); });
    if (kind === 'how_many') q.role = counted(low);
    q.roleForms = (IRREGULAR.noun || {})[q.role] || [];
    q.asksObject = asksObject(low);
    if (RO) RO.parts(q, toks, spans, function (w) {  // a verb's lemma ("happened": happen), null for another word
      return verbLemma(w) || lemmas(w).find(function (x) { return R.verbs[x] || LIGHT.has(x); }) || null;
    });
    return q;
  }
  // the question's predicate as spaCy finds it: the first verb (by the forms the texts use
  // as verbs, or the trigger lexicon) that is not a light verb; else an event noun
  function predicate(q, rest, low) {
    var hit = rest.some(function (w) {
      var l = verbLemma(w) || lemmas(w).find(function (x) { return R.verbs[x]; });
      if (!l || STOP.has(w) || LIGHT.has(l)) return false;
      q.predicate = l; q.kinds = (R.verbs[l] || []).slice();
      return true;
    }) || rest.some(function (w) { return R.nouns[w] ? (q.predicate = w, q.kinds = R.nouns[w].slice(), true) : false; });
    if (hit && q.kinds.length && /\b(?:was|were|been)\b/.test(low) && /ed\b|\bborn\b/.test(low)) {
      q.kinds = q.kinds.reduce(function (o, k) { return o.concat(R.passive[k] || []); }, []).concat(q.kinds);
    }
    if (!q.kinds.length) rest.some(function (w) { return R.lightKinds[w] ? (q.kinds = R.lightKinds[w].slice(), true) : false; });
    q.kinds.slice().forEach(function (k) { q.kinds = q.kinds.concat(R.related[k] || []); });
    q.kinds = Array.from(new Set(q.kinds));
  }
  var VERB_LEMMAS = new Set(Object.keys(IRREGULAR.verb || {}).concat(Object.keys(D.verbs || {}).map(function (f) { return D.verbs[f]; })));
  function verbLemma(w) { return w === 'born' ? 'bear' : IRR_VERB[w] || (D.verbs || {})[w] || (VERB_LEMMAS.has(w) ? w : null); }
  function singular(w) {
    if (IRR_NOUN[w]) return IRR_NOUN[w];
    if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
    if (/(?:ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
    return /[^s]s$/.test(w) ? w.slice(0, -1) : w;
  }
  function counted(low) {  // "how many iron pegs ...": the noun the count is of
    var after = low.split(/how (?:many|much) /)[1];
    if (!after) return null;
    var ws = after.split(/[^\p{L}\p{N}'-]+/u), last = null;
    for (var i = 0; i < ws.length && i < 3; i++) {
      if (!ws[i] || STOP.has(ws[i]) || verbLemma(ws[i])) break;
      last = ws[i];
    }
    return last ? singular(last) : null;
  }
  function asksObject(low) {  // "whom did X stab?", "who did X marry?", "who was questioned?"
    if (/^whom\b/.test(low) || /^who (?:did|does|do|will|would|had|has|have) /.test(low)) return true;
    var m = low.match(/^who (?:was|were|is|are|has been|had been|have been) (\w+)/);
    return !!(m && verbLemma(m[1]) && verbLemma(m[1]) !== m[1] && /(?:ed|en|wn|ght)$/.test(m[1]) || m && IRR_VERB[m[1]]);
  }
  var PERIOD = /(?:(\d{1,2}) )?(january|february|march|april|may|june|july|august|september|october|november|december)?,? ?(\d{3,4})\b/;
  function periodText(text, low) {  // the question's words for its date ("May 1814")
    var m = low.match(PERIOD);
    return m && m[3] && low.length === text.length ? text.substr(m.index, m[0].length).replace(/^[\s,]+/, '') : null;
  }
  function period(low) {
    var m = low.match(PERIOD);
    if (!m || !m[3]) return null;
    var y = ('000' + m[3]).slice(-4);
    if (!m[2]) return [y + '-01-01', y + '-12-31'];
    var mo = ('0' + (MONTHS.indexOf(m[2]) + 1)).slice(-2);
    if (m[1]) { var d = ('0' + m[1]).slice(-2); return [y + '-' + mo + '-' + d, y + '-' + mo + '-' + d]; }
    return [y + '-' + mo + '-01', y + '-' + mo + '-31'];
  }

  // ------------------------------------------------------------------ answering --
  function inPeriod(ev, p) {
    if (!p) return true;
    var w = ev.when || {};
    return !!(w.earliest || w.latest) && (w.earliest || '') <= p[1] && (w.latest || '~') >= p[0];
  }
  // events.best_events: scored by the entities, predicate, words and names they share with
  // the question; without any named entity the words alone must carry it (the best `limit`)
  function bestScored(q, filter, needPredicate, limit) {
    var named = q.entities.filter(function (e) { return byEntity[e] || ents[e].type === 'person'; });
    var pool = named.length ? Array.from(new Set([].concat.apply([], named.map(function (e) { return byEntity[e] || []; })))) : events;
    var ws = q.words.map(stem), ps = q.predicate ? [q.predicate].concat(q.forms || []).map(stem) : [];
    var nameStems = q.entities.map(function (e) {
      return [e, (name(e).match(/\w+/g) || []).filter(function (w) { return w.length > 2; }).map(stem)];
    });
    var scored = [];
    pool.forEach(function (ev) {
      if (filter && !filter(ev)) return;
      var inv = new Set(ev.who.concat(placesOf(ev))), shared = named.filter(function (e) { return inv.has(e); });
      if ((named.length && !shared.length) || !inPeriod(ev, q.period)) return;
      var have = eventStems[ev.id], s = 2 * shared.length, hit = false, told = 0;
      var at = q.kinds.indexOf(ev.kind);
      if (at >= 0) { s += at === 0 ? 2 : 1; hit = true; }
      if (ps.some(function (p) { return have.has(p); })) { s += 1.5; hit = true; }
      ws.forEach(function (w) { if (have.has(w)) { told++; s += 0.5; } });
      nameStems.forEach(function (x) {  // a named thing the event does not involve but its words tell
        if (shared.indexOf(x[0]) < 0 && x[1].length && x[1].every(function (w) { return have.has(w); })) { s += 1; told++; }
      });
      if (!named.length && !told) return;
      if (q.predicate && !hit) s -= 2;
      if ((needPredicate !== false && q.predicate && !hit) || (!named.length && s < 1.5)) return;
      scored.push({ev: ev, s: s, hit: hit});
    });
    return scored.sort(function (a, b) { return b.s - a.s; }).slice(0, limit || 5);
  }
  function best(q, filter, needPredicate, limit) { return bestScored(q, filter, needPredicate, limit).map(function (x) { return x.ev; }); }
  // a quote with the evidence facts of ask_report._span is checked by ask_verify.js; a bare [doc, start, end, text] is not
  function cite(s, says) { return {doc: s[0], start: s[1], end: s[2], text: s[3], says: says || null, locator: s[6] || null, span: s.length > 9 ? s : null}; }
  function label(edtf) { return edtf || 'undated'; }
  // the server's evidence checks, worked out when the report was written: s[7] a legend,
  // rumour or quoted claim; s[8] the places the span puts the happening AT
  function plainOnly(spans) { return spans.filter(function (s) { return !s[7]; }); }
  function plain(spans) { var p = plainOnly(spans); return p.length ? p : spans; }
  function cites(spans) { return plain(spans).map(function (s) { return cite(s); }); }
  // a verb narrower than its event kind ("succeed") must be in the quote itself
  function saysVerb(text, lemma) {
    var root = lemma.length > 3 && lemma.slice(-1) === 'e' ? lemma.slice(0, -1) : lemma;
    return fold(text).split(/[^\p{L}]+/u).some(function (w) {
      return w === lemma || (w.indexOf(root) === 0 && (R.inflections || []).indexOf(w.slice(root.length)) >= 0);
    });
  }
  function telling(q, spans) {
    if (!q.predicate || (R.narrow || []).indexOf(q.predicate) < 0) return spans;
    return spans.filter(function (s) { return saysVerb(s[3], q.predicate); });
  }
  // extra: what the evidence check needs (ask_verify.js): the answer's date bounds, its entities
  function answer(status, text, cites, values, extra) {
    var seen = new Set();  // each span once (verify.distinct)
    cites = cites.filter(function (c) { var k = [c.doc, c.start, c.end].join('|'); return seen.has(k) ? false : (seen.add(k), true); });
    var a = {status: status, text: text, cites: cites.slice(0, 6), values: values || []};
    Object.keys(extra || {}).forEach(function (k) { a[k] = extra[k]; });
    return a;
  }
  function involves(ev, id) { return ents[id] && ents[id].type === 'place' ? placesOf(ev).indexOf(id) >= 0 : ev.who.indexOf(id) >= 0; }

  var RA = window.ChronicaAskRead || null, dateLabel = RA ? RA.dateLabel : label;
  var RO = window.ChronicaAskRoles || null;  // the participants' parts (ask/roles.py)
  function plays(ev, id, part) { return !RO || RO.plays(ev, id, RO.wanted(part)); }
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
      var place = at[ev.where] ? ev.where : Object.keys(at)[0] || ev.where;
      return answer('answered', ev.summary + ': in ' + name(place) + whenSuffix(ev) + '.',
        (at[place] || plain(ev.evidence)).map(function (s) { return cite(s); }), [name(place)], {ids: [place]});
    },
    who: function (q) {
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
        evs.map(function (ev) { return cite(listedQuote(ev, about)); }), evs.map(function (ev) { return (ev.when || {}).edtf || ''; }));
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
        if (keys.some(function (k) { return seen.has(k); })) return false;
        keys.forEach(function (k) { seen.add(k); });
        return true;
      }).slice(0, 3);
      if (!last.length) return null;
      return answer('answered', 'The last the sources tell of ' + name(p) + ': ' + last.map(function (ev) { return dateLabel(ev.when.edtf) + ': ' + ev.summary; }).join('; ') + '.',
        last.map(function (ev) { return listedQuote(ev, listable(q)); }).filter(Boolean).map(function (s) { return cite(s); }), [last[0].when.edtf].concat(last[0].where ? [name(last[0].where)] : []));
    },
    disputes: function (q) { return conflicts(q); },
    how_long: function (q) { return conflictsOfKind(q, 'duration') || howLong(q); },
    how_many: function (q) { return conflictsOfKind(q, 'count') || howMany(q); },
    how_old: function (q) { return conflictsOfKind(q, 'age') || howOld(q); }
  };
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
      a.cites = baseCites(spans);  // no date for them: the event's other sentences
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
    var told = ev.evidence.filter(function (s) { return RA && RA.actionAt(s[3], q, q.predicate, q.kinds[0]) !== null; });
    if (told.length) return told;
    return (R.narrow || []).indexOf(q.predicate) >= 0 ? [] : ev.evidence;
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
  function lower(t) { return String(t || '').toLowerCase(); }
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
  function verified(q, a) { return window.ChronicaAskVerify ? window.ChronicaAskVerify.verified(q, a) : a; }
  // structured answers first; when none fits, the answer read from the sentences that tell
  // it (ask_read.js); otherwise "I don't know" and the nearest passages, never a guess
  function ask(text) {
    var q = parse(text), answerer = ANSWER[q.kind], a = answerer ? verified(q, answerer(q)) : null;
    if (!(a && a.cites.length) && answerer && RA) a = verified(q, RA.read(q));
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
