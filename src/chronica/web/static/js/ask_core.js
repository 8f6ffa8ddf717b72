/* Asking in the static report, its ground: the exported facts in ask-data.js indexed by
   entity and word, the question parser and the event scorer, shared with the answerers
   in ask.js as window.ChronicaAskCore. The server's rules (chronica.ask), run in the browser:
   question kinds, trigger lexicon and stop words come from the same data files. */
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

  function lower(t) { return String(t || '').toLowerCase(); }
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
    var noun = personNounAsked(low);  // "which captain took him?" asks who (parse.person_noun_asked)
    if (kind === 'passages' && noun) kind = 'who';
    var q = {text: text, kind: kind, personNoun: kind === 'who' ? noun : null, entities: Array.from(new Set(found)), kinds: [], words: [], period: period(low), names: names,
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
      .map(function (w) { return (w === q.predicateWritten && q.predicate) || verbLemma(w) || (/ed$/.test(w) && lemmas(w).find(function (x) { return R.verbs[x]; })) || singular(w); })
      .filter(function (w) { return w !== q.predicate && !STOP.has(w); })));
    q.role = rest.find(function (w) { return LABELS.has(w); });
    if (kind === 'how_many') q.role = counted(low);
    q.roleForms = (IRREGULAR.noun || {})[q.role] || [];
    q.asksObject = asksObject(low);
    if (RO) RO.parts(q, toks, spans, function (w) {  // a verb's lemma ("happened": happen), null for another word
      return verbLemma(w) || (w === q.predicateWritten && q.predicate) || lemmas(w).find(function (x) { return R.verbs[x] || LIGHT.has(x); }) || null;
    });
    return q;
  }
  var PERSON_NOUNS = new Set(R.personNouns || []);
  function personNounAsked(low) {
    var m = low.match(/^(?:by |with |to |from |for |under )?(?:which|what) (?:[\p{L}\p{N}_]+ )?([\p{L}\p{N}_]+)(?![\p{L}\p{N}_])/u);
    if (!m) return null;
    var ws = m[0].split(' ').slice(-2).reverse();
    return ws.find(function (w) { return PERSON_NOUNS.has(w) || (/s$/.test(w) && PERSON_NOUNS.has(w.slice(0, -1))); }) || null;
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
    if (!hit) pastAfterWho(q, low);
    if (!q.kinds.length) rest.some(function (w) { return R.lightKinds[w] ? (q.kinds = R.lightKinds[w].slice(), true) : false; });
    q.kinds.slice().forEach(function (k) { q.kinds = q.kinds.concat(R.related[k] || []); });
    q.kinds = Array.from(new Set(q.kinds));
  }
  // "who commanded X?": a past form right after "who" is the verb spaCy finds, though neither
  // the lexicon nor the texts' verbs know it (its lemma: "-ed" off, a doubled consonant
  // undone, or with its "e" where the texts know that verb)
  function pastAfterWho(q, low) {
    var m = low.match(/^who ([a-z]{3,}ed)\b/);
    if (!m || STOP.has(m[1])) return;
    var l = m[1].slice(0, -2);
    if (/([b-df-hj-np-tv-z])\1$/.test(l)) l = l.slice(0, -1);
    else if (VERB_LEMMAS.has(l + 'e') || (D.verbs || {})[l + 'e']) l = l + 'e';
    q.predicate = l; q.predicateWritten = m[1]; q.kinds = (R.verbs[l] || []).slice();
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
      if (at >= 0 && R.generic.indexOf(ev.kind) < 0) { s += at === 0 ? 2 : 1; hit = true; }  // "other" proves nothing
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
  window.ChronicaAskCore = {C: C, D: D, R: R, PEOPLE: PEOPLE, STOP: STOP, fold: fold, stem: stem, stems: stems,
    ents: ents, byEntity: byEntity, eventStems: eventStems, placesOf: placesOf, events: events, name: name,
    parse: parse, period: period, inPeriod: inPeriod, bestScored: bestScored, best: best, cite: cite,
    plainOnly: plainOnly, plain: plain, cites: cites, telling: telling, answer: answer, involves: involves, RA: RA,
    plays: plays, dateLabel: dateLabel,
    lower: lower};
})();
