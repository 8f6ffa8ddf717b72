"""Word lists for finding and typing mentions, loaded once from data files.

``lang/en/names/lexicon.yaml`` (titles, cue words, verbs), ``lang/en/names/demonyms.tsv``
(nationality and place adjectives -> gazetteer id), ``lang/en/names/peoples.txt`` (peoples
and tribes that are no place: "Goths", "Zulu"), and first names from the
given names of ``resources.gender`` (the Faker package) plus ``lang/en/names/first_names_extra.txt``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..resources import load
from ..resources.gender import dictionary_first_names


@dataclass(frozen=True)
class Lexicon:
    titles: frozenset[str]  # as written, capitalised ("Captain", "Grand Duke")
    title_words: int  # longest title in words
    particles: frozenset[str]
    person_verbs: frozenset[str]
    place_verbs: frozenset[str]
    place_preps: frozenset[str]
    kin_nouns: frozenset[str]
    org_cues: frozenset[str]
    building_cues: frozenset[str]
    geo_nouns: frozenset[str]
    not_names: frozenset[str]
    naming_cues: tuple[str, ...]
    first_names: frozenset[str]
    demonyms: dict[str, str]  # "Tuscan" -> "curated:tuscany"
    title_abbreviations: frozenset[str] = frozenset()
    heading_words: frozenset[str] = frozenset()
    dynasties: frozenset[str] = frozenset()
    group_words: frozenset[str] = frozenset()
    event_heads: frozenset[str] = frozenset()
    event_tails: frozenset[str] = frozenset()
    work_heads: frozenset[str] = frozenset()
    mononyms: frozenset[str] = frozenset()
    vessel_nouns: frozenset[str] = frozenset()
    vessel_prefixes: frozenset[str] = frozenset()
    people_nouns: frozenset[str] = frozenset()
    role_nouns: frozenset[str] = frozenset()
    org_nouns: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    feature_tails: frozenset[str] = frozenset()
    institution_nouns: frozenset[str] = frozenset()
    org_names: frozenset[str] = frozenset()
    colour_words: frozenset[str] = frozenset()
    work_cues: frozenset[str] = frozenset()
    era_markers: frozenset[str] = frozenset()  # "BC", "AD": compared without their dots
    peoples: frozenset[str] = frozenset()  # "Visigoths", "Frankish": a people, never a place
    name_suffixes: frozenset[str] = frozenset()  # "Jr", "the Elder": a name goes on through them

    @property
    def epithets(self) -> frozenset[str]:
        """Epithets that follow a name whatever the NER model makes of them ("Elder")."""
        return frozenset(s.split()[1] for s in self.name_suffixes if s.startswith("the ") and len(s.split()) == 2)

    def is_first_name(self, word: str) -> bool:
        return word in self.first_names


def _peoples() -> frozenset[str]:
    return frozenset(f.strip() for line in load("names/peoples.txt") for f in line.split("|") if f.strip())


def _demonyms() -> dict[str, str]:
    out = {}
    for row in load("names/demonyms.tsv"):
        for f in row["forms"].split("|"):
            out[f.strip()] = row["place"]
    return out


@lru_cache(maxsize=1)  # the corpus checks read it too: built once per process, like its data files
def load_lexicon() -> Lexicon:
    data = load("names/lexicon.yaml")
    extra = load("names/first_names_extra.txt")
    titles = frozenset(str(t) for t in data["titles"])
    demonyms = _demonyms()
    # "The", "In", "So" are given names somewhere; as English words they are not names here,
    # nor is a compass word before a name ("North Africa": a part of a place) or a
    # nationality ("French")
    not_first = ({w.casefold() for w in STOP_WORDS} | {str(w).casefold() for w in data["not_names"]}
                 | {str(w).casefold() for w in data.get("not_first_names", [])}
                 | {str(w).casefold() for w in load("places/place_words.yaml")["region_qualifiers"]}
                 | {w.casefold() for w in demonyms})
    first_names = {n for n in dictionary_first_names() | set(extra)
                   if n.casefold() not in not_first and n not in titles}
    return Lexicon(
        titles=titles,
        title_words=max(len(t.split()) for t in titles),
        particles=frozenset(data["name_particles"]),
        person_verbs=frozenset(data["person_verbs"]),
        place_verbs=frozenset(data["place_verbs"]),
        place_preps=frozenset(data["place_preps"]),
        kin_nouns=frozenset(data["kin_nouns"]),
        org_cues=frozenset(data["org_cues"]),
        building_cues=frozenset(data["building_cues"]),
        geo_nouns=frozenset(data["geo_nouns"]),
        people_nouns=frozenset(data.get("people_nouns", [])),
        not_names=frozenset(str(w) for w in data["not_names"]),
        naming_cues=tuple(data["naming_cues"]),
        first_names=frozenset(first_names),
        demonyms=demonyms,
        title_abbreviations=frozenset(data["title_abbreviations"]),
        heading_words=frozenset(data["heading_words"]),
        dynasties=frozenset(data["dynasties"]),
        group_words=frozenset(data["group_words"]),
        event_heads=frozenset(data["event_heads"]),
        event_tails=frozenset(data["event_tails"]),
        work_heads=frozenset(data["work_heads"]),
        mononyms=frozenset(data.get("mononyms", [])),
        vessel_nouns=frozenset(data.get("vessel_nouns", [])),
        vessel_prefixes=frozenset(data.get("vessel_prefixes", [])),
        role_nouns=frozenset(data.get("role_nouns", [])),
        org_nouns=frozenset(data.get("org_nouns", [])),
        place_nouns=frozenset(data.get("place_nouns", [])),
        feature_tails=frozenset(data.get("feature_tails", [])),
        institution_nouns=frozenset(data.get("institution_nouns", [])),
        org_names=frozenset(data.get("org_names", [])),
        colour_words=frozenset(data.get("colour_words", [])),
        work_cues=frozenset(data.get("work_cues", [])),
        era_markers=frozenset(str(w) for w in data.get("era_markers", [])),
        peoples=_peoples(),
        name_suffixes=frozenset(str(w) for w in data.get("name_suffixes", [])),
    )
