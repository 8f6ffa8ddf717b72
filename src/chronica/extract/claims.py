"""Checkable statements (document component ``extract_claims``): the figures and facts
that two sources, or one source with itself, can disagree about.

* dates of events (one claim per dated event) and life spans ("Clara (1931-2019)");
* durations ("nine months at Avignon", "three years", "a voyage of ten days") in days,
  with the range a rounded or approximate wording allows;
* counts ("700 loyal men"), ages ("the now 45-year-old");
* outcomes (harmed / killed, with negation: "none of the crew was hurt");
* attributes: the weapon of an attack.

Claims in a paragraph that tells a myth only to refute it are not the source's own
assertions and are left out. Word lists are data (``lang/en/claims/``).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .. import resources
from ..doc import Doc
from ..model import Claim, LocalEvent, Mention, Span, When
from ..components import component
from ..resources import load
from ..resources.context import TextContext
from ..resources.quantities import (
    Duration, duration_from_value, durations, make_duration, number_pattern, numbers, parse_number, rounding, unit_of,
)

_YEARISH = re.compile(r"^(1\d{3}|20\d{2})$")
_COUNTS = resources.load("claims/counts.yaml")


# ------------------------------------------------------------------ text helpers --

def sentence_bounds(doc: Doc, offset: int) -> tuple[int, int]:
    s = doc.sentence_at(offset)
    if s is not None:
        return s.start, s.end
    # no segmentation (tests): the stretch between sentence-final punctuation
    text = doc.text
    a = max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset))
    b_candidates = [i for i in (text.find(". ", offset), text.find("\n", offset)) if i >= 0]
    b = min(b_candidates) + 1 if b_candidates else len(text)
    return a + 1 if a >= 0 else 0, b


def in_body(doc: Doc, offset: int) -> bool:
    s = doc.sentence_at(offset)
    return s is None or s.kind in ("body", "heading", "title", "dateline")


def person_mentions(doc: Doc) -> list[Mention]:
    return [m for m in doc.mentions if m.type in ("person", "group") and m.entity and not m.cited]


def nearest_person(doc: Doc, start: int, end: int, lo: int, hi: int) -> str | None:
    """Entity key of the person mention nearest the span within [lo, hi)."""
    best, best_d = None, None
    for m in person_mentions(doc):
        if m.start < lo or m.end > hi or (m.start < end and start < m.end):
            continue
        d = start - m.end if m.end <= start else m.start - end
        if best_d is None or d < best_d:
            best, best_d = m.entity, d
    return best


def event_at(doc: Doc, start: int, end: int, kinds: tuple[str, ...] | None = None) -> LocalEvent | None:
    """The event whose evidence holds the span (the tightest one)."""
    hits = [e for e in doc.events
            if e.evidence.start <= start and end <= e.evidence.end and not e.staged
            and (kinds is None or e.kind in kinds)]
    if not hits:
        return None
    return min(hits, key=lambda e: (e.negated, e.evidence.end - e.evidence.start))


def make_span(doc: Doc, start: int, end: int) -> Span:
    return Span(start, end, doc.text[start:end])


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# ------------------------------------------------------------------ dates --

def date_claims(doc: Doc) -> list[Claim]:
    out = []
    for ev in doc.events:
        if ev.when is None or ev.staged or ev.negated:
            continue
        out.append(Claim("date", "date", ev.when.edtf, ev.evidence, subject=ev.who[0] if ev.who else None,
                         event=ev.key, when=ev.when, approximate=ev.when.basis != "explicit"))
    return out


_LIFESPAN = re.compile(r"\s*\((?:b\.\s*|born\s+)?(?:c\.\s*)?(?P<born>\d{3,4})(?:\s*[-–—]\s*(?:c\.\s*)?(?P<died>\d{3,4}))?\)")


def lifespan_claims(doc: Doc) -> list[Claim]:
    """'Clara (1931-2019)': a birth (and death) year given beside a name."""
    out = []
    for m in doc.mentions:
        if m.type != "person" or not m.entity:
            continue
        lm = _LIFESPAN.match(doc.text, m.end)
        if not lm:
            continue
        span = make_span(doc, m.start, lm.end())
        for prop in ("born", "died"):
            y = lm[prop]
            if y:
                when = When(y, f"{int(y):04d}-01-01", f"{int(y):04d}-12-31", "explicit")
                out.append(Claim("date", prop, y, span, subject=m.entity, when=when))
    return out


# ------------------------------------------------------------------ durations --

@lru_cache(maxsize=1)
def _duration_regex() -> re.Pattern:
    d = durations()
    cue = _alternation(d["approx"])
    vague = _alternation(numbers()["vague"])
    units = r"hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centuries|century"
    num = number_pattern()
    return re.compile(
        rf"(?<![\w-])(?:(?P<cue>{cue})\s+)?(?:(?P<vague>{vague})|(?P<num>{num})|(?P<art>an?))\s+"
        rf"(?:(?:long|full|whole|more|miserable|further|\w+ful)\s+)?(?P<unit>{units})(?![\w-])"
        # a compound figure: "a year and fifteen days", "two years and a half"
        rf"(?:,?\s+and\s+(?:(?P<half>a\s+half)|(?P<num2>{num})\s+(?P<unit2>{units}))(?![\w-]))?",
        re.IGNORECASE,
    )


_NOT_A_SPAN = re.compile(r"\s*(?:later|earlier|before|ago|afterwards?|hence|after\b|into\b|old|-old|of age)",
                         re.IGNORECASE)
_PLACE_AFTER = re.compile(r"\s+(?:" + "|".join(_COUNTS["place_phrases"]) + r")\s+", re.IGNORECASE)


def duration_claims(doc: Doc) -> list[Claim]:
    out: list[Claim] = []
    text = doc.text
    ctx = TextContext(text)
    d = durations()
    stay = re.compile(r"(?<!\w)(?:" + _alternation(d["stay_words"]) + r")(?!\w)", re.IGNORECASE)
    journey = re.compile(r"(?<!\w)(?:" + _alternation(d["journey_words"]) + r")(?!\w)", re.IGNORECASE)
    timex_values = {(t.start, t.end): t.value for t in doc.timexes if t.type == "DURATION"}
    for m in _duration_regex().finditer(text):
        if not in_body(doc, m.start()) or ctx.refuted(m.start()):
            continue
        if _NOT_A_SPAN.match(text, m.end()) or text[m.end():m.end() + 1] == "-":
            continue
        if _is_name(text, m.start(), m.end(), sentence_bounds(doc, m.start())[0]):
            continue  # "the Five Days": a name, not a measured duration
        unit = unit_of(m["unit"])
        if unit is None:
            continue
        if m["art"] and _rate(text, m.start()):
            continue  # "twice a year": a rate
        dur = _measured(m, unit, timex_values)
        if dur is None:
            continue
        end, placed = _place_end(doc, m.end())
        s0, s1 = sentence_bounds(doc, m.start())
        prop = _duration_kind(text, s0, s1, m, placed, stay, journey)
        ev = event_at(doc, m.start(), end)
        subject = (ev.who[0] if ev and ev.who else None) or nearest_person(doc, m.start(), end, s0, s1)
        out.append(Claim(
            "duration", prop, text[m.start():m.end()], make_span(doc, m.start(), end),
            subject=subject, event=ev.key if ev else None, number=round(dur.days, 3),
            low=round(dur.low, 3), high=round(dur.high, 3), approximate=dur.approximate,
        ))
    return out


def _measured(m: re.Match, unit: str, timex_values: dict):
    """How long a duration match says (None when its figure does not read)."""
    if m["vague"]:
        lo, hi = numbers()["vague"][m["vague"].casefold()]
        return make_duration((lo + hi) / 2, unit, vague=(lo, hi))
    if m["art"] or m["num2"] or m["half"]:
        return _compound(m, unit)
    count = parse_number(m["num"])
    value = _timex_value(timex_values, m.start("num"), m.end())
    if value and duration_from_value(value):
        count, unit = duration_from_value(value)
    if count is None:
        return None
    return make_duration(count, unit, m["cue"])


def _place_end(doc: Doc, end: int) -> tuple[int, bool]:
    """Where the evidence of a duration ends: after the place that follows it ("two
    years in Lisbon"), if one does."""
    pm = _PLACE_AFTER.match(doc.text, end)
    if pm:
        place_end = place_after(doc, pm.end())
        if place_end:
            return place_end, True
    return end, False


def _duration_kind(text: str, s0: int, s1: int, m: re.Match, placed: bool, stay: re.Pattern,
                   journey: re.Pattern) -> str:
    """What a duration measures: a term held, a journey, a stay, or just a duration."""
    sentence = text[s0:s1]
    rel = m.start() - s0
    held = _held(text, s0, m.start(), m.end())
    if held:
        return held
    if journey.search(sentence[max(0, rel - 60):rel + 40]):
        return "journey"
    if placed or stay.search(sentence):
        return "stay"
    return "duration"


def _compound(m: re.Match, unit: str):
    """"a year and fifteen days", "a week", "two years and a half": the count 1 written
    as an article, and a second figure in a finer unit (its rounding is the figure's)."""
    count = 1.0 if m["art"] else parse_number(m["num"] or "")
    if count is None:
        return None
    if not (m["num2"] or m["half"]):
        dur = make_duration(count, unit)
        loose = unit in durations()["loose_units"]
        return replace(dur, approximate=True) if loose else dur
    per = durations()["units"][unit]
    if m["half"]:
        days, tol = (count + 0.5) * per, 0.25 * per
        return Duration(days, days - tol, days + tol, unit, count + 0.5, False)
    unit2 = unit_of(m["unit2"])
    count2 = parse_number(m["num2"])
    if unit2 is None or count2 is None:
        return None
    per2 = durations()["units"][unit2]
    days = count * per + count2 * per2
    return Duration(days, days - 0.5 * per2, days + 0.5 * per2, unit2, count2, False)


def _rate(text: str, start: int) -> bool:
    before = text[max(0, start - 12):start].split()
    return bool(before) and before[-1].casefold() in durations()["rate_before"]


@lru_cache(maxsize=1)
def _held_res() -> dict[str, list[re.Pattern]]:
    d = durations()
    out = {}
    for prop in ("term", "detention"):
        for key, pats in d[prop].items():
            out[f"{prop}.{key}"] = [re.compile(p, re.IGNORECASE) for p in pats]
    return out


def _held(text: str, s0: int, start: int, end: int) -> str | None:
    """"term" for a prison sentence, "detention" for time someone was held, else None."""
    res = _held_res()
    before, after = text[max(s0, start - 80):start], text[end:end + 60]

    def hit(key: str, t: str) -> bool:
        return any(p.search(t) for p in res[key])

    if hit("term.before", before) or (hit("term.give_before", before) and hit("term.custody_after", after)):
        return "term"
    if hit("detention.not_before", before):
        return None
    if hit("detention.before", before) or hit("detention.custody_after", after):
        return "detention"
    return None


_CAPS = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


def place_after(doc: Doc, offset: int) -> int | None:
    """End of the place named at ``offset``: a place mention, or capitalised words the
    document elsewhere uses as a place name (NER may have glued them to a neighbour)."""
    m = next((x for x in doc.mentions if x.start == offset and x.type == "place"), None)
    if m:
        return m.end
    cm = _CAPS.match(doc.text, offset)
    if not cm:
        return None
    names = {a for e in doc.entities if e.type == "place" for a in [e.name, *e.aliases]}
    words = cm.group(0).split()
    for k in range(len(words), 0, -1):
        cand = " ".join(words[:k])
        if cand in names:
            return offset + len(cand)
    return None


def _is_name(text: str, start: int, end: int, s0: int) -> bool:
    """A capitalised figure inside a sentence ("her Thousand Days") is a name."""
    words = re.findall(r"[^\W\d_]+", text[start:end])
    if not words or not all(w[:1].isupper() for w in words):
        return False
    return text[s0:start].strip() != "" or len(words) >= 2  # "A Century On": a title


def _timex_value(values: dict[tuple[int, int], str], start: int, end: int) -> str | None:
    for (a, b), v in values.items():
        if a <= start and end <= b + 1 or (start <= a and b <= end):
            return v
    return None


# ------------------------------------------------------------------ ages --

@lru_cache(maxsize=1)
def _age_regex() -> re.Pattern:
    num = number_pattern()
    return re.compile(
        rf"(?<![\w-])(?P<num>{num})[\s-]+years?[\s-]+old(?![\w])"
        rf"|(?<![\w-])aged\s+(?P<num2>{num})(?![\w-])"
        rf"|(?<![\w-])at\s+(?:the\s+)?age\s+(?:of\s+)?(?P<num3>{num})(?![\w-])",
        re.IGNORECASE,
    )


def age_claims(doc: Doc) -> list[Claim]:
    out = []
    text = doc.text
    ctx = TextContext(text)
    for m in _age_regex().finditer(text):
        if not in_body(doc, m.start()) or ctx.refuted(m.start()):
            continue
        raw = m["num"] or m["num2"] or m["num3"]
        age = parse_number(raw)
        if age is None or not 0 < age < 125:
            continue
        s0, s1 = sentence_bounds(doc, m.start())
        subject = age_subject(doc, m.start(), m.end(), s0, s1)
        if subject is None:
            continue
        out.append(Claim("age", "age", str(int(age)), make_span(doc, m.start(), m.end()), subject=subject,
                         event=(ev.key if (ev := event_at(doc, m.start(), m.end())) else None),
                         number=age, low=age, high=age, when=reference_date(doc, m.start(), s0, s1, ev)))
    return out


def age_subject(doc: Doc, start: int, end: int, s0: int, s1: int) -> str | None:
    """Who an age is about: an apposition before it, the name right after it, or the
    person the text was last talking about."""
    people = person_mentions(doc)
    before = [p for p in people if s0 <= p.start and p.end <= start]
    if before and re.fullmatch(r"\s*[,\-–—(]\s*(?:a|an|the)?\s*", doc.text[before[-1].end:start]):
        return before[-1].entity
    after = [p for p in people if end <= p.start < min(s1, end + 40)]
    if after and re.fullmatch(r",?[\s\w-]*", doc.text[end:after[0].start]) and \
            not re.search(r"\b(?:and|or|with|of|by|to|for|from)\b", doc.text[end:after[0].start]):
        return after[0].entity
    earlier = [p for p in people if p.end <= start and p.start >= s0 - 600]
    if earlier and re.search(r"\b(?:the|this|that)\s+(?:now\s+)?$", doc.text[max(s0, start - 12):start], re.I):
        return earlier[-1].entity  # "the now 60-year-old": an anaphor for the current topic
    return None


def reference_date(doc: Doc, offset: int, s0: int, s1: int, ev: LocalEvent | None) -> When | None:
    """The date an age holds at: the event's, a date in the sentence, or the narrative's now."""
    if ev is not None and ev.when is not None:
        return ev.when
    dates = [t for t in doc.timexes if t.type == "DATE" and s0 <= t.start < s1 and t.edtf]
    if dates:
        t = min(dates, key=lambda t: abs(t.start - offset))
        return t.when()
    return doc.reference_at(offset)


# ------------------------------------------------------------------ counts --

@lru_cache(maxsize=1)
def _count_regex() -> re.Pattern:
    num = number_pattern()
    cue = _alternation(durations()["approx"])
    return re.compile(
        rf"(?<![\w,.-])(?:(?P<cue>{cue})\s+)?(?:between\s+(?P<lo>{num})\s+and\s+|(?P<lo2>{num})\s*(?:-|–|to)\s*)?"
        rf"(?P<num>{num})\s+(?P<adj>(?:[a-z]+\s+){{0,2}}?)(?P<noun>[a-z]+s|" + "|".join(_COUNTS["plural_nouns"]) + r")\b",
    )


_NOT_COUNTED = frozenset(_COUNTS["not_counted"])
_PLURAL_NOUNS = frozenset(_COUNTS["plural_nouns"])
_SINGLE_WORDS = frozenset(_COUNTS["single_words"])
_NOT_ADJECTIVES = frozenset(_COUNTS["not_adjectives"])


def count_claims(doc: Doc) -> list[Claim]:
    out = []
    text = doc.text
    ctx = TextContext(text)
    for m in _count_regex().finditer(text):
        noun = m["noun"].casefold()
        if noun in _NOT_COUNTED or not in_body(doc, m.start()) or ctx.refuted(m.start()):
            continue
        raw = m["num"]
        if _YEARISH.match(raw) or raw.casefold() in _SINGLE_WORDS:
            continue
        value = parse_number(raw)
        if value is None or value < 2:
            continue
        if any(w in _NOT_COUNTED or w in _NOT_ADJECTIVES for w in (m["adj"] or "").split()):
            continue
        lo_raw = m["lo"] or m["lo2"]
        if lo_raw:
            lo = parse_number(lo_raw)
            low, high = (lo, value) if lo is not None and lo <= value else rounding(value)
        else:
            low, high = rounding(value, exact_words=not raw[0].isdigit())
        approx = bool(m["cue"]) or bool(lo_raw)
        if m["cue"]:
            rng = durations()["approx"].get(m["cue"].casefold(), [-1, 1])
            step = max(high - low, value * 0.1)
            low, high = value + rng[0] * step, value + rng[1] * step
        ev = event_at(doc, m.start(), m.end())
        out.append(Claim("count", _counted(noun, text, m.end()), text[m.start():m.end()], make_span(doc, m.start(), m.end()),
                         event=ev.key if ev else None, number=value, low=low, high=high, approximate=approx))
    return out


_MEASURES = frozenset(_COUNTS.get("measures") or ())
_OF_WHAT = re.compile(r"\s+of\s+(?:the\s+)?([a-z]+)")


def _counted(noun: str, text: str, end: int) -> str:
    """What a count counts: its noun, or for a measure the stuff measured ("800 pounds
    of salt" counts pounds of salt, which "1,200 pounds of pepper" does not contradict)."""
    what = _singular(noun)
    if noun in _MEASURES:
        m = _OF_WHAT.match(text, end)
        if m:
            return f"{what} of {m.group(1)}"
    return what


def _singular(noun: str) -> str:
    if noun in _PLURAL_NOUNS:
        return {"men": "man", "women": "woman", "children": "child"}.get(noun, noun)
    return noun[:-1] if noun.endswith("s") else noun


# ------------------------------------------------------------------ outcomes --

@lru_cache(maxsize=1)
def _outcome_tables():
    data = load("claims/outcomes.yaml")
    words = []
    for polarity, groups in (("positive", data["positive"]), ("negative", data["negative"])):
        for prop, ws in groups.items():
            words += [(w, prop, polarity == "positive") for w in ws]
    word_re = re.compile(r"(?<![\w-])(?P<w>" + _alternation([w for w, _, _ in words]) + r")(?![\w-])", re.I)
    lookup = {w.casefold(): (prop, pol) for w, prop, pol in words}
    neg_re = re.compile(r"(?<![\w])(?:" + _alternation(data["negation"]) + r")(?![\w])|"
                        + "|".join(data["negation_patterns"]), re.I)
    qual_re = re.compile(r"\W*(?:\w+\W+){0,3}?(?:" + _alternation(data["qualifiers"]) + r")(?!\w)", re.I)
    coll_re = re.compile(r"(?<![\w])(?:" + _alternation(data["collective"]) + r")(?![\w])", re.I)
    excl_re = re.compile(r"(?<![\w])(?:" + _alternation(data["exclude"]) + r")(?![\w])", re.I)
    return word_re, lookup, neg_re, qual_re, coll_re, excl_re


_CLAUSE_BREAK = re.compile(r"[;:–—]|,\s+(?:but|and|while|whereas)\s|\bbut\b")


def outcome_claims(doc: Doc) -> list[Claim]:
    word_re, lookup, neg_re, qual_re, coll_re, excl_re = _outcome_tables()
    out = []
    text = doc.text
    ctx = TextContext(text)
    excluded = [(x.start(), x.end()) for x in excl_re.finditer(text)]
    for m in word_re.finditer(text):
        if not in_body(doc, m.start()) or ctx.refuted(m.start()):
            continue
        if any(a <= m.start() < b for a, b in excluded):
            continue
        prop, polarity = lookup[m["w"].casefold()]
        s0, s1 = sentence_bounds(doc, m.start())
        c0 = _clause_start(text, s0, m.start())
        before = text[c0:m.start()]
        negated = bool(neg_re.search(before))
        if negated and qual_re.match(text, m.end()):
            continue  # "failed to sink it outright": timing, not outcome
        if negated:
            polarity = not polarity
        c1 = _clause_end(text, m.end(), s1)
        subject = _outcome_subject(doc, c0, m.start(), m.end(), c1, prop, polarity)
        universal = not polarity and bool(coll_re.search(before))
        if not polarity and subject is None and not universal:
            continue  # a denial about nobody in particular compares with nothing
        ev = _outcome_event(doc, m.start(), s0)
        span = make_span(doc, c0 + len(before) - len(before.lstrip()), c1)
        value = ("not " if not polarity else "") + prop + (" (anyone)" if universal else "")
        out.append(Claim("outcome", prop, value, span, subject=None if universal else subject,
                         event=ev.key if ev else None, polarity=polarity))
    return out


def _clause_start(text: str, s0: int, offset: int) -> int:
    last = s0
    for b in _CLAUSE_BREAK.finditer(text, s0, offset):
        last = b.end()
    return last


def _clause_end(text: str, offset: int, s1: int) -> int:
    b = _CLAUSE_BREAK.search(text, offset, s1)
    end = b.start() if b else s1
    while end > offset and text[end - 1] in " .,;!?\n":
        end -= 1
    return end


def _outcome_subject(doc: Doc, c0: int, w0: int, w1: int, c1: int, prop: str, polarity: bool) -> str | None:
    people = [p for p in person_mentions(doc) if c0 <= p.start and p.end <= c1]
    before = [p for p in people if p.end <= w0]
    after = [p for p in people if p.start >= w1]
    passive = re.search(r"\b(?:was|were|is|are|been|being|sustained|suffered)\b[^.]*$", doc.text[c0:w0])
    if before and (passive or not after):
        return before[0].entity if re.match(r"\s*(?:neither|only)\b", doc.text[c0:before[0].start], re.I) \
            else before[-1].entity
    if after:
        return after[0].entity  # "killing Marat"
    return None


def _outcome_event(doc: Doc, offset: int, s0: int) -> LocalEvent | None:
    """The attack an outcome is about: in the same sentence, else the latest one shortly
    before in the same paragraph."""
    kinds = ("attack", "death", "other")
    here = event_at(doc, offset, offset, ("attack", "death"))
    if here:
        return here
    p0, _ = TextContext(doc.text).paragraph(offset)
    prior = [e for e in doc.events if e.kind in kinds[:2] and not e.staged and not e.negated
             and max(p0, s0 - 500) <= e.evidence.start <= offset]
    return max(prior, key=lambda e: e.evidence.start) if prior else None


# ------------------------------------------------------------------ attributes --

@lru_cache(maxsize=1)
def _weapon_tables():
    data = load("claims/attributes.yaml")
    cls = {w.casefold(): c for c, ws in data["weapons"].items() for w in ws}
    word_re = re.compile(r"(?<![\w-])(?P<w>" + _alternation(cls) + r")(?![\w-])", re.I)
    return word_re, cls


def weapon_claims(doc: Doc) -> list[Claim]:
    word_re, cls = _weapon_tables()
    out = []
    ctx = TextContext(doc.text)
    for m in word_re.finditer(doc.text):
        if not in_body(doc, m.start()) or ctx.refuted(m.start()):
            continue
        s0, _ = sentence_bounds(doc, m.start())
        ev = event_at(doc, m.start(), m.end(), ("attack", "death")) or _outcome_event(doc, m.start(), s0)
        if ev is None:
            continue
        word = m["w"].casefold()
        out.append(Claim("attribute", "weapon", word, make_span(doc, m.start(), m.end()), event=ev.key,
                         subject=ev.who[0] if ev.who else None))
    return out


EXTRACTORS = (date_claims, lifespan_claims, duration_claims, age_claims, count_claims, outcome_claims,
              weapon_claims)


@component("extract_claims", requires=("sentences", "timexes", "mentions", "events"), assigns=("claims",))
def extract_claims(doc: Doc, ctx) -> None:
    claims: list[Claim] = []
    for extract in EXTRACTORS:
        claims.extend(extract(doc))
    claims.sort(key=lambda c: (c.span.start, c.span.end, c.kind, c.prop))
    doc.claims = claims
