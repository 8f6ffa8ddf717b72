"""What the static report needs to read answers from sentences in the browser, as
`chronica ask` does (chronica.ask.reading) when no stored event gives the answer.

The reading rules need spaCy (who did what to whom), the temporal tagger (dates,
durations) and the entity mentions; none runs in a browser. So they run here, once,
when the report is written, and each passage's sentences carry compact facts:

    [passage index, start, end,          -- the sentence (text: the passage's, sliced)
     has,      entity ids it names (a mention, or a name form written in it)
     named,    [[entity id, start, end]] mentions inside it (offsets within the sentence)
     back,     people a sentence opening with "he"/"she" is about (named just before)
     before,   entities named just before it in the paragraph ("the city")
     dates,    [[edtf, start, end, earliest, latest, readable as a happening's date, after "until"]]
     places,   [[place id, offset]] places it puts something AT, plainly
     spans,    [[edtf a, edtf b, days]] two dates it writes as a span ("from 673 until 686")
     durations [[label, days, offset]], numbers [[as written, start, end, figure]], ages [[age, offset]],
     hedged,   [[start, end]] clauses told as a legend, rumour or quoted claim
     roles]    {offset of a word: [doers, undergoers, a noun]} (entity ids, from the parse)

Reading in the browser (static/js/ask_read.js) then applies the same choices as
chronica.ask.reading over these facts.
"""
from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import replace

from ..ask.base import Base
from ..ask.lifespan import life_dates
from ..ask.model import Passage, Question
from ..ask.parse import _irregular_forms, time_tagger
from ..ask.quantities import _NUMBER, AGE, figure, stated_durations
from ..ask.reading import BEFORE_REACH, _SPAN_LINK, _UNTIL, _covers, _days_between, _described, _sentences, refers_back
from ..ask.reading import _roles as _verb_roles
from ..ask.support import _CLAUSE_END, hedged, located_at
from ..extract.events_lexicon import load_lexicon
from ..resources.names import is_name_form
from ..resources.quantities import number_pattern

PEOPLE = ("person", "group", "organization")
ALL_TYPES = ("person", "group", "organization", "place", "other", "object")
PRONOUN_START = re.compile(r"^\s*(?:he|she)\b", re.IGNORECASE)
BACK_REACH = 1500  # how far back a "he"/"she" sentence's person may have been named
_NUMBERS = re.compile(r"\b(" + number_pattern() + "|" + _NUMBER + r")\b", re.IGNORECASE)


def _forms(base: Base) -> list[tuple[str, str]]:
    """(folded name form, entity id) for capitalised forms longer than two letters, as
    chronica.ask.reading matches names inside sentences."""
    return [(f.casefold(), e["id"]) for e in base.entities.values()
            for f in dict.fromkeys([e.get("name", "")] + list(e.get("aliases", ()))) if len(f) > 2 and f[:1].isupper()]


