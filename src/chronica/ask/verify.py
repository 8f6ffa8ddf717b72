"""The last check before an answer is shown: every quote it cites must state the answer,
or let it be worked out from what the quote says.

- a date: the quote writes a date within the answer's ("on 11 December 1913" proves
  "December 1913"), or tells it relative to another date the text gave ("two days
  later"); a quote dated only from its context is kept when the nearest sentence before
  it that writes the date is cited beside it, and dropped otherwise;
- a place or a person: the quote names it (by its name or any alias);
- a number: the quote writes it, in digits or words;
- a duration computed from dates: the quote writes one of the dates.

An answer left without a quote is not given: the caller says it does not know and shows
the nearest passages. Lists (what happened, whatever happened) cite one quote per
listed event and check it as they choose it (``listing._states``: it names the asked
place, and the asked person by name or by a pronoun their paragraph explains);
disagreements cite each source's claim.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..resources.quantities import number_pattern, parse_number
from ..time.edtf import parse_edtf_bounds
from ..whois import _is_name
from .base import Base
from .model import Answer, Cite
from .parse import time_tagger
from .support import evidence_rules, hedged

ANCHOR_REACH = 1500  # how far back (characters) a sentence may give a quote its date
PARAGRAPH_REACH = 600  # ... or its place or person (and only within its paragraph)
_SENTENCE_END = re.compile(r"(?<=[.!?])(?:\[\d+\])*\s+|\n+")  # "[4]": a footnote mark
_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,2}\.$")  # "St.", "Dr.", "Mr." end no sentence
CHECKED = ("when", "where", "who", "how_many", "how_old", "how_long")


def _dates_in(text: str) -> list[tuple[str, str]]:
    return [(t.earliest, t.latest) for t in time_tagger().tag(text).timexes
            if t.type in ("DATE", "TIME") and t.earliest and t.latest]


def _within(inner: tuple[str, str], outer: tuple[str | None, str | None]) -> bool:
    lo, hi = outer
    return lo is not None and hi is not None and iso_key(lo) <= iso_key(inner[0]) and iso_key(inner[1]) <= iso_key(hi)


def iso_key(iso: str) -> tuple[int, ...]:
    """ISO dates compared as numbers: "-0227-05-01" (228 BC) sorts before "0001-01-01"."""
    neg = iso.startswith("-")
    parts = [int(p) for p in iso.lstrip("-").split("T")[0].split("-")[:3]]
    if neg:
        parts[0] = -parts[0]
    return tuple(parts)


def states_date(text: str, edtf: str) -> bool:
    """Does the text write a date lying within the answer's date?"""
    bounds = parse_edtf_bounds(edtf)
    return any(_within(d, bounds) for d in _dates_in(text))


def anchor(base: Base, cite: Cite, says, reach: int = ANCHOR_REACH, paragraph: bool = False) -> Cite | None:
    """The nearest sentence before the quote (same document, within reach; within its
    paragraph when ``paragraph``) for which ``says(sentence)`` holds: where a quote told
    with "there", "he" or no date at all got the place, person or date it stands for."""
    text = (base.texts or {}).get(cite.document)
    if not text:
        return None
    lo = max(0, cite.start - reach)
    if paragraph:
        lo = max(lo, _paragraph_start(text, cite.start))
    cuts = [lo] + [m.end() for m in _SENTENCE_END.finditer(text, lo, cite.start)
                   if not _ABBREVIATION.search(text, max(0, m.start() - 5), m.start())] + [cite.start]
    for a, b in reversed(list(zip(cuts, cuts[1:]))):
        piece = text[a:b].strip()
        if piece and says(piece):
            start = text.index(piece, a)
            return Cite(cite.document, start, start + len(piece), piece, cite.label, None)
    return None


def _paragraph_start(text: str, at: int) -> int:
    """Where the quote's paragraph starts; the paragraph before it too when this one opens
    with a word pointing back ("There he remained ...")."""
    start = text.rfind("\n\n", 0, at) + 1
    first = re.match(r"\s*([^\W\d_]+)", text[start:at + 40])
    if first and first.group(1).casefold() in evidence_rules().anaphors and start > 0:
        start = text.rfind("\n\n", 0, start - 1) + 1
    return start


def _date_cites(base: Base, ans: Answer) -> list[Cite]:
    edtf = str(ans.values[0]) if ans.values else ""
    out: list[Cite] = []
    for c in ans.cites:
        if states_date(c.text, edtf) or base.when_basis(c) == "relative":
            out.append(c)
            continue
        before = anchor(base, c, lambda t: states_date(t, edtf))
        if before is not None:
            out += [c, before]
    return out


