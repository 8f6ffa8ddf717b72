"""Two people of one name: "what became of Otto's brother Konrad?" asks of the
brother, and a quote that calls its Konrad someone's son-in-law ("followed by his
son-in-law Konrad") tells of another man, even where the base holds the two as one.

A question that reaches its person through a family relation (``Question.of_role``)
drops the events whose every quote names the person with another family word right
beside the name ("his son-in-law X", "X, his nephew"; a quote that is only a clause is read in its
sentence). Family words: ``kin_words`` in
``ask/questions.yaml``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..resources import load
from .base import Base
from .model import Question
from .who_text import sentence_bounds

_BESIDE = 30  # characters either side of the name where its family word is written


@lru_cache(maxsize=1)
def kin_words() -> frozenset[str]:
    return frozenset(str(w).casefold() for w in load("ask/questions.yaml").get("kin_words") or ())


def another_of_the_name(base: Base, q: Question, ev: dict) -> bool:
    """Does every quote of the event call the asked person by another family word?"""
    kin = kin_words()
    if not q.of_role or q.of_role not in kin or not q.entities:
        return False
    ent = base.entities.get(q.entities[0], {})
    forms = {f.casefold() for f in [ent.get("name", "")] + list(ent.get("aliases", ())) if len(f) > 2}
    spans = list(ev.get("evidence", ()))
    return bool(spans) and all(_called_otherwise(_naming_text(base, s, forms), forms, q.of_role, kin) for s in spans)


def _naming_text(base: Base, span: dict, forms: set[str]) -> str:
    """The span, or the sentence around it when the span is a clause that does not write
    the name ("who was assassinated in 221 BC")."""
    text = span.get("text", "")
    whole = (base.texts or {}).get(span.get("document", ""))
    if any(f in text.casefold() for f in forms) or whole is None:
        return text
    a, b = sentence_bounds(whole, span["start"], span["end"])
    return whole[a:b]


def _called_otherwise(text: str, forms: set[str], role: str, kin: frozenset[str]) -> bool:
    """Every mention of the name has a family word beside it, and none is the asked one."""
    low = re.sub(r"-\s+", "-", text.casefold())  # "son- in-law": a line-break hyphen
    seen = False
    for f in forms:
        for m in re.finditer(r"\b" + re.escape(f) + r"\b", low):
            before = re.findall(r"[\w-]+", low[max(0, m.start() - _BESIDE):m.start()])[-2:]
            after = re.findall(r"^,\s*(?:his|her|their|the)\s+([\w-]+)", low[m.end():m.end() + _BESIDE])
            said = [w for w in before + after if w in kin]
            if not said or role in said:
                return False
            seen = True
    return seen