class SentenceReader:
    """Facts for every sentence of the report's passages (see the module docstring)."""

    def __init__(self, base: Base, texts: dict[str, str], nlp):
        self.base, self.texts, self.nlp = base, texts, nlp
        self.forms = _forms(base)
        self.people = {eid for eid, e in base.entities.items() if e.get("type") == "person"}

    def _written(self, low: str) -> set[str]:
        return {eid for f, eid in self.forms if f in low}

    def rows(self, passages: list[list]) -> list[list]:
        out = []
        for i, (doc, a, b, text) in enumerate(passages):
            out += [self._row(i, span) for span in _sentences(Passage(doc, a, b, text, 0.0))]
        texts = (passages[r[0]][3][r[1] - passages[r[0]][1]:r[2] - passages[r[0]][1]] for r in out)
        self.verb_forms: dict[str, dict[str, int]] = {}  # form -> {lemma or "": times}, "" for another part of speech
        for row, doc in zip(out, self.nlp.pipe(texts, batch_size=64,
                                               disable=[p for p in ("ner",) if p in self.nlp.pipe_names])):
            for t in doc:
                if t.is_alpha:
                    seen = self.verb_forms.setdefault(t.lower_, {})
                    lemma = t.lemma_.casefold() if t.pos_ == "VERB" else ""
                    seen[lemma] = seen.get(lemma, 0) + 1
            row.append(self._roles(doc, row[4]))
        return out

    def verbs(self) -> dict[str, str]:
        """Word form -> verb lemma, for the forms the texts use mostly as verbs: the browser
        finds a question's predicate ("closed" -> "close") as spaCy would."""
        out = {}
        for form, seen in self.verb_forms.items():
            lemma, times = max(seen.items(), key=lambda x: x[1])
            if lemma:
                out[form] = lemma
        return out

    def _row(self, index: int, span: dict) -> list:
        text, doc, start = span["text"], span["document"], span["start"]
        low = text.casefold()
        named = self.base.mentions_in(span, ALL_TYPES)
        has = sorted({eid for eid, _, _ in named} | self._written(low))
        back = []
        if PRONOUN_START.match(text):
            body = self.texts.get(doc) or ""
            earlier = self._written(body[max(0, start - BACK_REACH):start].casefold()) & self.people
            back = sorted(p for p in earlier if refers_back(self.base, span, p))
        body = self.texts.get(doc) or ""
        lo = max(body.rfind("\n", 0, start) + 1, start - BEFORE_REACH)
        before = sorted(self._written(body[lo:start].casefold()) - self.people)
        tagged = [t for t in time_tagger().tag(text).timexes]
        dates = [[t.edtf, t.start, t.end, t.earliest, t.latest, 1 if _readable(text, t) else 0,
                  1 if _UNTIL.search(text[max(0, t.start - 12):t.start]) else 0]
                 for t in tagged if t.type == "DATE" and t.earliest]
        places = [[pid, off] for pid, off, _ in ((e, a, b) for e, a, b in named if self.base.type(e) == "place")
                  if located_at(text, off) and not hedged(text, off)]
        return [index, start, span["end"], has, [[e, a, b] for e, a, b in named], back, before, dates, places,
                _spans(text, [t for t in tagged if t.type == "DATE" and t.earliest and t.latest]),
                [[label, round(days, 2), off] for label, days, off in stated_durations(text)],
                numbers(text),
                [[next(g for g in m.groups() if g), m.start()] for m in AGE.finditer(text)],
                _hedged_clauses(text)]

    def _roles(self, doc, named: list) -> dict:
        people = [(eid, a) for eid, a, _ in named if self.base.type(eid) in PEOPLE and is_name_form(self.base.name(eid))]
        out = {}
        for token in doc:
            roles = _described(token) if token.pos_ in ("NOUN", "PROPN") else _verb_roles(token)
            found = [[eid for eid, off in people if any(_covers(t, off) for t in roles[k])] for k in ("subject", "object")]
            if found[0] or found[1]:
                out[str(token.idx)] = found + [1 if token.pos_ in ("NOUN", "PROPN") else 0]
        return out


def numbers(text: str) -> list[list]:
    """[[as written, start, end, figure]] for the numbers the text writes (quantities.count_in's)."""
    return [[m.group(1), m.start(1), m.end(1), figure(m.group(1))] for m in _NUMBERS.finditer(text)]


def _readable(text: str, t) -> bool:
    """chronica.ask.reading._read_when's filter: a whole date, not "a 6th-century writer"."""
    return bool(t.edtf) and ".." not in t.edtf and text[t.end:t.end + 1] != "-" and not re.search(r"-\w+$", t.text)


def _spans(text: str, dates: list) -> list[list]:
    """Two dates written as a span, and the days between them (reading._read_how_long)."""
    out = []
    for a, b in zip(dates, dates[1:]):
        gap = text[a.end:b.start]
        if _SPAN_LINK.match(re.sub(r"\b(?:his|her|their|its|the)\b.*$", "", gap)) or \
                re.fullmatch(r"\s*(?:until|till|to)\b.*", gap):
            days = _days_between(a.earliest, b.earliest)
            if days and days > 0:
                out.append([a.edtf, b.edtf, round(days, 2)])
    return out


def _hedged_clauses(text: str) -> list[list[int]]:
    cuts = [0] + [m.start() for m in _CLAUSE_END.finditer(text)] + [len(text)]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        at = min(a + 1, len(text) - 1) if a else 0
        if b > a and hedged(text, at):
            out.append([a, b])
    return out


