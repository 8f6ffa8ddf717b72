"""Descriptions written next to a person's name: "Karl Weber, the mayor of Graz",
"Anton Brandl, a surgeon in the navy", "X—heir to the Bavarian throne—" (after the
name); "the President of Chile Pedro Soto", "his elder brother Ivan", "Biographer of
Dickens, Peter Ackroyd", "a young painter named Jan Nowak" (before it).

A reader takes such a phrase as one more way the text names that person, so it becomes
an alias of the name's entity (never a mention of its own). The phrase is read from the
parse: adjectives, nouns, numbers, one preposition with its object ("of Graz",
"in the navy"), a possessive ("the city's"); it ends at a verb, a clause, a comma or
another person's name. It counts only when its head (the last word before the
preposition) is a word for a person: a role noun (``lang/en/aliases/roles.yaml``), a
kinship noun or a title. Lists are left alone: "X, the general, and Y" is three people.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..resources.names import titles
from ..resources import load

MAX_TOKENS = 12  # a description longer than this is a clause, not a name
_SMALL_WORDS = load("aliases/appositions.yaml")  # articles, possessives, prepositions
ARTICLES = frozenset(_SMALL_WORDS["articles"])
POSSESSIVES = frozenset(_SMALL_WORDS["possessives"])
PREPOSITIONS = frozenset(_SMALL_WORDS["prepositions"])
NP_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM"})
DETERMINERS = ARTICLES | POSSESSIVES  # once, not a new set at every token

# what may stand between a name and a description of it
_AFTER_GAP = re.compile(r"\s*(?:,|[—–]|\s-)\s*")
_BEFORE_GAP = re.compile(r"(?:\s*,\s*|\s+(?:named|called)\s+|\s+)$")
_NOTE = re.compile(r"\.?\[|\.$")
# "X, the general, and Y": a list goes on after the phrase
_LIST_GOES_ON = re.compile(r"\s*,\s*(?:and|or)\b|\s+(?:and|or)\s+(?:the|a|an|his|her|their)\b")


@dataclass(frozen=True)
class _Words:
    heads: frozenset[str]  # words for a person
    org_heads: frozenset[str]  # words for an organisation ("society", "party")


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = load("aliases/roles.yaml")
    heads = set(raw["role_nouns"]) | set(raw.get("apposition_heads", []))
    for row in load("relations/labels.tsv"):
        if row["kind"] in ("spouse", "child", "parent", "sibling", "family"):
            heads.add(row["label"].casefold())
    heads |= {t[0] for t in titles() if len(t) == 1 and len(t[0]) > 2}
    lex = load("names/lexicon.yaml")
    return _Words(frozenset(h.casefold() for h in heads), frozenset(lex["org_nouns"]))


class Spans:
    """Mention spans indexed by start, so the phrase walk asks "is this word inside a
    name?" in log time instead of scanning every mention of the document. Built once per
    document; ``without`` hides the name being described without copying."""

    def __init__(self, spans):
        self.spans = sorted(set(spans))
        self.starts = [a for a, _ in self.spans]
        self.ends = {a: b for a, b in self.spans}
        # the furthest end among the spans starting at or before each position
        self.reach, far = [], -1
        for _, b in self.spans:
            far = max(far, b)
            self.reach.append(far)
        self.skip: tuple[int, int] | None = None

    def without(self, skip: tuple[int, int]) -> "Spans":
        view = object.__new__(Spans)
        view.__dict__.update(self.__dict__)
        view.skip = skip
        return view

    def end_of(self, start: int) -> int | None:
        b = self.ends.get(start)
        return None if b is None or (start, b) == self.skip else b

    def covers(self, offset: int) -> bool:
        k = bisect_right(self.starts, offset) - 1
        while k >= 0 and self.reach[k] > offset:  # nested spans: look back while one may reach
            if self.spans[k][1] > offset and self.spans[k] != self.skip:
                return True
            k -= 1
        return False


def _inside(tok, spans: "Spans") -> bool:
    return spans.covers(tok.idx)


def _glued(tok) -> bool:
    """A hyphen inside a word ("Austro-Hungarian", "23-year-old")."""
    prev = tok.nbor(-1) if tok.i > 0 else None
    return tok.text in "-–" and not tok.whitespace_ and prev is not None and not prev.whitespace_


def _phrase_end(sd, i: int, stop: int, people: "Spans",
                others: list[tuple[int, int]]) -> int:
    """Index after the last token of the noun phrase that starts at token ``i``."""
    j, preps, after_prep = i, 0, False
    while j < len(sd) and j - i < MAX_TOKENS and sd[j].idx < stop:
        tok = sd[j]
        low = tok.lower_
        if _inside(tok, people):
            if not after_prep:
                break  # another person's name ends it ("..., the mayor and Dr. X")
        elif tok.pos_ in NP_POS or _glued(tok):
            pass
        elif tok.pos_ == "DET" and (j == i or after_prep) and low in ARTICLES:
            pass
        elif low in ("'s", "’s") and j > i:
            pass
        elif low in PREPOSITIONS and preps == 0 and j > i:
            preps += 1
            after_prep = True
        elif tok.pos_ == "CCONJ" and _inside(tok, others):
            pass  # "Trinidad and Tobago"
        else:
            break
        j += 1
    while j > i and (sd[j - 1].pos_ in ("DET", "ADP", "PUNCT", "CCONJ", "PART")
                     or sd[j - 1].lower_ in PREPOSITIONS) and not _glued(sd[j - 1]):
        j -= 1
    return j


def _head(toks):
    """The word before the phrase's preposition (or its last word)."""
    words = []
    for t in toks:
        if t.lower_ in PREPOSITIONS and words:
            break
        words.append(t)
    return words[-1] if words else None


