"""Where candidate names come from: spaCy's entities (split and extended), titles,
first names, the gazetteer, mononyms, regnal names, dynasties, quoted names,
"Place, years" headings and a state's institutions ("the French army")."""
from __future__ import annotations

import re
from collections import Counter

from ..doc import Doc
from ..resources.gazetteer import Gazetteer
from ..resources import load
from .lexicon import Lexicon
from .mention_spans import (
    CITED_KINDS, MentionCandidate, clean_span, in_titled_zone, is_common_word, span_pieces, title_at, trim_leading,
)
from .mention_types import LABEL_TYPE, best_candidate, gazetteer_weight
from .regnal import epithet_spans, regnal_spans
from .surnames import lower_words
from .token_table import lowers as token_lowers, words as token_words
from .vessels import prefixed_spans


_CUES = load("names/mention_cues.yaml")
NOBLE_OF = frozenset(_CUES["noble_titles"])


NAME_POS = {"PROPN", "NOUN", "ADJ", "X"}  # a capitalised token of these parts may be a name word


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


def ner_candidates(doc: Doc, lex: Lexicon, gaz: Gazetteer) -> list[MentionCandidate]:
    out = []
    surnames = _known_surnames(doc, lex)
    for ent in doc.spacy.ents:
        if ent.label_ not in LABEL_TYPE:
            continue
        allow_digit = ent.label_ not in ("PERSON", "GPE", "LOC", "NORP")
        s = doc.sentence_at(ent.start_char)
        glued = ent.label_ in ("PERSON", "ORG") and not (s is not None and s.kind in CITED_KINDS)
        pieces = span_pieces(doc.text, ent.start_char, ent.end_char, allow_digit, glued)
        if ent.label_ == "ORG" and len(pieces) > 1 and not all(
                " " not in doc.text[a:b] and (doc.text[a:b] in lex.first_names or gaz.lookup(doc.text[a:b]))
                for a, b in pieces):  # "Wiley and Sons" stays; "Tomas and Elena" splits
            pieces = span_pieces(doc.text, ent.start_char, ent.end_char, allow_digit)
        for a, b in pieces:
            if ent.label_ in ("PERSON", "ORG", "GPE", "PRODUCT"):
                a2 = trim_leading(doc, a, b)
                if a2 != a:
                    span = clean_span(doc.text, a2, b)
                    if not span:
                        continue
                    a, b = span
            a = _extend_head(doc, a, lex)
            out.extend(_split_place(doc, a, b, ent.label_, lex, gaz, surnames))
    return out


_EVENT_OF = re.compile(r"^(?:[Tt]he )?(?P<head>[A-Z][a-z]+) of (?:the )?")


def _split_place(doc: Doc, a: int, b: int, label: str, lex: Lexicon, gaz: Gazetteer,
                 surnames: frozenset[str] = frozenset()) -> list[MentionCandidate]:
    """The place inside "Battle of Waterloo", and "Capri" in "at Capri Tiberius"."""
    text = doc.text[a:b]
    m = _EVENT_OF.match(text)
    if m and m["head"] in lex.event_heads and gaz.lookup(text[m.end():]):
        c = MentionCandidate(a + m.end(), b, "GPE", "ner")
        c.name_hint["place"] += 1.0
        return [c]
    words = list(re.finditer(r"\S+", text))
    before = doc.text[max(0, a - 12):a].split()
    if label == "PERSON" and len(words) >= 2 and before and before[-1].lower() in lex.place_preps:
        for n in range(len(words) - 1, 0, -1):
            head = text[:words[n - 1].end()]
            if gazetteer_weight(gaz.lookup(head), head, lex) >= 1.0:
                place = MentionCandidate(a, a + len(head), "GPE", "ner")
                place.name_hint["place"] += 1.0
                return [place, MentionCandidate(a + words[n].start(), b, "PERSON", "ner")]
    if len(words) >= 2 and before and before[-1].lower() in lex.place_preps:
        split = _run_in_name(text, words, lex, gaz, surnames)
        if split:
            place = MentionCandidate(a, a + words[split - 1].end(), "GPE", "ner")
            place.name_hint["place"] += 1.0
            return [place, MentionCandidate(a + words[split].start(), b, "PERSON", "ner")]
    return [MentionCandidate(a, b, label)]


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
    return _is_cap_word(tok.text)


def _is_cap_word(t: str) -> bool:
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


