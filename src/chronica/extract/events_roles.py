"""Who took part in a happening and where it took place, from the dependency parse."""
from __future__ import annotations

from dataclasses import dataclass

from ..resources import load
from .events_index import (
    FEMALE_PRONOUNS, MALE_PRONOUNS, PARTICIPANT_TYPES, MentionIndex, SentView, recent_group, recent_person,
)
from .events_lexicon import Lexicon
from .events_triggers import OBJECT_DEPS, SUBJECT_DEPS, Happening

_WORDS = load("events/clause_words.yaml")
RELATIVE_PRONOUNS = frozenset(_WORDS["relative_pronouns"])
PARTICIPANT_PREPS = frozenset(_WORDS["participant_preps"])
NAMING_VERBS = frozenset(_WORDS["naming_verbs"])


# ------------------------------------------------------------------ participants --

def _resolve(tok, view: SentView, index: MentionIndex) -> list[str]:
    """Entity keys a participant token stands for (with its conjuncts)."""
    out = []
    for t in [tok] + [c for c in tok.conjuncts if c.i > tok.i]:
        key = _named_key(t, view, index)
        if key is None and t.pos_ == "NOUN":
            # a body named by its people ("the Spanish and Dutch fleets")
            out.extend(k for k in _peoples_named(t, view, index) if k not in out)
        if key is None and _plural_people(t):
            # "They rode 20 miles", "Both crossed the bridge", "the couple reached"
            out.extend(k for k in recent_group(index, view.offset(t)) if k not in out)
            continue
        if key is None:
            key = _pronoun_key(t, view, index)
        if key is not None and index.entity_type.get(key) in PARTICIPANT_TYPES and key not in out:
            out.append(key)
    return out


def _named_key(t, view: SentView, index: MentionIndex) -> str | None:
    """The entity a token names: itself, a name beside it ("the Emperor Hadrian"), a name
    given it ("a former museum worker named Vincenzo Peruggia"), or the person the text
    says the role noun was ("a thief walked out ..." when it says who the thief was)."""
    key = view.token_entity.get(t.i)
    if key is None:
        for c in t.children:
            if c.dep_ in ("appos", "compound") and c.i in view.token_entity:
                key = view.token_entity[c.i]
                break
    if key is None and t.pos_ == "NOUN":
        for c in t.children:
            if c.dep_ == "acl" and c.lemma_.lower() in NAMING_VERBS:
                key = next((view.token_entity[g.i] for g in c.children
                            if g.dep_ in ("oprd", "dobj", "attr", "xcomp") and g.i in view.token_entity), None)
    common = t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.is_lower)  # "the mansa": the model guesses PROPN
    if key is None and common and t.dep_ in SUBJECT_DEPS and index.identified:
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in t.children):
            key = index.identified.get(t.lemma_.lower())
    return key


def _peoples_named(t, view: SentView, index: MentionIndex) -> list[str]:
    """The groups and organisations named by the adjectives of a noun."""
    out = []
    for c in t.children:
        if c.dep_ == "amod" and c.i in view.token_entity:
            for g in [c, *c.conjuncts]:
                k = view.token_entity.get(g.i)
                if k is not None and index.entity_type.get(k) in ("group", "organization") and k not in out:
                    out.append(k)
    return out


def _pronoun_key(t, view: SentView, index: MentionIndex) -> str | None:
    """The entity a personal or relative pronoun stands for."""
    if t.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS:
        return recent_person(index, view.offset(t), t.lower_, _bound_subject(t, view, index),
                             as_subject=t.dep_ in SUBJECT_DEPS)
    if t.lower_ in RELATIVE_PRONOUNS:
        clause = t.head
        if clause.dep_ == "relcl":
            return view.token_entity.get(clause.head.i)
    return None


PLURAL_PRONOUNS = frozenset(_WORDS["plural_pronouns"])
PAIR_NOUNS = frozenset(_WORDS["pair_nouns"])  # "the couple", "the two"


