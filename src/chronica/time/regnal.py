"""Regnal dates: "in the fifth year of his reign", "two years after his accession".

They count from an accession the text dates ("He came to the throne in 1154"): the
nearest one told before the expression, else the first told after it. The fifth year
of a reign begins four years after the accession, so it is read as that year (a reign
year straddles two calendar years; the value says the one it starts in).
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon
from .moment import Moment
from .normalise import Parsed


@dataclass(frozen=True)
class Accession:
    at: int  # offset of the year in the text
    year: int  # historical year (negative = BC)
    text: str


class Accessions:
    """The accessions a text dates, found once per document."""

    def __init__(self, lexicon: Lexicon, text: str, sentence_of, found: list[Parsed]):
        words = lexicon.words("accession_words")
        self.items: list[Accession] = []
        for p in found:
            m = p.moment
            if p.kind != "date" or m is None or m.year is None or m.gran not in ("year", "month", "day"):
                continue
            s, e = sentence_of(p.start)
            if words.search(text, s, e):
                self.items.append(Accession(p.start, m.year, text[p.start:p.end]))

    def before_or_after(self, offset: int) -> Accession | None:
        before = [a for a in self.items if a.at < offset]
        if before:
            return before[-1]
        return self.items[0] if self.items else None


def regnal_moment(acc: Accession, p: Parsed) -> Moment:
    """The year ``p`` names counting from the accession."""
    n = int(p.amount[1]) if p.amount else 1
    offset = (n - 1 if p.rule == "regnal_year" else n) * (p.direction or 1)
    y = acc.year + offset
    if acc.year < 0 <= y:  # no year zero: 2 BC + 3 years is AD 2
        y += 1
    elif acc.year > 0 >= y:
        y -= 1
    return Moment("year", year=y)

