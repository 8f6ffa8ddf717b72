"""A short plain sentence for a happening: "Garibaldi arrives at Caprera",
"Lilburne is expelled by Cromwell", "The police arrest Guillaume Apollinaire in Paris".

Agent and verb agree (plural subjects take plural verbs); a happening told with only
its patient reads in the passive; names are never repeated; word forms are data
(data/events/summary.yaml)."""
from __future__ import annotations

from functools import lru_cache

import yaml
from chronica.resources import path as resource_path

_IRREGULAR = {"be": "is", "have": "has", "do": "does", "go": "goes"}
_PLURAL = {"be": "are", "have": "have", "do": "do", "go": "go"}
_DATA = resource_path("events/summary.yaml")
PARTICLES = ("away", "back", "up", "out", "off", "down")


@lru_cache(maxsize=1)
def _forms() -> tuple[dict[str, str], frozenset[str]]:
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8")) or {}
    return ({str(k): str(v) for k, v in (data.get("participles") or {}).items()},
            frozenset(str(w) for w in data.get("doubling") or ()))


def third_person(lemma: str) -> str:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        return lemma + "es"
    return lemma + "s"


def present(lemma: str, plural: bool) -> str:
    return _PLURAL.get(lemma, lemma) if plural else third_person(lemma)


def participle(lemma: str) -> str:
    irregular, doubling = _forms()
    if lemma in irregular:
        return irregular[lemma]
    if lemma in doubling:
        return lemma + lemma[-1] + "ed"
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def _particles(tok) -> list[str]:
    return [c.lower_ for c in tok.children
            if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in PARTICLES)]


def _object_phrase(tok) -> str:
    """A verb's direct object (or "into/to" + noun), kept short: its own determiner,
    possessor, compounds and adjectives, never a clause hanging off it."""
    for c in tok.children:
        if c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN"):
            return _np(c)
        if c.dep_ == "prep" and c.lower_ in ("into", "to") and any(g.dep_ == "pobj" and g.pos_ == "NOUN" for g in c.children):
            noun = next(g for g in c.children if g.dep_ == "pobj")
            return f"{c.lower_} {_np(noun)}"
    return ""


def _goal_phrase(tok) -> str:
    """"into exile", "to prison": where the verb puts its object, when not a name."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("into", "to", "in"):
            noun = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
            if noun is not None:
                return f"{c.lower_} {_np(noun)}"
    return ""


def _named_in(name: str, text: str) -> bool:
    """Is the person already in the text ("Cromwell's death" names Oliver Cromwell)?"""
    return name in text or any(w in text for w in name.split() if len(w) >= 4 and w[:1].isupper())


def _np(noun) -> str:
    keep = {noun.i}
    for c in noun.children:
        if c.i < noun.i and c.dep_ in ("det", "poss", "compound", "amod", "nummod", "case"):
            keep.update(t.i for t in c.subtree if t.dep_ not in ("relcl", "acl", "appos", "punct"))
    words = [noun.doc[i] for i in sorted(keep)]
    if len(words) > 5:  # drop adjectives first, then keep the last words
        words = [w for w in words if w.dep_ != "amod" or w.i == noun.i][-5:]
    return "".join(t.text_with_ws for t in words).strip().rstrip(",;")


def _noun_phrase(noun) -> str:
    """"the fall of Paris" -> "fall of Paris"; "Kirov's murder" -> "Kirov's murder"."""
    keep = {noun.i}
    for c in noun.lefts:
        if c.dep_ == "poss" and c.pos_ == "PRON":
            continue  # "his death" -> "death of <him>"
        if c.dep_ in ("compound", "amod", "nummod", "poss", "nmod"):
            keep.update(t.i for t in c.subtree)
    for c in noun.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            keep.update(t.i for t in c.subtree)
            break
    doc = noun.doc
    words = [doc[i] for i in sorted(keep)]
    return "".join(t.text_with_ws for t in words).strip().rstrip(",;")


def _join(names: list[str]) -> str:
    names = list(dict.fromkeys(n for n in names if n))
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:2]) + " and others"


def _place(text: str, place_name: str | None, place_prep: str | None) -> str:
    if place_name and place_name.casefold() not in text.casefold():
        return f"{text} {place_prep or 'in'} {place_name}"
    return text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def summarise(anchor, who_names: list[str], place_name: str | None, place_prep: str | None,
              noun_anchor: bool, agents: list[str] | None = None, patients: list[str] | None = None,
              subject_words: str | None = None, plural: bool = False, passive: bool | None = None) -> str:
    """``who_names``: every participant; ``agents``/``patients`` (names), when known,
    say who did it and to whom."""
    if noun_anchor:
        text = _noun_phrase(anchor)
        if " of " not in text and who_names and not any(_named_in(n, text) for n in who_names):
            text += " of " + _join(who_names[:2])
        return _capital(_place(text, place_name, place_prep))
    if agents is None and patients is None:
        agents, patients = who_names[:2], []
    agents = [n for n in dict.fromkeys(agents or []) if n]
    patients = [n for n in dict.fromkeys(patients or []) if n and n not in agents]
    lemma = anchor.lemma_.lower()
    is_passive = any(c.dep_ == "auxpass" for c in anchor.children) if passive is None else passive
    parts = _particles(anchor)
    if place_prep == "of" and "out" not in parts:
        parts.append("out")  # "walked out of the Salon Carré"
    if anchor.pos_ == "ADJ" or anchor.dep_ == "attr":
        subject = _join(agents or patients) or subject_words or "Someone"
        verb = ("become" if anchor.head.lemma_ == "become" else "be")
        text = f"{subject} {present(verb, plural or len(agents or patients) > 1)} {anchor.lower_}"
        return _capital(_place(text, place_name, place_prep))
    if is_passive or (not agents and not subject_words and patients):
        # the patient is what the clause is about: "Danton is arrested", "... by Robespierre"
        subject = _join(patients) or (subject_words if is_passive else None) or "Someone"
        many = len(patients) > 1 if patients else (plural and subject != "Someone")
        verb = anchor.lower_ if anchor.tag_ == "VBN" and is_passive else participle(lemma)
        text = f"{subject} {'are' if many else 'is'} {' '.join([verb] + parts)}"
        if agents:
            text += f" by {_join(agents)}"
        return _capital(_place(text, place_name, place_prep))
    subject = _join(agents) or subject_words or "Someone"
    many = len(agents) > 1 if agents else (plural and subject != "Someone")
    words = [subject, " ".join([present(lemma, many)] + parts)]
    if patients:
        words.append(_join(patients))
        goal = _goal_phrase(anchor)
        if goal and not (place_name and place_name in goal):
            words.append(goal)  # "forced Ovid into exile"
    else:
        obj = _object_phrase(anchor)
        if obj and not any(n in obj for n in agents) and not (place_name and place_name in obj):
            words.append(obj)
    return _capital(_place(" ".join(w for w in words if w), place_name, place_prep))
