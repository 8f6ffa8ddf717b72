"""Does a quoted span really support an answer? General checks on the evidence the
answerers cite (word lists in the resource ``ask/evidence.yaml``):

- the span tells the question's happening (the predicate in some form, or a trigger word
  of its event kind, unless the predicate is narrower than its kind: "succeed");
- it states rather than reports: a legend, a rumour, a speaker's quoted words or a
  question asked are demoted below plain statements, and never stand for an event in a list;
- for a place, it puts the happening AT the place ("in Kessel"), not on the way to it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..extract.events_lexicon import load_lexicon
from ..resources import load
from .model import Question
from .parse import rules

_WORD = re.compile(r"[^\W\d_]+")
_CLAUSE_END = re.compile(r"[,;:()\[\]—–]|\.\s")


@dataclass(frozen=True)
class EvidenceRules:
    hedge: re.Pattern
    speech: re.Pattern
    not_at: tuple[str, ...]
    narrow: frozenset[str]
    inflections: tuple[str, ...]
    aftermath: frozenset[str]
    anaphors: frozenset[str]
    birth_marks: frozenset[str]
    death_marks: frozenset[str]
    attempt: re.Pattern | None = None


@lru_cache(maxsize=1)
def evidence_rules() -> EvidenceRules:
    raw = load("ask/evidence.yaml")
    hedges = sorted((str(h) for h in raw.get("hedges") or ()), key=len, reverse=True)
    verbs = "|".join(re.escape(str(v)) for v in raw.get("speech_verbs") or ())
    return EvidenceRules(
        hedge=re.compile(r"\b(?:" + "|".join(re.escape(h) for h in hedges) + r")\b", re.IGNORECASE),
        speech=re.compile(r"\b(?:" + verbs + r")\b\s*(?:that\s*)?[:,]?\s*[\"“‘]|\b(?:" + verbs + r")\s*:", re.IGNORECASE),
        not_at=tuple(sorted((str(p).casefold() for p in raw.get("not_at") or ()), key=len, reverse=True)),
        narrow=frozenset(str(p) for p in raw.get("narrow_predicates") or ()),
        inflections=tuple(str(i) for i in raw.get("inflections") or ("",)),
        aftermath=frozenset(str(w) for w in raw.get("aftermath_words") or ()),
        anaphors=frozenset(str(w).casefold() for w in raw.get("anaphors") or ()),
        birth_marks=frozenset(str(w).casefold() for w in raw.get("birth_marks") or ()),
        death_marks=frozenset(str(w).casefold() for w in raw.get("death_marks") or ()),
        attempt=re.compile(r"\b(?:" + "|".join(re.escape(str(w)) for w in raw.get("attempt_words") or ("tried",))
                           + r")\s+to\s+(?:[^,.;:!?]{0,100}?\b(?:and|or)\s+)?(?:\w+ly\s+)?$", re.IGNORECASE),
    )


def _clause_end(text: str, at: int) -> int:
    m = _CLAUSE_END.search(text, at)
    return m.start() if m else len(text)


def hedged(text: str, anchor: int | None = None) -> bool:
    """Is the clause that answers (the one holding ``anchor``; the first clause when none)
    told as a legend, a rumour or someone's quoted words? A marker in an aside right after
    it qualifies it ("buried, according to legend, ..."), and one before it frames it
    when a colon or a quotation introduces the clause ("You may have heard the story: ...").
    A question asks rather than states ("And he signed it with a false name?")."""
    if text.rstrip(" \"”’')").endswith("?"):
        return True
    r = evidence_rules()
    end = _clause_end(text, anchor if anchor is not None else 0)
    start = 0
    if anchor is not None:
        before = [m.end() for m in _CLAUSE_END.finditer(text, 0, anchor)]
        start = before[-1] if before else 0
    for pattern in (r.hedge, r.speech):
        for m in pattern.finditer(text):
            aside = text[end:m.start()].strip(" ,;") == ""  # "was buried, according to legend, under ..."
            if (m.start() < end or aside) and (m.start() >= start or _frames(text, m.end(), start)):
                return True
    return False


def _frames(text: str, marker_end: int, clause_start: int) -> bool:
    """A marker before the answering clause frames it when a colon or a quotation mark
    introduces what follows ("he stated: ...", "heard the story: ..."), or "that" does
    ("the story goes that, ..., he went").
    """
    if re.match(r"\s+that\b", text[marker_end:]):  # "the story goes that ...": all of what follows is the story
        return True
    return any(ch in ":\"“" for ch in text[marker_end:clause_start])


def plain(spans, anchor=None) -> list[dict]:
    """The spans that state rather than report (``anchor(span)``: where in it the answer is)."""
    return [s for s in spans if not hedged(s.get("text", ""), anchor(s) if anchor else None)]


def plain_first(spans, anchor=None) -> list[dict]:
    """The plain statements when there are any, else all the spans: a single answer may
    still cite a reported claim as its only evidence (a listing uses ``plain`` and drops it)."""
    return plain(spans, anchor) or list(spans)


@lru_cache(maxsize=64)
def _kind_triggers(kind: str, verbs_only: bool = False) -> frozenset[str]:
    lex = load_lexicon()
    after = evidence_rules().aftermath
    # a trigger needing a particle ("pass away") or marked weak proves nothing alone
    tables = (lex.verbs,) if verbs_only else (lex.verbs, lex.nouns)
    return frozenset(lemma for table in tables for lemma, rs in table.items()
                     if lemma not in after and any(x.kind == kind and not x.particle and not x.weak for x in rs))


def _root(lemma: str) -> str:
    return lemma[:-1] if lemma.endswith("e") and len(lemma) > 3 else lemma


def _roots_of(word: str) -> set[str]:
    """Every lemma root the word could inflect ("died" -> "di", "stopped" -> "stop")."""
    out = {word}
    for ending in evidence_rules().inflections:
        if ending and word.endswith(ending) and len(word) - len(ending) >= 2:
            stem_ = word[: -len(ending)]
            out.add(stem_)
            if len(stem_) > 2 and stem_[-1] == stem_[-2]:  # a doubled final consonant
                out.add(stem_[:-1])
    return out


@lru_cache(maxsize=256)
def _wanted_roots(predicate: str, kind: str | None, verbs_only: bool = False) -> frozenset[str]:
    lemmas = {predicate} | (set(_kind_triggers(kind, verbs_only)) if kind and predicate not in evidence_rules().narrow else set())
    return frozenset(_root(lemma) for lemma in lemmas) | frozenset(lemmas)


def action_at(text: str, q: Question, attempts: bool = False, verbs_only: bool = False) -> int | None:
    """Where the span tells the question's happening (offset of the word), or None; a word
    told only as an attempt or an intention ("tried to shoot") counts only with ``attempts``;
    with ``verbs_only`` the kind's nouns ("battle" for "defeat") do not count."""
    if not q.predicate:
        return 0
    forms = {f.casefold() for f in q.predicate_forms}
    roots = _wanted_roots(q.predicate, q.event_kinds[0] if q.event_kinds else None, verbs_only)
    for m in _WORD.finditer(text):
        w = m.group().casefold()
        if (w in forms or not roots.isdisjoint(_roots_of(w))) and not _someone_elses(text, m.start(), q) \
                and (attempts or not attempted(text, m.start())):
            return m.start()
    return None


