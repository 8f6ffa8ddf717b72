"""Find event triggers in a sentence and group them into happenings.

A *happening* is anchored on a verb trigger (or a light verb whose object names the
event: "opened a campaign"), or on a noun trigger that stands on its own ("the fall of
Granada in 1492"). Triggers telling the same happening (a verb's complement: "swore to
bring her home"; the nouns of its clause: "sent into exile") merge into one; a later
happening named in an adjunct ("stayed there until her death in 1702") stays apart."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..resources import load
from .events_lexicon import Lexicon, TriggerRule
from .events_readings import (
    bare_participle, name_particle, named_happening, naming_participle, non_finite_governor, object_like, of_a_people,
    purpose_infinitive, role_object, shares_auxiliary, told_apart, told_in_a_work, under_counterfactual, years_from,
)

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj", "attr", "oprd"}
VERB_COMPLEMENT_DEPS = {"xcomp", "ccomp", "dobj", "obj"}
COMPLEMENT_DEPS = {"xcomp", "ccomp", "dobj", "obj", "pobj", "prep", "pcomp", "acl", "advcl"}
_WORDS = load("events/clause_words.yaml")
KIND_NOUN_PREPS = frozenset(_WORDS["kind_noun_preps"])
NEGATIVE_SUBJECTS = frozenset(_WORDS["negative_subjects"])  # "sent into exile", "went to war", "placed under arrest"


@dataclass(frozen=True)
class Trigger:
    i: int  # token index in the spaCy doc
    rule: TriggerRule

    @property
    def kind(self) -> str:
        return self.rule.kind


@dataclass
class Happening:
    anchor: int  # token index heading the happening
    triggers: list[Trigger]
    kind: str
    standalone_noun: bool = False
    negated: bool = False
    hypothetical: bool = False
    owned: set[int] = field(default_factory=set)  # token indices of its clause

    @property
    def main(self) -> Trigger:
        return self.triggers[0]


# ------------------------------------------------------------------ conditions --

def has_place_child(tok, place_tokens: set[int]) -> bool:
    if tok.dep_ == "relcl" and tok.head.i in place_tokens and any(
            c.dep_ in OBJECT_DEPS and c.lower_ in ("which", "that", "where") for c in tok.children):
        return True  # "Cadiz, which she reached"
    for c in tok.children:
        if c.dep_ == "prep":
            if any(g.i in place_tokens for g in c.subtree):
                return True
        elif c.dep_ in OBJECT_DEPS and any(g.i in place_tokens for g in c.subtree):
            return True
    return False


def _names_place(obj, place_tokens) -> bool:
    """An object that is a place, or "the town of X" / "the city of X"."""
    if obj.i in place_tokens:
        return True
    return any(p.lower_ == "of" and any(g.i in place_tokens for g in p.children if g.dep_ == "pobj")
               for p in obj.children if p.dep_ == "prep")


def _is_passive(tok) -> bool:
    if tok.dep_ == "conj" and tok.tag_ == "VBN" and tok.head.i != tok.i and _is_passive(tok.head):
        return True  # "were arrested and tried": the participles share the passive
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or \
        (tok.dep_ == "acl" and tok.tag_ == "VBN" and not naming_participle(tok)) or bare_participle(tok)


PERSONAL_OBJECTS = frozenset(_WORDS["personal_objects"])


def _custody(tok, custody: frozenset[str]) -> bool:
    """A custody word in the verb's own phrases ("taken to prison", "gave him eight
    months in jail"), not in a clause of its own."""
    stack = [(c, 1) for c in tok.children if c.dep_ not in ("conj", "ccomp", "advcl", "relcl", "nsubj")]
    while stack:
        t, depth = stack.pop()
        if t.lemma_.lower() in custody or t.lower_ in custody:
            return True
        if depth < 3:
            stack.extend((c, depth + 1) for c in t.children if c.dep_ not in ("conj", "ccomp", "advcl", "relcl"))
    return False


