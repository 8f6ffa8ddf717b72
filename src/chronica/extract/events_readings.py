"""Readings of the parse that decide whether a trigger tells a happening, and of what kind.

Split from events_triggers: a bare participle clause ("Born in a river port, she ..."),
a naming participle ("a son named Tobias"), a happening's name the model calls an
organisation ("the Second Siege of Tyre"), an office made or held ("made him governor",
"was the Danish king from 1375"), words standing in for an object ("took as his wife"),
and the clauses that tell no happening (what "would have" been, a bare verb sharing a
modal, a clause told of a work of fiction) or do despite the parse (a past tense hung on a
wished-for clause; "no" inside a Japanese name).
"""
from __future__ import annotations

from ..resources import load
from .events_lexicon import Lexicon, TriggerRule

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
_WORDS = load("events/clause_words.yaml")
PEOPLE_ENTS = frozenset(_WORDS["people_entity_labels"])
CLAUSE_BOUNDARIES = frozenset({"advcl", "relcl", "parataxis"})


def _aux_words(tok) -> list:
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass")]


def naming_participle(tok) -> bool:
    """"a daughter named Ayla", "a ship called Hope": a description, no happening."""
    return any(c.dep_ == "oprd" and c.pos_ == "PROPN" for c in tok.children)


def bare_participle(tok) -> bool:
    """A past participle opening a clause with no subject or auxiliary of its own ("Born
    in a river port, she ...", "Defeated at the ford, the army ..."): passive in sense."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBN" and not any(
        c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in tok.children)


def of_a_people(tok, place_tokens: set[int]) -> bool:
    """A role noun qualified by a people's or country's name ("the Danish king")."""
    return any(c.dep_ in ("amod", "compound") and (c.i in place_tokens or c.ent_type_ in PEOPLE_ENTS)
               for c in tok.children)


def years_from(verb) -> bool:
    """"was king from 1016 to 1035": the copula carries a span starting at a number."""
    return any(c.dep_ == "prep" and c.lower_ == "from" and any(
        g.dep_ == "pobj" and (g.like_num or g.ent_type_ == "DATE") for g in c.children) for c in verb.children)


def role_object(tok, lex: Lexicon) -> TriggerRule | None:
    """"made him governor", "made Ann regent": a verb whose object (or the small clause
    the model makes of it) is a bare role noun -- not "made the king angry"."""
    kind = lex.role_kinds.get(tok.lemma_.lower())
    if kind is None or tok.lemma_.lower() not in lex.role_object_verbs:
        return None
    for c in tok.children:
        if c.dep_ not in ("dobj", "ccomp", "oprd") or c.lemma_.lower() not in lex.role_nouns:
            continue
        bare = not any(d.dep_ in ("det", "poss") for d in c.children)
        if bare or any(d.dep_ in SUBJECT_DEPS for d in c.children):
            return TriggerRule(tok.lemma_.lower(), kind, "verb")
    return None


def object_like(tok) -> list[str]:
    """Words that stand in for an object when the object gives the kind: a passive's
    subject ("a grave was dug"), the noun of "as" ("took as his wife") and of "to"
    ("came to the throne")."""
    out = [c.lemma_.lower() for c in tok.children if c.dep_ == "nsubjpass"]
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in ("as", "to"):
            out += [g.lemma_.lower() for g in p.children if g.dep_ == "pobj"]
    return out


def name_particle(tok) -> bool:
    """"no" right after a name inside a name ("Ono no Imoko", "the land of Ise no kuni"):
    the Japanese particle, no negation."""
    return tok.i > 0 and tok.doc[tok.i - 1].pos_ == "PROPN" and tok.doc[tok.i - 1].whitespace_ != ""


def shares_auxiliary(tok) -> bool:
    """A coordinated bare verb with no subject or auxiliary of its own ("could wait in line
    and meet the president"; not "could hear it and rode off"): the first verb's modal
    governs it too."""
    return tok.dep_ == "conj" and tok.tag_ == "VB" and tok.head.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in tok.children)


def told_in_a_work(tok, lex: Lexicon, sent_start: int, sent_end: int) -> bool:
    """A present-tense clause hung on a work of fiction ("a story by her, where the khan
    dies at sea"): what happens in the work, not in history."""
    if tok.tag_ not in ("VBZ", "VBP"):
        return False
    return any(a.pos_ == "NOUN" and a.lemma_.lower() in lex.fiction_nouns
               for a in tok.ancestors if sent_start <= a.i < sent_end)


def under_counterfactual(tok, lex: Lexicon, sent_start: int, sent_end: int) -> bool:
    """Inside the phrases of a verb that says what would (could, might) have been ("would
    have pushed for laws such as granting ...", "would have been wise to grant them");
    an adverbial or relative clause is a telling of its own."""
    cur = tok
    while cur.dep_ not in CLAUSE_BOUNDARIES and cur.head.i != cur.i and sent_start <= cur.head.i < sent_end:
        cur = cur.head
        auxes = [a.lower_ for a in _aux_words(cur)]
        if "have" in auxes and any(a in lex.counterfactual_modals or a in lex.modals for a in auxes):
            return True
    return False


def told_apart(conj) -> bool:
    """A past-tense verb the model hung on a wished-for clause ("demanded that the town be
    handed over, and the burghers, frightened, opened the gates"): a base-form first
    conjunct is what was wished, a past tense after it is told as fact."""
    first = conj
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    base = first.tag_ == "VB" or any(a.tag_ == "VB" for a in _aux_words(first))
    chain, cur = [], conj
    while cur.i != first.i:
        chain.append(cur)
        cur = cur.head
    return base and any(c.tag_ == "VBD" for c in chain)


def named_happening(tok, lex: Lexicon) -> bool:
    """An event noun heading a name "of" a place ("the Second Siege of Tyre", "the Sack
    of Amorium"): the model often calls it (and the place in it) an organisation."""
    return tok.lower_ in lex.nouns and tok.dep_ != "compound" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
        for c in tok.children)


def non_finite_governor(tok):
    """The verb a subjectless infinitive or gerund clause hangs on ("might be made to
    fight", "by opening the gates, the sea might ..."), or None for a finite clause."""
    if any(c.dep_ in SUBJECT_DEPS for c in tok.children) or tok.tag_ not in ("VB", "VBG", "VBN"):
        return None
    if tok.dep_ in ("xcomp", "advcl") and not any(
            c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in tok.children):
        return tok.head if tok.head.pos_ in ("VERB", "AUX") else None
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ == "prep":
        gov = tok.head.head
        return gov if gov.pos_ in ("VERB", "AUX") else None
    return None


def purpose_infinitive(tok, lex: Lexicon) -> bool:
    """"so as to drown the army", "in order to reach the coast": a purpose, not a deed."""
    to = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or to.i < 2:
        return False
    before = " ".join(t.lower_ for t in to.doc[to.i - 2:to.i])
    return before in lex.purpose_openers
