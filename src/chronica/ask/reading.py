"""Reading the answer from a sentence, when no stored event gives it (the extractor missed
the happening, its participant or its figure): the sentences full-text search finds are
read one by one, and the first that names everything the question names, tells its
happening in a plain statement and writes a value of the asked kind answers, citing itself.

- who: the person or group the sentence makes the doer of the happening (its grammatical
  subject, or the agent of a passive) -- or the one it happened to, when the question's
  own subject is named ("whom did X stab?");
- when: a date the sentence writes; where: a place it puts the happening at;
- how long: a stated duration ("for three years", "a ten-month siege"), or two dates it
  writes as a span ("from 673 until 686", computed, and the answer says so);
- how many: a number before the counted noun; how old: an age ("aged 23", "23-year-old").
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..resources.names import is_name_form
from .base import Base, date_label
from .model import Answer, Cite, Passage, Question
from .parse import time_tagger
from .quantities import AGE, count_in, duration_told, figure, length_label
from .lifespan import refers_back_to
from .support import action_at, hedged, located_at
from .verify import iso_key

READ = ("who", "when", "where", "how_long", "how_many", "how_old")
SENTENCES_READ = 12
MAX_CITES = 4
AGE_REACH = 80  # an age is read this near the person's name or the happening
BEFORE_REACH = 200  # how far back a sentence may have named the place it calls "the city"
WHO_PARSED = 6  # sentences parsed for a doer, at most
_WORD = re.compile(r"[^\W_]+")
_FOOTNOTED_END = re.compile(r"(?<=[.!?])(?:\[\d+\])+\s+(?=[A-Z])")
DATE_REACH = 80  # a date read for a happening is written within this many characters of its word
_NAME_PARTS = frozenset({"compound", "appos", "flat", "amod", "det", "poss", "nmod", "nummod", "punct"})
_UNTIL = re.compile(r"\b(?:until|till|up to)\s+(?:the\s+(?:year|end of)\s+)?$", re.IGNORECASE)
_SPAN_LINK = re.compile(r"^\s*(?:[–—-]|to|until|till|and)\s*$", re.IGNORECASE)


def query_words(base: Base, q: Question) -> list[str]:
    """The search words: the names, and the question's words in the forms a text writes
    them ("succeeded", "stabbed": full-text search does not stem)."""
    words = [w for name in q.names for w in _WORD.findall(name)]
    for w in (q.predicate, *q.words):
        if w:
            words += _inflected(w)
    words += [w for w in (*q.predicate_forms, q.role or "", *q.role_forms) if w]
    return list(dict.fromkeys(words))


def _inflected(word: str) -> list[str]:
    root = word[:-1] if word.endswith("e") else word
    forms = [word] + [root + e for e in ("ed", "es", "ing")] + [word + "s", word + "d"]
    if len(word) > 2 and word[-1] not in "aeiouwy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms += [word + word[-1] + e for e in ("ed", "ing")]  # "stab" -> "stabbed"
    return forms


def read_answer(base: Base, q: Question, found: list[Passage], nlp) -> Answer | None:
    if q.kind not in READ or not (q.entities or q.words or q.predicate):
        return None
    if q.kind == "who" and q.role and q.entities:
        relative = _read_relative(base, q, found)
        if relative is not None:
            return relative
    first: Answer | None = None
    telling: list[tuple[dict, int]] = []
    parsed = 0
    for span in (s for p in found[:SENTENCES_READ] for s in _sentences(p)):
        at = _telling(base, q, span)
        if at is None:
            continue
        telling.append((span, at))
        if q.kind == "who" and (parsed := parsed + 1) > WHO_PARSED:  # each costs a parse
            break
        ans = _READERS[q.kind](base, q, span, at, nlp)
        if ans is None:
            continue
        if first is None:
            first = ans
        elif ans.values == first.values and len(first.cites) < MAX_CITES:  # other sources saying the same
            first.cites += ans.cites
    if first is None and q.kind == "how_long":
        return _began_and_lasted_until(base, q, telling)
    return first


def _began_and_lasted_until(base: Base, q: Question, telling: list[tuple[dict, int]]) -> Answer | None:
    """"In 1504 the siege began ... it lasted until 1511": the start one sentence tells, the
    end another writes after "until"; the length is computed from the two, saying so."""
    ends, starts = [], []
    for span, at in telling:
        for t in time_tagger().tag(span["text"]).timexes:
            if t.type != "DATE" or not t.earliest or ".." in (t.edtf or ""):
                continue
            if _UNTIL.search(span["text"][max(0, t.start - 12):t.start]):
                ends.append((t, span))
            elif min(abs(t.start - at), abs(t.end - at)) <= DATE_REACH:
                starts.append((t, span))
    for (b, end_span) in ends:
        for (a, start_span) in starts:
            days = _days_between(a.earliest, b.earliest)
            if days and days > 0:
                return Answer(q, "answered", f"about {length_label(days, years_from=700)}, computed from the dates the sources give: "
                              f"from {date_label(a.edtf)} until {date_label(b.edtf)}.", [f"{days:.0f}"],
                              [base.cite(start_span), base.cite(end_span)], computed=True, dates=[a.edtf, b.edtf])
    return None


def _read_relative(base: Base, q: Question, found: list[Passage]) -> Answer | None:
    """"Who was X's father?": a sentence about X that writes "his father NAME", "her
    daughter, NAME" or "X's father NAME" -- the name right after the relation word."""
    person = q.entities[0]
    owners = ["his", "her", "their"] + [re.escape(f) + "[’']s?" for f in sorted(_forms(base, person), key=len, reverse=True)]
    pattern = re.compile(r"\b(?:" + "|".join(owners) + r")\s+(?:[\w-]+\s+)?" + re.escape(q.role) + r"s?,?\s+",
                         re.IGNORECASE)
    cites, names = [], []
    for span in (s for p in found[:SENTENCES_READ] for s in _sentences(p)):
        text = span["text"]
        if not any(f in text.casefold() for f in _forms(base, person)) and not refers_back(base, span, person):
            continue
        # a mention may start at the name or take in the relation words before it ("his father Ottokar II")
        others = [(eid, a, b) for eid, a, b in base.mentions_in(span, ("person",))
                  if eid != person and is_name_form(base.name(eid))]
        for m in pattern.finditer(text):
            named = next((eid for eid, a, b in others if a <= m.end() < b), None)
            if named and not hedged(text, m.start()) and \
                    (m.group().split()[0].casefold() not in ("his", "her", "their") or _about(base, span, person, m.start())):
                names.append(base.name(named))
                cites.append(base.cite(span))
    if not names:
        return None
    chosen = names[0]
    cites = [c for c, n in zip(cites, names) if n == chosen][:MAX_CITES]
    return Answer(q, "answered", f"{chosen}, as the source tells it.", [chosen], cites)