def _meets(tok, rule: TriggerRule, place_tokens: set[int], named: frozenset[int] = frozenset(),
           custody: frozenset[str] = frozenset()) -> bool:
    kids = list(tok.children)
    if rule.particle and not any(c.lower_ == rule.particle and c.dep_ in ("prt", "advmod", "prep") for c in kids):
        return False
    if not rule.needs:
        return True
    where = _Where(place_tokens, named, custody)
    return any(_need_met(need, tok, kids, where) for need in rule.needs)


@dataclass(frozen=True)
class _Where:
    """What a rule's needs are tested against besides the trigger: the sentence's place
    and name tokens, and the custody words."""

    place_tokens: set[int]
    named: frozenset[int]
    custody: frozenset[str]


def _objects(kids) -> list:
    return [c for c in kids if c.dep_ in ("dobj", "obj")]


# a rule's named needs (triggers.yaml ``needs``) and how each is met
_NEEDS = {
    "dobj": lambda tok, kids, w: bool(_objects(kids)),
    "named": lambda tok, kids, w: any(any(g.i in w.named for g in c.subtree) for c in _objects(kids)),
    # "created the Warren Commission", not "created a difficult mood among the clerks"
    "named_head": lambda tok, kids, w: any(c.i in w.named for c in _objects(kids)),
    # "captured him", "captured Hawkwood" -- not "captured a pawn"
    "someone": lambda tok, kids, w: any(c.lower_ in PERSONAL_OBJECTS or any(g.i in w.named for g in c.subtree)
                                        for c in _objects(kids)),
    "passive": lambda tok, kids, w: _is_passive(tok),
    "place": lambda tok, kids, w: has_place_child(tok, w.place_tokens),
    # "visited Lisbon" (a journey), not "visited the victims" (a meeting)
    "place_dobj": lambda tok, kids, w: any(_names_place(c, w.place_tokens) for c in _objects(kids)),
    "custody": lambda tok, kids, w: _custody(tok, w.custody),
    # "agreed to pay", "refused to sign": a to-infinitive complement
    "infinitive": lambda tok, kids, w: any(c.dep_ == "xcomp" for c in kids),
    "intransitive": lambda tok, kids, w: not _objects(kids) and not _is_passive(tok),  # "the canal opened"
}
ADVERB_NEEDS = frozenset(_WORDS["adverb_needs"])


def _need_met(need: str, tok, kids, where: _Where) -> bool:
    """A named need, else a word the trigger must govern ("fled to", "went back")."""
    test = _NEEDS.get(need)
    if test is not None and test(tok, kids, where):
        return True
    if any(c.lower_ == need and c.dep_ in ("prep", "prt", "advmod", "agent", "oprd") for c in kids):
        return True
    return need in ADVERB_NEEDS and any(c.lower_ == need for c in kids)


_COPULAS = frozenset({"be", "become"})
_OBJECT_COMPLEMENT = frozenset({"oprd", "ccomp", "xcomp", "dobj"})


def _role_rule(tok, lex: Lexicon, place_tokens: set[int]) -> TriggerRule | None:
    """"was master of Castile", "became king of Serbia", "was the Danish king from 1016"."""
    kind = lex.role_kinds.get(tok.head.lemma_.lower()) if tok.lemma_.lower() in lex.role_nouns else None
    if kind is None:  # (the token's own lemma tested first: most tokens stop there)
        return None
    # "made his nephew governor": the small model misreads the object complement (as a
    # clause, or a compound object) where role_object cannot see it
    misread = tok.dep_ != "dobj" or any(c.dep_ == "compound" for c in tok.children)
    if tok.dep_ in _OBJECT_COMPLEMENT and tok.head.lemma_.lower() not in _COPULAS and misread \
            and role_object(tok.head, lex) is None:
        return TriggerRule(tok.lemma_.lower(), kind, "predicate")
    if tok.dep_ != "attr":
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of" and any(g.i in place_tokens for g in c.subtree):
            return TriggerRule(tok.lemma_.lower(), kind, "predicate")
    if of_a_people(tok, place_tokens) or years_from(tok.head):
        return TriggerRule(tok.lemma_.lower(), kind, "predicate")
    return None