def _forms(text: str, toks, det: str | None) -> list[str]:
    phrase = " ".join(text[toks[0].idx:toks[-1].idx + len(toks[-1])].split())
    phrase = _NOTE.split(phrase, 1)[0]  # "Police.[4]": a footnote mark glued to the last word
    out = [phrase]
    rest = phrase.split(" ", 1)[1] if " " in phrase else ""
    if det in ARTICLES and " " in rest:  # "a young Danish engineer" is also "young Danish engineer"
        out.append(rest)
    return out


def _person_head(toks, heads: frozenset[str]) -> bool:
    h = _head(toks)
    if h is None or h.tag_ in ("NNS", "NNPS") or h.lower_ not in heads:
        return False  # "Weber's parents, Petar and Ana": several people
    return len(toks) > (1 if toks[0].lower_ in ARTICLES else 0)


def after(sd, text: str, start: int, end: int, people, others, heads: frozenset[str]) -> list[str]:
    """A description right after the name: "X, the mayor of Graz"."""
    gap = _AFTER_GAP.match(text, end)
    if gap is None or gap.end() == end:
        return []
    span = sd.char_span(gap.end(), gap.end() + 1, alignment_mode="expand")
    if span is None or not len(span):
        return []
    i = span[0].i
    det = sd[i].lower_ if sd[i].lower_ in DETERMINERS else None
    k = _phrase_end(sd, i + (1 if det in POSSESSIVES else 0), len(text), people, others)
    toks = sd[i:k]
    if not len(toks) or not _person_head(toks[1:] if det in POSSESSIVES else toks, heads):
        return []
    if det in POSSESSIVES and not any(t.lower_ in PREPOSITIONS for t in toks):
        return []  # "X, his sister and her nephew": a list; "their nephew in Lisbon" is not
    if _LIST_GOES_ON.match(text, toks[-1].idx + len(toks[-1])):
        return []
    if det is None and not any(t.lower_ in PREPOSITIONS for t in toks):
        return []  # "X, Y": a bare noun after a comma is as likely a list
    if _opens_clause(sd, start) and _verb_follows(sd, toks[-1].i + 1):
        return []  # "After X, the new president signed": the phrase is the clause's subject
    return _forms(text, toks, det)