def _about(base: Base, span: dict, person: str, at: int) -> bool:
    """A "his"/"her" in the sentence is the person's: they are the first person named before
    it, or the sentence follows on from sentences about them."""
    before = [(a, eid) for eid, a in base.named_in(span, ("person",)) if a < at]
    low = span["text"][:at].casefold()
    by_form = [low.find(f) for f in _forms(base, person) if f in low]
    if by_form and (not before or min(by_form) <= min(before)[0]):
        return True
    if before:
        return min(before)[1] == person
    return refers_back(base, span, person)


def _sentences(p: Passage) -> list[dict]:
    """The passage cut where a sentence ends behind a footnote mark ("1963.[36] Their son")."""
    cuts = [0] + [m.end() for m in _FOOTNOTED_END.finditer(p.text)] + [len(p.text)]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        text = p.text[a:b].rstrip()
        if text:
            out.append({"document": p.document, "start": p.start + a, "end": p.start + a + len(text), "text": text})
    return out


def _telling(base: Base, q: Question, span: dict) -> int | None:
    """Where the sentence tells the question's happening, when it also names every entity
    the question names (a person may be "he"/"she" after sentences about them) and states
    it plainly; else None. The happening is the question's own word here, not any trigger
    of its kind: with no stored event to vouch for it, "transported" does not tell "escaped"."""
    text = span["text"]
    named = {eid for eid, _ in base.named_in(span, ("person", "group", "organization", "place", "other", "object"))}
    low = text.casefold()
    for e in q.entities:
        if e in named or any(f in low for f in _forms(base, e)):
            continue
        if not (refers_back(base, span, e) if base.type(e) == "person" else _named_just_before(base, span, e)):
            return None
    verb = q.predicate or next((w for w in q.words if w != q.role), None)  # the counted noun is not the happening
    if verb is None:  # "how old was X?": the sentence need only be about X, read beside the name
        return _named_at(base, q, span) if q.kind == "how_old" else None
    at = action_at(text, replace(q, predicate=verb, event_kinds=()))
    if at is None or hedged(text, at):
        return None
    return at