def title_candidates(doc: Doc, lex: Lexicon, gaz: Gazetteer) -> list[MentionCandidate]:
    """Title + capitalised name: "Captain James Cook", "Duke of Marlborough"."""
    sd = doc.spacy
    words = token_words(sd)
    out = []
    i = 0
    while i < len(sd):
        k = words[i][0].isupper() and title_at(words, i, lex)  # a title is capitalised: test that first
        if not k:
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
                best = best_candidate(gaz.lookup(doc.text[sd[j + 1].idx:sd[end - 1].idx + len(sd[end - 1])]))
                if best is not None and best.feature in ("country", "continent", "state"):
                    i = end
                    continue  # "King of France": a role; France stays a place
            span = clean_span(doc.text, sd[i].idx, sd[end - 1].idx + len(sd[end - 1].text))
            if span:
                c = MentionCandidate(span[0], span[1], "PERSON", "title")
                c.name_hint["person"] += 3.0
                out.append(c)
            i = end
            continue
        i += 1
    return out


def first_name_candidates(doc: Doc, lex: Lexicon, gaz: Gazetteer | None = None) -> list[MentionCandidate]:
    """A known first name followed by a capitalised surname: "John Harrison" (not "Victoria
    Station", not "Charlotte Amalie": a building word or a multi-word place the gazetteer knows)."""
    sd = doc.spacy
    words = token_words(sd)
    low = token_lowers(sd)
    out = []
    i = 0
    while i < len(sd) - 1:
        if words[i] not in lex.first_names:  # the text first: a token only for a first name
            i += 1
            continue
        if i > 0 and low[i - 1] in lex.place_preps and gaz is not None \
                and gazetteer_weight(gaz.lookup(words[i]), words[i], lex) >= 2.0:
            i += 1  # "back from Sofia Marco wrote": a place (as sure as decisive_type's one-word
            continue  # cut) before a name, not a first name
        t = sd[i]
        if t.pos_ in NAME_POS and (i == 0 or words[i - 1] not in lex.titles):
            end = _name_run(sd, i + 1, lex)
            if end > i + 1 and end - i <= 4 and sd[end - 1].pos_ == "PROPN":
                span = clean_span(doc.text, t.idx, sd[end - 1].idx + len(sd[end - 1].text))
                last = sd[end - 1].text
                if span and (last in lex.building_cues or last in lex.org_cues or (
                        gaz is not None and gazetteer_weight(gaz.lookup(doc.text[span[0]:span[1]]),
                                                        doc.text[span[0]:span[1]], lex) >= 2.5)):
                    i = end
                    continue
                if span:
                    c = MentionCandidate(span[0], span[1], "PERSON", "first_name")
                    c.name_hint["person"] += 1.0
                    out.append(c)
                i = end
                continue
        i += 1
    return out


ROLE_NAME_WORDS = 3  # "the usurper Odo Berengar Valcourt": longer runs are no one name


def role_candidates(doc: Doc, lex: Lexicon) -> list[MentionCandidate]:
    """A lower-case role noun right before a capitalised name ("the Frankish usurper Odo",
    "the tribune Gaius Varro"): the name is a person's even when the NER model missed
    it. A title there ("the secretary General") or a building's or organisation's word
    ending the run ("the architect Wren Library") is no person's name."""
    sd = doc.spacy
    words = token_words(sd)
    out = []
    for i in range(len(sd) - 1):
        if words[i] not in lex.role_nouns:  # the text first: a role noun as written, lower case
            continue
        if sd[i].pos_ not in ("NOUN", "ADJ") or sd[i].whitespace_ != " " or words[i + 1] in lex.titles:
            continue
        end = _name_run(sd, i + 1, lex)
        if end == i + 1 or end - i - 1 > ROLE_NAME_WORDS or sd[end - 1].pos_ != "PROPN":
            continue
        last = words[end - 1]
        if last in lex.building_cues or last in lex.org_cues:
            continue
        span = clean_span(doc.text, sd[i + 1].idx, sd[end - 1].idx + len(sd[end - 1].text))
        if span:
            c = MentionCandidate(span[0], span[1], "PERSON", "role")
            c.name_hint["person"] += 1.5
            out.append(c)
    return out


def realm_title_candidates(doc: Doc, lex: Lexicon) -> list[MentionCandidate]:
    """A capitalised name set before ", (the) <Title> of ..." ("Marcian, the King of the
    North, ...", "Odo, Count of Paris, ..."): the name is that title holder's, a person,
    even where the NER model tags only the title or nothing."""
    sd = doc.spacy
    words = token_words(sd)
    out = []
    i = 0
    while i < len(sd) - 3:
        if not (words[i][:1].isupper() and sd[i].pos_ == "PROPN") or (i > 0 and _is_cap(sd[i - 1])):
            i += 1
            continue
        end = _name_run(sd, i, lex)
        k = end + 1 + (end + 1 < len(sd) and words[end + 1] == "the")
        n = title_at(words, k, lex) if end < len(sd) and words[end] == "," and k < len(sd) else 0
        if n and k + n < len(sd) and words[k + n] == "of" and title_at(words, i, lex) == 0:
            span = clean_span(doc.text, sd[i].idx, sd[end - 1].idx + len(sd[end - 1].text))
            if span:
                c = MentionCandidate(span[0], span[1], "PERSON", "role")
                c.name_hint["person"] += 1.5
                out.append(c)
        i = max(end, i + 1)
    return out


