"""A biography's lifespan in its lead: "X (25 July 1894 – 28 April 1918) was ...".

The parenthesis gives the person's birth and death dates. They date the birth and
death the text tells (or make those events when it tells none), and the birth
starts the story's chronology: the early-life section is not dated by the death
year the lead mentions last.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from ..doc import Doc
from ..model import Span, When

_MONTH = "|".join(calendar.month_name[i] for i in range(1, 13))
_DATE = rf"(?:(?:c\.\s*)?\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}}|(?:{_MONTH})\s+\d{{1,2}},\s*\d{{4}}|(?:c\.\s*)?\d{{3,4}})"
# the dash is sometimes lost in extracted text ("12 March 186130 May 1922", "812866 AD");
# a birth year may come with its alternative ("812 (or 814)"), the death year with its era
# ("410 AD"; a BC lifespan is not read here: its years count down)
# the lifespan closes the parenthesis (a footnote mark may follow it: "1403)[1] was")
_LIFESPAN = re.compile(rf"(?<=[(;,\s])(?P<born>{_DATE})(?:\s*\(or\s+(?P<born_alt>{_DATE})\))?\s*(?:[–—-]|to)?\s*"
                       rf"(?P<died>{_DATE})(?:\s*(?:AD|CE|A\.D\.))?\s*\)(?:\[\d+\])*(?:\s+(?:was|is)\b|,)")
_DMY = re.compile(rf"^(?:c\.\s*)?(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})\s+(?P<y>\d{{4}})$")
_MDY = re.compile(rf"^(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}),\s*(?P<y>\d{{4}})$")
_MONTHS = {calendar.month_name[i]: i for i in range(1, 13)}


@dataclass(frozen=True)
class Lifespan:
    person: str | None  # entity key of the person the parenthesis follows
    born: When
    died: When
    born_span: Span
    died_span: Span
    lead_end: int  # end of the lead paragraph


def find_lifespan(doc: Doc, paragraphs: list[tuple[int, int]], people: set[str]) -> Lifespan | None:
    """The lifespan in the first body paragraph, right after a person's name."""
    first = next((s for s in doc.sentences if s.kind == "body"), None)
    if first is None:
        return None
    lead = next(((a, b) for a, b in paragraphs if a <= first.start < b), None)
    if lead is None:
        return None
    text = doc.text[lead[0]:lead[1]]
    m = _LIFESPAN.search(text)
    if m is None:
        return None
    opened = _opening(text, m.start("born"))
    if opened is None or not re.fullmatch(r"\s*|(?:\s*\S.*?[;,]\s*)", text[opened + 1:m.start("born")], re.S):
        return None  # inside the parenthesis, the lifespan comes first or after a ";" / ","
    born, died = to_when(m["born"]), to_when(m["died"])
    if born is not None and m["born_alt"]:
        born = either_year(born, to_when(m["born_alt"]))
    if born is None or died is None or born.earliest > died.earliest:
        return None
    paren = lead[0] + opened
    person = next((x.entity for x in sorted(doc.mentions, key=lambda x: -x.end)
                   if x.entity in people and x.end <= paren and not doc.text[x.end:paren].strip()), None)
    if person is None and m.group(0).endswith(","):
        return None  # "the war (1914-1918), ...": only a name's parenthesis is a lifespan
    b0, d0 = lead[0] + m.start("born"), lead[0] + m.start("died")
    return Lifespan(person, born, died, Span(b0, b0 + len(m["born"]), m["born"]),
                    Span(d0, d0 + len(m["died"]), m["died"]), lead[1])


def _opening(text: str, at: int) -> int | None:
    """The "(" left open before ``at`` (nested parentheses skipped: "X (nicknamed Y
    (Turkish: Z); 1360 - 1403)")."""
    depth = 0
    for i in range(at - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            if depth == 0:
                return i
            depth -= 1
    return None


def to_when(text: str) -> When | None:
    text = text.strip()
    m = _DMY.match(text) or _MDY.match(text)
    if m:
        iso = f"{int(m['y']):04d}-{_MONTHS[m['m']]:02d}-{int(m['d']):02d}"
        return When(edtf=iso, earliest=iso, latest=iso, basis="explicit")
    y = re.fullmatch(r"(c\.\s*)?(\d{3,4})", text)
    if y:
        year = f"{int(y[2]):04d}"
        return When(edtf=year + ("~" if y[1] else ""), earliest=f"{year}-01-01", latest=f"{year}-12-31",
                    basis="explicit")
    return None


def either_year(first: When, other: When | None) -> When:
    """"812 (or 814)": a year the text gives two readings of, both bounds."""
    if other is None or not re.fullmatch(r"\d{4}~?", first.edtf) or not re.fullmatch(r"\d{4}~?", other.edtf):
        return first
    a, b = sorted((first, other), key=lambda w: w.earliest)
    if a.earliest == b.earliest:
        return first
    return When(edtf=f"{a.edtf.rstrip('~')}/{b.edtf.rstrip('~')}", earliest=a.earliest, latest=b.latest,
                basis="explicit")


def year_only(when: When) -> When:
    if "/" in when.edtf:  # "812 (or 814)": already years
        return When(edtf=when.edtf, earliest=when.earliest, latest=when.latest, basis="inferred", anchor=when.edtf)
    y = when.edtf[:4]
    return When(edtf=y, earliest=f"{y}-01-01", latest=f"{y}-12-31", basis="inferred", anchor=when.edtf)


# "he was born in ...", or a sentence opened by "Born" ("Born in a mill by the river, she ...")
_BORN = re.compile(r"\b(?:was|is)\s+born\b|(?:^|(?<=[.!?]\s)|(?<=\n))Born\b", re.M)


def birth_anchor(doc: Doc, life: Lifespan) -> tuple[int, When] | None:
    """Where the story reaches the birth: the first "was born" (or "Born ...") after the
    lead starts its chronology at the birth year."""
    m = _BORN.search(doc.text, life.lead_end)
    if m is None:
        return None
    sent = doc.sentence_at(m.start())
    if sent is None or sent.kind != "body":
        return None
    return sent.start, year_only(life.born)
