"""Named periods and events as dates: "during the Second World War", "under the Tang",
"after the Revolution", "in the Meiji era".

The names and spans are data (``lang/en/time/periods.tsv``). A name counts as a date only where a
word before it puts something in time (``CUE``): "the Tang dynasty built canals" names
an actor, "under the Tang" a time. The text's own dates win: a name already dated in
the text ("the Hundred Years' War (1337-1453)", "the War of 1812") is left to them. A
name shared by several entries ("the Revolution", "the Civil War") goes to the entry
whose region words the text uses most, then to the one nearest the text's own years.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..model import Timex
from . import cues
from .edtf import parse_edtf_bounds
from .lexicon import DATA, compile_pattern

# words that put a named period in time (cues.yaml, tried in the file's order); names are
# capitalised or follow "the"; "after"/"since" look past its end, "before"/"until" before its start
CUE = compile_pattern(r"(?i:\b(?P<cue>" + cues.alternation("period_cues", longest_first=False) + r")\s+)"
                      r"(?=[Tt]he\s|[A-Z])")
AFTER_CUES = cues.words("period_after_cues")
BEFORE_CUES = cues.words("period_before_cues")
_THE = compile_pattern(r"[Tt]he\s+")
_THE_BEFORE = compile_pattern(r"[Tt]he\s+$")
# a word that may open a name: a cue is followed by "the" or a capital (CUE's look-ahead)
_NAME_WORD = compile_pattern(r"(?<![\w'’.-])(?:(?<=[Tt]he\s)|(?<=[Tt]he\s\s)|(?=[A-Z]))[\w'’.-]+")
CUE_REACH = 60  # characters before a name the longest cue may start at
_WORD = compile_pattern(r"[\w'’.-]+")
_OWN_DATE = compile_pattern(r"\s*[(,–—-]\s*(?:c\.\s*|ca\.\s*|from\s+)?\d")
_YEAR = compile_pattern(r"^(-?)(\d{4})")
# a state or realm is a place after "in" ("in the Ottoman Empire"), a time after "under"
PLACE_LIKE = cues.whole_words("realm_words_cased")
PLACE_CUES = cues.words("period_place_cues")


@dataclass(frozen=True)
class Period:
    name: str  # the first name of its row (the canonical one)
    edtf: str
    kind: str
    region: tuple[str, ...]
    source: str
    earliest: str | None
    latest: str | None

    def middle_year(self) -> float | None:
        ys = [_year(x) for x in (self.earliest, self.latest) if x]
        return sum(ys) / len(ys) if ys else None


class Periods:
    """The table, indexed by the first word of each name after "the"."""

    def __init__(self, rows: list[tuple[list[str], Period]]):
        self.index: dict[str, list[tuple[bool, str, Period]]] = {}
        for names, period in rows:
            for name in names:
                the = bool(_THE.match(name))
                body = _THE.sub("", name, count=1) if the else name
                first = _WORD.match(body)
                if first:
                    self.index.setdefault(first.group(), []).append((the, body, period))
        for cands in self.index.values():
            cands.sort(key=lambda c: -len(c[1]))  # longest name first

    @classmethod
    def load(cls, path: Path = DATA / "periods.tsv") -> "Periods":
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#") or line.startswith("names\t"):
                continue
            names, edtf, kind, region, source = (line.split("\t") + [""] * 5)[:5]
            lo, hi = parse_edtf_bounds(edtf)
            names_list = [n.strip() for n in names.split("|") if n.strip()]
            regions = tuple(r.strip() for r in region.split(",") if r.strip())
            rows.append((names_list, Period(names_list[0], edtf, kind, regions, source, lo, hi)))
        return cls(rows)

    def __len__(self) -> int:
        return len({id(p) for cands in self.index.values() for _, _, p in cands})

    def find(self, text: str, taken: list[Timex]) -> list[Timex]:
        """The named periods of ``text``; a name holding a date of the text's own ("the War of
        1812") is left to that date, one holding only a misread ("the Hundred Years' War") is not."""
        occupied = sorted((t.start, t.end) for t in taken if t.type in ("DATE", "TIME") and t.basis == "explicit")
        years = [y for t in taken if t.basis == "explicit" and t.earliest for y in [_year(t.earliest)]]
        story = sorted(years)[len(years) // 2] if years else None
        out: list[Timex] = []
        vocabulary: set[str] | None = None  # the text's words, read once a name is shared
        for m in self._cues(text):
            hit = self._name_at(text, m.end())
            if hit is None:
                continue
            start, end, cands = hit
            cue = _squash(m["cue"])
            if _overlaps(occupied, start, end) or _OWN_DATE.match(text, end) \
                    or (cue in PLACE_CUES and PLACE_LIKE.search(text, start, end)):
                continue
            if len(cands) > 1 and vocabulary is None:
                vocabulary = set(_WORD.findall(text))
            period = self._choose(cands, text, story, vocabulary)
            out.append(_timex(text, start, end, period, cue))
        return out

    def _cues(self, text: str) -> list[re.Match]:
        """The cue matches that end where a name of the table may start. Speed: the cue
        pattern runs only in the stretch before each word that opens a name (a name's first
        word is looked up, the pattern's long alternation is not tried at every position)."""
        index, found, seen = self.index, [], set()
        for w in _NAME_WORD.finditer(text):
            if w.group() not in index:
                continue
            at = w.start()
            the = _THE_BEFORE.search(text, max(0, at - 8), at)
            starts = ((the.start(),) if the else ()) + ((at,) if w.group()[0].isupper() else ())
            for pos in starts:
                if pos in seen or not pos:
                    continue
                seen.add(pos)
                a = text.rfind(" ", 0, max(0, pos - CUE_REACH)) + 1  # start the pattern at a word
                for m in CUE.finditer(text, a, pos + 5):  # room for the look-ahead at pos
                    if m.end() == pos:
                        found.append(m)
        return sorted(found, key=lambda m: m.start())

    def _name_at(self, text: str, pos: int) -> tuple[int, int, list[Period]] | None:
        the = _THE.match(text, pos)
        body_at = the.end() if the else pos
        first = _WORD.match(text, body_at)
        if first is None:
            return None
        for needs_the, body, _ in self.index.get(first.group(), ()):
            if needs_the != bool(the) or not text.startswith(body, body_at):
                continue
            end = body_at + len(body)
            if end < len(text) and (text[end].isalnum() or text[end] in "-’'"):
                continue
            cands = [p for t, b, p in self.index[first.group()] if b == body and t == needs_the]
            return pos, end, cands
        return None

    @staticmethod
    def _choose(cands: list[Period], text: str, story: int | None, vocabulary: set[str] | None) -> Period:
        if len(cands) == 1:
            return cands[0]

        def score(p: Period):
            region = sum(1 for w in p.region if (w in vocabulary if " " not in w else w in text))
            mid = p.middle_year()
            near = -abs(mid - story) if story is not None and mid is not None else 0
            return region, near

        return max(cands, key=score)


def _timex(text: str, start: int, end: int, p: Period, cue: str) -> Timex:
    edtf, lo, hi, mod = p.edtf, p.earliest, p.latest, None
    if cue in AFTER_CUES and "/" in p.edtf:
        edtf, lo, hi, mod = p.edtf.split("/")[1] + "/..", p.latest, None, "AFTER"
    elif cue in BEFORE_CUES:
        edtf, lo, hi, mod = "../" + p.edtf.split("/")[0], None, p.earliest, "BEFORE"
    return Timex(start, end, text[start:end], "DATE", timex_value(p.edtf), edtf, lo, hi, "inferred", mod,
                 f"named period: {p.name} ({p.source})")


def timex_value(edtf: str) -> str:
    """EDTF span -> TIMEX value (BC years as BC0264)."""
    def one(x: str) -> str:
        m = _YEAR.match(x)
        if not m or not m[1]:
            return x
        return f"BC{int(m[2]) + 1:04d}" + x[m.end():]
    return "/".join(one(x) for x in edtf.split("/"))


def is_named_period(t: Timex) -> bool:
    return bool(t.anchor) and t.anchor.startswith("named period: ")


def _year(iso: str) -> int:
    return int(iso[:5]) if iso.startswith("-") else int(iso[:4])


def _squash(cue: str) -> str:
    return " ".join(cue.lower().split())


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(s < b and a < e for s, e in spans)