def gazetteer_candidates(doc: Doc, lex: Lexicon, gaz: Gazetteer) -> list[MentionCandidate]:
    """A gazetteer place after "in/to/from/at ...": "exiled to Tobolsk", "at Austerlitz"."""
    sd = doc.spacy
    out = []
    lower = lower_words(doc)
    low = token_lowers(sd)
    for i in range(len(sd) - 1):
        named_after = low[i] == "of" and i > 0 and sd[i - 1].text.capitalize() in lex.event_heads
        if low[i] not in lex.place_preps and not named_after:
            continue  # a place after "in", "to" ...; or a happening's: "the Siege of Orvieto"
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
            if cands and " " not in text and is_common_word(text, lower) and (
                    in_titled_zone(doc, sd[j].idx) or gazetteer_weight(cands, text, lex) < 1.2):
                break  # "Byron in Exile": a word the text also writes in lower case
            if cands and gazetteer_weight(cands, text, lex) >= 0.3 and text not in lex.first_names:
                c = MentionCandidate(sd[j].idx, sd[j].idx + len(text), "GPE", "gazetteer")
                c.name_hint["place"] += 1.0
                out.append(c)
                break
    return out


KNOWN_FEATURES = {"building", "island", "river", "lake", "sea", "strait", "mountains", "canal"}


def known_feature_candidates(doc: Doc, lex: Lexicon, gaz: Gazetteer) -> list[MentionCandidate]:
    """A name of several words or a hyphenated one the gazetteer knows as a building,
    island, river or mountain range, wherever it stands ("Kinkaku-ji burned",
    "Offa's Dyke", "Mont Saint-Michel was besieged"): no preposition needed."""
    sd = doc.spacy
    out = []
    for i, end in _name_runs(sd, lex, hyphen_tail=True):
        text = doc.text[sd[i].idx:sd[end - 1].idx + len(sd[end - 1].text)]
        if end - i > 1 and end - i <= 6 and any(c.feature in KNOWN_FEATURES for c in gaz.lookup(text)):
            c = MentionCandidate(sd[i].idx, sd[i].idx + len(text), "FAC", "gazetteer")
            c.name_hint["place"] += 2.0
            out.append(c)
    return out


def _name_runs(sd, lex: Lexicon, hyphen_tail: bool = False):
    """(start, end) of each run of capitalised name words, left to right; with
    ``hyphen_tail`` a hyphenated suffix in lower case belongs to the name ("Kinkaku-ji")."""
    words = token_words(sd)  # the word tests first: a spaCy token only where they pass
    i = 0
    while i < len(sd):
        if not (_is_cap_word(words[i]) and words[i] not in lex.not_names and sd[i].pos_ in NAME_POS):
            i += 1
            continue
        end = _name_run(sd, i, lex)
        while hyphen_tail and end + 1 < len(sd) and sd[end].text == "-" and not sd[end - 1].whitespace_ \
                and not sd[end].whitespace_ and sd[end + 1].text[:1].islower():
            end += 2
        yield i, end
        i = max(end, i + 1)


PLACE_TAILS = frozenset(load("places/place_words.yaml")["name_tails"]["always"])


def place_tail_candidates(doc: Doc, lex: Lexicon) -> list[MentionCandidate]:
    """A name ending in a word no person's name ends in ("Kai Province", "Ryukyu Islands"),
    wherever it stands and though the model tagged nothing there: a place. Where the
    model's span runs over a list ending so, this is its last name (mentions._merge)."""
    sd = doc.spacy
    out = []
    for i, end in _name_runs(sd, lex):
        if 1 < end - i <= 5 and sd[end - 1].text in PLACE_TAILS:
            c = MentionCandidate(sd[i].idx, sd[end - 1].idx + len(sd[end - 1].text), "GPE", "place_tail")
            c.name_hint["place"] += 1.0
            out.append(c)
    return out


