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

from ..doc import Doc
from ..model import Mention
from ..components import Context, component
from ..resources.gazetteer import Gazetteer
from ..resources.names import country_nouns
from .lexicon import Lexicon, load_lexicon
from .mention_candidates import (
    dynasty_candidates, first_name_candidates, gazetteer_candidates, heading_place_candidates, known_feature_candidates,
    institution_candidates, mononym_candidates, ner_candidates, place_tail_candidates, quoted_candidates,
    realm_title_candidates, regnal_candidates, role_candidates, title_candidates,
)
from .mention_spans import CITED_KINDS, MentionCandidate, clean_span, in_heading, in_titled_zone, is_common_word
from .mention_types import context_evidence, vote_types
from .place_repeats import repeated_place_mentions
from .surnames import lower_words, surname_mentions
from .vessels import unprefixed_names

# ------------------------------------------------------------------ merging --

def _merge(cands: list[MentionCandidate]) -> list[MentionCandidate]:
    """One candidate per stretch of text: rule spans that extend an entity win."""
    order = {"title": 0, "regnal": 0, "quoted": 1, "institution": 1, "heading": 1, "ner": 2, "first_name": 3, "place_tail": 3, "role": 3, "mononym": 4, "gazetteer": 5}
    cands = sorted(cands, key=lambda c: (order[c.rule], -(c.end - c.start), c.start))
    kept: list[MentionCandidate] = []
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
        elif c.rule == "place_tail" and len(clash) == 1 and clash[0].rule == "ner" and clash[0].end == c.end:
            kept.remove(clash[0])  # "Kai and Shinano Provinces": the last name of the list
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


# ------------------------------------------------------------------ checks and extensions --

def _valid(c: MentionCandidate, doc: Doc, lex: Lexicon) -> bool:
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


def _extend_country_nouns(cands: list[MentionCandidate], doc: Doc, lex: Lexicon) -> None:
    """"the French mainland" names the country: the noun belongs to the mention."""
    for c in cands:
        if doc.text[c.start:c.end] in lex.demonyms:
            m = re.match(r" (?P<noun>[a-z]+)\b", doc.text[c.end:c.end + 20])
            if m and m["noun"] in country_nouns():
                c.end += m.end()
                c.name_hint["place"] += 5.0


def _extend_feature_tails(cands: list[MentionCandidate], doc: Doc, lex: Lexicon) -> None:
    """"the Danube river", "Spandau fortress": the feature noun belongs to the place."""
    for c in cands:
        text = doc.text[c.start:c.end]
        if c.rule in ("title", "first_name", "institution") or text in lex.demonyms:
            continue
        m = re.match(r" (?P<noun>[a-z]+)\b", doc.text[c.end:c.end + 20])
        if m and m["noun"] in lex.feature_tails and not re.match(r"\s*(?:of|'s|’s)\b", doc.text[c.end + m.end():]):
            c.end += m.end()
            c.name_hint["place"] += 5.0


def _trim_heading_names(cands: list[MentionCandidate], doc: Doc) -> list[MentionCandidate]:
    """Title-case headings glue names to their words ("Tsar Flees", "Chasing
    Caesar's Killer", "Cromwell Speech"): a heading's name shrinks to the longest run of
    its words that the running text uses as a name."""
    body = {doc.text[c.start:c.end] for c in cands if not in_titled_zone(doc, c.start)}
    lower = lower_words(doc)
    out = []
    for c in cands:
        text = doc.text[c.start:c.end]
        words = list(re.finditer(r"\S+", text))
        if len(words) == 1 and _section_word(doc, c) and text not in body:
            continue  # a heading that is one word ("Career", "Legacy") the story never names
        if len(words) < 2 or text in body or not in_titled_zone(doc, c.start):
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
        elif in_heading(doc, c.start) and any(is_common_word(w.group(), lower) for w in words) \
                and c.rule in ("ner", "first_name"):
            continue  # "Co-Conspirators Scatter": a heading's ordinary words, no name
        out.append(c)
    return out


def _section_word(doc: Doc, c: MentionCandidate) -> bool:
    """The candidate is a whole heading of one word, a section's name."""
    s = doc.sentence_at(c.start)
    return s is not None and s.kind == "heading" and doc.text[s.start:s.end].strip(" .:#") == doc.text[c.start:c.end]


# --------------------------------------------------------------- component --

def mentions_of(doc: Doc, lex: Lexicon, gaz: Gazetteer) -> list[Mention]:
    cands = (ner_candidates(doc, lex, gaz) + title_candidates(doc, lex, gaz) + quoted_candidates(doc)
             + first_name_candidates(doc, lex, gaz) + mononym_candidates(doc, lex) + role_candidates(doc, lex)
             + realm_title_candidates(doc, lex)
             + regnal_candidates(doc, lex)
             + dynasty_candidates(doc, lex, gaz)
             + gazetteer_candidates(doc, lex, gaz) + known_feature_candidates(doc, lex, gaz)
             + place_tail_candidates(doc, lex)
             + institution_candidates(doc, lex)
             + heading_place_candidates(doc, lex, gaz))
    cands = [c for c in _merge(cands) if _valid(c, doc, lex)]
    cands = _trim_heading_names(cands, doc)
    _extend_country_nouns(cands, doc, lex)
    _extend_feature_tails(cands, doc, lex)
    for c in cands:
        context_evidence(c, doc, lex)
    types = _vessels_by_name(cands, _retype_by_cues(cands, vote_types(cands, doc, lex, gaz), doc, lex), doc, lex)
    out = []
    for c, t in zip(cands, types):
        if t in ("place", "group") and doc.text[c.start:c.end] in lex.colour_words:
            continue  # "dressed in White", "the White cause": a colour, no place or people
        s = doc.sentence_at(c.start)
        out.append(Mention(c.start, c.end, doc.text[c.start:c.end], c.label, t,
                           cited=bool(s is not None and s.kind in CITED_KINDS)))
    out += surname_mentions(doc, out, lex)
    return sorted(out + repeated_place_mentions(doc, out, lex, gaz), key=lambda m: (m.start, m.end))


def _vessels_by_name(cands: list[MentionCandidate], types: list[str], doc: Doc, lex: Lexicon) -> list[str]:
    """"HMS Temeraire ... the Temeraire": the name without its prefix is the same vessel."""
    names = unprefixed_names([(doc.text[c.start:c.end], t) for c, t in zip(cands, types)], lex.vessel_prefixes)
    return ["vehicle" if doc.text[c.start:c.end] in names else t for c, t in zip(cands, types)]


_PUBLISHER = re.compile(r"[A-Z][\w .’'-]*:\s*$")
_PUB_YEAR = re.compile(r"\s*,\s*(?:\d{4}|n\.d\.)")


def _retype_by_cues(cands: list[MentionCandidate], types: list[str], doc: Doc, lex: Lexicon) -> list[str]:
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
    return ctx.resources.gazetteer()


@component("find_mentions", requires=("spacy", "sentences"), assigns=("mentions",))
def find_mentions(doc: Doc, ctx: Context) -> None:
    doc.mentions = mentions_of(doc, lexicon(ctx), gazetteer(ctx))