def _plural_people(tok) -> bool:
    """A word that stands for people named together before: "they", "both", "the
    couple", "the two" (as a subject or object, not "both X and Y")."""
    if tok.dep_ in ("preconj", "det"):
        return False
    if tok.lower_ in PLURAL_PRONOUNS:
        return True
    return tok.lower_ in PAIR_NOUNS and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _bound_subject(pron, view: SentView, index: MentionIndex) -> frozenset[str]:
    """Persons an object pronoun cannot stand for: its own clause's subject ("Ney greeted
    him": not Ney). Reflexives and possessives are not bound this way."""
    if pron.dep_ not in OBJECT_DEPS and pron.dep_ not in ("pobj", "dative"):
        return frozenset()
    verb = pron.head.head if pron.dep_ == "pobj" else pron.head
    subj = _subject(verb)
    if subj is None:
        return frozenset()
    keys = [view.token_entity.get(t.i) for t in [subj, *subj.conjuncts]]
    return frozenset(k for k in keys if k)


def _subject(tok):
    """The subject of a verb, climbing through shared-subject constructions."""
    cur = tok
    for _ in range(4):
        subs = [c for c in cur.children if c.dep_ in SUBJECT_DEPS] or _series_subject(cur)
        if subs:
            return subs[0]
        if cur.dep_ == "relcl":
            return cur.head
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.pos_ in ("VERB", "AUX"):
            cur = cur.head.head  # "..., before eventually settling in Lisbon"
            continue
        if cur.dep_ in ("conj", "xcomp", "advcl", "acl", "acomp", "attr") and cur.head.i != cur.i:
            cur = cur.head
            continue
        return None
    return None


def _series_subject(verb) -> list:
    """The subject of a series of verbs the small model misparses ("he left the navy,
    was elected head": "left" a complement of "elected"): a complement clause before
    the verb, with a subject of its own, the verb itself having none."""
    return [g for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i
            for g in c.children if g.dep_ in ("nsubj", "nsubjpass")][:1]


def _verbal(h: Happening, anchor) -> bool:
    """Is the happening told by a clause (its anchor a verb, or a verb trigger the small
    model tagged as a noun: "Vasek and his sons arrive in ...")?"""
    return anchor.pos_ in ("VERB", "AUX", "ADJ") or h.main.rule.pos == "predicate" or (
        not h.standalone_noun and any(t.i == anchor.i and t.rule.pos == "verb" for t in h.triggers))


def participants(h: Happening, view: SentView, index: MentionIndex) -> list[str]:
    doc = view.doc
    anchor = doc[h.anchor]
    who: list[str] = []

    def add(keys):
        for k in keys:
            if k not in who:
                who.append(k)

    if _verbal(h, anchor):
        _clause_participants(h, anchor, view, index, add)
    # the event noun's own participants ("his death", "the visit of the sovereigns")
    nouns = [doc[t.i] for t in h.triggers[:1] if t.rule.pos == "noun"]
    for tok in nouns:
        _noun_participants(tok, view, index, add)
    return who


def _clause_participants(h: Happening, anchor, view: SentView, index: MentionIndex, add) -> None:
    """The subject, agents, objects and prepositional partners of the happening's verb
    (for an attack, also whose property was hit and whom it harmed)."""
    subj = _subject(anchor)
    if subj is not None:
        add(_resolve(subj, view, index))
    for c in anchor.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    add(_resolve(g, view, index))
        elif c.dep_ in OBJECT_DEPS or c.dep_ == "dative":
            add(_resolve(c, view, index))
            if h.kind == "attack":  # "raided Hampden's manor": the owner is the target
                for g in c.children:
                    if g.dep_ == "poss" and index.entity_type.get(view.token_entity.get(g.i, "")) == "person":
                        add(_resolve(g, view, index))
        elif c.dep_ == "prep" and c.lower_ in PARTICIPANT_PREPS:
            for g in c.children:
                if g.dep_ == "pobj":
                    add(_resolve(g, view, index))
                    if h.kind == "attack":  # "threw a bomb at the duke's carriage"
                        add(_owners(g, view, index))
    if h.kind == "attack":
        add(_harmed(anchor, view, index))


def _noun_participants(tok, view: SentView, index: MentionIndex, add) -> None:
    """Whose an event noun is and of whom it tells ("his death", "the visit of the
    sovereigns", "a campaign to split the Spanish and Dutch fleets")."""
    for c in tok.children:
        if c.dep_ == "poss":
            add(_resolve(c, view, index))
        elif c.dep_ == "prep" and c.lower_ in ("of", "by", "with", "against"):
            for g in c.children:
                if g.dep_ == "pobj":
                    add(_resolve(g, view, index))
        elif c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            # whom it was aimed at
            for g in c.children:
                if g.dep_ in OBJECT_DEPS:
                    add(_resolve(g, view, index))


