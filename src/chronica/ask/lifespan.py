"""A person's birth and death when no stored event of that kind has them as participant
(the extractor found the death but not whose it was):

- the life's span written after their name: "Ada Finch (1790 – 3 May 1851)",
  "Ada Finch (born 1790)", "(d. 1851)" (marks in ``ask/evidence.yaml``);
- a stored death or birth whose sentence names the person before the happening word, or
  opens with "he"/"she" right after a sentence that names them first ("Ada Finch moved
  to Leeds. She died there in 1851.").

The date is the one the quote writes; the answer cites the quote (``verify`` checks it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..extract.events_lexicon import load_lexicon
from ..time.edtf import parse_edtf_bounds
from .base import Base
from .parse import time_tagger
from .support import action_at, evidence_rules
from .model import Question
from .verify import iso_key

PAREN_REACH = 400  # the longest parenthesis after a name read for a life's dates
PRONOUN_CHAIN = 4  # sentences opening with "he"/"she" followed back to the one naming the person
NAMED_NEAR_START = 120  # ... near its start, where a sentence names whom it is about
_DASH = re.compile(r"^\s*(?:[–—-]|to)\s*$")
_PRONOUN = re.compile(r"^\s*(?:he|she)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])(?:\[\d+\])*\s+(?=[A-Z\"“(])|\n+")  # "[4]": a footnote mark


@dataclass(frozen=True)
class LifeDate:
    kind: str  # birth | death
    edtf: str
    span: dict  # the quote that writes it


def life_dates(base: Base, person: str, kind: str, q: Question) -> list[LifeDate]:
    """The person's dates of this kind the texts write, spans in document order."""
    return _parenthesised(base, person, kind) + _told(base, person, kind, q)


def _matching(text: str, open_at: int) -> int | None:
    depth = 0
    for i in range(open_at, min(len(text), open_at + PAREN_REACH)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i
    return None


def _marked(inner: str, start: int, marks: frozenset[str]) -> bool:
    words = inner[max(0, start - 12):start].casefold().split()
    return bool(words) and words[-1] in marks


def _parenthesised(base: Base, person: str, kind: str) -> list[LifeDate]:
    r = evidence_rules()
    out, seen = [], set()
    for m in base.entities.get(person, {}).get("mentions", ()):
        text = (base.texts or {}).get(m["document"]) or ""
        at = m["end"] + len(text[m["end"]:m["end"] + 4]) - len(text[m["end"]:m["end"] + 4].lstrip())
        if text[at:at + 1] != "(" or (m["document"], at) in seen:
            continue
        seen.add((m["document"], at))
        close = _matching(text, at)
        if close is None:
            continue
        inner = text[at + 1:close]
        dates = [t for t in time_tagger().tag(inner).timexes if t.type == "DATE" and t.edtf and "/" not in t.edtf]
        found = [t for t in dates if _marked(inner, t.start, r.birth_marks if kind == "birth" else r.death_marks)]
        if not found and len(dates) >= 2:
            for a, b in zip(dates, dates[1:]):
                if _DASH.match(inner[a.end:b.start]) and _before(a.edtf, b.edtf):
                    found = [a if kind == "birth" else b]
        span = {"document": m["document"], "start": m["start"], "end": close + 1, "text": text[m["start"]:close + 1]}
        out += [LifeDate(kind, t.edtf, span) for t in found[:1]]
    return out


def _before(a: str, b: str) -> bool:
    lo, hi = parse_edtf_bounds(a)[0], parse_edtf_bounds(b)[0]
    return bool(lo and hi) and iso_key(lo) < iso_key(hi)


def _told(base: Base, person: str, kind: str, q: Question) -> list[LifeDate]:
    """Stored births/deaths without the person whose sentence tells it of them."""
    forms = _forms(base, person)
    out = []
    for ev in base.events:
        if ev.get("kind") != kind or person in ev.get("who", ()):
            continue
        for span in ev.get("evidence", ()):
            text = (base.texts or {}).get(span["document"])
            if not text:
                continue
            a, b = _sentence(text, span["start"], span["end"])
            sentence = text[a:b]
            at = action_at(sentence, q)
            if at is None or not (_names_before(sentence, at, forms) or refers_back_to(text, a, sentence, forms)):
                continue
            dates = [t for t in time_tagger().tag(sentence).timexes if t.type == "DATE" and t.edtf and t.start > at]
            if dates:
                quote = {"document": span["document"], "start": a, "end": b, "text": sentence}
                out.append(LifeDate(kind, dates[0].edtf, quote))
    return out


def _forms(base: Base, person: str) -> list[str]:
    ent = base.entities.get(person, {})
    return [f.casefold() for f in [ent.get("name", "")] + list(ent.get("aliases", ())) if len(f) > 2 and f[:1].isupper()]


def _names_before(sentence: str, at: int, forms: list[str]) -> bool:
    low = sentence[:at].casefold()
    return any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", low) for f in forms)


def refers_back_to(text: str, start: int, sentence: str, forms: list[str]) -> bool:
    """The sentence opens with "he"/"she", as do those before it back to one (in the same
    paragraph) that names the person near its start: the passage is about them."""
    for _ in range(PRONOUN_CHAIN):
        if not _PRONOUN.match(sentence) or start <= 0 or "\n" in text[max(0, start - 2):start]:
            return False
        start, _end = _sentence(text, max(0, start - 2), max(0, start - 1))
        sentence = text[start:_end]
        low = sentence[:NAMED_NEAR_START].casefold()
        if any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", low) for f in forms):
            return True
    return False


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    cuts = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 1500), start + 1) if m.end() <= start]
    a = cuts[-1] if cuts else max(0, start - 1500)
    m = _SENTENCE_END.search(text, end)
    return a, (m.start() if m else len(text))


def death_told(base: Base, person: str, q: Question) -> LifeDate | None:
    """The person's death as the texts write it (for "whatever happened to X?" when no
    stored death names them): the most precise of the dates that agree."""
    verb = next((lemma for lemma, rs in load_lexicon().verbs.items()
                 if any(r.kind == "death" and not r.particle and not r.weak for r in rs)), None)
    asked = replace(q, kind="when", predicate=verb, predicate_forms=(), event_kinds=("death",))
    found = life_dates(base, person, "death", asked)
    return max(found, key=lambda d: len(d.edtf)) if found else None