def _verb_as_noun(tok, lex: Lexicon) -> bool:
    """A verb the small model tags as a noun in present-tense narration ("the envoy
    and her staff arrive at ..."): the sentence's root, with a subject of its own."""
    return tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.lemma_.lower() in lex.verbs and \
        tok.lemma_.lower() not in lex.nouns and any(c.dep_ == "nsubj" for c in tok.children)


def _plural_event_name(tok, lex: Lexicon) -> bool:
    """A name whose head is an event noun in the plural ("the Nuremberg Trials"): the
    model often calls it an organisation."""
    word = tok.lower_
    return word != _singular(word) and _singular(word) in lex.nouns and tok.dep_ != "compound"


def _singular(word: str) -> str:
    """"Trials" in a name ("the Nuremberg Trials"): the model leaves proper nouns unlemmatised."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


IDIOM_DEPS = {"dobj", "obj", "prt", "attr"}


def _idiom(tok, lex: Lexicon) -> TriggerRule | bool | None:
    """A verb that forms an idiom with its object or particle: ``False`` when that makes
    no happening ("seized the moment", "took place"), a rule when the object gives the
    happening its kind ("seized power"), ``None`` when it is no idiom."""
    lemma = tok.lemma_.lower()
    words = [c.lemma_.lower() for c in tok.children if c.dep_ in IDIOM_DEPS]
    words += [c.lower_ for c in tok.children if c.dep_ in IDIOM_DEPS]
    kinds = lex.object_kinds.get(lemma, {})
    for w in words + object_like(tok):
        if w in kinds:
            return TriggerRule(lemma, kinds[w], "verb")
    if any(w in lex.idioms.get(lemma, ()) for w in words):
        return False
    return None


_TRIGGER_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN", "PROPN"})


def _rule_for(tok, lex: Lexicon, place_tokens: set[int], named: frozenset[int]) -> TriggerRule | None:
    role = _role_rule(tok, lex, place_tokens)
    if role is not None:
        return role
    pos = tok.pos_  # read once: every read of a token attribute goes through spaCy's string store
    if pos not in _TRIGGER_POS:
        return None  # no rule below reads a determiner, a preposition, a pronoun ...
    if pos == "VERB":
        made = role_object(tok, lex)
        if made is not None:
            return made
    lemma = tok.lemma_.lower()
    if tok.dep_ in ("amod", "compound"):
        return None  # "the retreating cavalry", "ruling princes": a description
    if pos == "VERB" and any(c.dep_ == "det" for c in tok.children):
        return None  # a participle used as a noun: "to tend the wounded"
    if pos == "VERB" or (pos == "AUX" and lemma not in ("be", "have", "do")) or _verb_as_noun(tok, lex):
        idiom = _idiom(tok, lex)
        if idiom is not None:
            return idiom or None
        rules = lex.verbs.get(lemma, ())
    elif pos == "ADJ":
        if tok.dep_ != "acomp":
            return None  # only as a predicate: "was dead", never "dead or alive"
        rules = lex.adjectives.get(lemma, ())
    elif pos in ("NOUN", "PROPN"):
        if pos == "PROPN" and tok.ent_type_ and tok.ent_type_ not in ("EVENT", "FAC", "LAW", "") and \
                not (_plural_event_name(tok, lex) or named_happening(tok, lex)):
            return None  # a name that happens to share a noun trigger's spelling
        rules = lex.nouns.get(lemma, ()) or lex.nouns.get(tok.lower_, ()) or lex.nouns.get(_singular(tok.lower_), ())
    else:
        return None
    for r in rules:
        if _meets(tok, r, place_tokens, named, lex.custody_nouns):
            return r
    return None


def find_triggers(sent, lex: Lexicon, place_tokens: set[int],
                  named: frozenset[int] = frozenset()) -> list[Trigger]:
    """Every token of ``sent`` (a spaCy Span) that names an event; ``named``: tokens
    inside mentions of people, groups, organisations and works."""
    out = []
    for tok in sent:
        rule = _rule_for(tok, lex, place_tokens, named)
        if rule is not None:
            out.append(Trigger(tok.i, rule))
    return out


# ------------------------------------------------------------------ factuality --

def _aux_words(tok) -> list:
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass")]


def is_negated(tok, lex: Lexicon) -> bool:
    """"never saw her", "No envoys arrived", "had no right to vote"."""
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det", "preconj") and c.lower_ in lex.negators):
            return True
        if c.dep_ in SUBJECT_DEPS and (c.lower_ in lex.negators or c.lower_ in NEGATIVE_SUBJECTS
                                       or any(d.dep_ == "det" and d.lower_ == "no" and not name_particle(d)
                                              for d in c.children)):
            return True
    head = tok.head
    if tok.dep_ in ("acl", "xcomp", "relcl") and head.pos_ in ("NOUN", "PROPN"):
        return any(d.dep_ == "det" and d.lower_ in lex.negators for d in head.children)
    return False


def _intent_frame(verb, lex: Lexicon) -> bool:
    """A verb that only spells out a plan its subject names ("the plan called for ...",
    "the scheme was to ...")."""
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in lex.intent_frame_verbs and any(
        c.dep_ in ("nsubj", "nsubjpass") and lex.governs_intent(c) for c in verb.children)


def _to_infinitive(tok) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _future_in_past(verb, lex: Lexicon) -> bool:
    return any(a.lower_ in lex.counterfactual_modals or a.lower_ in ("will", "'ll") for a in _aux_words(verb))


def _in_fiction(doc, sent_start: int, sent_end: int, lex: Lexicon) -> bool:
    """The sentence opens "In <determiner> ... <fiction noun>," (its pobj head a work of fiction)."""
    first = doc[sent_start] if sent_start < sent_end else None
    if first is None or first.lower_ != "in" or not lex.fiction_nouns:
        return False
    obj = next((c for c in first.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() not in lex.fiction_nouns:
        return False
    nxt = obj.i + 1
    return nxt < sent_end and doc[nxt].text == ","


def is_hypothetical(tok, lex: Lexicon, sent_start: int, sent_end: int) -> bool:
    """Modal, counterfactual, conditional, merely intended/feared, told of a work
    of fiction ("In a recent novel, the queen dies at sea"), or a habit."""
    if _in_fiction(tok.doc, sent_start, sent_end, lex) or _habitual(tok, lex):
        return True
    governor = non_finite_governor(tok)  # "might be made to fight": the modal governs it too
    return _modal(tok, lex) or _intended(tok, lex, sent_start, sent_end) or purpose_infinitive(tok, lex) or \
        under_counterfactual(tok, lex, sent_start, sent_end) or told_in_a_work(tok, lex, sent_start, sent_end) or \
        ((shares_auxiliary(tok) or governor is not None) and _modal(governor or tok.head, lex))


def _habitual(tok, lex: Lexicon) -> bool:
    """An adverb of habit ("always dined"), or "whenever"/"wherever" on the clause or on
    an adverbial clause of it ("carried a pistol wherever he went")."""
    for c in tok.children:
        if c.dep_ in ("advmod", "mark") and c.lower_ in lex.habitual_adverbs | lex.habitual_subordinators:
            return True
        if c.dep_ == "advcl" and any(g.dep_ in ("advmod", "mark") and g.lower_ in lex.habitual_subordinators
                                     for g in c.children):
            return True
    return False


def _modal(tok, lex: Lexicon) -> bool:
    """A modal or counterfactual auxiliary, a counterfactual adverb, a conditional mark."""
    auxes = _aux_words(tok)
    lowers = [a.lower_ for a in auxes]
    if any(a in lex.modals for a in lowers):
        return True
    if any(a in lex.counterfactual_modals for a in lowers) and "have" in lowers:
        return True
    for c in tok.children:
        if c.dep_ == "advmod" and c.lower_ in lex.counterfactual_adverbs:
            return True
        if c.dep_ == "mark" and c.lower_ in lex.hypothetical_marks:
            return True
    return False


def _intended(tok, lex: Lexicon, sent_start: int, sent_end: int) -> bool:
    """Governed by an intention verb/noun ("hoping to defeat", "planned a flight",
    "orders to arrest", "with the aim of rebuilding")."""
    cur = tok
    for _ in range(6):
        head = cur.head
        if head.i == cur.i or not (sent_start <= head.i < sent_end):
            break
        if cur.dep_ == "conj":
            if told_apart(cur):
                return False
            cur = head  # conjuncts share what governs the first ("believed they had X-ed and Y-ed")
            continue
        if cur.dep_ in ("nsubj", "nsubjpass") and cur.pos_ == "NOUN" and head.dep_ == "ccomp" and _future_in_past(head, lex):
            cur = head  # "hoped that this attack would cause chaos": the attack is what was hoped
            continue
        if _intent_frame(head, lex):
            return True
        if cur.dep_ not in COMPLEMENT_DEPS and not (cur.dep_ == "relcl" and _to_infinitive(cur)):
            break  # (an infinitive relative clause is a complement: "called for troops to meet")
        if _intent_complement(cur, head, lex):
            return True
        if head.pos_ in ("VERB", "AUX") and cur.dep_ not in VERB_COMPLEMENT_DEPS:
            break  # an adjunct ("after the rout of her army, the council voted ...")
        if lex.governs_intent(head):
            return True
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in lex.attempt_verbs and _to_infinitive(head):
            cur = head  # "orders to try to seize the mill": what governs the trying governs the deed
            continue
        if head.pos_ in ("VERB", "AUX"):
            break  # a plain verb: the trigger is part of what really happened
        cur = head
    return False


def _intent_complement(cur, head, lex: Lexicon) -> bool:
    """``cur`` completes a word of intent on ``head``: "was eager to depose him", "arranged
    a plot to kill him", "dreamed of conquering the capital"."""
    infinitive = cur.dep_ == "xcomp" or (cur.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in cur.children))
    if infinitive and any(c.dep_ == "acomp" and lex.governs_intent(c) for c in head.children):
        return True  # "was eager to depose him"
    if infinitive and any(c.dep_ == "dobj" and lex.governs_intent(c) for c in head.children):
        return True  # "hatched a scheme to rob the bank", "made plans to flee"
    return cur.dep_ == "prep" and cur.lower_ in ("of", "about") and lex.governs_intent(head)