def mononym_candidates(doc: Doc, lex: Lexicon) -> list[MentionCandidate]:
    """People known by one name: "Christ", "Voltaire"; organisations known by one word:
    "Comintern", "Gestapo"."""
    out = []
    for i, word in enumerate(token_words(doc.spacy)):
        if word not in lex.mononyms and word not in lex.org_names:
            continue
        t = doc.spacy[i]
        if t.text in lex.mononyms:
            c = MentionCandidate(t.idx, t.idx + len(t.text), "PERSON", "mononym")
            c.name_hint["person"] += 1.0
            out.append(c)
        elif t.text in lex.org_names:
            c = MentionCandidate(t.idx, t.idx + len(t.text), "ORG", "mononym")
            c.name_hint["organization"] += 3.0
            out.append(c)
    return out


def regnal_candidates(doc: Doc, lex: Lexicon) -> list[MentionCandidate]:
    """Names whose own form says what they name: "Olaf II", "Sven the Bold" (a ruler,
    whatever the model makes of "Olaf" alone), "HMS Pandora" (a vessel)."""
    not_names = lex.not_names | lex.heading_words | lex.event_heads | lex.work_heads
    out = []
    not_epithets = not_names | lex.geo_nouns | lex.place_nouns | lex.colour_words
    epithets = epithet_spans(doc.spacy, not_epithets, lex.titles, lex.epithets)
    for a, b in regnal_spans(doc.spacy, not_names, lex.titles) + epithets:
        c = MentionCandidate(a, b, "PERSON", "regnal")
        c.name_hint["person"] += 3.0
        out.append(c)
    for a, b in prefixed_spans(doc.spacy, lex.vessel_prefixes):  # "HMS Pandora"
        out.append(MentionCandidate(a, b, "PRODUCT", "regnal"))
    return out


def dynasty_candidates(doc: Doc, lex: Lexicon, gaz: Gazetteer) -> list[MentionCandidate]:
    """A dynasty's name used as an adjective ("white Bourbon cockades"): the house."""
    out = []
    sd = doc.spacy
    words = token_words(sd)
    for i in range(len(sd) - 1):
        if words[i] not in lex.dynasties:  # the text first: tokens only for a dynasty's name
            continue
        t, nxt = sd[i], sd[i + 1]
        if (t.text in lex.dynasties and nxt.pos_ == "NOUN" and nxt.text[:1].islower()
                and gazetteer_weight(gaz.lookup(t.text), t.text, lex) < 1.0):
            c = MentionCandidate(t.idx, t.idx + len(t.text), "NORP", "mononym")
            c.name_hint["organization"] += 2.0
            out.append(c)
    return out


_NAMED = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _CUES["naming_phrases"])
                    + r"|sign(?:ed|ing|s)(?: (?:his|her|their|the|it|each|a) ?\w*)?(?: as| with)?)\s*[,:]?\s*"
                    r"[\"“‘'](?P<name>[A-Z][^\"”’'\n]{1,40}?)[\"”’']")


def quoted_candidates(doc: Doc) -> list[MentionCandidate]:
    """A quoted name after "named"/"called"/"pseudonym": named 'John Smith'."""
    out = []
    for m in _NAMED.finditer(doc.text):
        span = clean_span(doc.text, m.start("name"), m.end("name"))
        if span:
            c = MentionCandidate(span[0], span[1], "PERSON", "quoted")
            c.name_hint["person"] += 0.5
            out.append(c)
    return out


_PLACE_PERIOD = re.compile(r"(?P<name>[A-Z][\w'’.\-]*(?:\s+(?:of\s+)?[A-Z][\w'’.\-]*){0,3}),\s+"
                           r"\(?\d{3,4}(?:\s*[-–]\s*\d{2,4})?\)?\s*$")


def heading_place_candidates(doc: Doc, lex: Lexicon, gaz: Gazetteer) -> list[MentionCandidate]:
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
        c = MentionCandidate(m.start("name"), m.end("name"), "GPE", "heading")
        c.name_hint["place"] += 1.0
        out.append(c)
    return out


def institution_candidates(doc: Doc, lex: Lexicon) -> list[MentionCandidate]:
    """"the French government", "the Ottoman army": a state's institution."""
    if not lex.institution_nouns:
        return []
    nouns = "|".join(sorted((re.escape(n) for n in lex.institution_nouns), key=len, reverse=True))
    pat = re.compile(r"\b(?P<dem>[A-Z][\w]+(?:-[A-Z][\w]+)?)\s+(?P<noun>" + nouns + r")\b")
    out = []
    for m in pat.finditer(doc.text):
        if m["dem"] in lex.demonyms:
            c = MentionCandidate(m.start(), m.end(), "ORG", "institution")
            c.name_hint["organization"] += 5.0
            out.append(c)
    return out