def attempted(text: str, at: int) -> bool:
    """Is the word at ``at`` told as an attempt or an intention ("tried to shoot", "planned to
    kill", "was supposed to knock on the door and shoot him")?"""
    pattern = evidence_rules().attempt
    return bool(pattern and pattern.search(text[max(0, at - 160):at]))


def only_attempted(span: dict, q: Question) -> bool:
    """The span tells the question's happening only as an attempt at it."""
    text = span.get("text", "")
    return bool(q.predicate) and action_at(text, q) is None and action_at(text, q, attempts=True) is not None


_POSSESSOR = re.compile(r"([^\W\d_]+)[’']s\s+(?:[^\W\d_]+\s+)?$")


def _someone_elses(text: str, at: int, q: Question) -> bool:
    """"Lenin's death" tells of a death, but not of the one the question asks about: the
    happening word is owned by a name the question does not use."""
    m = _POSSESSOR.search(text[max(0, at - 60):at])
    if not m or not m.group(1)[:1].isupper():
        return False
    asked = {w.casefold() for name in q.names for w in _WORD.findall(name)}
    return m.group(1).casefold() not in asked


def tells(span: dict, q: Question) -> bool:
    return action_at(span.get("text", ""), q) is not None


def narrow(q: Question) -> bool:
    return bool(q.predicate) and q.predicate in evidence_rules().narrow


def located_at(text: str, at: int) -> bool:
    """Does the text put something AT the place written from offset ``at`` ("died in
    Kessel", "at the Varnholm fortress"), rather than on the way to it?"""
    before = " ".join(text[:at].casefold().split()[-6:])
    if any(before.endswith(p) or before.endswith(p + " the") for p in evidence_rules().not_at):
        return False
    words = before.split()
    if words and words[-1] == "the":
        words = words[:-1]
    preps = rules().locative
    return bool(words) and (words[-1] in preps or " ".join(words[-2:]) in preps)