# ------------------------------------------------------------------ grouping --

def _elaborates(tok, lex: Lexicon) -> bool:
    if tok.dep_ == "xcomp":
        return True
    if tok.dep_ == "pcomp" and tok.head.lower_ in lex.later_preps:
        return False  # "stayed for a decade before moving to Spain"
    dep = tok.dep_
    if dep == "conj" and tok.head.tag_ in ("VBG", "VBN"):
        dep = tok.head.dep_
    return tok.tag_ in ("VBG", "VBN") and dep in ("advcl", "pcomp", "acl", "conj") and \
        not any(c.dep_ in SUBJECT_DEPS for c in tok.children)


def named_reference(tok, lex: Lexicon) -> bool:
    """A happening named to date another one, with a named possessor ("after Lenin's
    death", "following Danton's arrest"): the happening of someone the text names
    (a pronoun's "after his death" points back at one told already)."""
    if not (tok.dep_ == "pobj" and tok.head.lower_ in lex.reference_preps):
        return False
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children)


def _peer(tok, parent) -> bool:
    """A verb coordinated with the parent's verb ("was flooded and then drained"),
    not a participle clause that says how the parent went."""
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
        if cur.i == parent.i:
            return True
    return False


def _nearest_anchor(tok, anchors: dict[int, Happening], lo: int, hi: int):
    """The closest ancestor of ``tok`` (not itself) that anchors a happening, with the
    dependency path (child deps) walked to reach it."""
    cur = tok
    path = []
    while cur.head.i != cur.i and lo <= cur.head.i < hi:
        path.append(cur)
        cur = cur.head
        if cur.i in anchors:
            return anchors[cur.i], path
    return None, path