HARM_LEMMAS = frozenset(_WORDS["harm_verbs"])


def _owners(tok, view: SentView, index: MentionIndex) -> list[str]:
    return [k for g in tok.children if g.dep_ == "poss"
            for k in _resolve(g, view, index) if index.entity_type.get(k) == "person"]


def _harmed(anchor, view: SentView, index: MentionIndex) -> list[str]:
    """Whom a shot or blow struck, told in participle clauses after it ("fired twice,
    killing the duke and wounding his guard")."""
    out: list[str] = []
    todo = [c for c in anchor.children if c.dep_ in ("advcl", "conj", "xcomp")]
    while todo:
        c = todo.pop(0)
        if c.tag_ != "VBG" or c.lemma_.lower() not in HARM_LEMMAS:
            continue
        todo.extend(g for g in c.children if g.dep_ == "conj")
        for g in c.children:
            if g.dep_ in OBJECT_DEPS:
                out.extend(k for k in _resolve(g, view, index) if k not in out)
    return out


# ------------------------------------------------------------------ place --

def _place_role(root, anchor, lex: Lexicon, own: frozenset[int] = frozenset()) -> str | None:
    """How a place mention (its root token) relates to the happening (``own``: the
    happening's trigger tokens)."""
    if anchor.dep_ == "relcl" and anchor.head.i == root.i and any(
            c.dep_ in OBJECT_DEPS and c.lower_ in ("which", "that") for c in anchor.children):
        return _object_role(anchor, lex)  # "Cadiz, which she reached"
    if root.head.i == anchor.i and _befalls(root, anchor):
        return "subject"  # "the fortress was stormed", "the town surrendered": it happened there
    if anchor.dep_ == "relcl" and anchor.head.i == root.i and any(
            c.lower_ in ("which", "that") and _befalls(c, anchor) for c in anchor.children):
        return "subject"  # "spared Corinth, which capitulated at once"
    if root.dep_ == "pobj":
        prep = root.head
        if prep.lower_ in NOUN_BOUND_PREPS and prep.head.pos_ not in ("VERB", "AUX"):
            return None  # "a costly victory for Carthage": for whom, not whither
        if _only_near(root):
            return "location"  # "camped close to Leipzig": there about, not bound for it
        role = lex.place_roles.get(prep.lower_)
        if prep.lower_ in CROSSING_PREPS and prep.head.i == anchor.i and anchor.pos_ == "VERB":
            role = "crossed"  # "marched across the Pyrenees into Spain"
        # "on the island of Jersey": take the outer preposition's role
        if prep.lower_ == "of" and prep.head.pos_ in ("NOUN", "PROPN") and prep.head.dep_ == "pobj":
            outer = lex.place_roles.get(prep.head.head.lower_)
            role = outer or role
        elif prep.lower_ == "of" and not _of_place(prep.head, anchor, own):
            return None  # "sang the anthem of Portugal": whose anthem, not where
        return role
    if root.dep_ in OBJECT_DEPS:
        return _object_role(root.head, lex)
    if root.dep_ in ("npadvmod", "advmod") and root.head.i == anchor.i:
        return "location"  # "went home", "sailed north to ..."
    if root.dep_ in ("appos", "conj") and root.head.dep_ == "pobj":
        return _place_role(root.head, anchor, lex, own)
    if root.dep_ == "compound" and root.head.pos_ == "PROPN" and root.i > 0:
        # a name glued to the next one by the parser ("after nine months at Avignon Petrarch decided")
        prev = root.doc[root.i - 1]
        if prev.pos_ == "ADP" and prev.lower_ in lex.place_roles:
            return lex.place_roles[prev.lower_]
    return None


PLACE_WORDS = load("places/place_words.yaml")
SUBJECT_PLACE_VERBS = frozenset(PLACE_WORDS["place_subject_verbs"])
NOUN_BOUND_PREPS = frozenset(PLACE_WORDS["verb_only_place_preps"])


