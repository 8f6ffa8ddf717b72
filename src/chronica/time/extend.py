"""Full-phrase extents: a time expression with the complement that completes it.

TIMEX2 annotation (WikiWars) runs an expression to the end of its noun phrase: "two
months [of fierce battles]", "eight days after [Fort Sumter]", "the time [Johnson left
office]", "18 years [old]", "the first ten months [of 1915]". TIMEX3 (TimeML) keeps the
core. ``Extender`` computes the full phrase from the core and the word lists under
``complements:`` in the lexicon; the tagger keeps both views.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Timex
from . import cues
from .lexicon import Lexicon, compile_pattern

_WORD = compile_pattern(r"[\s\-]*([^\s,.;:!?()\[\]\"“”]+)")
_PRE = compile_pattern(r"(\w+)\s+$")
ARTICLES = cues.words("articles")
START_WORDS, END_WORDS = cues.words("start_words"), cues.words("end_words")
SHORT_PHRASE = 4  # words of a complement a new phrase may follow without punctuation
_HARD_STOP = compile_pattern(r"\s*[,.;:!?()\[\]\"“”\n]")


class Extender:
    def __init__(self, lexicon: Lexicon):
        cx = lexicon["complements"]
        # "of"/"as" + a noun phrase, after these last words of a core
        self.links = {w: set(heads) for w, heads in cx["links"].items()}
        self.clause_after = set(cx["clause_after"])  # "before", "after": a clause follows
        self.clause_heads = set(cx["clause_heads"])  # "the time [Johnson left office]"
        self.clause_head_after = set(cx["clause_head_after"])  # "by", "at": before the head
        self.stops = set(cx["stops"])  # words a complement never runs across
        self.tails = set(cx["tails"])  # words a complement never ends on
        self.max_words = int(cx["max_words"])
        self.age = lexicon.words("age_words")
        self.part_of = compile_pattern(cx["part_of"], re.I)  # "the first ten months of" + a date

    def __call__(self, text: str, timexes: list[Timex]) -> list[Timex]:
        out: list[Timex] = []
        i = 0
        while i < len(timexes):
            t = timexes[i]
            nxt = timexes[i + 1] if i + 1 < len(timexes) else None
            merged = self._merge(text, t, nxt)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
            limit = nxt.start if nxt is not None else len(text)
            out.append(self._extend(text, t, limit))
            i += 1
        return out

    # ------------------------------------------------------------------------

    def _merge(self, text: str, t: Timex, nxt: Timex | None) -> Timex | None:
        """"the first ten months" + "of" + "1915": one expression with the date's value."""
        if nxt is None or nxt.type != "DATE" or nxt.value.startswith("P"):
            return None
        if not self.part_of.fullmatch(text, t.start, nxt.start):
            return None
        first = t.text.lower().split()[1] if t.text.lower().startswith("the ") else ""
        mod = "START" if first in START_WORDS else "END" if first in END_WORDS else nxt.mod
        return replace(nxt, start=t.start, text=text[t.start:nxt.end], mod=mod)

    def _extend(self, text: str, t: Timex, limit: int) -> Timex:
        words = t.text.lower().split()
        last = words[-1] if words else ""
        end = None
        rest = text[t.end:t.end + 20]
        age = self.age.match(rest.lstrip(" -"))
        if t.type == "DURATION" and age:
            end = t.end + len(rest) - len(rest.lstrip(" -")) + age.end()
            return replace(t, end=end, text=text[t.start:end])
        link = _WORD.match(text, t.end)
        if link is None or _HARD_STOP.match(text, t.end):
            return t
        nxt = link[1].lower()
        if last in self.clause_after and nxt not in self.stops:
            end = self._phrase_end(text, t.end, limit)
        elif last in self.links.get(nxt, ()):
            end = self._phrase_end(text, link.end(), limit, noun_phrase=True)
        elif " ".join(words[-2:]) in self.clause_heads and nxt not in self.stops | set(self.links) \
                and self._after_preposition(text, t.start):
            end = self._phrase_end(text, t.end, limit)
        if end is None:
            return t
        return replace(t, end=end, text=text[t.start:end])

    def _after_preposition(self, text: str, at: int) -> bool:
        """"by the time Johnson left office", not "all the time claiming"."""
        before = _PRE.search(text, max(0, at - 12), at)
        return bool(before and before[1].lower() in self.clause_head_after)

    def _phrase_end(self, text: str, at: int, limit: int, noun_phrase: bool = False) -> int | None:
        """Where the noun phrase or clause starting at ``at`` ends (None: no complement). In a
        noun phrase an article after a noun opens the next phrase ("the first day of the war
        | the air force struck")."""
        ends = []
        pos = at
        for _ in range(self.max_words):
            if _HARD_STOP.match(text, pos):
                break
            m = _WORD.match(text, pos)
            if m is None or m.end() > limit or m[1].lower() in self.stops:
                break
            if noun_phrase and ends and m[1].lower() in ARTICLES and ends[-1][1] not in self.tails:
                if len(ends) > SHORT_PHRASE:
                    return None  # a long run before the next phrase: no complement after all
                break
            pos = m.end()
            ends.append((pos, m[1].lower()))
        else:
            return None  # runs on past any noun phrase: not a complement
        while ends and ends[-1][1] in self.tails:
            ends.pop()
        return ends[-1][0] if ends else None