def lives(base: Base) -> dict[str, dict[str, list]]:
    """Each person's birth and death dates the texts write (chronica.ask.lifespan), with the
    quote: {person: {"birth"|"death": [[edtf, document, start, end, text]]}}."""
    verbs = load_lexicon().verbs
    out: dict[str, dict[str, list]] = {}
    for kind in ("birth", "death"):
        verb = next((lemma for lemma, rs in verbs.items() if any(r.kind == kind and not r.particle and not r.weak for r in rs)),
                    None)
        q = Question(text="", kind="when", predicate=verb, event_kinds=(kind,))
        for pid, ent in base.entities.items():
            if ent.get("type") != "person":
                continue
            found = life_dates(base, pid, kind, replace(q, names=(ent.get("name", ""),)))
            if found:
                out.setdefault(pid, {})[kind] = [[d.edtf, d.span["document"], d.span["start"], d.span["end"], d.span["text"]]
                                                 for d in found]
    return out


def _span_row(s: dict) -> list:
    return [s["document"], s["start"], s["end"], s.get("text", "")]


def who_is(base: Base) -> dict[str, list]:
    """"Who was X?" (chronica.ask.answers._who_is): {person: [descriptions, quotes]}."""
    out = {}
    for pid, ent in base.entities.items():
        if ent.get("type") != "person":
            continue
        names = {ent.get("name", "").casefold()}
        desc = [m for m in ent.get("mentions", ()) if m.get("text", "").casefold() not in names
                and len(m.get("text", "").split()) > 1]
        forms = list(dict.fromkeys(m["text"] for m in desc))[:4]
        if forms:
            out[pid] = [forms, [[c.document, c.start, c.end, c.text] for c in base.cites(desc)]]
    return out


def described(base: Base) -> list[list]:
    """"Who was the director of X?" (chronica.ask.answers._who_described): [person, how the
    text describes them, quote, 0] for describing mentions, then [..., 1] for describing
    aliases found again beside the person's name."""
    out = []
    for ent, m, _ in base.descriptions:
        c = base.with_name(m, ent) or base.cite(m)
        out.append([ent["id"], m.get("text", ""), [c.document, c.start, c.end, c.text], 0])
    for ent, alias, _ in base.described_as:
        out += [[ent["id"], alias, _span_row(s), 1] for s in base.alias_spans(ent, alias)]
    return out


def irregular(nlp, pos: str) -> dict[str, list[str]]:
    """Lemma -> irregular forms from spaCy's lemmatizer tables ("write": "wrote", "written")."""
    return {k: list(v) for k, v in _irregular_forms(nlp, pos).items()}


def described_ages(base: Base) -> dict[str, list]:
    """"How old was X?" when the sources describe X by an age ("a 23-year-old surgeon",
    quantities._described_age): {person: [age, the describing words, quotes]}."""
    out = {}
    for pid, ent in base.entities.items():
        if ent.get("type") != "person":
            continue
        for form in [m.get("text", "") for m in ent.get("mentions", ())] + list(ent.get("aliases", ())):
            m = AGE.search(form)
            spans = (base.alias_spans(ent, form) or [x for x in ent.get("mentions", ()) if x.get("text") == form]) if m else []
            if spans:
                out[pid] = [next(g for g in m.groups() if g), form, [_span_row(s) for s in spans[:3]]]
                break
    return out


_TOKEN = re.compile(r"[^\W_]+")


def search_terms(passages: list[list]) -> dict[str, str]:
    """Word -> the term SQLite's full-text index files it under (Porter stem, accents
    folded: the tokenizer `chronica ask` searches with), for the passages' words whose term
    differs: the browser ranks passages over the same terms."""
    words = sorted({w for p in passages for w in _TOKEN.findall(fold_accents(p[3].casefold()))})
    con = sqlite3.connect(":memory:")
    try:
        con.execute("CREATE VIRTUAL TABLE words USING fts5(w, tokenize='porter unicode61 remove_diacritics 2')")
        con.executemany("INSERT INTO words(rowid, w) VALUES (?, ?)", enumerate(words, 1))
        con.execute("CREATE VIRTUAL TABLE terms USING fts5vocab(words, 'instance')")
        rows = con.execute("SELECT term, doc FROM terms WHERE \"offset\" = 0").fetchall()
    except sqlite3.OperationalError:  # an SQLite without FTS5: words stand for themselves
        return {}
    finally:
        con.close()
    return {words[doc - 1]: term for term, doc in rows if words[doc - 1] != term}


def fold_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