NEAR_WORDS = frozenset(PLACE_WORDS["near_words"])
CROSSING_VERBS = frozenset(PLACE_WORDS["crossing_verbs"])
CROSSING_PREPS = frozenset(PLACE_WORDS["crossing_preps"])
_NAMES = load("names/lexicon.yaml")
OF_PLACE_NOUNS = frozenset(PLACE_WORDS["of_place_nouns"]) | frozenset(_NAMES["geo_nouns"]) | frozenset(
    w.lower() for w in _NAMES["event_heads"])  # "the Battle of X", "the sack of X"


def _of_place(noun, anchor, own: frozenset[int]) -> bool:
    """Does "<noun> of X" put the happening in X? The happening's own noun does ("the
    siege of X"), so does a part of a place ("the walls of X", "the coast of X"); a
    thing that only belongs to X ("the motto of X", "the king of X") does not."""
    return noun.i in own or noun.i == anchor.i or noun.lemma_.lower() in OF_PLACE_NOUNS \
        or noun.lower_ in OF_PLACE_NOUNS


def _only_near(root) -> bool:
    """A place the happening was only near: "near X", "close to X", "not far from X"."""
    if root.dep_ != "pobj":
        return False
    prep = root.head
    return prep.lower_ in NEAR_WORDS or (prep.lower_ in ("to", "from") and prep.head.lower_ in NEAR_WORDS)


def _befalls(root, anchor) -> bool:
    """A place that undergoes the happening: the subject of a passive ("the abbey was
    founded") or of a verb told of towns ("the garrison town capitulated")."""
    if root.dep_ == "nsubjpass":
        return True
    return root.dep_ == "nsubj" and anchor.lemma_.lower() in SUBJECT_PLACE_VERBS


def _object_role(verb, lex: Lexicon) -> str:
    lemma = verb.lemma_.lower()
    if lemma in CROSSING_VERBS:
        return "crossed"  # "crossed the Alps into Italy": the crossing was in the Alps
    if lemma in lex.origin_object_verbs:
        return "origin"
    if lemma in lex.destination_object_verbs:
        return "destination"
    return "object"


DESCRIBING_DEPS = {"relcl", "acl"}  # "a club that hoped to liberate Ruritania from ..."
SUBORDINATE_DEPS = {"advcl", "ccomp", "csubj", "csubjpass"}  # "..., leading X to send a note to Y"
VERB_BOUND_ROLES = {"destination", "origin", "object"}


def _in_other_clause(root, anchor, role: str, lex: Lexicon) -> bool:
    """A place told in a clause below the happening's own: a clause that describes a
    noun tells where that thing is or what it wanted, not where the happening was
    (unless the noun is the happening's own place: "lived in a house which stands in
    Vranje"); the goal or object of another verb ("led them to send a note to
    Serbia") is not the happening's goal. Walks from the place up to the anchor (or
    to the first common ancestor)."""
    above = {a.i for a in anchor.ancestors} | {anchor.i}
    cur = root
    while cur.i not in above and cur.head.i != cur.i:
        if cur.dep_ in DESCRIBING_DEPS and not _locative(cur.head, lex):
            return True
        if cur.dep_ in SUBORDINATE_DEPS and role in VERB_BOUND_ROLES:
            return True
        cur = cur.head
    return False


def _locative(noun, lex: Lexicon) -> bool:
    """The object of a place preposition ("in a house", "to the hospital")."""
    return noun.dep_ == "pobj" and noun.head.lower_ in lex.place_roles


def _distance(tok, anchor, lo: int, hi: int) -> int:
    d, cur = 0, tok
    while cur.i != anchor.i:
        if cur.head.i == cur.i or not (lo <= cur.head.i < hi):
            return 99
        cur = cur.head
        d += 1
    return d


@dataclass(frozen=True)
class PlacePick:
    key: str | None  # the happening's place
    prep: str | None  # the preposition that introduced it ("at", "to")
    seen: list[str]  # places the clause puts someone at or sends them to, latest first


