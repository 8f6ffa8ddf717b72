"""When a happening took place: the sentence's own time expressions, else the
narrative's current time."""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from ..doc import Doc
from ..model import Timex, When
from ..resources import load

_DAY = re.compile(r"^(?P<y>-?\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")
_ISO = re.compile(r"^(-?\d{4,})-(\d{2})-(\d{2})")


def day_key(iso: str | None) -> tuple[int, int, int] | None:
    """An ISO day as a key that orders BC days right ("-0215-12-31" before "-0201-01-01",
    which plain string comparison gets backwards)."""
    m = _ISO.match(iso or "")
    return (int(m[1]), int(m[2]), int(m[3])) if m else None


def before(a: str | None, b: str | None) -> bool:
    """ISO day ``a`` strictly before ``b`` (False when either is missing)."""
    ka, kb = day_key(a), day_key(b)
    return ka is not None and kb is not None and ka < kb


def month_of(when: When) -> When:
    """A day-precise date widened to its month."""
    m = _DAY.match(when.edtf or "")
    if not m:
        return when
    y, mo = m["y"], m["m"]
    last = calendar.monthrange(int(y), int(mo))[1]
    return When(edtf=f"{y}-{mo}", earliest=f"{y}-{mo}-01", latest=f"{y}-{mo}-{last:02d}",
                basis="relative", anchor=when.anchor or when.edtf)


def span_until(start: When, end: When) -> When | None:
    """"remained there (from the story's date) until his death in 1821" -> 1815/1821."""
    if not (start.earliest and end.latest) or before(end.latest, start.earliest):
        return None
    a = start.edtf.split("/")[0]
    b = end.edtf.split("/")[-1]
    if a == b:
        return None
    return When(edtf=f"{a}/{b}", earliest=start.earliest, latest=end.latest,
                basis="relative", anchor=end.anchor or end.edtf)


def open_after(when: When) -> When:
    """"The judges later sentenced her": from the story's date onward, end open."""
    start = (when.edtf or "").split("/")[0]
    if not start or not when.earliest:
        return when
    return When(edtf=f"{start}/..", earliest=when.earliest, latest=None, basis="relative",
                anchor=when.anchor or when.edtf)


def year_of(when: When) -> When | None:
    """A day-precise narrative date says only which year a following happening is
    in: "he arrived on 30 May 1814 ... a few months later, she died" -> 1814."""
    m = _DAY.match(when.edtf or "")
    if not m:
        return when
    y = m["y"]
    return When(edtf=y, earliest=f"{y}-01-01", latest=f"{y}-12-31", basis="inferred",
                anchor=when.anchor or when.edtf)


def story_now(t: Timex) -> bool:
    """"There was now no army left": a word that only points at the story's current
    date (resolved against it), no date of the clause's own."""
    return t.basis == "inferred" and " ".join(t.text.lower().split()) in scene_cues().story_now


def up_to(when: When) -> When:
    """A happening told before the text gives its first date: on or before that date's
    year, how long before the text does not say ("The congress had hardly met ..."
    then, later, "Waterloo (1815)" -> ../1815)."""
    y = year_of(when) or when
    end = (y.edtf or "").split("/")[-1]
    if not end or not y.latest:
        return replace(y, basis="inferred")
    return When(edtf=f"../{end}", earliest=None, latest=y.latest, basis="inferred",
                anchor=when.anchor or when.edtf)


def usable(t: Timex) -> bool:
    return t.type in ("DATE", "TIME") and t.edtf is not None and t.when() is not None