def _named_at(base: Base, q: Question, span: dict) -> int | None:
    offs = [off for eid, off in base.named_in(span, ("person",)) if eid in q.entities]
    return offs[0] if offs else None


def _named_just_before(base: Base, span: dict, entity: str) -> bool:
    """A place or thing the sentence calls "the city" was named in the sentence before it,
    in the same paragraph."""
    text = (base.texts or {}).get(span["document"]) or ""
    lo = max(text.rfind("\n", 0, span["start"]) + 1, span["start"] - BEFORE_REACH)
    before = text[lo:span["start"]].casefold()
    return any(f in before for f in _forms(base, entity))


def refers_back(base: Base, span: dict, person: str) -> bool:
    text = (base.texts or {}).get(span["document"])
    return bool(text) and refers_back_to(text, span["start"], span["text"], sorted(_forms(base, person)))


def _forms(base: Base, entity: str) -> set[str]:
    ent = base.entities.get(entity, {})
    return {f.casefold() for f in [ent.get("name", "")] + list(ent.get("aliases", ())) if len(f) > 2 and f[:1].isupper()}


def _cite(base: Base, span: dict) -> list[Cite]:
    return [base.cite(span)]


def _read_when(base: Base, q: Question, span: dict, at: int, nlp) -> Answer | None:
    text = span["text"]
    dates = [t for t in time_tagger().tag(text).timexes if t.type == "DATE" and t.edtf and ".." not in t.edtf
             and min(abs(t.start - at), abs(t.end - at)) <= DATE_REACH
             and not text[t.end:t.end + 1] == "-" and not re.search(r"-\w+$", t.text)]  # "a 6th-century writer"
    if not dates:
        return None
    t = min(dates, key=lambda t: abs(t.start - at))  # the date told nearest the happening
    return Answer(q, "answered", f"{date_label(t.edtf)}, as the source tells it.", [t.edtf], _cite(base, span))


def _read_where(base: Base, q: Question, span: dict, at: int, nlp) -> Answer | None:
    text = span["text"]
    places = [(pid, off) for pid, off in base.places_in(span) if pid not in q.entities
              and located_at(text, off) and not hedged(text, off)]
    if not places:
        return None
    pid, _ = min(places, key=lambda x: abs(x[1] - at))
    place = base.name(pid)
    return Answer(q, "answered", f"In {place}, as the source tells it.", [place], _cite(base, span))


def _read_who(base: Base, q: Question, span: dict, at: int, nlp) -> Answer | None:
    """The doer (or, when the question names its own doer, the one it happened to)."""
    text = span["text"]
    people = [(eid, off) for eid, off in base.named_in(span, ("person", "group", "organization"))
              if eid not in q.entities and is_name_form(base.name(eid))]
    if not people:
        return None
    doc = nlp(text, disable=[p for p in ("ner",) if p in nlp.pipe_names])  # the parse is all it needs
    verb = next((t for t in doc if t.idx == at), None)
    if verb is None:
        return None
    roles = _roles(verb) if verb.pos_ not in ("NOUN", "PROPN") else _described(verb)
    want = "object" if _asks_object(q.text, nlp) and verb.pos_ not in ("NOUN", "PROPN") else "subject"
    tokens = roles.get(want, [])
    found = [eid for eid, off in people if any(_covers(t, off) for t in tokens)]
    if not found:
        return None
    names = list(dict.fromkeys(base.name(e) for e in found))
    return Answer(q, "answered", f"{', '.join(names)}, as the source tells it.", names, _cite(base, span))


def _covers(token, off: int) -> bool:
    """The mention at ``off`` names the token's phrase: it starts on the token or on a word
    of its name or apposition ("her brother-in-law, Oswin"), not in a clause hanging off it
    ("..., who married Mira Holt")."""
    core, todo = [], [token]
    while todo:
        t = todo.pop()
        core.append(t)
        todo += [c for c in t.children if c.dep_ in _NAME_PARTS]
    return any(t.idx <= off < t.idx + len(t.text) for t in core)


