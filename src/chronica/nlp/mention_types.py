"""What type a name is: the evidence of the name's own words (NER labels, gazetteer,
titles, first names, cue words), of the parse around each mention, and the vote
across every mention of one name in a document."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..doc import Doc
from ..resources.gazetteer import Candidate, Gazetteer
from ..resources.place_keys import normalise
from ..resources import load
from .lexicon import Lexicon
from .mention_spans import MentionCandidate, title_at


# NER label -> the type it suggests
LABEL_TYPE: dict[str, str] = {
    "PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organization",
    "NORP": "group", "WORK_OF_ART": "work", "LAW": "work", "EVENT": "other", "PRODUCT": "other",
}


NER_WEIGHT = 1.5


LABEL_TRUST = {"PRODUCT": 0.2, "EVENT": 0.7, "WORK_OF_ART": 0.7, "FAC": 0.8}  # history mislabelled  # the NER labels of a name, as a distribution, weigh this much in the vote


PLACE_FEATURES_STRONG = {"country", "continent", "state", "ocean", "sea", "strait", "canal",
                         "lake", "river", "mountains", "region", "island", "building"}


LOCAL_OVERRIDE = 2.5  # a local cue must beat the document's vote by this much


VESSEL_CUE = 4.0  # "the frigate X", "a ship named X": the name is the vessel's here, whatever else it names


_CUES = load("names/mention_cues.yaml")
WORK_TAILS = frozenset(_CUES["work_tails"])
VESSEL_NAMING_VERBS = frozenset(_CUES["vessel_naming_verbs"])
FOUNDING_NOUNS = frozenset(_CUES["founding_nouns"])
LOCATIVE_PREPS = frozenset(_CUES["locative_preps"])
_TAILS = load("places/place_words.yaml")["name_tails"]
PLACE_TAILS, PLACE_TAILS_UNLESS_PERSON = frozenset(_TAILS["always"]), frozenset(_TAILS["unless_person"])


_ROMAN = re.compile(r"^[IVX]+\.?$")


def best_candidate(cands: list[Candidate]) -> Candidate | None:
    return cands[0] if cands else None


def gazetteer_weight(cands: list[Candidate], text: str, lex: Lexicon) -> float:
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
    # a given name, or a title before a name ("Governor Edward Marsh"), is a person's
    # name whatever its last word ("Marsh", "Bay")
    k = title_at(words, 0, lex) if multi else 0
    titled = 0 < k < len(words) and words[k] != "of"
    given = words[k] if k < len(words) else first
    person_named = titled or (given in lex.first_names and label_counts.get("PERSON", 0) > 0)
    if _a_people(words, lex, person_named):
        return "group"  # "the Visigoths", "the Western Goths": a people, though a kingdom bore its name
    if gazetteer_weight(gaz.lookup(text), text, lex) >= 2.0 and multi and last in lex.building_cues \
            and not person_named:
        return "place"  # a building the gazetteer knows: "Blue House", "White House"
    if gazetteer_weight(gaz.lookup(text), text, lex) >= 2.5:
        return None  # "Soviet Union" is a state whatever its last word
    if multi:
        found = _multi_word_type(words, lex, person_named)
        if found:
            return found
    elif text in lex.org_cues and text not in lex.demonyms and text not in lex.group_words:
        return "organization"  # "Congress", "Parliament"
    stem = re.sub(r"s$", "", text)
    if text in lex.dynasties or (text.endswith("s") and stem in lex.dynasties):
        return "organization"
    if text in lex.group_words:
        return "group"
    return None


def _a_people(words: list[str], lex: Lexicon, person_named: bool) -> bool:
    """A people's name ("Franks", "Hunnic"), or a name ending in a people's plural
    ("Salian Franks", "Western Goths") that is no person's name."""
    if len(words) == 1:
        return words[0] in lex.peoples
    last = words[-1]
    return (last in lex.peoples and last.endswith("s") and not person_named
            and words[0] not in lex.titles and words[0] != "of")


def _multi_word_type(words: list[str], lex: Lexicon, person_named: bool) -> str | None:
    """The type the head or tail word of a name of several words settles."""
    first, last = words[0], words[-1]
    if first in lex.vessel_prefixes:
        return "vehicle"  # a ship: "HMS Bellerophon"
    if first in lex.work_heads and "of" in words:
        return "work"
    if any(w in WORK_TAILS and (i == len(words) - 1 or words[i + 1] == "of") for i, w in enumerate(words[1:], 1)):
        return "work"  # "Anglo-Japanese Treaty (of Alliance)", "Molotov–Ribbentrop Pact"
    if (first in lex.event_heads and "of" in words or last in lex.event_tails
            or (_ROMAN.match(last) and words[-2] in lex.event_tails)):  # "World War II"
        return "other"
    if last in lex.org_cues and not person_named:
        return "organization"
    if last in PLACE_TAILS or (last in PLACE_TAILS_UNLESS_PERSON and not person_named):
        return "place"  # "Kai Province", "the Kuril Islands", "Sinai Peninsula"
    if last in lex.building_cues and not (person_named and last == "House"):
        return "place"
    if first in lex.building_cues and first not in lex.org_cues and words[1] == "of":
        return "place"  # "Museum of Natural History", "Castle of Otranto"
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
    gw = gazetteer_weight(gaz.lookup(text), text, lex)
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