def _kind_from_noun(noun, verb, lex: Lexicon) -> bool:
    """Does a noun under ``verb`` name the verb's event ("sent into exile", "came at
    the siege of the harbour")?"""
    if noun.head.i == verb.i and noun.dep_ in OBJECT_DEPS:
        return True
    if noun.dep_ == "pobj" and noun.head.head.i == verb.i and verb.lemma_.lower() in lex.occurrence_verbs:
        return True
    if noun.dep_ == "pobj" and noun.head.head.i == verb.i and noun.head.lower_ in KIND_NOUN_PREPS:
        return True
    # "At her trial, the abbess declared ...": what is said there is part of the happening
    if noun.dep_ == "pobj" and noun.head.head.i == verb.i and noun.head.lower_ in lex.setting_preps \
            and verb.lemma_.lower() in lex.speech_verbs:
        return True
    return False


def _light_anchor(noun, lex: Lexicon):
    """A light verb ("launched", "attempted", "went") whose complement is this noun."""
    head = noun.head
    if noun.dep_ in OBJECT_DEPS and head.pos_ == "VERB" and head.lemma_.lower() in lex.light_verbs:
        return head
    if noun.dep_ == "pobj" and head.lower_ in KIND_NOUN_PREPS:
        verb = head.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() in lex.light_verbs:
            return verb
    return None


