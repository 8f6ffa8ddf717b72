"""Who, read from the sentences when no stored event names the answer.

"Which captain took the duke to Malta?", "who killed the sultan?", "whom did the king
marry?": the extracted events may not hold the person (a ship's captain named only in an
aside, a marriage told with a noun). The answer is then looked for in the sentences that
mention a person: the sentence must name what the question names (or the sentence
before it must, when it goes on with a pronoun), tell the question's happening (its
predicate, not only an attempt at it: "tried to shoot him" is not a shooting), or, with
a light verb ("took", "made"), use all the question's words; and where the question asks
by a person noun ("which captain", "which carpenter") the person must be described so
beside the name ("Captain X", "a carpenter in the city, X by name", "X, the captain").
One person must come out best; otherwise the asker says it does not know.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load
from ..resources.names import is_name_form
from .base import Base
from .model import Answer, Question
from .support import action_at, hedged
from .words import WORD, stem

# how far before (or after) a name its describing noun may stand ("a carpenter in the city, X")
NOUN_BEFORE = 60
NOUN_AFTER = 40
_STOP = re.compile(r"[.;:!?\n]")


@dataclass(frozen=True)
class Found:
    person: str
    score: float
    span: dict  # the sentence
    at: int = 0  # the name within it
    end: int = 0


def answer_who_in_text(base: Base, q: Question) -> Answer | None:
    if not base.texts or not (q.predicate or q.words or q.person_noun):
        return None
    best: dict[str, Found] = {}
    cites: dict[str, list[dict]] = {}
    for ent in base.entities.values():
        if ent.get("type") != "person" or ent["id"] in q.entities or not is_name_form(ent.get("name", "")):
            continue  # a description stored as a person ("his brother") names nobody
        for m in ent.get("mentions", ()):
            found = _fits(base, q, ent["id"], m)
            if found is None:
                continue
            if found.person not in best or found.score > best[found.person].score:
                best[found.person] = found
            cites.setdefault(found.person, []).append(found.span)
    if not best:
        return None
    ranked = sorted(best.values(), key=lambda f: -f.score)
    top = ranked[0]
    # "Geri and Poggi examined it": the doers of a deed together (not "X and Y, the keeper")
    together = [top] + [f for f in ranked[1:] if q.predicate and _joined(top, f)]
    if any(f.score >= top.score - 0.01 for f in ranked[1:] if f not in together):
        return None  # two people fit as well: the sentences do not settle it
    spans = [top.span] + [s for f in together for s in cites[f.person]]
    unique = list({(s["document"], s["start"]): s for s in spans}.values())
    names = [base.name(f.person) for f in together]
    return Answer(q, "answered", f"{' and '.join(names)} (from the sentence that tells it; no stored event names them).",
                  names, base.cites(unique[:2]))


def _joined(a: Found, b: Found) -> bool:
    """Two names of one sentence joined by "and" ("Geri and Giovanni Poggi"): they did it together."""
    if (a.span["document"], a.span["start"]) != (b.span["document"], b.span["start"]):
        return False
    first, second = sorted((a, b), key=lambda f: f.at)
    return a.span["text"][first.end:second.at].strip(" ,") == "and"


def sentence_bounds(text: str, a: int, b: int) -> tuple[int, int]:
    """The sentence around [a, b): a stop ends one only before a capital ("221 B.C. and"
    goes on), a line break always."""
    while a > 0 and text[a - 1] != "\n" and not (text[a - 1] == " " and text[a - 2:a - 1] in ".!?"
                                                 and text[a:a + 1].isupper()):
        a -= 1
    b = b - 1 if b > a and text[b - 1] in ".!?" else b  # a span ending on its stop ends there
    while b < len(text) and text[b] != "\n" and not (text[b] in ".!?" and text[b + 1:b + 2] in (" ", "\n", "")
                                                     and not text[b + 2:b + 3].islower()):
        b += 1
    return a, min(len(text), b + 1) if b < len(text) and text[b] in ".!?" else b


def _fits(base: Base, q: Question, person: str, m: dict) -> Found | None:
    text = base.texts.get(m["document"]) if base.texts else None
    if text is None:
        return None
    a, b = sentence_bounds(text, m["start"], m["end"])
    sent = text[a:b]
    at, end = m["start"] - a, m["end"] - a
    if not _names_asked(base, q, text, a, sent) or hedged(sent, at):
        return None
    score = 0.0
    if q.predicate:
        verb = action_at(sent, q, verbs_only=True)  # a sentence about "the battle" does not say who defeated whom
        if verb is None:
            return None
        if not _same_clause(sent, min(verb, at), max(verb, at)):
            return None
        score += _part_fits(q, sent, at, verb) - abs(at - verb) / 1000  # the nearer of two equal fits
    have = {stem(w) for w in WORD.findall(sent.casefold())}
    wanted = [stem(w) for w in q.words if w not in (q.predicate, q.person_noun)]
    told = sum(1 for w in wanted if w in have)
    if not q.predicate and told < len(wanted):
        return None  # a light verb: every other word of the question must be told
    score += told
    if q.person_noun:
        if not _described(sent, at, end, q.person_noun):
            return None
        score += 2.0
    return Found(person, score, {"document": m["document"], "start": a, "end": b, "text": sent}, at, end)


def _names_asked(base: Base, q: Question, text: str, a: int, sent: str) -> bool:
    """Every entity the question names is written in the sentence or the one before it."""
    before = text[sentence_bounds(text, max(0, a - 2), max(0, a - 2))[0]:a] if a > 1 else ""
    around = (before + " " + sent).casefold()
    have = {stem(w) for w in WORD.findall(around)}
    for e in q.entities:
        forms = {f.casefold() for f in [base.name(e)] + list(base.entities.get(e, {}).get("aliases", ())) if len(f) > 2}
        words = [stem(w) for w in WORD.findall(base.name(e)) if len(w) > 2]
        if not (any(f in around for f in forms) or words and all(w in have for w in words)):
            return False
    return True


def _part_fits(q: Question, sent: str, at: int, verb: int) -> float:
    """A person named before the verb did it (or after it, behind "by"); one after it underwent it."""
    by = at > verb and bool(re.search(r"\bby\s+(?:[\w-]+,?\s+){0,8}$", sent[verb:at])
                            or re.match(r"\w+\s+of\s+(?:[\w-]+\s+){0,2}$", sent[verb:at]))  # "the command of X"
    before = sent[:at].split()[-1:] if at < verb else []
    governed = bool(before) and before[0].casefold() in _object_preps()  # "toward X and raised": X did not
    doer = (at < verb and not governed) or by
    if q.answer_part == "agent":
        return 1.0 if doer else -1.0
    if q.answer_part == "patient":
        return 1.0 if not doer else -1.0
    return 0.0


@lru_cache(maxsize=1)
def _object_preps() -> frozenset[str]:
    return frozenset(str(w) for w in load("ask/questions.yaml").get("object_preps") or ())


def _same_clause(sent: str, lo: int, hi: int) -> bool:
    """The name and the verb belong to one clause: at most one comma (an apposition, "by
    his brother-in-law, X") and no bracket, colon or dash between them."""
    between = sent[lo:hi]
    return between.count(",") <= 1 and not re.search(r"[()\[\];:—–]", between)


def _described(sent: str, at: int, end: int, noun: str) -> bool:
    """Is the person noun written beside the name: in it ("Captain X"), just before it in the
    same clause run ("the dealer X", "a carpenter in the city, X"), or after it in an
    apposition ("X, the captain of the ship")?"""
    forms = (noun, noun + "s", noun + "es")
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b", re.IGNORECASE)
    if pattern.search(sent[at:end]):
        return True
    lo = max(0, at - NOUN_BEFORE)
    before = sent[lo:at]
    cut = max((mm.end() for mm in _STOP.finditer(before)), default=0)
    if pattern.search(before[cut:]):
        return True
    after = sent[end:end + NOUN_AFTER]
    m = re.match(r"\s*,\s*(?:the|a|an|his|her|their)\s+(?:\w+\s+){0,2}", after)
    return bool(m) and bool(pattern.match(after[m.end():]))
