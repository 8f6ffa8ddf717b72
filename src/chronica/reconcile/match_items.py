"""The matcher's view of a local event (:class:`Item`) and the words it is compared by:
content-word stems and word families, capitalised stems rare in the corpus, the name
words of each person or group.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS


from ..match_settings import EventMatching
from ..model import LocalEvent
from .bounds import Bounds, bounds_of
from ..resources.context import TextContext
from .match_cues import cue_of
from ..resources import load


@dataclass(frozen=True)
class Item:
    """One local event, prepared for matching."""

    doc_id: str
    doc_sha: str
    local: LocalEvent
    who: frozenset[str]
    where: str | None
    bounds: Bounds | None
    words: str
    placed: bool = True  # the place is named in the evidence (not carried from context)
    rare: frozenset[str] = frozenset()  # capitalised stems (then: only those few other events use)
    undated_doc: bool = False  # its document gives no date at all: the date can never agree
    scene: frozenset[str] = frozenset()  # places its paragraph names up to the evidence
    targets: frozenset[str] = frozenset()  # corpus ids of those it was aimed at (victims)
    cue: str = ""  # its head word's family or stem ("~kill", "trial"): see match_cues
    who_order: tuple[str, ...] = ()  # ``who`` in the order the text names them (a set has no stable order)
    sentence: int = -1  # where the evidence's sentence starts (legs of one sentence share it)
    roles: tuple[tuple[str, str], ...] = ()  # (corpus id, agent | patient | other): see LocalEvent.roles
    telling: str = ""  # which telling of its document it belongs to: see telling_of

    @property
    def kind(self) -> str:
        return self.local.kind

@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return frozenset(STOP_WORDS)


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def word_families() -> dict[str, str]:
    """Stem -> family name, from lang/en/claims/word_families.yaml."""
    data = load("claims/word_families.yaml")
    out = {}
    for family, words in (data.get("families") or {}).items():
        for w in words:
            out[str(w).casefold()[:6]] = "~" + str(family)
    return out


def content_words(text: str) -> str:
    """Content words cut to a 6-letter stem (or their word family), stop words dropped."""
    stop = _stop_words()
    fam = word_families()
    words = (m.group(0).casefold() for m in _WORD.finditer(text))
    return " ".join(_family(w, fam) for w in words if w not in stop and len(w) > 2)


_ENDINGS = ("ing", "ed", "es", "s")


def _family(word: str, fam: dict[str, str]) -> str:
    """The word's family, also for an inflection the list leaves out ("killing"),
    else its 6-letter stem."""
    stem = word[:6]
    if stem in fam:
        return fam[stem]
    for end in _ENDINGS:
        base = word[: -len(end)]
        if word.endswith(end) and len(base) >= 3:
            for b in (base, base + "e", base[:-1] if len(base) > 3 and base[-1] == base[-2] else base):
                if b[:6] in fam:
                    return fam[b[:6]]
    return stem


BLANKED_TYPES = {"person", "organization", "group", "place"}  # compared as who and where


def proper_stems(text: str) -> frozenset[str]:
    """Stems of capitalised words past the first (names of ships, documents, battles)."""
    words = [m.group(0) for m in _WORD.finditer(text)]
    return frozenset(w.casefold()[:6] for w in words[1:] if w[0].isupper() and len(w) >= 4)


def description(doc, span) -> str:
    """The evidence text with the names in it blanked: who and where are compared on
    their own, the words should tell what happened."""
    text = span.text
    for m in doc.mentions:
        if m.entity and m.type in BLANKED_TYPES and span.start <= m.start and m.end <= span.end:
            a, b = m.start - span.start, m.end - span.start
            text = text[:a] + " " * (b - a) + text[b:]
    return text

def inferred(it: Item) -> bool:
    return it.local.when is not None and it.local.when.basis == "inferred"

_NAME_WORD = re.compile(r"[^\W\d_]{4,}\b(?![\'’]s\b)")  # not a possessive: "Caesar’s assassin" names another


def name_words(entities) -> dict[str, frozenset[str]]:
    """Capitalised words of four letters or more in each person/group's names."""
    out = {}
    for e in entities:
        if e.type not in ("person", "group", "organization"):
            continue
        words = {w.casefold() for n in [e.name, *e.aliases] for w in _NAME_WORD.findall(n) if w[0].isupper()}
        out[e.id] = frozenset(words)
    return out


def with_rare_words(items: list[Item], s: EventMatching) -> list[Item]:
    """Keep each item's capitalised stems that few events use (document frequency over
    the corpus's events)."""
    df: Counter[str] = Counter()
    for it in items:
        df.update(set(it.words.split()))
    out = []
    for it in items:
        rare = frozenset(w for w in it.rare if df[w] <= s.rare_stem_documents)
        out.append(replace(it, rare=rare))
    return out


def prepare(corpus, s: EventMatching) -> list[Item]:
    items = []
    for doc in corpus.docs:
        context = TextContext(doc.text)
        undated = not any(bounds_of(ev.when) for ev in doc.events if not (ev.staged or ev.negated))
        for ev in doc.events:
            if ev.staged or ev.negated:
                continue
            named = tuple(dict.fromkeys(corpus.entity_of.get((doc.id, k), f"{doc.id}:{k}") for k in ev.who))
            who = frozenset(named)
            where = corpus.entity_of.get((doc.id, ev.where), f"{doc.id}:{ev.where}") if ev.where else None
            placed = bool(ev.where) and any(m.entity == ev.where and ev.evidence.start <= m.start < ev.evidence.end
                                            for m in doc.mentions)
            told = description(doc, ev.evidence)
            targets = frozenset(corpus.entity_of.get((doc.id, k), f"{doc.id}:{k}") for k in ev.targets)
            roles = tuple((corpus.entity_of.get((doc.id, k), f"{doc.id}:{k}"), part) for k, part in ev.roles.items())
            items.append(Item(doc.id, doc.source.sha256, ev, who, where, bounds_of(ev.when),
                              content_words(told), placed, proper_stems(told), undated_doc=undated,
                              scene=_scene(corpus, doc, ev, context), targets=targets,
                              cue=cue_of(ev.trigger.text if ev.trigger else None, word_families()),
                              who_order=named, sentence=_sentence_start(doc, ev), roles=roles,
                              telling=telling_of(doc, ev.evidence.start)))
    return with_rare_words(items, s)


LEAD_MIN_SECTIONS = 2  # headed sections an article needs for its unheaded opening to be a summary


def telling_of(doc, offset: int) -> str:
    """The document's id, or for the unheaded opening of an article with headed sections
    (an encyclopedia's lead) its id with "#lead": such an opening sums up the story the
    sections then tell again, so it is a telling of its own, in an order of its own."""
    sections = [s for s in doc.sections if s.kind == "body"]
    if len(sections) >= LEAD_MIN_SECTIONS and offset < sections[0].start and doc.text[:sections[0].start].strip():
        return f"{doc.id}#lead"
    return doc.id


def _sentence_start(doc, ev: LocalEvent) -> int:
    sent = doc.sentence_at(ev.evidence.start)
    return sent.start if sent is not None else -1


def _scene(corpus, doc, ev: LocalEvent, context: TextContext) -> frozenset[str]:
    """Corpus ids of the places named in the event's paragraph up to its evidence's end."""
    p0, _ = context.paragraph(ev.evidence.start)
    return frozenset(corpus.entity_of.get((doc.id, m.entity), f"{doc.id}:{m.entity}") for m in doc.mentions
                     if m.entity and m.type == "place" and p0 <= m.start < ev.evidence.end)
