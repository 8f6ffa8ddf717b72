"""The ``find_mentions`` component: names of people, places, groups and works.

spaCy's small model finds most names but mislabels history. Mentions are collected
from its entities and from a few confident rules, cleaned to the bare name, and typed
with the evidence a reader uses: titles and first names, the gazetteer, cue words
("... Party", "... Palace", "Treaty of ..."), the sentence's syntax ("lived in X",
"X said", "his wife, X"), and a vote across every mention of the same name in the
document. Evidence about the name itself counts once per name; evidence from context
counts once per mention.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..doc import Doc
from ..model import Mention
from ..pipeline import Context, component
from ..resolve.gazetteer import Candidate, Gazetteer, normalise
from .lexicon import Lexicon, load_lexicon
from .regnal import epithet_spans, regnal_spans
from .surnames import lower_words, surname_mentions
from .vessels import prefixed_spans, unprefixed_names

# NER label -> the type it suggests
LABEL_TYPE: dict[str, str] = {
    "PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organization",
    "NORP": "group", "WORK_OF_ART": "work", "LAW": "work", "EVENT": "other", "PRODUCT": "other",
}
NER_WEIGHT = 1.5
LABEL_TRUST = {"PRODUCT": 0.2, "EVENT": 0.7, "WORK_OF_ART": 0.7, "FAC": 0.8}  # history mislabelled  # the NER labels of a name, as a distribution, weigh this much in the vote
CITED_KINDS = {"bibliography", "credit", "caption"}
PLACE_FEATURES_STRONG = {"country", "continent", "state", "ocean", "sea", "strait", "canal",
                         "lake", "river", "mountains", "region", "island", "building"}
LOCAL_OVERRIDE = 2.5  # a local cue must beat the document's vote by this much
VESSEL_CUE = 4.0  # "the frigate X", "a ship named X": the name is the vessel's here, whatever else it names
WORK_TAILS = {"Treaty", "Pact", "Agreement", "Accord", "Accords", "Declaration", "Manifesto",
              "Protocol", "Armistice", "Concordat"}
NOBLE_OF = {"Duke", "Duchess", "Prince", "Princess", "Earl", "Count", "Countess", "Marquis",
            "Marquess", "Baron", "Baroness", "Lord", "Lady", "Archduke", "Grand Duke",
            "Viscount", "King", "Queen", "Emperor", "Empress", "Bishop", "Archbishop"}
NAME_POS = {"PROPN", "NOUN", "ADJ", "X"}  # a capitalised token of these parts may be a name word
LEADING_NON_NAME_POS = {"VERB", "ADV", "ADP", "DET", "SCONJ", "CCONJ", "PRON", "AUX", "PART", "INTJ"}

_QUOTES = "\"'“”‘’«»"
_TRAIL = re.compile(r"(?:\s*\[\d*\]?|[\s,;:\-–—(\[]+|\s+(?:of|and|the|in|at|on|for|to|de|von)|\s*[\"'“”‘’«»]+)$")
_LEAD = re.compile(r"^(?:[\s\"'“”‘’«»(\[.,;:\-–—]+|[Tt]he\s+)")
_BAD = re.compile(r"https?:|www\.|[/@=|{}<>]|\.(?:jpg|png|htm)")
_ROMAN = re.compile(r"^[IVX]+\.?$")


@dataclass
class _Cand:
    start: int
    end: int
    label: str
    rule: str = "ner"  # ner | title | first_name | mononym | gazetteer | quoted | heading
    context: dict[str, float] = field(default_factory=lambda: defaultdict(float))  # per mention
    name_hint: dict[str, float] = field(default_factory=lambda: defaultdict(float))  # rule's say


# ------------------------------------------------------------------- spans --

def clean_span(text: str, start: int, end: int, allow_digit: bool = False) -> tuple[int, int] | None:
    """Trim a raw entity span to the bare name; None if nothing name-like is left."""
    s = text[start:end]
    while (m := _LEAD.match(s)):
        start += m.end()
        s = s[m.end():]
    while True:
        old = s
        if (m := _TRAIL.search(s)) and m.start() < len(s):
            s = s[:m.start()]
        if re.search(r"['’]s$", s):
            s = s[:-2]
        elif re.search(r"s['’]$", s) and len(s) > 3:
            s = s[:-1]
        if s.endswith(".") and not re.search(r"(?:\b[A-Z]|\b(?:Jr|Sr|St|Dr|Mr|Mrs|Ms))\.$", s):
            s = s[:-1]
        if s == old:
            break
    end = start + len(s)
    if not s or _BAD.search(s):
        return None
    if not (s[0].isupper() or (allow_digit and s[0].isdigit())):
        return None
    return start, end


_GLUE = re.compile(r",\s+|\s+and\s+|\s+&\s+")


def _pieces(text: str, start: int, end: int, allow_digit: bool, glued: bool = False) -> list[tuple[int, int]]:
    """An entity that runs across a line break is several pieces (a heading and a name);
    with ``glued``, so is a person span joined by "and" or a comma ("Petar and Marija",
    "Lisbon, Pedro")."""
    out = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        a, b = start + m.start(), start + m.end()
        parts = [(a, b)]
        if glued:
            cuts = [g for g in _GLUE.finditer(text, a, b)]
            if cuts and all(text[g.end():g.end() + 1].isupper() for g in cuts):
                bounds = [a] + [x for g in cuts for x in (g.start(), g.end())] + [b]
                parts = list(zip(bounds[::2], bounds[1::2]))
        for pa, pb in parts:
            span = clean_span(text, pa, pb, allow_digit)
            if span:
                out.append(span)
    return out


def _trim_leading(doc: Doc, start: int, end: int) -> int:
    """Drop leading words the tagger reads as ordinary words ("Spotting Anna", "So Dickens")."""
    span = doc.spacy.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start
    i = 0
    while i < len(span) - 1 and (span[i].pos_ in LEADING_NON_NAME_POS or span[i].is_stop):
        i += 1
    return span[i].idx if i else start


# -------------------------------------------------------------- candidates --

def _known_surnames(doc: Doc, lex: Lexicon) -> frozenset[str]:
    """Surnames the document gives people: last words of its full names ("Giuseppe
    Garibaldi" -> "Garibaldi", the full name kept too), one-word names tagged as persons
    twice, and the mononyms."""
    out = set(lex.mononyms)
    single: Counter = Counter()
    for ent in doc.spacy.ents:
        words = ent.text.split()
        if ent.label_ != "PERSON":
            continue
        if len(words) >= 2 and words[0] in lex.first_names and words[-1][:1].isupper():
            out.update((words[-1], ent.text))
        elif len(words) == 1:
            single[ent.text] += 1
    return frozenset(out | {w for w, k in single.items() if k >= 2})


def _ner_candidates(doc: Doc, lex: Lexicon, gaz: Gazetteer) -> list[_Cand]:
    out = []
    surnames = _known_surnames(doc, lex)
    for ent in doc.spacy.ents:
        if ent.label_ not in LABEL_TYPE:
            continue
        allow_digit = ent.label_ not in ("PERSON", "GPE", "LOC", "NORP")
        s = doc.sentence_at(ent.start_char)
        glued = ent.label_ in ("PERSON", "ORG") and not (s is not None and s.kind in CITED_KINDS)
        pieces = _pieces(doc.text, ent.start_char, ent.end_char, allow_digit, glued)
        if ent.label_ == "ORG" and len(pieces) > 1 and not all(
                " " not in doc.text[a:b] and (doc.text[a:b] in lex.first_names or gaz.lookup(doc.text[a:b]))
                for a, b in pieces):  # "Harper and Brothers" stays; "Petar and Marija" splits
            pieces = _pieces(doc.text, ent.start_char, ent.end_char, allow_digit)
        for a, b in pieces:
            if ent.label_ in ("PERSON", "ORG", "GPE", "PRODUCT"):
                a2 = _trim_leading(doc, a, b)
                if a2 != a:
                    span = clean_span(doc.text, a2, b)
                    if not span:
                        continue
                    a, b = span
            a = _extend_head(doc, a, lex)
            out.extend(_split_place(doc, a, b, ent.label_, lex, gaz, surnames))
    return out


_EVENT_OF = re.compile(r"^(?P<head>[A-Z][a-z]+) of (?:the )?")


def _split_place(doc: Doc, a: int, b: int, label: str, lex: Lexicon, gaz: Gazetteer,
                 surnames: frozenset[str] = frozenset()) -> list[_Cand]:
    """The place inside "Battle of Waterloo", and "Capri" in "at Capri Tiberius"."""
    text = doc.text[a:b]
    m = _EVENT_OF.match(text)
    if m and m["head"] in lex.event_heads and gaz.lookup(text[m.end():]):
        c = _Cand(a + m.end(), b, "GPE", "ner")
        c.name_hint["place"] += 1.0
        return [c]
    words = list(re.finditer(r"\S+", text))
    before = doc.text[max(0, a - 12):a].split()
    if label == "PERSON" and len(words) >= 2 and before and before[-1].lower() in lex.place_preps:
        for n in range(len(words) - 1, 0, -1):
            head = text[:words[n - 1].end()]
            if _gaz_weight(gaz.lookup(head), head, lex) >= 1.0:
                place = _Cand(a, a + len(head), "GPE", "ner")
                place.name_hint["place"] += 1.0
                return [place, _Cand(a + words[n].start(), b, "PERSON", "ner")]
    if len(words) >= 2 and before and before[-1].lower() in lex.place_preps:
        split = _run_in_name(text, words, lex, gaz, surnames)
        if split:
            place = _Cand(a, a + words[split - 1].end(), "GPE", "ner")
            place.name_hint["place"] += 1.0
            return [place, _Cand(a + words[split].start(), b, "PERSON", "ner")]
    return [_Cand(a, b, label)]


def _run_in_name(text: str, words: list, lex: Lexicon, gaz: Gazetteer, surnames: frozenset[str]) -> int:
    """Where a place run into a person's name splits ("at Capri Tiberius Nero" -> 1): the
    words after the cut are a surname the document gives a person, or open with a known
    first name after a place the gazetteer knows (``surnames`` also holds the full names,
    which never split); the words before are no person's name (no first name the
    gazetteer lacks, no title or particle)."""
    ws = [w.group().rstrip(".,;:") for w in words]
    if " ".join(ws) in surnames or ws[-1] in lex.building_cues or ws[-1] in lex.org_cues:
        return 0  # "Drury Lane Theatre" is one name
    for n in range(1, len(ws)):
        head, tail = ws[:n], ws[n:]
        if (head[0] in lex.first_names and not gaz.lookup(head[0])) or head[0] in lex.titles \
                or any(w in lex.particles for w in ws[n - 1:n + 1]):
            return 0
        if any(w in lex.first_names for w in head[1:]):
            return 0
        known_place = bool(gaz.lookup(" ".join(head)))
        if (tail[0] in lex.first_names and known_place) or (len(tail) == 1 and tail[0] in surnames):
            return n
    return 0


def _extend_head(doc: Doc, start: int, lex: Lexicon) -> int:
    """"Treaty of" / "Battle of" / "Congress of" before a name belongs to it."""
    m = re.search(r"(?P<head>[A-Z][a-z]+)\s+of\s+(?:the\s+)?$", doc.text[max(0, start - 40):start])
    if m and (m["head"] in lex.work_heads or m["head"] in lex.event_heads):
        return start - (len(doc.text[max(0, start - 40):start]) - m.start("head"))
    return start


def _is_cap(tok) -> bool:
    t = tok.text
    if not t or not t[0].isupper():
        return False
    return not t.isupper() or len(t) > 1


def _name_run(sd, i: int, lex: Lexicon, allow_of: bool = False) -> int:
    """Index after the capitalised name starting at token i (particles and initials inside)."""
    j, n = i, len(sd)
    while j < n:
        t = sd[j]
        if _is_cap(t) and t.text not in lex.not_names and t.pos_ in NAME_POS:
            j += 1
        elif re.fullmatch(r"[A-Z]\.", t.text) and j > i:  # middle initial
            j += 1
        elif t.text in ("-", "‐") and t.whitespace_ == "" and j + 1 < n and _is_cap(sd[j + 1]) and j > i:
            j += 1
        elif ((t.text in lex.particles or (allow_of and t.text == "of" and j == i))
              and j + 1 < n and _is_cap(sd[j + 1])):
            j += 1
        else:
            break
    return j


def _title_at(words: list[str], i: int, lex: Lexicon) -> int:
    """Number of words of a title starting at word i (0 if none); "Dr." is "Dr"."""
    for k in range(min(lex.title_words, len(words) - i), 0, -1):
        title = " ".join(words[i:i + k])
        if title in lex.titles or (title.endswith(".") and title[:-1] in lex.title_abbreviations
                                   and title[:-1] in lex.titles):
            return k
    return 0


def _title_candidates(doc: Doc, lex: Lexicon, gaz: Gazetteer) -> list[_Cand]:
    """Title + capitalised name: "Captain James Cook", "Duke of Marlborough"."""
    sd = doc.spacy
    words = [t.text for t in sd]
    out = []
    i = 0
    while i < len(sd):
        k = _title_at(words, i, lex)
        if not k or not words[i][0].isupper():
            i += 1
            continue
        title = " ".join(words[i:i + k])
        j = i + k
        if j < len(sd) and words[j] == "." and words[j - 1] in lex.title_abbreviations:
            j += 1
        of = title in NOBLE_OF and j < len(sd) and words[j] == "of"
        end = _name_run(sd, j, lex, allow_of=of)
        if end > j + (1 if of else 0):
            if of:
                best = _best(gaz.lookup(doc.text[sd[j + 1].idx:sd[end - 1].idx + len(sd[end - 1])]))
                if best is not None and best.feature in ("country", "continent", "state"):
                    i = end
                    continue  # "King of France": a role; France stays a place
            span = clean_span(doc.text, sd[i].idx, sd[end - 1].idx + len(sd[end - 1].text))
            if span:
                c = _Cand(span[0], span[1], "PERSON", "title")
                c.name_hint["person"] += 3.0
                out.append(c)
            i = end
            continue
        i += 1
    return out


def _first_name_candidates(doc: Doc, lex: Lexicon, gaz: Gazetteer | None = None) -> list[_Cand]:
    """A known first name followed by a capitalised surname: "John Harrison" (not "Victoria
    Station", not "Charlotte Amalie": a building word or a multi-word place the gazetteer knows)."""
    sd = doc.spacy
    out = []
    i = 0
    while i < len(sd) - 1:
        t = sd[i]
        if t.text in lex.first_names and t.pos_ in NAME_POS and (i == 0 or sd[i - 1].text not in lex.titles):
            end = _name_run(sd, i + 1, lex)
            if end > i + 1 and end - i <= 4 and sd[end - 1].pos_ == "PROPN":
                span = clean_span(doc.text, t.idx, sd[end - 1].idx + len(sd[end - 1].text))
                last = sd[end - 1].text
                if span and (last in lex.building_cues or last in lex.org_cues or (
                        gaz is not None and _gaz_weight(gaz.lookup(doc.text[span[0]:span[1]]),
                                                        doc.text[span[0]:span[1]], lex) >= 2.5)):
                    i = end
                    continue
                if span:
                    c = _Cand(span[0], span[1], "PERSON", "first_name")
                    c.name_hint["person"] += 1.0
                    out.append(c)
                i = end
                continue
        i += 1
    return out


def _gazetteer_candidates(doc: Doc, lex: Lexicon, gaz: Gazetteer) -> list[_Cand]:
    """A gazetteer place after "in/to/from/at ...": "exiled to Tobolsk", "at Austerlitz"."""
    sd = doc.spacy
    out = []
    lower = lower_words(doc)
    for i, t in enumerate(sd[:-1]):
        if t.lower_ not in lex.place_preps:
            continue
        j = i + 1
        if sd[j].lower_ == "the":
            j += 1
        if j >= len(sd) or not _is_cap(sd[j]) or sd[j].pos_ != "PROPN" or sd[j].text in lex.not_names:
            continue
        end = _name_run(sd, j, lex)
        if end < len(sd) and sd[end].text == "of" or sd[j].text in lex.event_heads or sd[j].text in lex.work_heads:
            continue  # the head of a longer name: "at the Battle of Waterloo"
        for e in range(min(end, j + 4), j, -1):  # longest name the gazetteer knows
            text = doc.text[sd[j].idx:sd[e - 1].idx + len(sd[e - 1].text)]
            cands = gaz.lookup(text)
            if cands and " " not in text and _common(text, lower) and (
                    _in_titled_zone(doc, sd[j].idx) or _gaz_weight(cands, text, lex) < 1.2):
                break  # "Byron in Exile": a word the text also writes in lower case
            if cands and _gaz_weight(cands, text, lex) >= 0.3 and text not in lex.first_names:
                c = _Cand(sd[j].idx, sd[j].idx + len(text), "GPE", "gazetteer")
                c.name_hint["place"] += 1.0
                out.append(c)
                break
    return out


def _mononym_candidates(doc: Doc, lex: Lexicon) -> list[_Cand]:
    """People known by one name: "Christ", "Voltaire"; organisations known by one word:
    "Comintern", "Gestapo"."""
    out = []
    for t in doc.spacy:
        if t.text in lex.mononyms:
            c = _Cand(t.idx, t.idx + len(t.text), "PERSON", "mononym")
            c.name_hint["person"] += 1.0
            out.append(c)
        elif t.text in lex.org_names:
            c = _Cand(t.idx, t.idx + len(t.text), "ORG", "mononym")
            c.name_hint["organization"] += 3.0
            out.append(c)
    return out


def _regnal_candidates(doc: Doc, lex: Lexicon) -> list[_Cand]:
    """Names whose own form says what they name: "Olaf II", "Sven the Bold" (a ruler,
    whatever the model makes of "Olaf" alone), "HMS Pandora" (a vessel)."""
    not_names = lex.not_names | lex.heading_words | lex.event_heads | lex.work_heads
    out = []
    not_epithets = not_names | lex.geo_nouns | lex.place_nouns | lex.colour_words
    for a, b in regnal_spans(doc.spacy, not_names, lex.titles) + epithet_spans(doc.spacy, not_epithets, lex.titles):
        c = _Cand(a, b, "PERSON", "regnal")
        c.name_hint["person"] += 3.0
        out.append(c)
    for a, b in prefixed_spans(doc.spacy, lex.vessel_prefixes):  # "HMS Pandora"
        out.append(_Cand(a, b, "PRODUCT", "regnal"))
    return out


def _dynasty_candidates(doc: Doc, lex: Lexicon, gaz: Gazetteer) -> list[_Cand]:
    """A dynasty's name used as an adjective ("white Bourbon cockades"): the house."""
    out = []
    sd = doc.spacy
    for t in sd[:-1]:
        nxt = sd[t.i + 1]
        if (t.text in lex.dynasties and nxt.pos_ == "NOUN" and nxt.text[:1].islower()
                and _gaz_weight(gaz.lookup(t.text), t.text, lex) < 1.0):
            c = _Cand(t.idx, t.idx + len(t.text), "NORP", "mononym")
            c.name_hint["organization"] += 2.0
            out.append(c)
    return out


_NAMED = re.compile(r"\b(?:named|called|pseudonym|alias|known as|nicknamed|dubbed|under the name(?: of)?"
                    r"|sign(?:ed|ing|s)(?: (?:his|her|their|the|it|each|a) ?\w*)?(?: as| with)?)\s*[,:]?\s*"
                    r"[\"“‘'](?P<name>[A-Z][^\"”’'\n]{1,40}?)[\"”’']")


def _quoted_candidates(doc: Doc) -> list[_Cand]:
    """A quoted name after "named"/"called"/"pseudonym": named 'John Smith'."""
    out = []
    for m in _NAMED.finditer(doc.text):
        span = clean_span(doc.text, m.start("name"), m.end("name"))
        if span:
            c = _Cand(span[0], span[1], "PERSON", "quoted")
            c.name_hint["person"] += 0.5
            out.append(c)
    return out


# ---------------------------------------------------------------- evidence --

def _best(cands: list[Candidate]) -> Candidate | None:
    return cands[0] if cands else None


def _gaz_weight(cands: list[Candidate], text: str, lex: Lexicon) -> float:
    """How strongly the gazetteer says a name is a place."""
    w = 0.0
    for c in cands:
        if c.feature in PLACE_FEATURES_STRONG:
            v = 2.5 if c.primary else 2.0
        elif c.primary:
            v = 2.0 if c.population >= 1_000_000 else 1.2 if c.population >= 100_000 else \
                0.8 if c.population >= 10_000 else 0.3
        else:
            v = 1.2 if c.population >= 1_000_000 else 0.6 if c.population >= 100_000 else 0.2
        w = max(w, v)
    words = text.split()
    if len(words) > 1 and w >= 1.2:
        w = max(w, 2.5)  # a whole multi-word name that is a known city: "Buenos Aires"
    if len(words) == 1 and text in lex.colour_words:
        return 0.0  # "dressed in White": a colour, not the hamlet of that name
    return w


def decisive_type(text: str, label_counts: Counter, lex: Lexicon, gaz: Gazetteer) -> str | None:
    """A type the name's own words settle ("Red Army", "Treaty of X", "the Bourbons")."""
    words = text.split()
    first, last = words[0], words[-1]
    multi = len(words) > 1
    person_named = first in lex.first_names and label_counts.get("PERSON", 0) > 0
    if _gaz_weight(gaz.lookup(text), text, lex) >= 2.0 and multi and last in lex.building_cues \
            and not person_named:
        return "place"  # a building the gazetteer knows: "Blue House", "White House"
    if _gaz_weight(gaz.lookup(text), text, lex) >= 2.5:
        return None  # "Soviet Union" is a state whatever its last word
    if multi and first in lex.vessel_prefixes:
        return "vehicle"  # a ship: "HMS Bellerophon"
    if multi and first in lex.work_heads and "of" in words:
        return "work"
    if multi and any(w in WORK_TAILS and (i == len(words) - 1 or words[i + 1] == "of")
                     for i, w in enumerate(words[1:], 1)):
        return "work"  # "Anglo-Japanese Treaty (of Alliance)", "Molotov–Ribbentrop Pact"
    if multi and (first in lex.event_heads and "of" in words or last in lex.event_tails
                  or (_ROMAN.match(last) and words[-2] in lex.event_tails)):  # "World War II"
        return "other"
    if multi and last in lex.org_cues and not person_named:
        return "organization"
    if not multi and text in lex.org_cues and text not in lex.demonyms and text not in lex.group_words:
        return "organization"  # "Congress", "Parliament"
    if multi and last in lex.building_cues and not (person_named and last == "House"):
        return "place"
    if multi and first in lex.building_cues and first not in lex.org_cues and words[1] == "of":
        return "place"  # "Museum of Natural History", "Castle of Otranto"
    stem = re.sub(r"s$", "", text)
    if text in lex.dynasties or (text.endswith("s") and stem in lex.dynasties):
        return "organization"
    if text in lex.group_words:
        return "group"
    return None


def _name_evidence(text: str, label_counts: Counter, lex: Lexicon, gaz: Gazetteer) -> dict[str, float]:
    """What the name itself says, whatever its context."""
    sc: dict[str, float] = defaultdict(float)
    words = text.split()
    first, last = words[0], words[-1]
    total = sum(label_counts.values()) or 1
    multi = len(words) > 1
    for label, n in label_counts.items():
        trust = 0.5 if label == "ORG" and not multi else LABEL_TRUST.get(label, 1.0)
        sc[LABEL_TYPE.get(label, "other")] += NER_WEIGHT * trust * n / total
    if text in lex.demonyms:
        sc["group"] += 2.0
        return sc
    gw = _gaz_weight(gaz.lookup(text), text, lex)
    sc["place"] += gw
    if first in lex.first_names:
        if multi and not (len(words) == 2 and _ROMAN.match(last)) and gw < 2.5:
            sc["person"] += 2.0
        elif not multi and gw < 2.0:
            sc["person"] += 1.5
    if multi and _ROMAN.match(last):
        sc["person"] += 2.0  # "Louis XVIII"
    if multi and first in lex.titles:
        sc["person"] += 3.0
    if not multi and re.search(r"(?:ists|ites|iks|ians)$", text) and gw < 2.0:
        sc["group"] += 1.5  # plural members of a movement: "Bolsheviks", "Jacobites"
    return sc


_PLACE_PERIOD = re.compile(r"(?P<name>[A-Z][\w'’.\-]*(?:\s+(?:of\s+)?[A-Z][\w'’.\-]*){0,3}),\s+"
                           r"\(?\d{3,4}(?:\s*[-–]\s*\d{2,4})?\)?\s*$")


def _heading_place_candidates(doc: Doc, lex: Lexicon, gaz: Gazetteer) -> list[_Cand]:
    """A heading that is a place and a period ("Florence, 1913", "Turkey, 1929-1933"): the
    place the section happens in. Not a person with life dates ("Ada Byron, 1815-1852")."""
    out = []
    for s in doc.sentences:
        if s.kind not in ("heading", "title"):
            continue
        m = _PLACE_PERIOD.fullmatch(doc.text, s.start, s.end)
        if m is None:
            continue
        words = m["name"].split()
        if words[0] in lex.first_names and (len(words) > 1 or not gaz.lookup(m["name"])):
            continue
        c = _Cand(m.start("name"), m.end("name"), "GPE", "heading")
        c.name_hint["place"] += 1.0
        out.append(c)
    return out


def _person_noun(tok, lex: Lexicon) -> bool:
    """A noun for people or a person ("troops", "art dealer", "banker" before a name):
    a demonym before it says where they come from, it is no place mention."""
    words = {tok.lower_, tok.lemma_.lower()}
    if words & (lex.people_nouns | lex.role_nouns | lex.kin_nouns):
        return True
    # "the Genoese shipowner Carlo Rossi": a noun right before a person's name is a role
    return tok.dep_ in ("compound", "appos") and tok.head.ent_type_ == "PERSON"


def _context_evidence(c: _Cand, doc: Doc, lex: Lexicon) -> None:
    """Cues from the parse around one mention."""
    sd = doc.spacy
    span = sd.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return
    head = span.root
    text = doc.text[c.start:c.end]
    if c.rule == "heading":
        c.context["place"] += 3.0  # a section headed "Florence, 1913": where it happens
    if text in lex.demonyms and head.dep_ == "amod" and head.head.lemma_.lower() in lex.geo_nouns:
        c.context["place"] += 4.0  # "the Tuscan coast"
        return
    if (text in lex.demonyms and not text.endswith("s") and head.dep_ in ("amod", "compound")
            and head.head.pos_ == "NOUN" and not _person_noun(head.head, lex)
            and head.head.lemma_.lower() not in lex.vessel_nouns):
        c.context["place"] += 4.0  # "the Egyptian campaign", "Asian trade": the place
        return
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ in lex.person_verbs:
        c.context["person"] += 1.5 if head.dep_ == "nsubj" else 0.5
    if head.dep_ == "pobj" and head.head.lower_ in lex.place_preps:
        verb = head.head.head
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_ in lex.place_verbs:
            c.context["place"] += 1.5
        elif head.head.lower_ in ("in", "at", "near", "from", "into", "across", "through"):
            c.context["place"] += 0.7
    after = sd[span.end:span.end + 3]
    if len(after) >= 2 and after[0].text in ("'s", "’s", "'", "’") and after[1].lemma_.lower() in lex.kin_nouns:
        c.context["person"] += 2.0
    if head.dep_ == "appos" and head.head.lemma_.lower() in lex.vessel_nouns:
        c.context["vehicle"] += VESSEL_CUE  # "a British frigate, the Bellerophon"
    if _named_vessel(head, lex):
        c.context["vehicle"] += VESSEL_CUE  # "the schooner named Mary Ellen": a ship, whoever it honours
    if head.dep_ == "appos" and head.head.lemma_.lower() in lex.kin_nouns:
        c.context["person"] += 2.5
    for child in head.children:
        if child.dep_ == "appos" and child.lemma_.lower() in lex.kin_nouns:
            c.context["person"] += 2.0
    if len(after) >= 2 and after[0].text == "," and after[1].lower_ == "who":
        c.context["person"] += 1.5
    _role_and_kind_cues(c, span, head, lex)
    for t, w in c.name_hint.items():
        c.context[t] += w


def _named_vessel(head, lex: Lexicon) -> bool:
    """The name given to a ship, train or aircraft: "a liner named X", "the frigate X"."""
    verb = head.head
    if head.dep_ in ("oprd", "attr", "dobj", "appos", "npadvmod") and verb.lemma_.lower() in ("name", "call", "christen"):
        return verb.head.lemma_.lower() in lex.vessel_nouns or any(
            c.lemma_.lower() in lex.vessel_nouns for c in verb.children if c.dep_ in ("nsubjpass", "nsubj"))
    return head.dep_ == "compound" and head.head.lemma_.lower() in lex.vessel_nouns and head.i > head.head.i


def _role_and_kind_cues(c: _Cand, span, head, lex: Lexicon) -> None:
    """"politician Cato", "the town of Timbuktu", "a member of the Carbonari", "the
    Carbonari, a society ...", "Smith and Jones"."""
    sd = span.doc
    prev = sd[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.text.islower() and prev.lemma_.lower() in lex.role_nouns \
            and prev.pos_ == "NOUN" and prev.head.i >= span.start:
        c.context["person"] += 2.0
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        gov = head.head.head
        if gov.lemma_.lower() in lex.place_nouns and gov.text.islower():
            c.context["place"] += 2.5
        elif gov.lemma_.lower() in ("member", "founder", "co-founder", "cofounder"):
            c.context["organization"] += 2.5
    if head.dep_ == "dobj" and head.head.lemma_ == "join" and head.ent_type_ != "PERSON":
        c.context["organization"] += 0.7
    appos = [t for t in head.children if t.dep_ == "appos"]
    if head.dep_ == "appos":
        appos.append(head.head)
    for a in appos:
        if a.text.islower() and a.lemma_.lower() in lex.org_nouns:
            c.context["organization"] += 4.0
        elif a.text.islower() and a.lemma_.lower() in lex.place_nouns:
            c.context["place"] += 2.0
    conj = [t for t in head.children if t.dep_ == "conj"] + ([head.head] if head.dep_ == "conj" else [])
    if any(t.ent_type_ == "PERSON" and not (span.start <= t.i < span.end) for t in conj):
        c.context["person"] += 1.0


# ------------------------------------------------------------------ merging --

def _merge(cands: list[_Cand]) -> list[_Cand]:
    """One candidate per stretch of text: rule spans that extend an entity win."""
    order = {"title": 0, "regnal": 0, "quoted": 1, "institution": 1, "heading": 1, "ner": 2, "first_name": 3, "mononym": 4, "gazetteer": 5}
    cands = sorted(cands, key=lambda c: (order[c.rule], -(c.end - c.start), c.start))
    kept: list[_Cand] = []
    for c in cands:
        clash = [k for k in kept if k.start < c.end and c.start < k.end]
        for k in clash:
            if (k.start, k.end) == (c.start, c.end):  # same words: the rule's say still counts
                for t, w in c.name_hint.items():
                    k.name_hint[t] += w
        if not clash:
            kept.append(c)
        elif c.rule == "gazetteer" and len(clash) >= 2 and all(
                k.rule == "ner" and c.start <= k.start and k.end <= c.end for k in clash):
            for k in clash:  # "Republika" + "Srpska": the gazetteer knows the whole name
                kept.remove(k)
            kept.append(c)
        elif c.rule == "first_name" and all(k.rule == "ner" for k in clash) and (
                all(c.start <= k.start and k.end <= c.end and c.end - c.start > k.end - k.start
                    for k in clash)  # "John" + "Harrison"
                or (len(clash) == 1 and clash[0].label != "PERSON" and clash[0].end == c.end)):
            for k in clash:  # ... or "War Edwin Stanton" -> "Edwin Stanton"
                kept.remove(k)
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


# -------------------------------------------------------------------- vote --

def name_key(text: str, lex: Lexicon) -> str:
    """The name without its title: mentions with one key share one vote."""
    words = text.split()
    k = _title_at(words, 0, lex)
    if k and len(words) > k:
        words = words[k:]
        if words[0].rstrip(".") == "" or words[0] == ".":
            words = words[1:]
        if words and words[0] == "of" and len(words) > 1:
            words = words[1:]
    return normalise(" ".join(words))


def _argmax(scores: dict[str, float]) -> tuple[str, float]:
    if not scores:
        return "other", 0.0
    t = max(scores, key=lambda k: scores[k])
    return t, scores[t]


def _vote(cands: list[_Cand], doc: Doc, lex: Lexicon, gaz: Gazetteer) -> list[str]:
    """Each candidate's type: the document's vote per name, unless a strong local cue."""
    keys = [name_key(doc.text[c.start:c.end], lex) for c in cands]
    labels: dict[str, Counter] = defaultdict(Counter)
    surface: dict[str, Counter] = defaultdict(Counter)
    for c, k in zip(cands, keys):
        if c.rule == "ner":
            labels[k][c.label] += 1
        surface[k][doc.text[c.start:c.end]] += 1
    groups: dict[str, dict[str, float]] = {}
    decided: dict[str, str] = {}
    for k in surface:
        text = max(surface[k], key=lambda s: (len(s.split()), surface[k][s]))
        groups[k] = _name_evidence(text, labels[k], lex, gaz)
        d = decisive_type(text, labels[k], lex, gaz)
        if d:
            decided[k] = d
    for c, k in zip(cands, keys):
        for t, w in c.context.items():
            groups[k][t] = groups[k].get(t, 0.0) + w
    # parts of a person's full name are that person ("Brutus" <- "Marcus Junius Brutus")
    parts: Counter = Counter()
    for k, sc in groups.items():
        words = k.split()
        if len(words) > 1 and _argmax(sc)[0] == "person":
            parts.update(w for w in set(words) if w not in lex.particles and len(w) > 2)
    for k, sc in groups.items():
        if len(k.split()) == 1 and k in parts:
            sc["person"] = sc.get("person", 0.0) + 2.0 + 0.5 * min(parts[k], 4)
    out = []
    for c, k in zip(cands, keys):
        if c.context.get("vehicle", 0.0) >= VESSEL_CUE:
            out.append("vehicle")  # "the liner named Lord Nelson": a ship, whoever it honours
            continue
        if k in decided:
            out.append(decided[k])
            continue
        doc_type, _ = _argmax(groups[k])
        loc_type, loc_w = _argmax(c.context)
        if loc_type != doc_type and loc_w - c.context.get(doc_type, 0.0) >= LOCAL_OVERRIDE:
            out.append(loc_type)
        else:
            out.append(doc_type)
    return out


def _valid(c: _Cand, doc: Doc, lex: Lexicon) -> bool:
    text = doc.text[c.start:c.end]
    words = text.split()
    if not words or text in lex.not_names or all(w in lex.not_names for w in words):
        return False
    if words[0] in lex.heading_words and (len(words) == 1 or re.match(r"\d|[IVX]+\b", words[1])):
        return False  # "Chapter 15"
    if len(text) < 2 or not any(ch.isalpha() for ch in text):
        return False
    if _era_marker(text, doc.text, c.start, c.end, lex):
        return False  # "218 B.C.": a year's era, not British Columbia
    if len(words) >= 2 and words[-1] in lex.titles and " ".join(words[:-1]) in lex.demonyms:
        return False  # "the British Governor of Bengal": a role, not a name
    s = doc.sentence_at(c.start)
    if s is not None and s.kind in ("heading", "title") and c.label in ("WORK_OF_ART", "LAW", "EVENT"):
        return False  # a heading's words are not a work's title
    return True


def _era_marker(text: str, doc_text: str, start: int, end: int, lex: Lexicon) -> bool:
    """An era marker next to a number ("218 B.C.", "AD 410")."""
    if text.replace(".", "").strip() not in lex.era_markers:
        return False
    return bool(re.search(r"\d[\s,)]*$", doc_text[max(0, start - 8):start])
                or re.match(r"\s*\d", doc_text[end:end + 4]))


def _extend_country_nouns(cands: list[_Cand], doc: Doc, lex: Lexicon) -> None:
    """"the French mainland" names the country: the noun belongs to the mention."""
    from ..resolve.places import COUNTRY_NOUNS
    for c in cands:
        if doc.text[c.start:c.end] in lex.demonyms:
            m = re.match(r" (?P<noun>[a-z]+)\b", doc.text[c.end:c.end + 20])
            if m and m["noun"] in COUNTRY_NOUNS:
                c.end += m.end()
                c.name_hint["place"] += 5.0


def _extend_feature_tails(cands: list[_Cand], doc: Doc, lex: Lexicon) -> None:
    """"the Danube river", "Spandau fortress": the feature noun belongs to the place."""
    for c in cands:
        text = doc.text[c.start:c.end]
        if c.rule in ("title", "first_name", "institution") or text in lex.demonyms:
            continue
        m = re.match(r" (?P<noun>[a-z]+)\b", doc.text[c.end:c.end + 20])
        if m and m["noun"] in lex.feature_tails and not re.match(r"\s*(?:of|'s|’s)\b", doc.text[c.end + m.end():]):
            c.end += m.end()
            c.name_hint["place"] += 5.0


def _institution_candidates(doc: Doc, lex: Lexicon) -> list[_Cand]:
    """"the French government", "the Ottoman army": a state's institution."""
    if not lex.institution_nouns:
        return []
    nouns = "|".join(sorted((re.escape(n) for n in lex.institution_nouns), key=len, reverse=True))
    pat = re.compile(r"\b(?P<dem>[A-Z][\w]+(?:-[A-Z][\w]+)?)\s+(?P<noun>" + nouns + r")\b")
    out = []
    for m in pat.finditer(doc.text):
        if m["dem"] in lex.demonyms:
            c = _Cand(m.start(), m.end(), "ORG", "institution")
            c.name_hint["organization"] += 5.0
            out.append(c)
    return out


def _in_heading(doc: Doc, start: int) -> bool:
    s = doc.sentence_at(start)
    return s is not None and s.kind in ("heading", "title")


def _common(word: str, lower: set[str]) -> bool:
    w = word.casefold().strip(".,;:!?\"'“”‘’")
    return w in lower or ("-" in w and all(p in lower for p in w.split("-") if len(p) > 2))


def _in_titled_zone(doc: Doc, start: int) -> bool:
    """Headings, titles and cited zones write words in title case ("The Tsar Flees His Capital")."""
    s = doc.sentence_at(start)
    return s is not None and s.kind in ("heading", "title", *CITED_KINDS)


def _trim_heading_names(cands: list[_Cand], doc: Doc) -> list[_Cand]:
    """Title-case headings glue names to their words ("Tsar Flees", "Chasing
    Caesar's Killer", "Cromwell Speech"): a heading's name shrinks to the longest run of
    its words that the running text uses as a name."""
    body = {doc.text[c.start:c.end] for c in cands if not _in_titled_zone(doc, c.start)}
    lower = lower_words(doc)
    out = []
    for c in cands:
        text = doc.text[c.start:c.end]
        words = list(re.finditer(r"\S+", text))
        if len(words) < 2 or text in body or not _in_titled_zone(doc, c.start):
            out.append(c)
            continue
        best = None
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                if (i, j) == (0, len(words)):
                    continue
                span = clean_span(doc.text, c.start + words[i].start(), c.start + words[j - 1].end())
                if span and doc.text[span[0]:span[1]] in body and (best is None or j - i > best[2]):
                    best = (span[0], span[1], j - i)
        if best:
            c.start, c.end = best[0], best[1]
        elif _in_heading(doc, c.start) and any(_common(w.group(), lower) for w in words) \
                and c.rule in ("ner", "first_name"):
            continue  # "Co-Conspirators Scatter": a heading's ordinary words, no name
        out.append(c)
    return out


# --------------------------------------------------------------- component --

def mentions_of(doc: Doc, lex: Lexicon, gaz: Gazetteer) -> list[Mention]:
    cands = (_ner_candidates(doc, lex, gaz) + _title_candidates(doc, lex, gaz) + _quoted_candidates(doc)
             + _first_name_candidates(doc, lex, gaz) + _mononym_candidates(doc, lex)
             + _regnal_candidates(doc, lex)
             + _dynasty_candidates(doc, lex, gaz)
             + _gazetteer_candidates(doc, lex, gaz) + _institution_candidates(doc, lex)
             + _heading_place_candidates(doc, lex, gaz))
    cands = [c for c in _merge(cands) if _valid(c, doc, lex)]
    cands = _trim_heading_names(cands, doc)
    _extend_country_nouns(cands, doc, lex)
    _extend_feature_tails(cands, doc, lex)
    for c in cands:
        _context_evidence(c, doc, lex)
    types = _vessels_by_name(cands, _retype_by_cues(cands, _vote(cands, doc, lex, gaz), doc, lex), doc, lex)
    out = []
    for c, t in zip(cands, types):
        if t in ("place", "group") and doc.text[c.start:c.end] in lex.colour_words:
            continue  # "dressed in White", "the White cause": a colour, no place or people
        s = doc.sentence_at(c.start)
        out.append(Mention(c.start, c.end, doc.text[c.start:c.end], c.label, t,
                           cited=bool(s is not None and s.kind in CITED_KINDS)))
    return sorted(out + surname_mentions(doc, out, lex), key=lambda m: (m.start, m.end))


def _vessels_by_name(cands: list[_Cand], types: list[str], doc: Doc, lex: Lexicon) -> list[str]:
    """"HMS Temeraire ... the Temeraire": the name without its prefix is the same vessel."""
    names = unprefixed_names([(doc.text[c.start:c.end], t) for c, t in zip(cands, types)], lex.vessel_prefixes)
    return ["vehicle" if doc.text[c.start:c.end] in names else t for c, t in zip(cands, types)]


_PUBLISHER = re.compile(r"[A-Z][\w .’'-]*:\s*$")
_PUB_YEAR = re.compile(r"\s*,\s*(?:\d{4}|n\.d\.)")


def _retype_by_cues(cands: list[_Cand], types: list[str], doc: Doc, lex: Lexicon) -> list[str]:
    """Cues the vote does not weigh: "London: Grey Owl Press, 1971" in a bibliography
    names a publisher; "the Laughing Cavalier" near "portrait" is a work. A name so
    cued once is retyped wherever it occurs."""
    retyped: dict[str, str] = {}
    for c, t in zip(cands, types):
        text = doc.text[c.start:c.end]
        s = doc.sentence_at(c.start)
        if s is None:
            continue
        if s.kind == "bibliography" and t in ("place", "person") and \
                _PUBLISHER.search(doc.text[max(s.start, c.start - 40):c.start]) and _PUB_YEAR.match(doc.text, c.end):
            retyped[text] = "organization"
        elif t == "person" and lex.work_cues and doc.text[max(0, c.start - 4):c.start] == "the " and \
                not any(w in lex.titles for w in text.split()) and \
                lex.work_cues & set(re.findall(r"[a-z]+", doc.text[s.start:s.end])):
            retyped[text] = "work"
    return [retyped.get(doc.text[c.start:c.end], t) for c, t in zip(cands, types)]


def lexicon(ctx: Context) -> Lexicon:
    return ctx.resource("names.lexicon", load_lexicon)


def gazetteer(ctx: Context) -> Gazetteer:
    return ctx.resource("gazetteer", Gazetteer.open)


@component("find_mentions", requires=("spacy", "sentences"), assigns=("mentions",))
def find_mentions(doc: Doc, ctx: Context) -> None:
    doc.mentions = mentions_of(doc, lexicon(ctx), gazetteer(ctx))
