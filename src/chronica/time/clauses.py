"""How the words around an expression decide whether it moves the story's reference
time: asides, subordinate and pluperfect clauses, plans, attributive dates, staged
present scenes. A mixin of :class:`Resolver`."""
from __future__ import annotations

from bisect import bisect_right
import re

from . import cues
from .lexicon import compile_pattern
from .moment import Moment
from .normalise import Parsed
from .reference import _CLAUSE_START, _FLASH_FORWARD, _FOLLOW, _PRE, _PRE2, _WORDS

PREPOSITIONAL_TAILS = tuple(cues.words("prepositional_tails"))
_HAD_BEEN = compile_pattern(r"\bhad\s+(?:been\s+)?$", re.I)


class Clauses:
    """Predicates over the text around an expression; state lives on the resolver."""

    def _stages_scene(self, p: Parsed) -> bool:
        """The date is what a present-tense scene-setter opens with ("It's the spring of
        1815; ...", "Today is 5 May 1821")."""
        s, _ = self._sentence(p.start)
        return bool(self._scene_setter.fullmatch(self.text, s, p.start))

    def _quoted(self, p: Parsed) -> bool:
        """Inside a quotation: an odd number of straight quotes, or an unclosed curly one,
        since the paragraph began."""
        para = self.text.rfind("\n", 0, p.start) + 1
        before = self.text[para:p.start]
        return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")

    def _sentence_initial(self, p: Parsed) -> bool:
        return self.text[max(0, p.start - 3):p.start].strip(" \"“‘'(") in ("", ".", "!", "?") \
            or self.text[max(0, p.start - 1):p.start] == "\n"

    def _story_now(self, p: Parsed) -> bool:
        """In a staged present ("It's May 1821 on the island. ... the now ailing
        emperor ... his room is now full of doctors") a present-tense "now" is the scene's time; only
        a naming ("what is now Ghana", "now known as") stays the writer's present."""
        two = _PRE2.search(self.text, max(0, p.start - 24), p.start)
        after = _FOLLOW.match(self.text, p.end)
        if two and f"{two[1]} {two[2]}".lower() in self.lx["present_now_naming_after"]:
            return False
        return not (after and after[1].lower() in self.lx["present_now_before"]) \
            and self.text[max(0, p.start - 1):p.start] != "("

    def _present_now(self, p: Parsed) -> bool:
        before = _PRE.search(self.text, max(0, p.start - 16), p.start)
        if before and before[1].lower() in self.lx["present_now_after"]:
            return True
        if self.text[max(0, p.start - 1):p.start] == "(":
            return True
        after = _FOLLOW.match(self.text, p.end)
        return self.text[p.end:p.end + 1] == "-" or bool(after and after[1].lower() in self.lx["present_now_before"])

    def _moves_reader(self, p: Parsed, m: Moment) -> bool:
        if m.year is None:
            return False
        if self._aside(p):
            # "Waterloo (1815)": with no date yet, a bracketed date is the best guess
            return self.ref is None and p.kind == "date" and p.moment2 is None
        if self.ref is None and p.kind == "date" and m.gran not in ("century", "decade"):
            return True  # the text's first date: better a guess than no year at all
        s, _ = self._sentence(p.start)
        if p.kind == "deixis" and self._future(p):
            return False  # "the ship is to sail tomorrow morning": a plan, not the story's day
        if _FLASH_FORWARD.search(self.text, max(s, p.start - 80), p.start):
            return False  # "... lasted until the fall of Budapest in February 1945"
        if self._subordinate(p, s):
            return False  # "the League of Nations, which Germany joined in 1926"
        if self._pluperfect(p, s):
            return False  # "troops that had invaded Burma in late 1943": a flashback
        pre = self._preposition(p)
        if pre in ("before", "after") and p.kind == "date":
            return False  # "after 2011": an open stretch, not a point the story reaches
        if p.kind == "date" and self._attributive(p, pre):
            return False  # "the May 2007 high", "the 24 July attack": a name for a thing
        two = _PRE2.search(self.text, max(0, p.start - 24), p.start)
        pre2 = f"{two[1]} {two[2]}".lower() if two else None
        if p.rule in ("year", "hedged_year") and (pre in self.lx["year_no_move_before"]
                                                  or pre2 in self.lx["year_no_move_before"]):
            if not (pre == "of" and two and two[1].lower() in self.lx["period_of_heads"]):
                return False
        if p.rule == "year" and pre in self.lx["determiners"]:
            return False  # "the 1614 rules", "its 1937 report"
        return True

    def _attributive(self, p: Parsed, pre: str | None) -> bool:
        """A date between a determiner and a lower-case noun modifies that noun."""
        if pre not in self.lx["determiners"] or p.moment is None or p.moment.gran == "year":
            return False  # bare years have their own rule (they may head a name)
        nxt = _FOLLOW.match(self.text, p.end)
        return bool(nxt) and self.text[p.end:p.end + 1] == " " and nxt[1].islower() \
            and nxt[1] not in self.lx["attributive_not"]

    def _subordinate(self, p: Parsed, sent_start: int) -> bool:
        """A relative clause before the date, in its clause."""
        words = _WORDS.findall(self._clause_before(p, sent_start, 100).lower())
        return any(w in self.lx["relative_words"] and not (i and words[i - 1] in self.lx["continuative_preps"])
                   for i, w in enumerate(words))

    def _pluperfect(self, p: Parsed, sent_start: int) -> bool:
        """The date's clause is in the past perfect ("had invaded ... in 1943")."""
        clause = self._clause_before(p, sent_start, 100)
        # searched in place, so "there had been" is seen whole even where the clause is cut
        return bool(self._flashback.search(self.text, p.start - len(clause), p.start))

    def _clause_before(self, p: Parsed, sent_start: int, width: int) -> str:
        """The words of the date's clause before it; a bare preposition set off by a comma
        belongs to the clause before ("the last time they had met, in 1614")."""
        cut = max(sent_start, p.start - width)
        parts = _CLAUSE_START.split(self.text[cut:p.start])
        clause = parts[-1]
        if len(parts) > 1 and len(_WORDS.findall(clause.lower())) <= 1:
            clause = parts[-2] + " " + clause
        return clause

    def _aside(self, p: Parsed) -> bool:
        before = self.text[max(0, p.start - 2):p.start].rstrip()
        after = self.text[p.end:p.end + 2].lstrip()
        return before.endswith("(") or after.startswith(")")

    def _preposition(self, p: Parsed) -> str | None:
        m = _PRE.search(self.text, max(0, p.start - 12), p.start)
        return m[1].lower() if m else None

    def _prepositional(self, p: Parsed) -> bool:
        tail = self.text[max(p.start, p.end - 6):p.end].lower()
        return tail.endswith(PREPOSITIONAL_TAILS)

    def _future(self, p: Parsed) -> bool:
        """The clause around the expression speaks of the future ("will meet on Thursday",
        "payable Dec. 7"): the tense marker nearest the expression decides, so "said Friday
        ... will appeal" is past and "will succeed him Feb. 1" future."""
        return self._tense(p) > 0

    def _tense(self, p: Parsed) -> int:
        """1 future, -1 past, 0 no tense marker near the expression (see :meth:`_future`)."""
        s, e = self._sentence(p.start)
        a, b = max(s, p.start - 80), min(e, p.end + 50)
        best, sign = None, 0
        neutral = [n.span() for n in self._neutral.finditer(self.text, a, b)]
        for pattern, value in ((self._future_words, 1), (self._past_words, -1)):
            for m in pattern.finditer(self.text, a, b):
                if any(x <= m.start() < y for x, y in neutral):
                    continue  # "next to", "due to": no tense
                if m.end() <= p.start:
                    gap = p.start - m.end()
                elif m.start() >= p.end:
                    gap = 2 * (m.start() - p.end)  # a verb after the date governs it less often
                else:
                    continue
                if best is None or gap < best:
                    # a plan in the past perfect lies in the past ("had been due to expire Friday")
                    planned_before = value > 0 and _HAD_BEEN.search(self.text, max(a, m.start() - 20), m.start())
                    best, sign = gap, -1 if planned_before else value
        return sign

    def _sentence(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.sent_starts, offset) - 1
        return self.sentences[i] if i >= 0 else (0, len(self.text))