def place(h: Happening, view: SentView, start_tok: int, end_tok: int, index: MentionIndex,
          lex: Lexicon, skip: frozenset[int] = frozenset()) -> PlacePick:
    """``skip``: tokens of what did not happen ("contemplated a voyage to the Indies")."""
    doc = view.doc
    anchor = doc[h.anchor]
    best = None
    seen: list[tuple[int, str]] = []
    own = frozenset(t.i for t in h.triggers) | {h.anchor}
    # a relative clause's own noun may lie outside it ("Corinth, which capitulated")
    outside = [anchor.head.i] if anchor.dep_ == "relcl" and not start_tok <= anchor.head.i < end_tok else []
    for i in [*range(start_tok, end_tok), *outside]:
        key = view.root_entity.get(i)
        if key is None or index.entity_type.get(key) != "place" or (i in skip and i not in outside):
            continue
        root = doc[i]
        role = _place_role(root, anchor, lex, own)
        if role is None or _in_other_clause(root, anchor, role, lex):
            continue
        dist = _distance(root, anchor, view.span.start, view.span.end)
        prep = root.head.lower_ if root.dep_ == "pobj" else None
        named = prep == "of" and root.head.head.i in {t.i for t in h.triggers}
        if prep == "of" and root.head.head.dep_ == "pobj":
            prep = root.head.head.head.lower_
        # the happening's own name places it ("the battle of Lutzen ... fought near
        # Leipzig"); a bare "of X" ("the courage of the Dutch") or a place it was only
        # near places it less surely than "at X"
        vague = prep == "of" or _only_near(root)
        rank = (-1 if named or role == "crossed" else lex.role_rank.get(role, 3), vague and not named, dist, i)
        if best is None or rank < best[0]:
            best = (rank, key, prep)
        if role == "destination" or role == "location" and prep not in (None, "of"):
            seen.append((i, key))
    trail = [k for _, k in sorted(seen, reverse=True)]
    return PlacePick(best[1] if best else None, best[2] if best else None, trail)


# ------------------------------------------------------------------ roles (for summaries) --

SMALL_CLAUSE_HEADS = frozenset(_WORDS["small_clause_heads"])  # "see Danton arrested"


@dataclass(frozen=True)
class Roles:
    """Who does and who undergoes a happening, as entity keys, plus the subject's own
    words when it names nobody ("the police") and whether it is plural."""

    agents: tuple[str, ...]
    patients: tuple[str, ...]
    subject_words: str | None
    plural: bool
    passive: bool
    told_of: tuple[str, ...] = ()  # the passive subject ("Brede was fined"), among the patients


def _short_np(tok) -> str:
    """"the police", "agents of the Cardinal's guard": a subject noun phrase kept short."""
    keep = {tok.i}
    for c in tok.children:
        if c.dep_ in ("det", "amod", "compound", "nummod", "poss") and c.i < tok.i:
            keep.update(t.i for t in c.subtree)
    if len(keep) > 5:  # too long: the determiner, possessor, compounds and the noun
        keep = {tok.i}
        for c in tok.children:
            if c.dep_ in ("det", "compound", "poss") and c.i < tok.i:
                keep.update(t.i for t in c.subtree)
    # the contiguous stretch (keeps "co-conspirators" whole)
    words = [tok.doc[i] for i in range(min(keep), max(keep) + 1)]
    return "".join(t.text_with_ws for t in words).strip()


def roles(h: Happening, view: SentView, index: MentionIndex) -> Roles:
    doc = view.doc
    anchor = doc[h.anchor]
    if not _verbal(h, anchor) or anchor.pos_ == "ADJ":
        return Roles((), (), None, False, False)
    passive = _passive_clause(anchor)
    agents: list[str] = []
    patients: list[str] = []
    if anchor.dep_ == "acl" and passive:
        # "a society founded by Herzl": the noun is what the participle befalls
        subj = anchor.head
    else:
        subj = _subject(anchor)
    subject_words = None
    plural = False
    keys: list[str] = []
    if subj is not None:
        keys = _resolve(subj, view, index)
        (patients if passive else agents).extend(keys)
        plural = subj.tag_ in ("NNS", "NNPS") or subj.lower_ in ("they", "we") or bool(
            [c for c in subj.conjuncts if c.i > subj.i])
        if not keys and subj.pos_ in ("NOUN", "PROPN"):
            subject_words = _short_np(subj)
        if keys:
            plural = len(keys) > 1
    _agents_and_patients(anchor, passive, view, index, agents, patients)
    return Roles(tuple(dict.fromkeys(agents)), tuple(k for k in dict.fromkeys(patients) if k not in agents),
                 subject_words, plural, passive, tuple(k for k in keys if passive and k not in agents))


