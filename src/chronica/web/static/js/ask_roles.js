/* The participants' parts in the static report's ask, as chronica.ask.roles and the
   question parser (ask/parse.py _part, _answer_part) read them. The CLI takes the parts
   from spaCy's dependency labels; the report has only the question's words, so the labels
   are read from the words around the name:
   - "what happened to X" (after "to", the verb one of rules.undergo): any part but a bystander's;
   - "did X VERB": X the subject ("told" when the verb is "do", none for another light verb);
   - "VERBed X": X the object (it underwent it); "was X" without a participle, "X's": none;
   - "who VERBed": the doer; "who was VERBed": the undergoer; "who did X VERB": the object,
     none where X is the subject already and "who" could be read as a second one.
   An event gives an entity a part through ev.roles; an entity without one there takes any. */
(function () {
  'use strict';
  var D = window.CHRONICA_ASK;
  if (!D) return;
  var R = D.rules, WANTED = {};
  Object.keys(R.wanted || {}).forEach(function (k) { WANTED[k] = new Set(R.wanted[k]); });
  var LIGHT = new Set(R.light), UNDERGO = new Set(R.undergo || []);
  var BE = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being']);
  var AUX = new Set(['did', 'does', 'do', 'will', 'would', 'can', 'could', 'should', 'shall', 'might', 'must',
    'had', 'has', 'have']);
  var STRANDED = new Set(['to', 'with', 'for', 'from', 'by', 'at', 'about', 'against', 'into', 'on', 'in', 'of']);

  function participle(w, lemma) {  // "arrested", "taken", "born": a verb form that is not its lemma
    var l = lemma(w);
    return !!l && l !== w && /(?:ed|en|wn|ght|rn|ne|d|t)$/.test(w);
  }
  // the part of the words [a, b) (a name) in the question: ask/parse.py _part
  function partAt(words, a, b, used, lemma) {
    if (/['’]s$/.test(words.raw[b - 1])) return null;  // "X's friend": a possessive
    var prev = words[a - 1], prev2 = words[a - 2], j = b;
    if (prev === 'to' && UNDERGO.has(lemma(prev2 || '') || prev2)) return 'involved';
    while (j < words.length && (words[j] === 'and' || words[j] === ',' || used.has(j))) j++;  // "X and Y examine"
    var next = words[j] || '', l = lemma(next);
    if (BE.has(prev)) return participle(next, lemma) ? 'agent' : null;  // spaCy reads "was X arrested" as X's act
    if (AUX.has(prev)) {
      if (!l) return null;
      if (l === 'do') return 'told';
      return LIGHT.has(l) ? null : 'agent';
    }
    var pl = prev && lemma(prev);
    if (pl && !BE.has(prev) && !AUX.has(prev) && !LIGHT.has(pl)) return 'patient';  // "who killed X"
    return null;
  }
  // the part "who" asks for: ask/parse.py _answer_part
  function whoPart(words, used, lemma) {
    var w = words.findIndex(function (x) { return x === 'who' || x === 'whom'; });
    if (w < 0) return null;
    var next = words[w + 1] || '', l = lemma(next);
    if (BE.has(next)) return participle(words[w + 2] || '', lemma) ? 'patient' : null;  // "who was questioned"
    if (AUX.has(next)) {
      var v = words.findIndex(function (x, i) { return i > w + 1 && !used.has(i) && lemma(x); });
      // "who did X surrender to?" (a preposition left at the end): the parser takes "who"
      // for the subject of "did", which the named subject then voids
      if (v > 0 && v + 2 === words.length && STRANDED.has(words[v + 1])) return 'told';
      if (v > 0) return 'patient';  // "who did X kill?": the object
      return l === 'do' ? 'told' : LIGHT.has(l) ? null : 'agent';  // "who did it?"
    }
    if (!l) return null;
    if (l === 'do') return 'told';
    return LIGHT.has(l) ? null : 'agent';  // "who killed X?"
  }
  // q.part and q.answerPart from the question's words and where its names stand
  function parts(q, toks, spans, lemma) {
    var words = toks.map(function (x) { return x.t.toLowerCase().replace(/’/g, "'").replace(/'s$/, ''); }), used = new Set();
    words.raw = toks.map(function (x) { return x.t; });
    spans.forEach(function (s) { for (var i = s[0]; i < s[1]; i++) used.add(i); });
    var own = spans.map(function (s) { return partAt(words, s[0], s[1], used, lemma); });
    q.part = q.kind === 'fate' ? 'involved' : spans.length ? own[0] : null;
    var who = whoPart(words, used, lemma), noun = q.personNoun ? words.indexOf(q.personNoun) : -1;
    if (who === null && noun < 0 && q.personNoun) noun = words.indexOf(q.personNoun + 's');
    if (who === null && noun >= 0) {  // "which captain took him?": the part of the noun "which" picks, as "who"'s
      var asWho = words.slice(noun); asWho.raw = words.raw.slice(noun); asWho[0] = 'who';
      var shifted = new Set(); used.forEach(function (i) { if (i > noun) shifted.add(i - noun); });
      who = whoPart(asWho, shifted, lemma);
    }
    if ((who === 'agent' || who === 'told') && own.some(function (p) { return p === 'agent' || p === 'told'; })) who = null;
    q.answerPart = who === 'told' ? 'agent' : who;
  }
  function wanted(part) { return WANTED[part || ''] || null; }
  // does the entity take a wanted part in the event (or one the sources did not say)?
  function plays(ev, id, want) {
    if (!want) return true;
    var part = (ev.roles || {})[id];
    return !part || want.has(part);
  }
  window.ChronicaAskRoles = {parts: parts, wanted: wanted, plays: plays, INVOLVED: WANTED.involved};
})();