def from_timexes(timexes: list[Timex], anchor_offset: int, doc: Doc | None = None) -> When | None:
    """The time expression nearest the trigger (not a year that is part of a name)."""
    cands = [t for t in timexes if usable(t) and not (doc is not None and name_year(doc, t))
             and not story_now(t)]
    if not cands:
        return None
    if doc is not None:
        # "on 10 May 1402 (or 2 June 1403)", "the duke (later king, in 1440) was beaten in
        # 1421": a date in brackets is an aside when the clause gives one outside them
        lo = min(t.start for t in timexes)
        lo = max(doc.text.rfind(". ", 0, lo), doc.text.rfind("\n", 0, lo), 0)
        outside = [t for t in cands if not in_brackets(doc.text, lo, t.start)]
        if any(t.basis == "explicit" for t in outside):
            cands = outside
    # "in the 3rd month (702), in the 5th year of her reign": a date the text writes
    # out outweighs one counted from another date (a reign's start, "two years later")
    # that falls outside it ("on 9 March 1644 at dawn" keeps the hour)
    written = [t.when() for t in cands if t.basis == "explicit"]
    if written:
        cands = [t for t in cands if t.basis == "explicit" or any(within(t.when(), w) for w in written)]
    best = min(cands, key=lambda t: (abs((t.start + t.end) // 2 - anchor_offset), t.start))
    if doc is not None:
        joined = coordinated(doc, timexes, best)
        if joined is not None:
            return joined
    return best.when()


def coordinated(doc: Doc, timexes: list[Timex], best: Timex) -> When | None:
    """"over the spring and summer of 1655": a bare date joined by "and" to the dated one it
    takes its year from dates one clause with it, so the clause spans both (the later alone
    says too much). Two written dates ("in 1898 and 1905") are two happenings: not joined."""
    for t in timexes:
        a, b = (t, best) if t.end <= best.start else (best, t)
        if t is best or not usable(t) or a.end > b.start:
            continue
        if doc.text[a.end:b.start].strip().lower() not in ("and", "and the", "and in"):
            continue
        first, last = a.when(), b.when()
        if not (first.earliest and last.latest) or not before(first.earliest, last.earliest):
            return None
        if not before(first.latest, last.latest) or a.edtf.count("/") or b.edtf.count("/"):
            return None
        if a.basis == "explicit" or a.anchor != b.text:
            return None  # "in 1898 and 1905" are two happenings; "the spring and summer of 1655" one
        basis = "explicit" if "explicit" in (a.basis, b.basis) else a.basis
        return When(edtf=f"{a.edtf}/{b.edtf}", earliest=first.earliest, latest=last.latest,
                    basis=basis, anchor=last.anchor)
    return None


def within(inner: When, outer: When) -> bool:
    """``inner``'s bounds lie inside ``outer``'s."""
    a, b, c, d = (day_key(x) for x in (inner.earliest, inner.latest, outer.earliest, outer.latest))
    return None not in (a, b, c, d) and c <= a and b <= d


def in_brackets(text: str, lo: int, at: int) -> bool:
    """Is ``at`` inside round or square brackets opened after ``lo``?"""
    depth = 0
    for ch in text[lo:at]:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
    return depth > 0


def date_anchors(doc: Doc, later_preps: frozenset[str] = frozenset()) -> list[tuple[int, When]]:
    """Points where the story's date is known: the narrative time the time tagger set,
    and every dated expression in the body of the text (not a dateline or credit, nor
    the end of a span: "remained there until his death in 1821")."""
    pts = [(o, w) for o, w in doc.narrative_time if w is not None]
    for t in doc.timexes:
        if not usable(t):
            continue
        s = doc.sentence_at(t.start)
        if s is None or s.kind not in ("body", "heading"):
            continue
        if (later_preps and _under_prep(doc, t, later_preps)) or name_year(doc, t):
            pts = [(o, w) for o, w in pts if o != t.start]
            continue
        pts.append((t.start, t.when()))
    pts.sort(key=lambda p: p[0])
    return _without_flashbacks(doc, _without_restatements(doc, _without_asides(pts)))


ASIDE_YEARS = 50  # a date this far from the story, which then goes on where it was, is an aside


def _without_asides(pts: list[tuple[int, When]]) -> list[tuple[int, When]]:
    """A date far from the story's that the story does not follow ("a 6th-century
    chronicler" in a story of 395 and 396; "a similar tale is told of a king buried in
    106 AD" after 410; "until the 19th century, scholars held ..." in a story of 672):
    the next date the text names is back near the story's (or there is none), so the
    story never went there. It and the dates counted from it are no anchors."""
    stated = [(o, w) for o, w in pts if w.basis == "explicit" and _years(w)]
    spans: list[tuple[int, int]] = []  # text ranges whose anchors are dropped
    prev: When | None = None
    for k, (o, w) in enumerate(stated):
        nxt = stated[k + 1] if k + 1 < len(stated) else None
        if prev is not None and _year_gap(w, prev) > ASIDE_YEARS and (
                nxt is None or _year_gap(nxt[1], prev) <= ASIDE_YEARS):
            spans.append((o, nxt[0] if nxt else 1 << 60))
            continue
        prev = w
    return [(o, w) for o, w in pts if not any(a <= o < b for a, b in spans)]


def _years(w: When) -> tuple[int, int] | None:
    a, b = day_key(w.earliest), day_key(w.latest)
    return (a[0], b[0]) if a and b else None


def _year_gap(a: When, b: When) -> int:
    """Years between two dates' bounds (0 when they overlap)."""
    ya, yb = _years(a), _years(b)
    if ya is None or yb is None:
        return 0
    return max(0, ya[0] - yb[1], yb[0] - ya[1])


def _without_restatements(doc: Doc, pts: list[tuple[int, When]]) -> list[tuple[int, When]]:
    """A time expression the tagger resolved against the story's own date ("at the
    time", "that summer", "now") moves the story only forward (back to the present
    after a flashback: "Now, ..."). One that would take it back, or widen its day to
    a season, restates the story's date: the tagger resolved it against a stale
    reference or a coarser one."""
    inferred_at = {t.start for t in doc.timexes if t.basis == "inferred"}
    out: list[tuple[int, When]] = []
    for o, w in pts:
        cur = out[-1][1] if out else None
        if o in inferred_at and w.basis == "inferred" and cur is not None and cur.earliest and cur.latest \
                and w.earliest and w.latest:
            back = before(w.latest, cur.earliest)
            wider = not before(cur.earliest, w.earliest) and not before(w.latest, cur.latest) and (
                w.earliest, w.latest) != (cur.earliest, cur.latest)
            if back or wider:
                continue
        out.append((o, w))
    return out


def _without_flashbacks(doc: Doc, pts: list[tuple[int, When]]) -> list[tuple[int, When]]:
    """A date told in the pluperfect before the story's current date ("his uncle had
    been the target of a plot in 1911", told of 1914) is backstory: the story stays
    where it was."""
    out: list[tuple[int, When]] = []
    for o, w in pts:
        cur = out[-1][1] if out else None
        if cur is not None and before(w.latest, cur.earliest) and _pluperfect(doc, o):
            continue
        out.append((o, w))
    return out


def _pluperfect(doc: Doc, offset: int) -> bool:
    if doc.spacy is None:
        return False
    span = doc.spacy.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    verb = next((a for a in [span.root, *span.root.ancestors] if a.pos_ in ("VERB", "AUX")
                 and a.dep_ not in ("aux", "auxpass")), None)
    return verb is not None and verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BARE_YEAR = re.compile(r"^\d{4}$")


def name_year(doc: Doc, t: Timex) -> bool:
    """A bare year that is part of a name ("a Model 1910 pistol", "Class 1905"):
    a capitalised word right before it that is neither a month nor a sentence start."""
    if not _BARE_YEAR.match(t.text.strip()) or doc.spacy is None:
        return False
    span = doc.spacy.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc.spacy[span.start - 1]
    return (prev.pos_ == "PROPN" and prev.text[:1].isupper() and not prev.is_sent_start
            and prev.lower_ not in _MONTHS and prev.ent_type_ not in ("GPE", "LOC", "FAC")
            and not any(m.type == "place" and m.start <= prev.idx < m.end for m in doc.mentions))


_MONTHS = frozenset(calendar.month_name[i].lower() for i in range(1, 13)) | frozenset(
    calendar.month_abbr[i].lower() for i in range(1, 13)) | frozenset(d.lower() for d in calendar.day_name) | frozenset(
    load("events/clause_words.yaml")["date_words"])


def _under_prep(doc: Doc, t: Timex, preps: frozenset[str]) -> bool:
    if doc.spacy is None:
        return False
    span = doc.spacy.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    return any(a.pos_ == "ADP" and a.lower_ in preps for a in span.root.ancestors)


def inferred(doc: Doc, offset: int, anchors: list[tuple[int, When]] | None = None,
             near: bool = False, scene_start: int | None = None, same_day: bool = False,
             paragraph_start: int | None = None) -> When | None:
    """The story's current date at ``offset`` (basis inferred): the latest date given
    before it; before the first, the first date the text gives (it frames the story).
    Day-precise dates are widened to their year (to their month when the clause says
    it followed closely: ``near``) -- unless the day was given in the same paragraph
    (``scene_start``): a scene told right after "On the night of July 14, 1789" is
    that night, and so is what followed it "shortly after" (``same_day``).
    When the latest date was given in an earlier paragraph (``paragraph_start``) and
    the text next names a year several years later (a story told year by year keeps
    its year), the happening lies somewhere between the two: those bounds, not a
    guess at the first year (say less rather than say wrong)."""
    pts = date_anchors(doc) if anchors is None else anchors
    w = _current(doc, offset, pts, near, scene_start, same_day)
    # "immediately" narrows only a day (to its month); after a bare year it says no
    # more than any undated clause, and the bounds below apply to it as well
    if w is None or paragraph_start is None:
        return w
    w = _between_dates(doc, offset, pts, w, paragraph_start)
    # a month (no year-wide bounds above) says only its year past its scene
    return _month_left_behind(w, offset, pts, min(paragraph_start, scene_start or paragraph_start))


def _between_dates(doc: Doc | None, offset: int, pts: list[tuple[int, When]], w: When,
                   paragraph_start: int) -> When:
    """A year given paragraphs back, before a later year the text names next: both bounds."""
    # where the text last named a date (not "now", "at that time", which only restate it)
    last = max((o for o, x in pts if o <= offset and x.basis != "inferred"), default=None)
    if last is None or last >= paragraph_start:
        return w
    if doc is not None and len(_BLANK_LINE.findall(doc.text, last, paragraph_start)) < CARRIED_PARAGRAPHS + 1:
        return w  # the paragraph right after the date's goes on with its story
    later = [x for o, x in pts if o > offset and x.basis != "inferred"]  # not "now", "at that time"
    return _until_next_year(w, later + _title_period(doc, pts))


def _month_left_behind(w: When, offset: int, pts: list[tuple[int, When]], paragraph_start: int) -> When:
    """A month the text gave in an earlier paragraph says only the year of what follows
    ("in October 1533 the fleet lay off the harbour ..." then, a paragraph on, "After
    long talks, the townsfolk paid"): like a day, it is not carried past its scene.
    "Soon after" there follows the last happening told, not that month's day."""
    m = re.match(r"^(-?\d{4})-(\d{2})$", w.edtf or "")
    last, value = None, None
    for o, x in pts:  # where the current date was set ("this time", "now" only restate it)
        if o <= offset and x.edtf != value:
            last, value = o, x.edtf
    if not m or last is None or last >= paragraph_start or int(m[2]) > 12:
        return w  # not a month (a season is 21-24), or given in this paragraph
    y = m[1]
    return When(edtf=y, earliest=f"{y}-01-01", latest=f"{y}-12-31", basis="inferred", anchor=w.anchor or w.edtf)


def _title_period(doc: Doc | None, pts: list[tuple[int, When]]) -> list[When]:
    """The period a title or heading above the text's first sentence gives ("King from
    394-410", "The War of 1652-1654"): the story ends by its end."""
    if doc is None:
        return []
    first = next((s.start for s in doc.sentences if s.kind == "body"), None)
    return [w for o, w in pts if first is not None and o < first and "/" in (w.edtf or "")
            and w.latest and ".." not in w.edtf][:1]


CARRIED_PARAGRAPHS = 1  # a date carries this many paragraphs past its own before bounds widen
YEARS_UNTOLD = 2  # a jump this long between a text's dates leaves the years between untold


def _until_next_year(w: When, later: list[When]) -> When:
    """A year-wide inferred date stretched to the year the text names next, when later."""
    m = re.match(r"^(-?\d{4})$", w.edtf or "")
    nxt = next((x for x in later if x.earliest and x.latest), None)
    if not m or nxt is None:
        return w
    period = "/" in (nxt.edtf or "")  # the title's period: the story ends by its end
    y = re.match(r"^(-?\d{4})", nxt.latest if period else nxt.earliest)
    if not y or int(y[1]) - int(m[1]) < YEARS_UNTOLD or not before(w.latest, nxt.latest):
        return w
    if period and before(w.earliest, nxt.earliest):
        return w  # the story is not inside the period
    end = year_of(nxt) or nxt
    return When(edtf=f"{m[1]}/{y[1]}", earliest=w.earliest, latest=end.latest, basis="inferred",
                anchor=w.anchor)


def _current(doc: Doc, offset: int, pts: list[tuple[int, When]], near: bool, scene_start: int | None,
             same_day: bool) -> When | None:
    before = [(o, w) for o, w in pts if o <= offset]
    if before and (not near or same_day) and scene_start is not None and before[-1][0] >= scene_start \
            and _DAY.match(before[-1][1].edtf or ""):
        ref = before[-1][1]
        return replace(ref, basis="inferred", anchor=ref.anchor or ref.edtf)
    before = [w for _, w in before]
    if before:
        ref = before[-1]
    else:
        after = [(o, w) for o, w in pts if o > offset]
        if not after:
            return None
        o, first = after[0]
        if doc is not None and not _BLANK_LINE.search(doc.text, offset, o):
            return replace(year_of(first) or first, basis="inferred")  # its own paragraph gives the date
        return up_to(first)
    if near and _DAY.match(ref.edtf or ""):
        return month_of(ref)
    w = year_of(ref)
    if w is None:
        return None
    return replace(w, basis="inferred", anchor=w.anchor or ref.edtf)


# --------------------------------------------------------------- scenes --

@dataclass(frozen=True)
class SceneCues:
    day_parts: frozenset[str]  # "morning", "a.m.": a time expression that tells an hour
    day_phrases: tuple[str, ...]  # "that day": one that keeps to the story's day
    same_day: tuple[str, ...]  # "shortly after": on the scene's own day
    story_now: frozenset[str]  # "now", "at that time": only the story's current date


@functools.cache
def scene_cues() -> SceneCues:
    raw = load("events/scene.yaml")
    return SceneCues(frozenset(str(x).lower() for x in raw["day_parts"]),
                     tuple(str(x).lower() for x in raw["day_phrases"]),
                     tuple(sorted((str(x).lower() for x in raw["same_day_cues"]), key=len, reverse=True)),
                     frozenset(str(x).lower() for x in raw["story_now"]))


def tells_hour(t: Timex, text: str = "") -> bool:
    """A clock time or a part of the day ("10 a.m.", "that evening", "on Sunday"),
    by its value or by its own words and the noun right after them ("that summer
    morning", "earlier that day"); ``text``: the document's text."""
    if t.type == "TIME" or _CLOCK_VALUE.search(t.value or ""):
        return True
    words = t.text.lower()
    if text:
        nxt = re.match(r"\s*([A-Za-z][\w.']*)", text[t.end:t.end + 20])
        words += " " + nxt[1].lower() if nxt else ""
    cues = scene_cues()
    return any(w in cues.day_parts for w in re.findall(r"[a-z][a-z.']*", words)) or \
        any(p in words for p in cues.day_phrases)


_CLOCK_VALUE = re.compile(r"^[\dX]{4}-[\dX]{2}-[\dX]{2}T|-W[\dX]{2}-\d")  # TIMEX3: 1865-04-14TEV, XXXX-WXX-7


def same_day(clause: str) -> bool:
    """A clause that says it followed on the spot ("The two guards fell shortly after")."""
    text = f" {clause.lower()} "
    return any(re.search(rf"(?<![a-z]){re.escape(c)}(?![a-z])", text) for c in scene_cues().same_day)


# ------------------------------------------------------------ durations --

@dataclass(frozen=True)
class Duration:
    """How long a happening lasted: ``n`` months or ``n`` days."""

    n: int
    unit: str  # "months" | "days"
    nights: bool = False  # counted in nights: "two nights" from the 14th end on the 16th


@dataclass(frozen=True)
class _DurationCues:
    months: dict[str, int]
    days: dict[str, int]
    counts: dict[str, int]
    spending: frozenset[str]


@functools.cache
def _duration_cues() -> _DurationCues:
    raw = load("events/durations.yaml")
    return _DurationCues({str(k): int(v) for k, v in raw["units_months"].items()},
                         {str(k): int(v) for k, v in raw["units_days"].items()},
                         {str(k): int(v) for k, v in raw["counts"].items()},
                         frozenset(str(x) for x in raw["spending_verbs"]))


def duration_of(anchor) -> Duration | None:
    """The verb's own measure of time: "remained for four years" (a "for" phrase),
    "spent the next year" (the object of a spending verb)."""
    cues = _duration_cues()
    # the "for" phrase may hang on the verb or on its place ("slept in a barn for two nights")
    heads = [anchor] + [g for c in anchor.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    nouns = [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
             for g in c.children if g.dep_ == "pobj"]
    # "for a couple of years": the unit is the count's object
    nouns += [g for n in nouns if n.lemma_.lower() in cues.counts for c in n.children
              if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if anchor.lemma_.lower() in cues.spending:
        nouns += [c for c in anchor.children if c.dep_ in ("dobj", "npadvmod")]
    for noun in nouns:
        lemma = noun.lemma_.lower()
        if lemma not in cues.months and lemma not in cues.days:
            continue
        n = _count(noun, cues) or (cues.counts.get(noun.head.head.lower_) if noun.head.lower_ == "of" else None)
        if n is None:
            continue
        return Duration(n * cues.months[lemma], "months") if lemma in cues.months else \
            Duration(n * cues.days[lemma], "days", nights=lemma == "night")
    return None


def _count(noun, cues: _DurationCues) -> int | None:
    found = []
    for c in noun.children:
        w = c.lower_
        if c.dep_ in ("nummod", "det", "amod", "quantmod") and w in cues.counts:
            found.append(cues.counts[w])
        elif c.dep_ == "nummod" and w.isdigit():
            found.append(int(w))
    if found:
        return max(found)  # "the next several months": the count, not "next"
    return 1 if noun.tag_ == "NN" and any(c.lower_ in ("a", "an", "the") for c in noun.children) else None


def lasting(start: When, d: Duration) -> When | None:
    """From the story's date for ``d``: a day-precise start counts days ("two nights"
    from 14 April), a year or wider start counts whole years ("four years" from 1929 ->
    1929/1933; "six months" from 1933 -> 1933/1934)."""
    first = (start.edtf or "").split("/")[0]
    if _covers(start, d):
        return start  # "there for two years" under "Chile, 1851-1853": the period says it
    day = _DAY.match(first)
    if d.unit == "days":
        if not day or d.n < 1:
            return None
        a = dt.date(int(day["y"]), int(day["m"]), int(day["d"]))
        # "for three days" from the 12th: the 12th, 13th and 14th; nights end the morning after
        b = a + dt.timedelta(days=d.n if d.nights else max(d.n - 1, 0))
        edtf = a.isoformat() if a == b else f"{a.isoformat()}/{b.isoformat()}"
        return When(edtf=edtf, earliest=a.isoformat(), latest=b.isoformat(),
                    basis="relative", anchor=start.anchor or start.edtf)
    y = re.match(r"^(-?\d{4})", first)
    if not y:
        return None
    y0 = int(y[1])
    a, b = _year(y0), _year(y0 + max(1, -(-d.n // 12)))
    return When(edtf=f"{a}/{b}", earliest=f"{a}-01-01", latest=f"{b}-12-31",
                basis="relative", anchor=start.anchor or start.edtf)


def _year(n: int) -> str:
    """An astronomical year as EDTF writes it (-0215 for 216 BC)."""
    return f"-{-n:04d}" if n < 0 else f"{n:04d}"


def _covers(period: When, d: Duration) -> bool:
    """A period of years that the stated duration (nearly) fills."""
    m = re.match(r"^(\d{4})/(\d{4})$", period.edtf or "")
    return bool(m) and d.unit == "months" and d.n >= 12 * (int(m[2]) - int(m[1]) - 1)
