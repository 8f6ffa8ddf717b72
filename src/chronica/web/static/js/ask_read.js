/* Reading answers from sentences in the static report, as chronica.ask.reading does when
   no stored event gives the answer: the passages that best match the question's words,
   cut into sentences; the first sentence that names everything the question names and
   tells its happening plainly, and writes a value of the asked kind, answers, citing
   itself. What needs spaCy or the temporal tagger (doers and undergoers, dates,
   durations, numbers, ages, hedged clauses) was worked out when the report was written
   (web/ask_sentences.py): the facts of each sentence are in CHRONICA_ASK.reads. */
(function () {
  'use strict';
  var D = window.CHRONICA_ASK;
  if (!D) return;
  var R = D.rules, READ = ['who', 'when', 'where', 'how_long', 'how_many', 'how_old'];
  var SENTENCES_READ = 12, MAX_CITES = 4, DATE_REACH = 80, AGE_REACH = 80, WHO_PARSED = 6, PASSAGES_FETCHED = 12;
  // the row fields (see ask_sentences.py)
  var P = 0, START = 1, END = 2, HAS = 3, NAMED = 4, BACK = 5, BEFORE = 6, DATES = 7, PLACES = 8, SPANS = 9,
    DURATIONS = 10, NUMBERS = 11, AGES = 12, HEDGED = 13, ROLES = 14;
  var PEOPLE = ['person', 'group', 'organization'];
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'], SEASONS = {21: 'spring', 22: 'summer', 23: 'autumn', 24: 'winter'};
  var ents = {}, byPassage = {};
  D.entities.forEach(function (e) { ents[e.id] = e; });
  (D.reads || []).forEach(function (r) { (byPassage[r[P]] = byPassage[r[P]] || []).push(r); });

  function lower(t) { return String(t || '').toLowerCase(); }
  function name(id) { return (ents[id] || {}).name || id; }
  function text(r) { var p = D.passages[r[P]]; return p[3].slice(r[START] - p[1], r[END] - p[1]); }
  function forms(id) {  // the capitalised names of an entity, folded (reading._forms)
    var e = ents[id] || {};
    return [e.name].concat(e.aliases || []).filter(function (f) { return f && f.length > 2 && /^\p{Lu}/u.test(f); }).map(lower);
  }
  function allForms(id) {  // every name longer than two letters (answers._forms)
    var e = ents[id] || {};
    return [e.name].concat(e.aliases || []).filter(function (f) { return f && f.length > 2; }).map(lower);
  }

  // ------------------------------------------------------------------ dates --
  function dateLabel(edtf) {  // base.date_label
    if (!edtf) return 'an unknown date';
    if (edtf.indexOf('/') >= 0) {
      var ab = edtf.split('/');
      if (!ab[0] || ab[0] === '..') return 'before ' + dateLabel(ab[1]);
      if (!ab[1] || ab[1] === '..') return 'after ' + dateLabel(ab[0]);
      return dateLabel(ab[0]) + ' – ' + dateLabel(ab[1]);
    }
    var m = edtf.match(/^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([~?%]?)$/);
    if (!m) return edtf;
    var y = Number(m[1]), label = y <= 0 ? (1 - y) + ' BC' : String(y), mo = m[2] ? Number(m[2]) : null;
    if (SEASONS[mo]) label = SEASONS[mo] + ' ' + label;
    else if (mo) { label = MONTHS[mo - 1] + ' ' + label; if (m[3]) label = Number(m[3]) + ' ' + label; }
    return {'~': 'c. ' + label, '?': label + '?', '%': 'c. ' + label + '?'}[m[4]] || label;
  }
  function isoKey(iso) {
    var neg = iso.charAt(0) === '-', parts = iso.replace(/^-/, '').split('T')[0].split('-').slice(0, 3).map(Number);
    if (neg) parts[0] = -parts[0];
    while (parts.length < 3) parts.push(1);
    return parts;
  }
  function daysBetween(a, b) {
    var x = isoKey(a), y = isoKey(b);
    return (y[0] - x[0]) * 365.25 + (y[1] - x[1]) * 30.44 + (y[2] - x[2]);
  }
  function edtfBounds(edtf) {  // [earliest, latest] ISO days of a plain EDTF date (time.edtf's)
    var m = String(edtf || '').replace(/[~?%]/g, '').match(/^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/);
    if (!m) return null;
    var y = m[1], mo = m[2] ? Number(m[2]) : null, pad = function (n) { return ('0' + n).slice(-2); };
    if (m[3]) return [y + '-' + m[2] + '-' + m[3], y + '-' + m[2] + '-' + m[3]];
    var season = {21: [3, 5], 22: [6, 8], 23: [9, 11], 24: [12, 14]}[mo];
    var span = season || (mo ? [mo, mo] : [1, 12]), last = span[1] > 12 ? span[1] - 12 : span[1];
    var endYear = span[1] > 12 ? String(Number(y) + 1) : y, endDay = new Date(Date.UTC(2001, last, 0)).getUTCDate();
    if (last === 2 && Number(endYear) % 4 === 0 && (Number(endYear) % 100 !== 0 || Number(endYear) % 400 === 0)) endDay = 29;
    return [y + '-' + pad(span[0]) + '-01', (endYear.length < 4 ? ('000' + endYear).slice(-4) : endYear) + '-' + pad(last) + '-' + pad(endDay)];
  }
  function rounded(x) {  // Python's f"{x:.0f}": halves to even
    var f = Math.floor(x), d = x - f;
    return String(d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f);
  }
  function spanLabel(days) {
    if (days >= 700) return Math.round(days / 365.25) + ' years';
    if (days >= 60) return Math.round(days / 30.44) + ' months';
    return Math.round(days) + ' days';
  }

  // ------------------------------------------------------------------ the happening's word --
  function root(lemma) { return lemma.length > 3 && lemma.slice(-1) === 'e' ? lemma.slice(0, -1) : lemma; }
  function rootsOf(w) {
    var out = [w];
    (R.inflections || ['']).forEach(function (end) {
      if (end && w.slice(-end.length) === end && w.length - end.length >= 2) {
        var s = w.slice(0, -end.length);
        out.push(s);
        if (s.length > 2 && s.slice(-1) === s.slice(-2, -1)) out.push(s.slice(0, -1));
      }
    });
    return out;
  }
  // support.action_at: where the text tells the happening (the predicate in some form, or,
  // when `kind` is given and the predicate is not narrower than it, a trigger of the kind)
  var ATTEMPT = R.attempt ? new RegExp(R.attempt, 'i') : null;
  function attempted(t, at) {  // support.attempted: "tried to shoot" is no shooting
    return !!ATTEMPT && ATTEMPT.test(t.slice(Math.max(0, at - 160), at));
  }
  // (with `verbsOnly` the kind's nouns do not count: "the battle" tells no one defeated anyone)
  function actionAt(t, q, predicate, kind, attempts, verbsOnly) {
    if (!predicate) return 0;
    var lemmas = [predicate];
    if (kind && (R.narrow || []).indexOf(predicate) < 0) lemmas = lemmas.concat(((verbsOnly ? R.verbTriggers : R.triggers) || {})[kind] || []);
    var roots = new Set(lemmas.map(root).concat(lemmas)), fs = new Set((q.forms || []).map(lower));
    var re = /[\p{L}\p{M}]+/gu, m;
    while ((m = re.exec(t))) {
      var w = lower(m[0]);
      if ((fs.has(w) || rootsOf(w).some(function (r) { return roots.has(r); })) && !someoneElses(t, m.index, q)
          && (attempts || !attempted(t, m.index))) return m.index;
    }
    return null;
  }
  function someoneElses(t, at, q) {  // "Lenin's death" does not tell the asked person's
    var m = t.slice(Math.max(0, at - 60), at).match(/([\p{L}\p{M}]+)[’']s\s+(?:[\p{L}\p{M}]+\s+)?$/u);
    if (!m || !/^\p{Lu}/u.test(m[1])) return false;
    var asked = new Set([].concat.apply([], (q.names || []).map(function (n) { return lower(n).match(/[\p{L}\p{M}]+/gu) || []; })));
    return !asked.has(lower(m[1]));
  }
  function hedgedAt(r, at) { return (r[HEDGED] || []).some(function (c) { return c[0] <= at && at < c[1]; }); }

  // ------------------------------------------------------------------ search --
  function inflected(w) {  // reading._inflected: full-text search does not stem
    var rt = w.slice(-1) === 'e' ? w.slice(0, -1) : w, out = [w, rt + 'ed', rt + 'es', rt + 'ing', w + 's', w + 'd'];
    if (w.length > 2 && 'aeiouwy'.indexOf(w.slice(-1)) < 0 && 'aeiou'.indexOf(w.slice(-2, -1)) >= 0 && 'aeiou'.indexOf(w.slice(-3, -2)) < 0) {
      out.push(w + w.slice(-1) + 'ed', w + w.slice(-1) + 'ing');
    }
    return out;
  }
  function queryWords(q) {
    var out = [].concat.apply([], (q.names || []).map(function (n) { return n.match(/[\p{L}\p{N}]+/gu) || []; }));
    [q.predicate].concat(q.words).forEach(function (w) {
      if (!w) return;
      inflected(w).forEach(function (f) { if (f !== w) BASE[lower(f)] = lower(w); });
      out = out.concat(inflected(w));
    });
    out = out.concat(q.forms || [], q.role ? [q.role] : [], q.roleForms || []);
    return Array.from(new Set(out.map(lower)));
  }
  // full-text search as SQLite FTS5 ranks it for `chronica ask`: bm25 over the terms its
  // tokenizer files words under (Porter stems, accents folded; CHRONICA_ASK.terms, worked
  // out by SQLite when the report was written)
  var K1 = 1.2, B = 0.75, counts = null, lengths = null, df = null, avg = 1;
  var TERMS = D.terms || {}, BASE = {};  // an inflected query word -> the word it was made from
  function tokens(t) {
    return (lower(t).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[\p{L}\p{N}]+/gu) || [])
      .map(function (w) { return TERMS[w] || w; });
  }
  function search(terms, limit) {
    if (!counts) {
      df = {}; counts = []; lengths = [];
      D.passages.forEach(function (p) {
        var c = {}, ts = tokens(p[3]);
        ts.forEach(function (w) { c[w] = (c[w] || 0) + 1; });
        Object.keys(c).forEach(function (w) { df[w] = (df[w] || 0) + 1; });
        counts.push(c); lengths.push(ts.length);
      });
      avg = lengths.reduce(function (a, b) { return a + b; }, 0) / Math.max(1, lengths.length) || 1;
    }
    // each query word is its own phrase, as in `"a" OR "b"`: two words of one stem both count
    var n = counts.length, wanted = Array.from(new Set(terms.map(lower))).map(function (t) {
      var term = tokens(t).join(' ');  // a form no text writes is stemmed as the word it was made from
      return df[term] === undefined && BASE[t] ? tokens(BASE[t]).join(' ') : term;
    }).filter(Boolean);
    var idf = {};
    wanted.forEach(function (t) { var k = df[t] || 0; idf[t] = Math.max(Math.log((n - k + 0.5) / (k + 0.5)), 1e-6); });
    var scored = [];
    counts.forEach(function (c, i) {
      var s = 0;
      wanted.forEach(function (t) {
        var tf = c[t] || 0;
        if (tf) s += idf[t] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[i] / avg));
      });
      if (s > 0) scored.push([s, i]);
    });
    scored.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    return scored.slice(0, limit).map(function (x) { return x[1]; });
  }

  // ------------------------------------------------------------------ reading --
  function cite(r) {
    var p = D.passages[r[P]];
    return {doc: p[0], start: r[START], end: r[END], text: text(r), says: null, locator: null, row: r};
  }
  function answer(q, t, values, r, extra) {
    var a = {status: 'answered', text: t, values: values, cites: [cite(r)], read: true};
    Object.keys(extra || {}).forEach(function (k) { a[k] = extra[k]; });
    return a;
  }
  function telling(q, r) {  // reading._telling
    var t = text(r);
    for (var i = 0; i < q.entities.length; i++) {
      var e = q.entities[i];
      if (r[HAS].indexOf(e) >= 0) continue;
      if ((ents[e] || {}).type === 'person' ? r[BACK].indexOf(e) < 0 : r[BEFORE].indexOf(e) < 0) return null;
    }
    var verb = q.predicate || q.words.find(function (w) { return w !== q.role; });
    if (!verb) {
      if (q.kind !== 'how_old') return null;
      var at = r[NAMED].find(function (n) { return q.entities.indexOf(n[0]) >= 0 && (ents[n[0]] || {}).type === 'person'; });
      return at ? at[1] : null;
    }
    var found = actionAt(t, q, verb, null);
    return found === null || hedgedAt(r, found) ? null : found;
  }
  var READERS = {
    when: function (q, r, at) {
      var ds = r[DATES].filter(function (d) { return d[5] && Math.min(Math.abs(d[1] - at), Math.abs(d[2] - at)) <= DATE_REACH; });
      if (!ds.length) return null;
      var d = ds.reduce(function (x, y) { return Math.abs(y[1] - at) < Math.abs(x[1] - at) ? y : x; });
      return answer(q, dateLabel(d[0]) + ', as the source tells it.', [d[0]], r, {bounds: [d[3], d[4]]});
    },
    where: function (q, r, at) {
      var ps = r[PLACES].filter(function (p) { return q.entities.indexOf(p[0]) < 0; });
      if (!ps.length) return null;
      var p = ps.reduce(function (x, y) { return Math.abs(y[1] - at) < Math.abs(x[1] - at) ? y : x; });
      return answer(q, 'In ' + name(p[0]) + ', as the source tells it.', [name(p[0])], r, {ids: [p[0]]});
    },
    who: function (q, r, at) {
      var roles = (r[ROLES] || {})[String(at)];
      if (!roles) return null;
      var want = q.asksObject && !roles[2] ? 1 : 0;
      var found = roles[want].filter(function (id) { return q.entities.indexOf(id) < 0; });
      if (!found.length) return null;
      var names = Array.from(new Set(found.map(name)));
      return answer(q, names.join(', ') + ', as the source tells it.', names, r, {ids: found});
    },
    how_long: function (q, r, at) {
      var stated = durationTold(text(r), r[DURATIONS], q);
      if (stated) return answer(q, stated[0] + ', as the source tells it.', [rounded(stated[1])], r);
      var s = (r[SPANS] || [])[0];
      if (!s) return null;
      return answer(q, 'about ' + spanLabel(s[2]) + ', computed from the dates ' + dateLabel(s[0]) + ' and ' +
        dateLabel(s[1]) + ' the source gives.', [rounded(s[2])], r, {computed: true});
    },
    how_many: function (q, r) {
      var n = countIn(text(r), r[NUMBERS], q);
      return n ? answer(q, n[0] + ' ' + q.role + ', as the source tells it.', [n[3]], r) : null;
    },
    how_old: function (q, r, at) {
      var m = (r[AGES] || []).find(function (x) { return Math.abs(x[1] - at) <= AGE_REACH; });
      return m ? answer(q, m[0] + ', as the source tells it.', [m[0]], r) : null;
    }
  };
  // quantities.duration_told: a length written near the question's verb (or its words)
  function durationTold(t, stated, q) {
    if (!stated || !stated.length) return null;
    var anchors;
    if (q.predicate) { var at = actionAt(t, q, q.predicate, q.kinds[0]); anchors = at === null ? [] : [at]; } else if (q.words.length) {
      var want = new Set(q.words.map(window.ChronicaAskStem)), re = /\w+/g, m;
      anchors = [];
      while ((m = re.exec(t))) if (want.has(window.ChronicaAskStem(m[0]))) anchors.push(m.index);
    } else anchors = [0];
    var near = stated.find(function (s) { return anchors.some(function (a) { return Math.abs(s[2] - a) <= 80; }); });
    return near ? [near[0], near[1]] : null;
  }
  // quantities.count_in: a number written before the counted noun
  function countIn(t, numbers, q) {
    if (!q.role) return null;
    var nouns = [window.ChronicaAskStem(q.role)].concat(q.roleForms || []).map(function (n) { return n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); });
    var after = new RegExp('^\\s+(?:[\\w-]+\\s+){0,2}?(?:' + nouns.join('|') + ')\\w*', 'i');
    return (numbers || []).find(function (n) { return after.test(t.slice(n[2])); }) || null;
  }
  function beganAndLastedUntil(q, told) {  // reading._began_and_lasted_until
    var ends = [], starts = [];
    told.forEach(function (x) {
      x[0][DATES].forEach(function (d) {
        if (!d[3] || String(d[0]).indexOf('..') >= 0) return;
        if (d[6]) ends.push([d, x[0]]);
        else if (Math.min(Math.abs(d[1] - x[1]), Math.abs(d[2] - x[1])) <= DATE_REACH) starts.push([d, x[0]]);
      });
    });
    for (var i = 0; i < ends.length; i++) {
      for (var j = 0; j < starts.length; j++) {
        var a = starts[j][0], b = ends[i][0], days = daysBetween(a[3], b[3]);
        if (days > 0) {
          return {status: 'answered', read: true, computed: true, values: [rounded(days)],
            text: 'about ' + spanLabel(days) + ', computed from the dates the sources give: from ' + dateLabel(a[0]) + ' until ' + dateLabel(b[0]) + '.',
            cites: [cite(starts[j][1]), cite(ends[i][1])]};
        }
      }
    }
    return null;
  }
  function about(q, r, person, at) {  // reading._about: a "his"/"her" is the person's
    var t = lower(text(r).slice(0, at));
    var before = r[NAMED].filter(function (n) { return n[1] < at && (ents[n[0]] || {}).type === 'person'; })
      .sort(function (x, y) { return x[1] - y[1]; });
    var byForm = forms(person).map(function (f) { return t.indexOf(f); }).filter(function (i) { return i >= 0; });
    if (byForm.length && (!before.length || Math.min.apply(null, byForm) <= before[0][1])) return true;
    if (before.length) return before[0][0] === person;
    return r[BACK].indexOf(person) >= 0;
  }
  function readRelative(q, rows) {  // "Who was X's father?": "his father NAME"
    var person = q.entities[0];
    var owners = ['his', 'her', 'their'].concat(forms(person).sort(function (a, b) { return b.length - a.length; })
      .map(function (f) { return f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + "[’']s?"; }));
    var re = new RegExp('\\b(?:' + owners.join('|') + ')\\s+(?:[\\w-]+\\s+)?' + q.role.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + 's?,?\\s+', 'gi');
    var names = [], cites = [];
    rows.forEach(function (r) {
      var t = text(r);
      if (r[HAS].indexOf(person) < 0 && r[BACK].indexOf(person) < 0) return;
      var others = r[NAMED].filter(function (n) { return n[0] !== person && (ents[n[0]] || {}).type === 'person' && ents[n[0]].nameForm; });
      var m;
      re.lastIndex = 0;
      while ((m = re.exec(t))) {
        var end = m.index + m[0].length, named = others.find(function (n) { return n[1] <= end && end < n[2]; });
        var pronoun = ['his', 'her', 'their'].indexOf(lower(m[0].split(/\s+/)[0])) >= 0;
        if (named && !hedgedAt(r, m.index) && (!pronoun || about(q, r, person, m.index))) { names.push(name(named[0])); cites.push(cite(r)); }
      }
    });
    if (!names.length) return null;
    return {status: 'answered', read: true, text: names[0] + ', as the source tells it.', values: [names[0]],
      cites: cites.filter(function (c, i) { return names[i] === names[0]; }).slice(0, MAX_CITES)};
  }
  function read(q) {
    if (READ.indexOf(q.kind) < 0 || !(q.entities.length || q.words.length || q.predicate) || !D.reads) return null;
    var rows = [].concat.apply([], search(queryWords(q), PASSAGES_FETCHED).slice(0, SENTENCES_READ)
      .map(function (i) { return byPassage[i] || []; }));
    if (q.kind === 'who' && q.role && q.entities.length) {
      var rel = readRelative(q, rows);
      if (rel) return rel;
    }
    var first = null, told = [], parsed = 0;
    for (var i = 0; i < rows.length; i++) {
      var at = telling(q, rows[i]);
      if (at === null) continue;
      told.push([rows[i], at]);
      if (q.kind === 'who' && ++parsed > WHO_PARSED) break;
      var a = READERS[q.kind](q, rows[i], at);
      if (!a) continue;
      if (!first) first = a;
      else if (JSON.stringify(a.values) === JSON.stringify(first.values) && first.cites.length < MAX_CITES) first.cites = first.cites.concat(a.cites);
    }
    if (!first && q.kind === 'how_long') return beganAndLastedUntil(q, told);
    return first;
  }
  window.ChronicaAskRead = {read: read, search: search, queryWords: queryWords, dateLabel: dateLabel, actionAt: actionAt, durationTold: durationTold,
    countIn: countIn, spanLabel: spanLabel, rounded: rounded, edtfBounds: edtfBounds, isoKey: isoKey};
})();
