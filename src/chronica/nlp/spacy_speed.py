"""Faster drop-ins for two of the spaCy model's rule-based pipes, with the same output.

The English model's ``attribute_ruler`` runs a general ``Matcher`` of ~180 patterns over
every token, and its ``lemmatizer`` caches only some of its answers (a base form, a
proper noun, a word without rules are worked out again at every occurrence). Together
they cost a fifth of the model's time. Here:

* the ruler's patterns are tested once per distinct (attribute values) tuple of a token,
  cached, and the few multi-token patterns from there on; the matches are then applied
  exactly as the ruler applies them (same order, same ``set_token_attrs``);
* every lemma is cached under the key spaCy's own cache uses (orth, POS, morphology).

Patterns this module cannot evaluate (operators, other predicates or attributes) leave
the stock ruler in place. ``tests/nlp/test_spacy_speed.py`` checks token by token that
the parse is unchanged.
"""
from __future__ import annotations

import re
from typing import Any, Callable

from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.strings import get_string_id
from spacy.tokens._retokenize import set_token_attrs

CACHE_LIMIT = 4096  # entries per cache (~300 B each), as the other text-keyed caches; cleared when full
PREDICATES = {"IN", "NOT_IN", "REGEX"}
Test = Callable[[tuple], bool]  # one token's attribute values -> does the spec hold
Spec = tuple[Test, "tuple[int, int] | None"]  # a test, and a (position, value) it requires


