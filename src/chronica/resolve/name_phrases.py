"""Phrases built around a name that stand for its bearer: "the Austrian Archduke X",
"Archduke X of Austria", "Social Democrat X", "revolutionary Russia", "the
town of X", "the Union of ... Republics (USSR)".

Read from the dependency parse: the adjectives and nouns that modify the name's head
(left), an "of <place>" or a parenthesised abbreviation right after it, and, for a
place, a "the <kind> of" before it. They become aliases of the name's entity, never
mentions of their own. Word lists: ``lang/en/aliases/name_phrases.yaml``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


from ..resources import load
from ..resources.names import titles


@dataclass(frozen=True)
class _Words:
    left_deps: frozenset[str]
    not_openers: frozenset[str]
    place_kinds: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = load("aliases/name_phrases.yaml")
    return _Words(frozenset(raw["left_deps"]), frozenset(raw["not_openers"]), frozenset(raw["place_kinds"]))


def name_phrases(sp, text: str, start: int, end: int, etype: str, place_spans: set[tuple[int, int]],
                 taken: list[tuple[int, int]] = ()) -> list[str]:
    """The phrases around the name text[start:end] (spaCy doc ``sp``); ``taken``: the
    spans of the document's other mentions, which a phrase never swallows."""
    span = sp.char_span(start, end, alignment_mode="expand") if sp is not None else None
    if span is None or len(span) == 0:
        return []
    w = _words()
    head = span.root
    while head.i > span.start and head.dep_ == "case":  # "X’s": the possessive is no part of it
        head = sp[head.i - 1]
    left = _left_edge(sp, span, head, w, taken)
    if left is None:
        left = _role_before(sp, span, w, taken)
    right = _right_edge(sp, span, head, place_spans, etype)
    out = []
    a = sp[left].idx if left is not None else None
    b = right
    if a is not None:
        out.append(text[a:end])
    if b is not None:
        out.append(text[start:b])
    if a is not None and b is not None:
        out.append(text[a:b])
    if etype == "place" and a is None:
        kind = _kind_opening(sp, span, head, w)
        if kind is not None:
            out.append(text[kind:end])
    return [" ".join(p.split()) for p in out]


def _taken(taken, offset: int) -> bool:
    """Inside another mention (``taken``: an indexed span set, or a list of spans)."""
    if hasattr(taken, "covers"):
        return taken.covers(offset)
    return any(a <= offset < b for a, b in taken)


def _left_edge(sp, span, head, w: _Words, taken) -> int | None:
    """Token index where the name's left modifiers start, or None without any."""
    i = span.start
    while i > 0:
        t = sp[i - 1]
        if "\n" in t.whitespace_ or t.is_space or t.pos_ == "CCONJ":
            break  # a heading run into the text, "X and Y"
        if t.whitespace_ and t.ent_type_ != "NORP" and _taken(taken, t.idx):
            break  # another name ("Serbia Tomislav X"); "Austrian", "Paris-based" are not
        if head.ent_type_ == "PERSON" or span.root.ent_type_ == "PERSON":
            if t.dep_ == "compound" and t.is_lower:
                break  # "house X", "trial X": a noun used as a modifier, not a title
        anchor = t
        while anchor.i < span.start and anchor.head.i < span.start and anchor.head != anchor:
            anchor = anchor.head  # "Paris - based": climb to the word attached to the name
        if not (span.start <= anchor.head.i < span.end and anchor.dep_ in w.left_deps):
            break
        if t.dep_ in ("det", "poss", "case", "predet") or t.is_punct and t.text not in "-–":
            break
        i -= 1
    while i < span.start and (sp[i].is_punct or sp[i].lower_ in w.not_openers):
        i += 1
    if i == span.start or sp[i].lower_ in w.not_openers or sp[i].pos_ not in ("ADJ", "PROPN", "NOUN", "NUM"):
        return None
    if i > 1 and sp[i - 1].text in "-–" and not sp[i - 2].whitespace_:
        return None  # inside a hyphenated word ("thirty-eight-year-old"): never cut it
    if _headline_opener(sp[i]):
        return None  # "Near X", "Chasing X": a heading's or sentence's first word, not a title
    return i


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    return frozenset(load("aliases/roles.yaml")["role_nouns"]) | {t[0] for t in titles() if len(t) == 1}


