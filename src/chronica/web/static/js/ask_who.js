/* "Who", read from the sentences when no stored event names the answer, in the static
   report's ask: chronica.ask.who_text's choices over the sentences ask_who.py exported
   (D.whoIn: every sentence naming a person with a name, its mentions, whether the clause
   holding each is hedged). A sentence must name what the question names (or the sentence
   before it must), tell the question's verb (not a noun of its kind, not an attempt),
   put the name in the asked part (before the verb: the doer, unless a preposition governs
   it; after "by" or "the command of": the doer too), and, for "which NOUN", describe the
   person so beside the name. One person must come out best, or two joined by "and". */
(function () {
  'use strict';
  var K = window.ChronicaAskCore;
  if (!K || !K.D.whoIn) return;
  var D = K.D, R = K.R, W = D.whoIn, stem = K.stem, name = K.name, ents = K.ents;
  var NOUN_BEFORE = 60, NOUN_AFTER = 40;  // how far a name's describing noun may stand (who_text)
  var OBJECT_PREPS = new Set(R.objectPreps || []), WORD = /[\p{L}\p{N}_]+/gu;
  var texts = {};  // document text from its passages, to read the sentence before one
  D.passages.forEach(function (p) {
    var t = texts[p[0]] || '';
    if (t.length < p[1]) t += ' '.repeat(p[1] - t.length);
    texts[p[0]] = t.slice(0, p[1]) + p[3] + t.slice(p[1] + p[3].length);
  });

  function stemsOf(t) { return new Set((t.toLowerCase().match(WORD) || []).map(stem)); }
  function namesAsked(q, sent) {  // who_text._names_asked
    var around = ((texts[sent[0]] || '').slice(sent[4], sent[1]) + ' ' + sent[3]).toLowerCase(), have = stemsOf(around);
    return q.entities.every(function (e) {
      var forms = [name(e)].concat((ents[e] || {}).aliases || []).filter(function (f) { return f.length > 2; });
      var ws = (name(e).match(WORD) || []).filter(function (w) { return w.length > 2; }).map(stem);
      return forms.some(function (f) { return around.indexOf(f.toLowerCase()) >= 0; }) ||
        (ws.length > 0 && ws.every(function (w) { return have.has(w); }));
    });
  }
  function partFits(q, t, at, verb) {  // who_text._part_fits
    var gap = t.slice(verb, at);
    var by = at > verb && (/\bby\s+(?:[\p{L}\p{N}_-]+,?\s+){0,8}$/u.test(gap) || /^[\p{L}\p{N}_]+\s+of\s+(?:[\p{L}\p{N}_-]+\s+){0,2}$/u.test(gap));
    var before = at < verb ? t.slice(0, at).split(/\s+/).filter(Boolean).slice(-1) : [];
    var governed = before.length > 0 && OBJECT_PREPS.has(before[0].toLowerCase());
    var doer = (at < verb && !governed) || by;
    if (q.answerPart === 'agent') return doer ? 1 : -1;
    if (q.answerPart === 'patient') return doer ? -1 : 1;
    return 0;
  }
  function sameClause(t, lo, hi) {  // at most one comma (an apposition), no bracket, colon or dash
    var between = t.slice(lo, hi);
    return between.split(',').length - 1 <= 1 && !/[()\[\];:—–]/.test(between);
  }
  function described(t, at, end, noun) {  // who_text._described: "Captain X", "a carpenter, X", "X, the captain"
    var alt = [noun, noun + 's', noun + 'es'].map(function (f) { return f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }).join('|');
    var pattern = new RegExp('\\b(?:' + alt + ')\\b', 'i'), anchored = new RegExp('^(?:' + alt + ')\\b', 'i');
    if (pattern.test(t.slice(at, end))) return true;
    var before = t.slice(Math.max(0, at - NOUN_BEFORE), at), cut = 0, m, stop = /[.;:!?\n]/g;
    while ((m = stop.exec(before))) cut = m.index + 1;
    if (pattern.test(before.slice(cut))) return true;
    var after = t.slice(end, end + NOUN_AFTER), apposition = after.match(/^\s*,\s*(?:the|a|an|his|her|their)\s+(?:[\p{L}\p{N}_]+\s+){0,2}/u);
    return !!apposition && anchored.test(after.slice(apposition[0].length));
  }
  function fits(q, m) {  // who_text._fits: [score, sentence, at, end] or null
    var sent = W.sentences[m[1]], t = sent[3], at = m[2], end = m[3], score = 0;
    if (!namesAsked(q, sent) || m[4]) return null;
    if (q.predicate) {
      var verb = K.RA.actionAt(t, q, q.predicate, q.kinds[0], false, true);
      if (verb === null || !sameClause(t, Math.min(verb, at), Math.max(verb, at))) return null;
      score += partFits(q, t, at, verb) - Math.abs(at - verb) / 1000;  // the nearer of two equal fits
    }
    var have = stemsOf(t), wanted = q.words.filter(function (w) { return w !== q.predicate && w !== q.personNoun; }).map(stem);
    var told = wanted.filter(function (w) { return have.has(w); }).length;
    if (!q.predicate && told < wanted.length) return null;  // a light verb: every other word must be told
    score += told;
    if (q.personNoun) {
      if (!described(t, at, end, q.personNoun)) return null;
      score += 2;
    }
    return {person: m[0], score: score, sent: sent, at: at, end: end};
  }
  function joined(a, b) {  // "X and Y examined it": they did it together
    if (a.sent !== b.sent) return false;
    var first = a.at <= b.at ? a : b, second = first === a ? b : a;
    return a.sent[3].slice(first.end, second.at).replace(/^[ ,]+|[ ,]+$/g, '') === 'and';
  }
  function whoInText(q) {
    if (!q.predicate && !q.words.length && !q.personNoun) return null;
    var best = {}, order = [], cites = {};
    W.mentions.forEach(function (m) {
      if (q.entities.indexOf(m[0]) >= 0) return;
      var f = fits(q, m);
      if (!f) return;
      if (!best[f.person]) order.push(f.person);
      if (!best[f.person] || f.score > best[f.person].score) best[f.person] = f;
      (cites[f.person] = cites[f.person] || []).push(f.sent);
    });
    if (!order.length) return null;
    var ranked = order.map(function (p) { return best[p]; }).sort(function (a, b) { return b.score - a.score; }), top = ranked[0];
    var together = [top].concat(ranked.slice(1).filter(function (f) { return q.predicate && joined(top, f); }));
    if (ranked.slice(1).some(function (f) { return together.indexOf(f) < 0 && f.score >= top.score - 0.01; })) return null;
    var seen = new Set(), spans = [].concat.apply([top.sent], together.map(function (f) { return cites[f.person]; }))
      .filter(function (s) { var k = s[0] + '|' + s[1]; return seen.has(k) ? false : (seen.add(k), true); });
    var names = together.map(function (f) { return name(f.person); });
    var first = [], rest = [], docs = new Set();  // base.cites: one per document first
    spans.slice(0, 2).forEach(function (s) { (docs.has(s[0]) ? rest : first).push(s); docs.add(s[0]); });
    return K.answer('answered', names.join(' and ') + ' (from the sentence that tells it; no stored event names them).',
      first.concat(rest).map(function (s) { return K.cite([s[0], s[1], s[2], s[3]]); }), names);
  }
  window.ChronicaAskWho = {whoInText: whoInText};
})();