def _roles(verb) -> dict[str, list]:
    """The verb's doers and undergoers: subject / agent of a passive; object / passive subject."""
    subj, obj = [], []
    for c in verb.children:
        if c.dep_ == "nsubj":
            subj.append(c)
        elif c.dep_ == "nsubjpass":
            obj.append(c)
        elif c.dep_ in ("dobj", "obj"):
            obj.append(c)
        elif c.dep_ == "agent":
            subj += [g for g in c.children if g.dep_ == "pobj"]
    if not subj and verb.dep_ == "conj":  # "X climbed the stairs and stabbed him": the first verb's subject
        subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return {"subject": [t for s in subj for t in _conjoined(s)], "object": [t for o in obj for t in _conjoined(o)]}


def _described(noun) -> dict[str, list]:
    """"Who was the director of X?": the person the noun describes -- in apposition to it
    ("Ana Ruiz, the director of X"; "the director of X, Ana Ruiz") or its subject ("Ana Ruiz
    was the director of X")."""
    who = [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ == "appos":
        who.append(noun.head)
    if noun.dep_ == "attr":
        who += [c for c in noun.head.children if c.dep_ == "nsubj"]
    return {"subject": [t for w in who for t in _conjoined(w)], "object": []}


def _conjoined(token) -> list:
    return [token] + [c for c in token.children if c.dep_ == "conj"]


@lru_cache(maxsize=256)
def _asks_object(question: str, nlp) -> bool:
    """"Whom did X stab?", "Who did X marry?", "Who was questioned?": the question asks for
    the one the happening befell, not its doer."""
    doc = nlp(question)
    return any(t.lower_ in ("who", "whom") and t.dep_ in ("dobj", "obj", "pobj", "nsubjpass") for t in doc)


def _read_how_long(base: Base, q: Question, span: dict, at: int, nlp) -> Answer | None:
    text = span["text"]
    stated = duration_told(text, q)
    if stated:
        label, days = stated
        return Answer(q, "answered", f"{label}, as the source tells it.", [f"{days:.0f}"], _cite(base, span))
    dates = [t for t in time_tagger().tag(text).timexes if t.type == "DATE" and t.earliest and t.latest]
    for a, b in zip(dates, dates[1:]):
        if _SPAN_LINK.match(re.sub(r"\b(?:his|her|their|its|the)\b.*$", "", text[a.end:b.start])) or \
                re.fullmatch(r"\s*(?:until|till|to)\b.*", text[a.end:b.start]):
            days = _days_between(a.earliest, b.earliest)
            if days and days > 0:
                return Answer(q, "answered", f"about {length_label(days, years_from=700)}, computed from the dates "
                              f"{date_label(a.edtf)} and {date_label(b.edtf)} the source gives.",
                              [f"{days:.0f}"], _cite(base, span), computed=True, dates=[a.edtf, b.edtf])
    return None


def _days_between(a: str, b: str) -> float | None:
    ka, kb = iso_key(a), iso_key(b)
    return (kb[0] - ka[0]) * 365.25 + (kb[1] - ka[1]) * 30.44 + (kb[2] - ka[2])


def _read_how_many(base: Base, q: Question, span: dict, at: int, nlp) -> Answer | None:
    if not q.role:
        return None
    n = count_in(span["text"], q.role, q.role_forms)
    if not n:
        return None
    return Answer(q, "answered", f"{n} {q.role}, as the source tells it.", [figure(n)], _cite(base, span))


def _read_how_old(base: Base, q: Question, span: dict, at: int, nlp) -> Answer | None:
    m = next((m for m in AGE.finditer(span["text"]) if abs(m.start() - at) <= AGE_REACH), None)
    if not m:
        return None
    age = next(g for g in m.groups() if g)
    return Answer(q, "answered", f"{age}, as the source tells it.", [age], _cite(base, span))


_READERS = {"who": _read_who, "when": _read_when, "where": _read_where, "how_long": _read_how_long,
            "how_many": _read_how_many, "how_old": _read_how_old}