def group(sent, triggers: list[Trigger], lex: Lexicon, has_date) -> list[Happening]:
    """Group triggers of one sentence into happenings (factual or not).

    ``has_date(token)`` says whether a time expression sits in a token's subtree.
    """
    doc = sent.doc
    lo, hi = sent.start, sent.end
    anchors, nouns = _verb_anchors(doc, triggers, lex, lo, hi)
    _fold_elaborations(doc, anchors, lex, lo, hi)
    loose = _attach_nouns(doc, nouns, anchors, lex, lo, hi, has_date)
    happenings = list(anchors.values()) + _noun_happenings(doc, loose, lex)
    for h in happenings:
        _mark_unreal(doc, h, lex, lo, hi)
    happenings.sort(key=lambda h: h.anchor)
    return happenings


def _verb_anchors(doc, triggers: list[Trigger], lex: Lexicon, lo: int, hi: int
                  ) -> tuple[dict[int, Happening], list[Trigger]]:
    """A happening per verb trigger, and per light verb whose noun gives its kind
    ("launched an attack"); the noun triggers left over."""
    verbs = [t for t in triggers if t.rule.pos != "noun"]
    nouns = [t for t in triggers if t.rule.pos == "noun"]
    anchors: dict[int, Happening] = {}
    for t in verbs:
        anchors[t.i] = Happening(t.i, [t], t.kind)
    # light verbs take their kind from their noun
    for t in list(nouns):
        lv = _light_anchor(doc[t.i], lex)
        if lv is not None and lv.i not in anchors and lo <= lv.i < hi:
            anchors[lv.i] = Happening(lv.i, [t], t.kind)
            nouns.remove(t)
    return anchors, nouns


