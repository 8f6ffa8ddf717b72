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
  var STOP = new Set(R.stop.concat(R.light)), LABELS = new Set(R.relationLabels);

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
  D.entities.forEach(function (e) {
    [e.name].concat(e.aliases).forEach(function (f) {
      if (!f || !isName(f)) return;
      (forms[key(f)] = forms[key(f)] || []).push(e.id);
      var ws = f.split(/\s+/);
      if (e.type === 'person' && ws.length > 1) (forms[key(ws[ws.length - 1])] = forms[key(ws[ws.length - 1])] || []).push(e.id);
    });
  });
  Object.keys(forms).forEach(function (k) {
    forms[k] = Array.from(new Set(forms[k])).sort(function (a, b) { return ents[b].mentions - ents[a].mentions; });
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
    var found = [], used = new Set();
    for (var a = 0; a < toks.length; a++) {
      for (var n = Math.min(6, toks.length - a); n > 0; n--) {
        var k = key(toks.slice(a, a + n).map(function (x) { return x.t; }).join(' '));
        if (forms[k] && (n > 1 || /^\p{Lu}/u.test(toks[a].t))) {
          found.push(forms[k][0]);
          for (var j = a; j < a + n; j++) used.add(j);
          a += n - 1; break;
        }
      }
    }
    var q = {text: text, kind: kind, entities: Array.from(new Set(found)), kinds: [], words: [], period: period(low)};
    if (q.period && (R.withDate || {})[kind]) q.kind = R.withDate[kind];  // "what happened to X in 1839?"
    var rest = toks.filter(function (x, j) { return !used.has(j) && !/^\d+$/.test(x.t) && MONTHS.indexOf(fold(x.t)) < 0; })
      .map(function (x) { return fold(x.t); });
    rest.some(function (w) {
      return lemmas(w).some(function (l) {
        if (R.verbs[l] && !STOP.has(l)) { q.predicate = l; q.kinds = R.verbs[l].slice(); return true; }
        return false;
      });
    }) || rest.some(function (w) { return R.nouns[w] ? (q.predicate = w, q.kinds = R.nouns[w].slice(), true) : false; });
    if (q.kinds.length && /\b(?:was|were|been)\b/.test(low) && /ed\b|\bborn\b/.test(low)) {
      q.kinds = q.kinds.reduce(function (o, k) { return o.concat(R.passive[k] || []); }, []).concat(q.kinds);
    }
    if (!q.kinds.length) rest.some(function (w) { return R.lightKinds[w] ? (q.kinds = R.lightKinds[w].slice(), true) : false; });
    q.kinds.slice().forEach(function (k) { q.kinds = q.kinds.concat(R.related[k] || []); });
    q.words = rest.filter(function (w) { return !STOP.has(w) && w !== q.predicate && w.length > 2; });
    q.role = rest.find(function (w) { return LABELS.has(w); });
    var many = low.match(/how many (?:[\w-]+ )?(\w+)/);
    if (kind === 'how_many' && many) q.role = many[1];
    return q;
  }
  function period(low) {
    var m = low.match(/(?:(\d{1,2}) )?(january|february|march|april|may|june|july|august|september|october|november|december)?,? ?(\d{3,4})\b/);
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
  function best(q, filter, needPredicate) {
    var named = q.entities.filter(function (e) { return byEntity[e] || ents[e].type === 'person'; });
    var pool = named.length ? Array.from(new Set([].concat.apply([], named.map(function (e) { return byEntity[e] || []; })))) : events;
    var ws = q.words.map(stem), ps = q.predicate ? stem(q.predicate) : null;
    var scored = [];
    pool.forEach(function (ev) {
      if (filter && !filter(ev)) return;
      var inv = new Set(ev.who.concat(placesOf(ev))), shared = named.filter(function (e) { return inv.has(e); });
      if ((named.length && !shared.length) || !inPeriod(ev, q.period)) return;
      var have = eventStems[ev.id], s = 2 * shared.length, hit = false, told = 0;
      var at = q.kinds.indexOf(ev.kind);
      if (at >= 0) { s += at === 0 ? 2 : 1; hit = true; }
      if (ps && have.has(ps)) { s += 1.5; hit = true; }
      ws.forEach(function (w) { if (have.has(w)) { told++; s += 0.5; } });
      if (q.predicate && !hit) s -= 2;
      if ((needPredicate !== false && q.predicate && !hit) || (!named.length && !told)) return;
      scored.push({ev: ev, s: s});
    });
    return scored.sort(function (a, b) { return b.s - a.s; }).map(function (x) { return x.ev; });
  }
  function cite(s, says) { return {doc: s[0], start: s[1], end: s[2], text: s[3], says: says || null, locator: s[6] || null, span: s}; }
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
    var a = {status: status, text: text, cites: cites.slice(0, 6), values: values || []};
    Object.keys(extra || {}).forEach(function (k) { a[k] = extra[k]; });
    return a;
  }
  function involves(ev, id) { return ents[id] && ents[id].type === 'place' ? placesOf(ev).indexOf(id) >= 0 : ev.who.indexOf(id) >= 0; }

  var ANSWER = {
    when: function (q) {
      var ev = best(q, function (e) { return e.when && e.when.edtf; })[0];
      if (!ev) return null;
      var dates = Array.from(new Set(ev.evidence.map(function (s) { return s[4]; }).filter(Boolean)));
      var clash = dates.length > 1 && dates.some(function (a) { return dates.some(function (b) { return a.indexOf(b) !== 0 && b.indexOf(a) !== 0; }); });
      if (clash) {
        return answer('disputed', 'The sources disagree on when: ' + ev.summary + '. ' + dates.join(' vs ') + '.',
          dates.map(function (d) { return cite(ev.evidence.find(function (s) { return s[4] === d; }), d); }), dates);
      }
      return answer('answered', ev.summary + ': ' + label(ev.when.edtf) + '.', cites(ev.evidence), [ev.when.edtf],
        {bounds: [ev.when.earliest, ev.when.latest]});
    },
    where: function (q) {
      var ev = best(q, function (e) { return e.where && ents[e.where] && q.entities.indexOf(e.where) < 0; })[0];
      if (!ev) return null;
      var at = {};  // a span that puts the happening AT a place ("died in X", not "on his way to X") answers best
      plainOnly(ev.evidence).forEach(function (s) {
        (s[8] || []).forEach(function (p) { if (q.entities.indexOf(p) < 0) (at[p] = at[p] || []).push(s); });
      });
      var place = at[ev.where] ? ev.where : Object.keys(at)[0] || ev.where;
      return answer('answered', ev.summary + ': in ' + name(place) + (ev.when ? ' (' + label(ev.when.edtf) + ')' : '') + '.',
        (at[place] || plain(ev.evidence)).map(function (s) { return cite(s); }), [name(place)], {ids: [place]});
    },
    who: function (q) {
      if (q.role && q.entities.length) {
        var rel = D.relations.filter(function (r) {
          return (r.source === q.entities[0] || r.target === q.entities[0]) && fold(r.label).split(' ').pop() === q.role;
        });
        if (rel.length) {
          var otherIds = rel.map(function (r) { return r.source === q.entities[0] ? r.target : r.source; }), other = otherIds.map(name);
          return answer('answered', name(q.entities[0]) + "'s " + q.role + ': ' + other.join(', ') + '.',
            [].concat.apply([], rel.map(function (r) { return r.evidence.map(function (s) { return cite(s); }); })), other, {ids: otherIds});
        }
      }
      if (!q.predicate) return null;
      var evs = best(q);
      for (var i = 0; i < evs.length; i++) {
        var others = evs[i].who.filter(function (w) { return q.entities.indexOf(w) < 0 && ents[w] && ents[w].type !== 'place'; });
        var told = telling(q, evs[i].evidence);
        if (others.length && told.length) {
          return answer('answered', others.map(name).join(', ') + ' — ' + evs[i].summary + '.',
            cites(told), others.map(name), {ids: others});
        }
      }
      return null;
    },
    what: function (q) {
      var evs = q.entities.length ? Array.from(new Set([].concat.apply([], q.entities.map(function (e) { return byEntity[e] || []; })))) : (q.period ? events : []);
      // every asked entity takes part (a place as the event's place or one enclosing it)
      evs = evs.filter(function (ev) {
        return q.entities.every(function (e) { return involves(ev, e); }) && inPeriod(ev, q.period) && plainOnly(ev.evidence).length;
      }).slice(0, 8);
      if (!evs.length) return null;
      return answer('answered', 'What the sources tell: ' + evs.map(function (ev) { return label((ev.when || {}).edtf) + ': ' + ev.summary; }).join('; ') + '.',
        evs.map(function (ev) { return cite(plainOnly(ev.evidence)[0]); }));
    },
    fate: function (q) {
      if (!q.entities.length) return null;
      var p = q.entities[0], dated = (byEntity[p] || []).filter(function (ev) { return ev.when && ev.when.earliest && involves(ev, p) && plainOnly(ev.evidence).length; });
      var death = -1;  // a life ends at its last death: later events naming the person are about the dead
      dated.forEach(function (ev, i) { if (ev.kind === 'death' && ev.who.indexOf(p) >= 0) death = i; });
      if (death >= 0) dated = dated.slice(0, death + 1);
      var seen = new Set(), last = dated.slice().reverse().filter(function (ev) {  // one per happening
        var q0 = plainOnly(ev.evidence)[0], keys = ['e' + [ev.kind, ev.when.edtf, ev.where, ev.who.slice().sort()].join('|'), 'q' + [q0[0], q0[1], q0[2]].join('|')];
        if (keys.some(function (k) { return seen.has(k); })) return false;
        keys.forEach(function (k) { seen.add(k); });
        return true;
      }).slice(0, 3);
      if (!last.length) return null;
      return answer('answered', 'The last the sources tell of ' + name(p) + ': ' + last.map(function (ev) { return label(ev.when.edtf) + ': ' + ev.summary; }).join('; ') + '.',
        last.map(function (ev) { return cite(plainOnly(ev.evidence)[0]); }), [last[0].when.edtf]);
    },
    disputes: function (q) { return conflicts(q, null); },
    how_long: function (q) { return conflicts(q, 'duration') || stated(q, /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)\s+(days?|nights?|weeks?|months?|years?)\b/i); },
    how_many: function (q) { return conflicts(q, 'count') || (q.role ? stated(q, new RegExp('\\b(\\d[\\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s+(?:[\\w-]+\\s+){0,2}?' + stem(q.role), 'i')) : null); },
    how_old: function (q) { return conflicts(q, 'age') || stated(q, /\b(?:aged|age of)\s+(\d+)|\b(\d+)[- ]years?[- ]old\b/i); }
  };
  function conflicts(q, kind) {
    var seen = new Set(), out = D.conflicts.filter(function (c) {
      if (kind && c.kind !== kind) return false;
      var evs = events.filter(function (ev) { return c.events.indexOf(ev.id) >= 0; });
      var inv = new Set([].concat.apply([], evs.map(function (ev) { return ev.who.concat(placesOf(ev)); })));
      var ok = q.entities.every(function (e) { return inv.has(e) || fold(c.about).indexOf(fold(name(e))) >= 0; });
      var k = c.kind + c.claims.map(function (x) { return x[5] || x[3]; }).sort().join('|');
      if (!ok || seen.has(k)) return false;
      seen.add(k); return true;
    });
    if (!out.length) return null;
    return answer('disputed', 'The sources disagree: ' + out.map(function (c) {
      return c.about + ' (' + c.claims.map(function (x) { return D.documents[x[0]].label + ' says “' + (x[5] || x[3]) + '”'; }).join(' vs ') + ')';
    }).join('; ') + '.', [].concat.apply([], out.map(function (c) { return c.claims.map(function (x) { return cite(x, x[5]); }); })),
    out.map(function (c) { return c.about; }));
  }
  function stated(q, re) {
    var evs = best(q, null, false);
    for (var i = 0; i < evs.length; i++) {
      for (var j = 0; j < evs[i].evidence.length; j++) {
        var m = evs[i].evidence[j][3].match(re);
        if (m) return answer('answered', m[0] + ' — ' + evs[i].summary + '.', [cite(evs[i].evidence[j])], [m[0]]);
      }
    }
    return null;
  }
  function nearest(q) {
    var terms = (fold(q.text).match(/[\p{L}\p{N}_]+/gu) || []).filter(function (w) { return !STOP.has(w) && w.length > 2; }).map(stem);
    var df = {}, rows = D.passages.map(function (p) { return {p: p, s: stems(p[3])}; });
    terms.forEach(function (t) { df[t] = rows.filter(function (r) { return r.s.has(t); }).length; });
    return rows.map(function (r) {
      return {p: r.p, score: terms.reduce(function (a, t) { return a + (r.s.has(t) ? Math.log(1 + rows.length / df[t]) : 0); }, 0)};
    }).filter(function (x) { return x.score > 0; }).sort(function (a, b) { return b.score - a.score; }).slice(0, 3).map(function (x) { return x.p; });
  }
  function ask(text) {
    var q = parse(text), a = ANSWER[q.kind] ? ANSWER[q.kind](q) : null;
    if (window.ChronicaAskVerify) a = window.ChronicaAskVerify.verified(q, a);
    if (a && a.cites.length) { a.kind = q.kind; return a; }
    return {status: 'unknown', kind: q.kind, cites: [], values: [], passages: nearest(q),
      text: q.kind === 'passages' ? 'No question form fits: the passages that best match it.' : 'The knowledge base does not say: the nearest passages follow.'};
  }

  // ------------------------------------------------------------------ the page --
  function render(box, a) {
    var panel = C.el('section', 'panel');
    panel.setAttribute('data-testid', 'ask-answer');
    panel.setAttribute('data-status', a.status);
    panel.setAttribute('data-kind', a.kind);
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
