"""Who a possessive or personal pronoun ("his", "her", "their", "he") stands for: the
nearest person named before it, a grammatical subject first, of the gender the
pronoun has when the given name tells one (``resources.gender``'s given names). Read by the
relation patterns and by the descriptions read through relations."""
from __future__ import annotations

from ..doc import Doc
from ..resources import load
from ..resources.gender import detector

def resolve_pronoun(doc: Doc, offset: int, si: int, sents, exclude: set[str] = frozenset(),
                    gender: str | None = None) -> str | None:
    """"his"/"her"/"he": the nearest person (a grammatical subject first) before
    ``offset`` in the same sentence, else the last person (subject first) of the
    previous sentence; never one of ``exclude`` (the relation's other end)."""
    cands = _candidates(doc, offset, si, sents, exclude, gender)
    if not cands:
        return None
    subj = [m for m in cands if _is_subject(doc, m)]
    return (subj or cands)[-1].entity


def resolve_plural(doc: Doc, offset: int, si: int, sents, exclude: set[str] = frozenset()) -> list[str]:
    """"their": the last two distinct people before ``offset`` (same rule as above)."""
    out: list[str] = []
    for m in reversed(_candidates(doc, offset, si, sents, exclude)):
        if m.entity not in out:
            out.append(m.entity)
        if len(out) == 2:
            break
    return out


def _candidates(doc: Doc, offset: int, si: int, sents, exclude, gender: str | None = None) -> list:
    """People before ``offset`` in the sentence (nearest last); else those of the
    previous sentence, its first-named (the topic) last. People whose given name says
    the other gender are skipped."""
    start, _ = sents[si]
    ok = [m for m in _persons(doc, start, offset) if m.entity not in exclude and _gender_ok(doc, m, gender)]
    if not ok and si > 0:
        pstart, pend = sents[si - 1]
        prev = [m for m in _persons(doc, pstart, pend) if m.entity not in exclude and _gender_ok(doc, m, gender)]
        ok = list(reversed(prev))
    return ok


# "his" -> "male", "her" -> "female": the pronouns that tell a gender
GENDER_OF = {word: gender for gender in ("male", "female") for word in load("relations/pronouns.yaml")[gender]}


def _gender_ok(doc: Doc, m, gender: str | None) -> bool:
    if gender is None:
        return True
    ent = doc.entity(m.entity)
    first = (ent.name if ent else m.text).split()[0]
    g = detector().get_gender(first)
    if g in ("male", "mostly_male"):
        return gender == "male"
    if g in ("female", "mostly_female"):
        return gender == "female"
    return True


def _persons(doc: Doc, start: int, end: int):
    ents = {e.key: e for e in doc.entities}
    return [m for m in doc.mentions if start <= m.start and m.end <= end and m.entity
            and ents.get(m.entity) is not None and ents[m.entity].type == "person"]


def _is_subject(doc: Doc, m) -> bool:
    if doc.spacy is None:
        return False
    span = doc.spacy.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")