def role_map(h: Happening, view: SentView, r: Roles, who: list[str], aimed: list[str]) -> dict[str, str]:
    """Each participant's part in a happening its clause tells (``model.ROLE_RANK``):
    "agent" (the active subject or a "by" agent), "subject" (a passive subject: "Brede was
    fined"), "patient" (an object or a target: "the council fined him") or "other" (a
    partner: "a guard leapt into his path"). Empty for an event noun ("his death"), whose
    possessor may have done it or suffered it."""
    anchor = view.doc[h.anchor]
    if not _verbal(h, anchor) or anchor.pos_ == "ADJ":
        return {}

    def part(k: str) -> str:
        if k in r.agents:
            return "agent"
        if k in r.told_of:
            return "subject"
        return "patient" if k in r.patients or k in aimed else "other"
    return {k: part(k) for k in who}


def _passive_clause(anchor) -> bool:
    """A passive verb; a participle without "have" is passive too: "is exiled by",
    "will see Danton arrested"."""
    has_object = any(c.dep_ in OBJECT_DEPS for c in anchor.children)
    small_clause = anchor.dep_ in ("ccomp", "xcomp", "oprd") and anchor.head.lemma_.lower() in SMALL_CLAUSE_HEADS
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in anchor.children) or not has_object and (
        small_clause or anchor.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in anchor.children)
        and not (anchor.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in anchor.children)))  # a past tense mis-tagged


def _agents_and_patients(anchor, passive: bool, view: SentView, index: MentionIndex,
                         agents: list[str], patients: list[str]) -> None:
    """Add the "by" agents and the objects of the verb."""
    for c in anchor.children:
        if c.dep_ == "agent" or (passive and c.dep_ == "prep" and c.lower_ == "by"):
            for g in c.children:
                if g.dep_ == "pobj":
                    agents.extend(k for k in _resolve(g, view, index) if k not in agents)
        elif c.dep_ in OBJECT_DEPS or c.dep_ == "dative":
            patients.extend(k for k in _resolve(c, view, index) if k not in patients and k not in agents)


AIM_PREPS = frozenset(_WORDS["aim_preps"])  # "hurled a grenade at X's car", "an attack on X"
AIMED_KINDS = {"attack", "death", "arrest"}
HARM_CLAUSE_DEPS = {"advcl", "conj", "xcomp", "ccomp"}  # "fired twice, killing X and wounding Y"


def targets(h: Happening, view: SentView, index: MentionIndex, r: Roles, harm_lemmas: frozenset[str]) -> list[str]:
    """Those a happening was aimed at: its patients, and for an attack, death or arrest
    also who the blow was aimed at ("at the duke's car": the car's owner) and who a
    participle clause of harm names ("..., killing X and wounding Y")."""
    anchor = view.doc[h.anchor]
    # a pronoun's referent is a guess: a victim is only taken from a name or a noun
    guessed = {k for c in [anchor, *anchor.children] for t in [c, *c.children] if t.pos_ == "PRON"
               for k in _resolve(t, view, index)}
    out = [k for k in r.patients if k not in guessed]
    if h.kind not in AIMED_KINDS:
        return out

    def add(keys):
        out.extend(k for k in keys if k not in out and k not in r.agents and k not in guessed
                   and index.entity_type.get(k) in ("person", "group", "organization"))

    heads = [anchor] + [c for c in anchor.children if c.dep_ in ("dobj",)]
    for hd in heads:
        for c in hd.children:
            if c.dep_ == "prep" and c.lower_ in AIM_PREPS:
                for g in c.children:
                    if g.dep_ != "pobj":
                        continue
                    add(_resolve(g, view, index))
                    for p in g.children:  # "the duke's car": the owner was the target
                        if p.dep_ == "poss":
                            add(_resolve(p, view, index))
    for c in anchor.children:
        if c.dep_ in HARM_CLAUSE_DEPS and c.lemma_.lower() in harm_lemmas:
            for clause in [c, *c.conjuncts]:
                for g in clause.children:
                    if g.dep_ in OBJECT_DEPS:
                        add(_resolve(g, view, index))
    return out