def speed_up(nlp) -> None:
    """Install the faster ruler and the caching lemmatizer on a loaded model (in place)."""
    if "attribute_ruler" in nlp.pipe_names:
        _fast_ruler(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.pipe_names:
        _caching_lemmatizer(nlp.get_pipe("lemmatizer"))


# ------------------------------------------------------------------ attribute ruler --

def _fast_ruler(ruler) -> None:
    rules = [(i, ruler.matcher.get(str(i))[1]) for i in range(len(ruler.attrs))]
    names = sorted({a.upper() for _, pats in rules for pat in pats for spec in pat for a in spec})
    if any(n not in IDS or n in ("OP", "_", "MORPH") for n in names):
        return  # something the stock Matcher must do
    try:
        tests = [(i, [[_spec_test(spec, names, ruler.vocab) for spec in pat] for pat in pats])
                 for i, pats in rules]
    except ValueError:
        return
    matcher = _RuleMatcher(ruler, [IDS[n] for n in names], tests)
    ruler.match = matcher.match
    ruler.set_annotations = matcher.set_annotations


def _spec_test(spec: dict, names: list[str], vocab) -> tuple[Test, tuple[int, int] | None]:
    """A test of one token spec of a pattern, on the tuple of values ``names`` gives, and
    one (position, value) the spec requires, if any (to look rules up by)."""
    checks: list[Test] = []
    anchor = None
    for attr, value in spec.items():
        at = names.index(attr.upper())
        if isinstance(value, (bool, str, int)):
            want = int(value) if isinstance(value, bool) else get_string_id(value)
            checks.append(lambda v, at=at, want=want: v[at] == want)
            anchor = anchor or (at, want)
        elif isinstance(value, dict) and value and set(value) <= PREDICATES:
            checks.extend(_predicate(op, arg, at, vocab) for op, arg in value.items())
        else:
            raise ValueError(f"unsupported pattern value {value!r}")
    return (lambda v: all(c(v) for c in checks)), anchor


def _predicate(op: str, arg: Any, at: int, vocab) -> Test:
    """IN, NOT_IN and REGEX as spaCy's Matcher reads them (string ids; REGEX searches)."""
    if op == "REGEX":
        rx = re.compile(arg)
        return lambda v: bool(rx.search(vocab.strings[v[at]]))
    if not isinstance(arg, list) or not all(isinstance(a, (str, int)) for a in arg):
        raise ValueError(f"unsupported {op} value {arg!r}")
    ids = {get_string_id(a) for a in arg}
    return (lambda v: v[at] in ids) if op == "IN" else (lambda v: v[at] not in ids)


class _RuleMatcher:
    """The ruler's matches, with each distinct token's single-token matches cached."""

    def __init__(self, ruler, attr_ids: list[int], tests: list[tuple[int, list[list[Spec]]]]):
        self.ruler = ruler
        self.attr_ids = attr_ids
        self.multi = [(i, [test for test, _ in pat]) for i, pats in tests for pat in pats if len(pat) > 1]
        # single-token rules, looked up by a value they require (most name a tag or a word)
        self.anchored: dict[tuple[int, int], list[tuple[int, Test]]] = {}
        self.free: list[tuple[int, Test]] = []
        for i, pats in tests:
            for (test, anchor), *rest in pats:
                if rest:
                    continue
                (self.anchored.setdefault(anchor, []) if anchor else self.free).append((i, test))
        self.positions = sorted({at for at, _ in self.anchored})
        self.match_ids = {i: get_string_id(str(i)) for i, _ in tests}
        self.cache: dict[tuple, tuple[list[int], list[int]]] = {}

    def _token(self, values: tuple) -> tuple[list[int], list[int]]:
        """(single-token rules matching, multi-token patterns whose first token matches)."""
        hit = self.cache.get(values)
        if hit is None:
            if len(self.cache) >= CACHE_LIMIT:
                self.cache.clear()
            rules = list(self.free)
            for at in self.positions:
                rules.extend(self.anchored.get((at, values[at]), ()))
            hit = (sorted(i for i, test in rules if test(values)),
                   [k for k, (_, pat) in enumerate(self.multi) if pat[0](values)])
            self.cache[values] = hit
        return hit

    def match(self, doc) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` returns: (rule, match id, start, end), sorted."""
        rows = list(map(tuple, doc.to_array(self.attr_ids).tolist())) if len(doc) else []
        found = []
        for start, values in enumerate(rows):
            single, first = self._token(values)
            found.extend((i, start, start + 1) for i in single)
            for k in first:
                i, pat = self.multi[k]
                end = start + len(pat)
                if end <= len(rows) and all(test(rows[start + j]) for j, test in enumerate(pat[1:], 1)):
                    found.append((i, start, end))
        matches = [(i, self.match_ids[i], s, e) for i, s, e in found]
        matches.sort()
        return matches

    def set_annotations(self, doc, matches) -> None:
        """As ``AttributeRuler.set_annotations``, without a Span per match."""
        attrs, indices = self.ruler.attrs, self.ruler.indices
        for attr_id, _, start, end in matches:
            index = indices[attr_id]
            at = start + index if index >= 0 else end + index
            if not start <= at < end:
                raise ValueError(f"attribute_ruler: index {index} is outside the match {start}:{end}")
            set_token_attrs(doc[at], attrs[attr_id])


# ----------------------------------------------------------------------- lemmatizer --

def _caching_lemmatizer(lemmatizer) -> None:
    if getattr(lemmatizer, "mode", None) != "rule" or lemmatizer.lemmatize != lemmatizer.rule_lemmatize:
        return
    lemmatizer._chronica_cache = {}
    # the rules test ``form in index`` against lists of tens of thousands of words
    index = lemmatizer.lookups.get_table("lemma_index", {})
    for pos in list(index.keys()):
        index[pos] = frozenset(index[pos])
    lemmatizer.__class__ = type("Caching" + type(lemmatizer).__name__, (type(lemmatizer),),
                                {"__call__": _lemmatize_doc})


def _lemmatize_doc(self, doc):
    """``Lemmatizer.__call__`` in rule mode, every answer cached under spaCy's own key
    (orth, POS, morphology: the rules read nothing else of a token)."""
    if not self._validated:
        self._validate_tables(Errors.E1004)
    cache = self._chronica_cache
    try:
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            forms = cache.get(key)
            if forms is None:
                if len(cache) >= CACHE_LIMIT:
                    cache.clear()
                    self.cache.clear()  # spaCy's own, filled by rule_lemmatize: as large
                forms = cache[key] = self.rule_lemmatize(doc[i])
            doc[i].lemma_ = forms[0]
        return doc
    except Exception as e:  # noqa: BLE001 - as spaCy's own __call__ reports it
        self.get_error_handler()(self.name, self, [doc], e)
