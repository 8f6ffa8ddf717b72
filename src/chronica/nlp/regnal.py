"""Rulers' names with a regnal number or an epithet: "Olaf II", "Sancho IV",
"Casimir III", "Sven the Bold", "Louis the Pious".

A name followed by a Roman numeral is a person, whatever the NER model says of the bare
word ("Olaf" may come back as a place), and its first word is the ruler's short name
elsewhere in the same text ("Olaf II ... later Olaf was driven out"). Only the numeral
"I" needs care, since it is also the pronoun: "Olaf I" is a regnal name unless the next
word is one that only the pronoun takes ("am", "'m", "'ve").
"""
from __future__ import annotations

import re

from .token_table import words as token_words

REGNAL_NUMERAL = re.compile(r"^(?=[IVXL])(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_PRONOUN_ONLY_NEXT = {"am", "'m", "’m", "'ve", "’ve", "'d", "’d", "'ll", "’ll"}
_NAME_POS = {"PROPN", "NOUN", "ADJ", "X"}


def is_regnal_numeral(word: str) -> bool:
    return bool(word) and bool(REGNAL_NUMERAL.match(word))


_NOT_PERSON_NER = {"EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}  # ORG: the model takes many an unfamiliar ruler for one


def regnal_spans(sd, not_names: frozenset[str], titles: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans "Name NUMERAL" in a spaCy doc (the name one capitalised word,
    or two when the first is a given name of the same ruler: "Frederick William III").
    `not_names` also holds the words after which a numeral numbers a thing ("War",
    "Chapter", "Act"); a numeral inside a name NER reads as an event, law, work or
    product ("Apollo XI") is not a ruler's."""
    out = []
    words = token_words(sd)
    for i in range(len(words) - 1):
        numeral = words[i + 1][:-1] if words[i + 1].endswith(".") else words[i + 1]  # "... Olaf I." ends a sentence
        if not is_regnal_numeral(numeral):  # the rarest condition first, on the text alone (speed)
            continue
        tok, num = sd[i], sd[i + 1]
        if not (_name_word(tok, not_names, titles) or _headword(sd, tok, not_names, titles)) \
                or tok.whitespace_ != " ":
            continue
        if num.ent_type_ in _NOT_PERSON_NER or tok.ent_type_ in _NOT_PERSON_NER:
            continue
        if numeral == "I" and _pronoun_i(sd, num.i):
            continue
        start = tok.idx
        prev = sd[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.whitespace_ == " " and _name_word(prev, not_names, titles) \
                and prev.text[:1].isupper() and not prev.is_sent_start:
            start = prev.idx
        end = num.idx + len(numeral)
        if numeral == num.text:  # a byname or realm after the number: "Basil II Porphyrogenitus"
            nxt = num.i + 1
            if nxt + 1 < len(sd) and sd[nxt].text == "of" and sd[nxt + 1].pos_ == "PROPN" \
                    and _name_word(sd[nxt + 1], not_names, titles):  # "Sancho IV of Castile"
                end = sd[nxt + 1].idx + len(sd[nxt + 1].text)
                nxt += 2
            while nxt < len(sd) and sd[nxt - 1].whitespace_ == " " and sd[nxt].pos_ == "PROPN" \
                    and _name_word(sd[nxt], not_names, titles):
                end = sd[nxt].idx + len(sd[nxt].text)
                nxt += 1
        out.append((start, end))
    return out


EPITHET_NAME_WORDS = 3  # name words before "the Epithet" ("Pieter Brueghel the Younger")


def epithet_spans(sd, not_names: frozenset[str], titles: frozenset[str],
                  known: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Character spans "Name the Epithet" ("Sven the Bold", "Lucas Brandt the Elder"): one
    to three capitalised name words, "the" in lower case, one capitalised word that is no
    title nor a thing's word (or is one of the ``known`` epithets, "Elder", whatever the
    NER model calls it)."""
    out = []
    words = token_words(sd)
    for i in range(len(words) - 2):
        if words[i + 1] != "the":  # on the text alone first (speed)
            continue
        tok, the, epi = sd[i], sd[i + 1], sd[i + 2]
        if tok.whitespace_ != " " or the.whitespace_ != " ":
            continue
        if not _name_word(tok, not_names, titles) or tok.pos_ != "PROPN" \
                or not (epi.text in known or _epithet_word(epi, not_names, titles)):
            continue
        if tok.i + 3 < len(sd) and sd[tok.i + 3].text[:1].isupper() and sd[tok.i + 2].whitespace_:
            continue  # "Sven the Bold Regiment": a longer name
        first = tok
        for _ in range(EPITHET_NAME_WORDS - 1):  # "Lucas Brandt the Elder": the whole name
            prev = sd[first.i - 1] if first.i > 0 else None
            if prev is None or prev.whitespace_ != " " or prev.pos_ != "PROPN" \
                    or not _name_word(prev, not_names, titles):
                break
            first = prev
        out.append((first.idx, epi.idx + len(epi.text)))
    return out


def _epithet_word(tok, not_names: frozenset[str], titles: frozenset[str]) -> bool:
    t = tok.text
    return (len(t) > 2 and t[:1].isupper() and t[1:].islower() and t.isalpha()
            and t not in not_names and t not in titles and tok.ent_type_ not in ("GPE", "LOC", "NORP"))


def epithet_short_name(text: str) -> str | None:
    """"Sven the Bold" -> "Sven"."""
    words = text.split()
    if len(words) == 3 and words[1] == "the" and words[0][:1].isupper() and len(words[0]) > 2:
        return words[0]
    return None


def regnal_short_name(text: str) -> str | None:
    """"Olaf II" (or "Olaf II of Norway") -> "Olaf"; None when the text is not a
    one-word name and a numeral."""
    words = text.split()
    if len(words) >= 2 and is_regnal_numeral(words[1]) and (len(words) == 2 or words[2] == "of") and words[0][:1].isupper() and len(words[0]) > 2:
        return words[0]
    return None


def _name_word(tok, not_names: frozenset[str], titles: frozenset[str]) -> bool:
    t = tok.text
    return (len(t) > 2 and t[:1].isupper() and t.isalpha() and tok.pos_ in _NAME_POS
            and not tok.is_stop and t not in not_names and t not in titles and t.casefold() not in titles
            and not is_regnal_numeral(t))


def _headword(sd, tok, not_names: frozenset[str], titles: frozenset[str]) -> bool:
    """An encyclopedia's headword in capitals opening a line ("HAKON IV (1204 - 1263)
    was ..."): a name whatever part of speech the tagger guessed for it."""
    t = tok.text
    opens_line = tok.i == 0 or "\n" in sd[tok.i - 1].text_with_ws
    return (opens_line and len(t) > 2 and t.isalpha() and t.isupper() and t.capitalize() not in not_names
            and t.casefold() not in titles and t.capitalize() not in titles and not is_regnal_numeral(t))


def _pronoun_i(sd, i: int) -> bool:
    nxt = sd[i + 1] if i + 1 < len(sd) else None
    return nxt is not None and nxt.text.casefold() in _PRONOUN_ONLY_NEXT
