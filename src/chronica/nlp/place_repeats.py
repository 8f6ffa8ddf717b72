"""One name, one reading through a document: a place name the document already reads
as a place is that place wherever else it is written.

The small model tags a name as an entity in some sentences and as a plain noun in
others ("the fleet sailed for Tyre. Tyre held out for seven months": the second "Tyre"
is often a common noun to it), so a happening told of the place loses its place. Every
other capitalised occurrence of a name that (a) is a place mention elsewhere in the
document, (b) is never typed otherwise, (c) the gazetteer knows as a place, and (d) is
no common word, people's adjective or first name, becomes a place mention too, unless
it is part of a longer name (a capitalised word right before or after it) or overlaps a
mention already found.
"""
from __future__ import annotations

import re

from ..doc import Doc
from ..model import Mention
from ..resources.gazetteer import Gazetteer
from .lexicon import Lexicon
from .mention_spans import CITED_KINDS, is_common_word
from .mention_types import gazetteer_weight
from .surnames import lower_words

MIN_GAZETTEER_WEIGHT = 0.3  # as for a gazetteer place after a preposition (mention_candidates)


def repeated_place_mentions(doc: Doc, found: list[Mention], lex: Lexicon, gaz: Gazetteer) -> list[Mention]:
    """Place mentions for the other occurrences of the document's place names."""
    lower = lower_words(doc)
    names = _place_names(found, lex, gaz, lower)
    taken = sorted((m.start, m.end) for m in found)
    out: list[Mention] = []
    for name in sorted(names, key=len, reverse=True):
        for mo in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w-])", doc.text):
            a, b = mo.span()
            if _overlaps(a, b, taken) or _in_longer_name(doc.text, a, b, lower):
                continue
            s = doc.sentence_at(a)
            if s is None or s.kind in CITED_KINDS or b > s.end:
                continue
            out.append(Mention(a, b, name, "GPE", "place"))
            taken.append((a, b))
    return out


def _place_names(found: list[Mention], lex: Lexicon, gaz: Gazetteer, lower: set[str]) -> set[str]:
    typed: dict[str, set[str]] = {}
    for m in found:
        typed.setdefault(m.text, set()).add(m.type)
    out = set()
    for text, types in typed.items():
        words = text.split()
        if types != {"place"} or not all(w[:1].isupper() for w in words):
            continue
        if text in lex.demonyms or text in lex.peoples or text in lex.not_names or text in lex.first_names:
            continue
        if len(words) == 1 and is_common_word(text, lower):
            continue  # "the Empire", "Battle": written in lower case too
        if gazetteer_weight(gaz.lookup(text), text, lex) >= MIN_GAZETTEER_WEIGHT:
            out.add(text)
    return out


def _overlaps(a: int, b: int, taken: list[tuple[int, int]]) -> bool:
    return any(x < b and a < y for x, y in taken)


_WORD_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]*)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([A-Z][\w’'-]*)")


def _in_longer_name(text: str, a: int, b: int, lower: set[str]) -> bool:
    """"New Tyre", "Tyre Street": a word of another name. A capitalised word the text
    also writes in lower case ("The", "In" opening a sentence) is no name word."""
    for m in (_WORD_BEFORE.search(text, max(0, a - 30), a), _WORD_AFTER.match(text, b)):
        if m is not None and not is_common_word(m.group(1), lower):
            return True
    return False