def forms_of(base: Base, names: list[str]) -> set[str]:
    """Every name the answer's entities go by, and those of the places inside them (a quote
    naming the Salon Carré puts it in the museum that holds the room). An alias that
    describes rather than names ("Orsolya's father", "the city") is left out: a quote
    giving only the description does not say who or where."""
    wanted = {ent["id"] for n in names for ent in base.by_name.get(n.casefold(), ())}
    inside = {e["id"] for e in base.entities.values() if e.get("type") == "place"
              and wanted & set(base.places_of({"where": e["id"]})[1:])}
    forms = {n.casefold() for n in names}
    for eid in wanted | inside:
        ent = base.entities[eid]
        forms |= {f.casefold() for f in [ent.get("name", "")] + [a for a in ent.get("aliases", ()) if _is_name(a)]
                  if len(f) > 2}
    return {f for f in forms if f}


def _hedged_at(text: str, forms: set[str]) -> bool:
    """The quote names the answer only inside a story told, a rumour or someone's words
    ("The story goes that he went into the café")."""
    low = text.casefold()
    at = [m.start() for f in forms for m in [re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", low)] if m]
    return bool(at) and hedged(text, min(at))


def names_it(text: str, forms: set[str]) -> bool:
    low = text.casefold()
    return any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", low) for f in forms)


def _naming(base: Base, cites: list[Cite], forms: set[str]) -> list[Cite]:
    """The quotes that name the answer; one that does not is kept when a sentence of its
    paragraph just before it does (and is cited beside it): "There he died" after
    "The envoy was taken to Rhodes".
    """
    out: list[Cite] = []
    for c in cites:
        if names_it(c.text, forms):
            out.append(c)
        elif (before := anchor(base, c, lambda t: names_it(t, forms), PARAGRAPH_REACH, paragraph=True)) is not None:
            out += [c, before]
    return out


def numbers_in(text: str) -> set[float]:
    out = set()
    for m in re.finditer(number_pattern(), text, re.IGNORECASE):
        n = parse_number(m.group())
        if n is not None:
            out.add(n)
    return out


def _number_of(value: str) -> float | None:
    m = re.match(r"^\d[\d,]*(?:\.\d+)?", str(value))
    return float(m.group().replace(",", "")) if m else parse_number(str(value))


def _supported(base: Base, ans: Answer) -> list[Cite]:
    kind = ans.question.kind
    if kind == "when":
        return _date_cites(base, ans)
    if kind in ("where", "who"):
        if kind == "who" and set(ans.values) <= {base.name(e) for e in ans.question.entities}:
            return ans.cites  # "who was X?": the quotes describe X, they need not name X again
        forms = forms_of(base, [str(v) for v in ans.values])
        return _naming(base, [c for c in ans.cites if not _hedged_at(c.text, forms)], forms)
    if kind in ("how_long", "how_old") and ans.computed:
        return [c for c in ans.cites if any(states_date(c.text, d) for d in ans.dates)]
    if kind in ("how_many", "how_old") and not ans.computed:
        wanted = {n for v in ans.values if (n := _number_of(v)) is not None}
        return [c for c in ans.cites if wanted & numbers_in(c.text)]
    return ans.cites


def _at_the_place(base: Base, ans: Answer, cites: list[Cite]) -> list[Cite]:
    """A quote answers a question about a happening at a place ("who defeated him at
    Velmora?") only where it, or the text just before it, names that place."""
    places = [e for e in ans.question.entities if base.type(e) == "place"]
    if not places or ans.question.kind == "where":
        return cites
    forms = [forms_of(base, [base.name(p)]) for p in places]
    keep = []
    for c in cites:
        text = (base.texts or {}).get(c.document) or c.text
        lo = max(0, c.start - PARAGRAPH_REACH)  # "arrived to sketch the room": the room is named a little before
        context = text[lo:c.end] if text is not c.text else c.text
        if all(names_it(context, f) for f in forms):
            keep.append(c)
    return keep


def distinct(ans: Answer) -> Answer:
    """The answer citing each span once: two claims or two events told by one sentence
    are one quote (the first, with what it says)."""
    seen, cites = set(), []
    for c in ans.cites:
        if (c.document, c.start, c.end) not in seen:
            seen.add((c.document, c.start, c.end))
            cites.append(c)
    return ans if len(cites) == len(ans.cites) else replace(ans, cites=cites)


def verified(base: Base, ans: Answer | None) -> Answer | None:
    """The answer citing only the quotes that support it, each once; None when none does."""
    if ans is not None:
        ans = distinct(ans)
    if ans is None or ans.status != "answered" or ans.question.kind not in CHECKED:
        return ans
    cites: list[Cite] = []
    for c in _at_the_place(base, ans, _supported(base, ans)):  # a sentence cited beside a quote may hold another quote
        if not any(c.document == k.document and c.start < k.end and k.start < c.end for k in cites):
            cites.append(c)
    return replace(ans, cites=cites) if cites else None
