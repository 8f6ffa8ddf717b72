"""A short plain sentence for a happening: "Napoleon arrives at Portoferraio"."""
from __future__ import annotations

_IRREGULAR = {"be": "is", "have": "has", "do": "does", "go": "goes"}


def third_person(lemma: str) -> str:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        return lemma + "es"
    return lemma + "s"


def _verb_phrase(tok) -> str:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "ADJ" or tok.dep_ == "attr":
        return ("becomes " if tok.head.lemma_ == "become" else "is ") + tok.lower_
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    words = ["is " + tok.text.lower()] if passive and tok.tag_ == "VBN" else [third_person(lemma)]
    for c in tok.children:
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in ("away", "back", "up", "out", "off")):
            words.append(c.lower_)
    return " ".join(words)


def _object_phrase(tok) -> str:
    """A verb's direct object or the event noun it governs, kept short."""
    for c in tok.children:
        if c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN"):
            words = [w.text for w in c.subtree if w.dep_ in ("compound", "amod", "det", "poss", "nummod") or w.i == c.i]
            return " ".join(words[-4:])
        if c.dep_ == "prep" and c.lower_ in ("into", "to") and any(g.dep_ == "pobj" and g.pos_ == "NOUN" for g in c.children):
            noun = next(g for g in c.children if g.dep_ == "pobj")
            return f"{c.lower_} {noun.text}"
    return ""


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


def summarise(anchor, who_names: list[str], place_name: str | None, place_prep: str | None,
              noun_anchor: bool) -> str:
    if noun_anchor:
        text = _noun_phrase(anchor)
        if " of " not in text and who_names and not any(n in text for n in who_names):
            text += " of " + " and ".join(who_names[:2])
        if place_name and place_name not in text:
            text += f" {place_prep or 'in'} {place_name}"
        return text[:1].upper() + text[1:]
    subject = " and ".join(who_names[:2]) if who_names else "Someone"
    parts = [subject, _verb_phrase(anchor)]
    obj = _object_phrase(anchor)
    if obj and not (place_name and place_name in obj):
        parts.append(obj)
    if place_name:
        parts.append(f"{place_prep or 'in'} {place_name}")
    return " ".join(p for p in parts if p)