def _person_noun(tok, lex: Lexicon) -> bool:
    """A noun for people or a person ("troops", "art dealer", "banker" before a name):
    a demonym before it says where they come from, it is no place mention."""
    words = {tok.lower_, tok.lemma_.lower()}
    if words & (lex.people_nouns | lex.role_nouns | lex.kin_nouns):
        return True
    # "the Genoese shipowner Carlo Rossi": a noun right before a person's name is a role
    return tok.dep_ in ("compound", "appos") and tok.head.ent_type_ == "PERSON"


def context_evidence(c: MentionCandidate, doc: Doc, lex: Lexicon) -> None:
    """Cues from the parse around one mention."""
    sd = doc.spacy
    span = sd.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return
    head = span.root
    text = doc.text[c.start:c.end]
    if c.rule == "heading":
        c.context["place"] += 3.0  # a section headed "Florence, 1913": where it happens
    if demonym_of_place(text, head, lex):
        c.context["place"] += 4.0  # "the Dalmatian coast", "the Egyptian campaign", "Asian trade"
        return
    _verb_cues(c, head, lex)
    after = sd[span.end:span.end + 3]
    if len(after) >= 2 and after[0].text in ("'s", "’s", "'", "’") and after[1].lemma_.lower() in lex.kin_nouns:
        c.context["person"] += 2.0
    if head.dep_ == "appos" and head.head.lemma_.lower() in lex.vessel_nouns:
        c.context["vehicle"] += VESSEL_CUE  # "a Dutch schooner, the Zeemeeuw"
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


def demonym_of_place(text: str, head, lex: Lexicon) -> bool:
    """A people's adjective that names the place: "the Tuscan coast" (a geographic
    noun), "the Egyptian campaign" (any noun not for people or vessels)."""
    if text not in lex.demonyms:
        return False
    if head.dep_ == "amod" and head.head.lemma_.lower() in lex.geo_nouns:
        return True
    return (not text.endswith("s") and head.dep_ in ("amod", "compound")
            and head.head.pos_ == "NOUN" and not _person_noun(head.head, lex)
            and head.head.lemma_.lower() not in lex.vessel_nouns)


def _verb_cues(c: MentionCandidate, head, lex: Lexicon) -> None:
    """The subject of a person's verb ("X said"); the object of a place's verb or
    preposition ("lived in X")."""
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ in lex.person_verbs:
        c.context["person"] += 1.5 if head.dep_ == "nsubj" else 0.5
    if head.dep_ == "pobj" and head.head.lower_ in lex.place_preps:
        verb = head.head.head
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_ in lex.place_verbs:
            c.context["place"] += 1.5
        elif head.head.lower_ in LOCATIVE_PREPS:
            c.context["place"] += 0.7


def _named_vessel(head, lex: Lexicon) -> bool:
    """The name given to a ship, train or aircraft: "a liner named X", "the frigate X"."""
    verb = head.head
    if head.dep_ in ("oprd", "attr", "dobj", "appos", "npadvmod") and verb.lemma_.lower() in VESSEL_NAMING_VERBS:
        return verb.head.lemma_.lower() in lex.vessel_nouns or any(
            c.lemma_.lower() in lex.vessel_nouns for c in verb.children if c.dep_ in ("nsubjpass", "nsubj"))
    if head.dep_ == "compound" and head.head.lemma_.lower() in lex.vessel_nouns and head.i > head.head.i:
        return True
    # "the imperial yacht X": the model may hang the vessel noun on the name instead
    return any(c.dep_ == "compound" and c.i < head.i and c.lower_ in lex.vessel_nouns for c in head.children)


def _role_and_kind_cues(c: MentionCandidate, span, head, lex: Lexicon) -> None:
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
        elif gov.lemma_.lower() in FOUNDING_NOUNS:
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


def name_key(text: str, lex: Lexicon, gaz: Gazetteer | None = None) -> str:
    """The name without its title: mentions with one key share one vote. A title "of" a
    country or region ("Emperor of Japan", "Prince of Wales") keeps its whole key: the
    realm named alone is a place, not the ruler ("Duke of Wellington" and "Wellington",
    a town's name, still share one)."""
    words = text.split()
    k = title_at(words, 0, lex)
    if k and len(words) > k:
        words = words[k:]
        if words[0].rstrip(".") == "" or words[0] == ".":
            words = words[1:]
        if words and words[0] == "of" and len(words) > 1:
            if gaz is not None and _realm(" ".join(words[1:]), gaz):
                return normalise(text)
            words = words[1:]
    return normalise(" ".join(words))


REALM_FEATURES = {"country", "state", "region", "island", "continent"}


def _realm(name: str, gaz: Gazetteer) -> bool:
    """A country, state or region the gazetteer knows by this name."""
    return any(c.feature in REALM_FEATURES for c in gaz.lookup(name))


def _argmax(scores: dict[str, float]) -> tuple[str, float]:
    if not scores:
        return "other", 0.0
    t = max(scores, key=lambda k: scores[k])
    return t, scores[t]


def vote_types(cands: list[MentionCandidate], doc: Doc, lex: Lexicon, gaz: Gazetteer) -> list[str]:
    """Each candidate's type: the document's vote per name, unless a strong local cue."""
    keys = [name_key(doc.text[c.start:c.end], lex, gaz) for c in cands]
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
        if len(words) > 1 and _argmax(sc)[0] == "person" and decided.get(k, "person") == "person":
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