def _opens_clause(sd, start: int) -> bool:
    span = sd.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and len(span) and span[0].i > 0 and sd[span[0].i - 1].pos_ in ("ADP", "SCONJ")


def _verb_follows(sd, k: int) -> bool:
    return k < len(sd) and sd[k].pos_ in ("VERB", "AUX")


def before(sd, text: str, start: int, end: int, people, others, heads: frozenset[str]) -> list[str]:
    """A description right before the name: "the President of Serbia X", "his elder brother X"."""
    gap = _BEFORE_GAP.search(text, max(0, start - 12), start)
    if gap is None or gap.start() == start:
        return []
    stop = gap.start()
    last = sd.char_span(max(0, stop - 1), stop, alignment_mode="expand")
    if last is None or not len(last):
        return []
    j_last = last[-1].i
    sent_start = last[-1].sent.start
    for i in range(max(sent_start, j_last - MAX_TOKENS + 1), j_last + 1):
        tok = sd[i]
        prev = sd[i - 1] if i > sent_start else None
        if prev is not None and (prev.pos_ in NP_POS or prev.lower_ in ("'s", "’s") or _glued(prev)):
            continue  # not the start of the phrase
        det = tok.lower_ if tok.lower_ in DETERMINERS else None
        first = i + 1 if det in POSSESSIVES else i
        if det is None:
            owner = _possessor_end(sd, i, people)
            if owner is not None:  # "Weber's mother X"
                det, first = "'s", owner
        k = _phrase_end(sd, first, stop, people, others)
        if k - 1 != j_last or k <= first:
            continue
        if "," in text[stop:start] and not _apposition_slot(sd, text, i, end):
            return []  # "After the death of his father, Nicholas became tsar"
        toks = sd[i:k]
        if _person_head(sd[first:k], heads) and (det is not None or tok.text[:1].isupper() or tok.is_sent_start):
            if det is None and not any(t.lower_ in PREPOSITIONS for t in toks):
                return []  # "Social Democrat X": a title run into the name, the name's business
            return _forms(text, toks, det)
    return []


def _apposition_slot(sd, text: str, i: int, end: int) -> bool:
    """"<phrase>, X" is an apposition when the phrase opens its sentence (or a clause
    after ; : — or a parenthesis), or when the name is followed by punctuation."""
    if i == sd[i].sent.start or (i > 0 and sd[i - 1].text in (";", ":", "—", "–", "(")):
        return True
    return re.match(r"[’']?s?\s*[,;.)]", text[end:end + 4]) is not None


def _possessor_end(sd, i: int, people) -> int | None:
    """Index after "Weber's" when a person's name followed by 's starts at token ``i``."""
    b = people.end_of(sd[i].idx)
    if b is not None:
        for j in range(i, min(i + 6, len(sd))):
            if sd[j].lower_ in ("'s", "’s") and sd[j].idx >= b - 2:
                return j + 1
    return None


def appositions(sd, text: str, start: int, end: int, people: list[tuple[int, int]],
                others: list[tuple[int, int]], etype: str = "person") -> list[str]:
    """Descriptions in apposition to the name at text[start:end]: a person's ("X, the
    mayor of Y", "his elder brother X") or an organisation's ("the Black Lotus, the
    oldest secret league in Albania", after the name only)."""
    if sd is None:
        return []
    if etype == "person":
        people = (people if isinstance(people, Spans) else Spans(people)).without((start, end))
        others = others if isinstance(others, Spans) else Spans(others)
        heads = _words().heads
        return after(sd, text, start, end, people, others, heads) + before(sd, text, start, end, people, others, heads)
    if etype in ("organization", "group"):
        return after(sd, text, start, end, people if isinstance(people, Spans) else Spans(people),
                     others if isinstance(others, Spans) else Spans(others),
                     _words().org_heads)
    return []