def _role_before(sp, span, w: _Words, taken) -> int | None:
    """"the Frankish usurper X", "the half-Norse Roman General X": a role noun right
    before the name (the parser often reads the name as its apposition or object) with
    the role's own modifiers: token index where the phrase starts, or None."""
    if span.start == 0:
        return None
    role = sp[span.start - 1]
    if span[0].lower_ in _role_words() and len(span) > 1:
        role = span[0]  # the mention opens with its title: "the half-Norse Frankish [General Odo]"
    elif not role.whitespace_ or role.pos_ not in ("NOUN", "PROPN") or role.lower_ not in _role_words() \
            or _taken(taken, role.idx):
        return None
    i = min(role.left_edge.i, role.i)
    if role.i == span.start:  # modifiers right before the mention, attached to its title or its name
        i = role.i
        while i > 0:
            t = sp[i - 1]
            if t.is_space or "\n" in t.whitespace_ or (_taken(taken, t.idx) and t.ent_type_ != "NORP"):
                break
            if not (t.dep_ in ("amod", "compound", "nmod") or t.text in "-–" or t.ent_type_ == "NORP"):
                break
            i -= 1
    while i < role.i and (sp[i].dep_ in ("det", "poss", "predet", "case") or sp[i].lower_ in w.not_openers
                          or sp[i].is_punct and sp[i].text not in "-–"):
        i += 1
    if sp[i].text in "-–" and i > 0 and not sp[i - 1].whitespace_:
        i -= 1  # "former-Emperor X": a phrase never opens inside a hyphenated word, take it whole
    if i == role.i or any(_taken(taken, sp[k].idx) and sp[k].ent_type_ != "NORP" for k in range(i, role.i)):
        return None  # a bare role ("general X") is a title, left to parse_name; another name inside: no
    if any(sp[k].is_punct and sp[k].text not in "-–" for k in range(i, role.i)):
        return None
    return i


def _headline_opener(t) -> bool:
    """A capitalised first word of a sentence that is neither a title nor a demonym."""
    if not (t.is_sent_start and t.text[:1].isupper()) or t.ent_type_ == "NORP":
        return False
    return (t.lower_,) not in set(titles())


def _right_edge(sp, span, head, place_spans: set[tuple[int, int]], etype: str) -> int | None:
    """Char offset where "of <place>" or "(ABBR)" right after the name ends."""
    nxt = span.end
    if nxt >= len(sp):
        return None
    t = sp[nxt]
    if t.lower_ == "of" and t.head.i == head.i and etype in ("person", "organization"):
        objs = [c for c in t.children if c.dep_ == "pobj"]
        if objs:
            o = objs[0]
            sub = sp[o.left_edge.i:o.i + 1]
            if (sub.start_char, sub.end_char) in place_spans or o.ent_type_ == "GPE":
                return sub.end_char
    if t.text == "(" and nxt + 2 < len(sp) and sp[nxt + 2].text == ")":
        abbr = sp[nxt + 1].text
        if abbr.isupper() and len(abbr) >= 2:
            return sp[nxt + 2].idx + 1
    return None


def _kind_opening(sp, span, head, w: _Words) -> int | None:
    """Char offset of "the" in "the (remote) town of X", or None."""
    if span.start < 2:
        return None
    of = sp[span.start - 1]
    kind = of.head
    if of.lower_ != "of" or head.head.i != of.i or kind.i >= of.i or kind.lower_ not in w.place_kinds:
        return None
    first = kind.left_edge
    if first.dep_ != "det" or first.lower_ not in ("the", "this"):
        return None
    return first.idx