def _fold_elaborations(doc, anchors: dict[int, Happening], lex: Lexicon, lo: int, hi: int) -> None:
    """A verb trigger that complements another trigger verb ("pledged to bring him
    back"), or a participle that says how it went ("retreated, locking himself in",
    "surrendered, bringing an end to"), tells the same happening."""
    for i in sorted(anchors, reverse=True):
        tok = doc[i]
        if not _elaborates(tok, lex):
            continue
        parent, _ = _nearest_anchor(tok, anchors, lo, hi)
        if parent is not None and parent.anchor != i:
            if _peer(tok, doc[parent.anchor]) and anchors[i].kind != parent.kind:
                continue  # "were arrested and tried": two happenings told in a row
            child = anchors.pop(i)
            parent.triggers.extend(child.triggers)


def _attach_nouns(doc, nouns: list[Trigger], anchors: dict[int, Happening], lex: Lexicon, lo: int, hi: int,
                  has_date) -> list[Trigger]:
    """Nouns merge into the clause they sit in (naming its kind when they rank
    higher); the nouns that stand alone are returned."""
    loose: list[Trigger] = []
    for t in nouns:
        tok = doc[t.i]
        owner, path = _nearest_anchor(tok, anchors, lo, hi)
        later = any(p.dep_ == "pobj" and p.head.lower_ in lex.later_preps for p in path)
        if owner is not None and named_reference(tok, lex) and not t.rule.weak:
            loose.append(t)  # "After Lenin's death, the party ...": a happening of its own
            continue
        if owner is not None and not (later and has_date(tok)):
            if _kind_from_noun(tok, doc[owner.anchor], lex) and lex.rank(t.kind) < lex.rank(owner.kind):
                owner.kind = t.kind
                owner.triggers.insert(0, t)
            else:
                owner.triggers.append(t)
            continue
        loose.append(t)
    return loose


def _noun_happenings(doc, loose: list[Trigger], lex: Lexicon) -> list[Happening]:
    """Loose nouns coordinated with one another ("her defeat and the fall of the
    capital") tell one happening; conjuncts attach to the first."""
    by_i = {t.i: t for t in loose}
    heads: dict[int, Happening] = {}
    for t in loose:
        tok = doc[t.i]
        root = tok
        while root.dep_ == "conj" and root.head.i in by_i:
            root = root.head
        if root.i in heads:
            h = heads[root.i]
            h.triggers.append(t)
            if lex.rank(t.kind) < lex.rank(h.kind) and not t.rule.weak:
                h.kind = t.kind
        else:
            heads[root.i] = Happening(root.i, [t], t.kind, standalone_noun=True)
    return list(heads.values())


def _mark_unreal(doc, h: Happening, lex: Lexicon, lo: int, hi: int) -> None:
    """Whether a happening is negated or only hypothetical."""
    tok = doc[h.anchor]
    h.negated = is_negated(tok, lex) or any(is_negated(doc[t.i], lex) for t in h.triggers if t.rule.pos == "verb")
    h.hypothetical = is_hypothetical(tok, lex, lo, hi)
    if h.main.rule.pos in ("adjective", "predicate") and lo <= tok.head.i < hi:
        # "would be dead", "was never king of X": the copula carries the modality
        h.negated = h.negated or is_negated(tok.head, lex)
        h.hypothetical = h.hypothetical or is_hypothetical(tok.head, lex, lo, hi)


def assign_clauses(sent, happenings: list[Happening]) -> None:
    """Each token of the sentence goes to the nearest happening above it."""
    anchors = {h.anchor: h for h in happenings}
    lo, hi = sent.start, sent.end
    heads = [t.head.i for t in sent]  # walked as numbers: no spaCy token made per step up
    for i in range(lo, hi):
        cur = i
        while True:
            if cur in anchors:
                anchors[cur].owned.add(i)
                break
            head = heads[cur - lo]
            if head == cur or not (lo <= head < hi):
                break
            cur = head
